import * as contests from '$lib/server/contests/contests';
import { unitDashboard } from '$lib/server/stats/dashboards';
import { listUnitParticipants } from '$lib/server/stats/queries';
import { formatPhone } from '$lib/vn/phone';
import { districtContext } from './unit.server';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** A unit's dashboard: activity per day, rank among units, city average, scores, its people. */
export const load = (async (event) => {
	const ctx = await districtContext(event);
	const page = Math.max(1, Math.min(100_000, Number(event.url.searchParams.get('page')) || 1));
	const rounds = await contests.listRounds(ctx.db, ctx.contest.id);
	// The chart's days: the round (or the contest's rounds) from opening to closing, or to today.
	const spanned = ctx.round ? [ctx.round] : rounds;
	const days = spanned.length
		? { from: Math.min(...spanned.map((r) => r.opensAt)), to: Math.min(Date.now(), Math.max(...spanned.map((r) => r.closesAt))) }
		: null;
	const [dash, people, allUnits] = await Promise.all([
		unitDashboard(ctx.db, ctx.scope, ctx.unit.id, days && days.from <= days.to ? days : null),
		listUnitParticipants(ctx.db, { unitId: ctx.unit.id, scope: ctx.scope, search: ctx.search }, page, PAGE_SIZE),
		ctx.staff ? ctx.db.selectFrom('units').select(['id', 'name']).where('parent_id', 'is not', null).orderBy('name').execute() : Promise.resolve([])
	]);
	return {
		staff: ctx.staff,
		unit: { id: ctx.unit.id, name: ctx.unit.name, target: ctx.unit.target_count },
		units: allUnits,
		contest: { id: ctx.contest.id, title: ctx.contest.title },
		round: ctx.round && { id: ctx.round.id, title: ctx.round.title },
		rounds: rounds.map((r) => ({ id: r.id, title: r.title })),
		q: event.url.searchParams.get('q') ?? '',
		page,
		pageSize: PAGE_SIZE,
		dash,
		people: {
			total: people.total,
			rows: people.rows.map((p) => ({ ...p, phone: formatPhone(p.phone) }))
		}
	};
}) satisfies PageServerLoad;
