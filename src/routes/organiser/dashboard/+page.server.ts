import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import * as stats from '$lib/server/stats/service';
import { reportCalendar } from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

/** City-wide picture: totals per round, units by participation, and the knowledge-gap map. */
export const load = (async (event) => {
	requireRole(event, 'organiser');
	const resolved = await stats.findScope(event.url.searchParams);
	if (!resolved) error(404, { message: 'Chưa có cuộc thi nào để thống kê.' });
	const [{ rounds, units, gaps, contests }, { due }] = await Promise.all([stats.cityDashboard(resolved), reportCalendar()]);
	return {
		contest: { id: resolved.contest.id, title: resolved.contest.title },
		contests: contests.map((c) => ({ id: c.id, title: c.title })),
		round: resolved.round && { id: resolved.round.id, title: resolved.round.title },
		rounds,
		units,
		gaps,
		due
	};
}) satisfies PageServerLoad;
