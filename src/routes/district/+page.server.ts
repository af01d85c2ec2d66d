import * as stats from '$lib/server/stats/service';
import { formatPhone } from '$lib/vn/phone';
import { districtContext } from './unit.server';
import { reportCalendar } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** A unit's dashboard: activity per day, rank among units, city average, scores, its people. */
export const load = (async (event) => {
	const ctx = await districtContext(event);
	const page = Math.max(1, Math.min(100_000, Number(event.url.searchParams.get('page')) || 1));
	const [{ rounds, dash, people, units, groups }, { due }] = await Promise.all([
		stats.unitOverview({ ...ctx, unitId: ctx.unit.id }, { page, pageSize: PAGE_SIZE }, ctx.staff),
		reportCalendar()
	]);
	return {
		staff: ctx.staff,
		unit: { id: ctx.unit.id, name: ctx.unit.name, target: ctx.unit.targetCount },
		units,
		contest: { id: ctx.contest.id, title: ctx.contest.title },
		round: ctx.round && { id: ctx.round.id, title: ctx.round.title },
		rounds: rounds.map((r) => ({ id: r.id, title: r.title })),
		q: event.url.searchParams.get('q') ?? '',
		page,
		pageSize: PAGE_SIZE,
		dash,
		groups,
		due,
		people: {
			total: people.total,
			rows: people.rows.map((p) => ({ ...p, phone: formatPhone(p.phone) }))
		}
	};
}) satisfies PageServerLoad;
