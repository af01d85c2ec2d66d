import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { reviewRound } from '$lib/server/fairness/service';
import { forPage } from '../../view.server';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const roundId = parseId(event.params.roundId);
	const report = roundId == null ? null : await reviewRound(roundId);
	if (!report) error(404, { message: 'Không tìm thấy đợt thi.' });
	return {
		round: report.round,
		report: forPage(report),
		forms: report.forms,
		roundTitles: { [report.round.id]: report.round.title }
	};
}) satisfies PageServerLoad;
