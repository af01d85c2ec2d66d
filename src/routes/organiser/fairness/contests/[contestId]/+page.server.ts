import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { reviewContest } from '$lib/server/fairness/service';
import { forPage } from '../../view.server';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const contestId = parseId(event.params.contestId);
	const report = contestId == null ? null : await reviewContest(contestId);
	if (!report) error(404, { message: 'Không tìm thấy cuộc thi.' });
	return {
		contest: report.contest,
		rounds: report.rounds,
		report: forPage(report),
		roundTitles: Object.fromEntries(report.rounds.map((r) => [r.id, r.title]))
	};
}) satisfies PageServerLoad;
