import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import * as contests from '$lib/server/contests/contests';
import { cachedGapMap } from '$lib/server/stats/dashboards';
import { resolveScope } from '$lib/server/contests/scope';
import { publicUnits, sharedUnitRanking } from '$lib/server/leaderboards/units';
import { roundTotals } from '$lib/server/stats/queries';
import type { PageServerLoad } from './$types';

/** City-wide picture: totals per round, units by participation, and the knowledge-gap map. */
export const load = (async (event) => {
	requireRole(event, 'organiser');
	const db = getDb();
	const resolved = await resolveScope(db, event.url.searchParams);
	if (!resolved) error(404, { message: 'Chưa có cuộc thi nào để thống kê.' });
	const [rounds, units, gaps, all] = await Promise.all([
		roundTotals(db, resolved.contest.id),
		sharedUnitRanking(db, resolved.scope),
		cachedGapMap(db, resolved.scope),
		contests.listContests(db)
	]);
	return {
		contest: { id: resolved.contest.id, title: resolved.contest.title },
		contests: all.map((c) => ({ id: c.id, title: c.title })),
		round: resolved.round && { id: resolved.round.id, title: resolved.round.title },
		rounds,
		units: publicUnits(units),
		gaps
	};
}) satisfies PageServerLoad;
