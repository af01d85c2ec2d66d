import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { reviewRound } from '$lib/server/fairness/service';
import { ORIGIN_RULES, TWIN_RULES, FAST_RULES } from '$lib/server/fairness/detectors';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const roundId = parseId(event.params.roundId);
	const report = roundId == null ? null : await reviewRound(roundId);
	if (!report) error(404, { message: 'Không tìm thấy đợt thi.' });
	return {
		report: {
			...report,
			// Hashes shortened for display: enough to tell clusters apart, nothing to reverse.
			origins: report.origins.map((o) => ({ ...o, hash: o.hash.slice(0, 8) }))
		},
		rules: { origin: ORIGIN_RULES, twin: TWIN_RULES, fast: FAST_RULES }
	};
}) satisfies PageServerLoad;
