import { error } from '@sveltejs/kit';
import { parseId } from '$lib/server/http';
import * as prizes from '$lib/server/prizes/service';
import type { PageServerLoad } from './$types';

/** Public: a contest's "Kết quả đạt giải" — unit prizes and each round's published winners. */
export const load = (async ({ params }) => {
	const contestId = parseId(params.contestId);
	const page = contestId == null ? null : await prizes.publicContestPrizes(contestId);
	if (!page) error(404, { message: 'Không tìm thấy cuộc thi.' });
	return { contest: { id: page.contest.id, title: page.contest.title }, rounds: page.rounds, units: page.units };
}) satisfies PageServerLoad;
