import { error } from '@sveltejs/kit';
import { parseId } from '$lib/server/http';
import * as prizes from '$lib/server/prizes/service';
import type { PageServerLoad } from './$types';

/** Public: a round's "Kết quả đạt giải" once the organisers have frozen and published it. */
export const load = (async ({ params }) => {
	const roundId = parseId(params.roundId);
	const page = roundId == null ? null : await prizes.publicRoundPrizes(roundId);
	if (!page) error(404, { message: 'Không tìm thấy đợt thi.' });
	return {
		round: {
			id: page.round.id,
			title: page.round.title,
			predictionQuestion: page.round.predictionKind ? page.round.predictionQuestion : null
		},
		contest: { id: page.contest.id, title: page.contest.title },
		list: page.list
	};
}) satisfies PageServerLoad;
