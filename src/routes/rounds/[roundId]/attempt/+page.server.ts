import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
import type { PageServerLoad } from './$types';

/**
 * The attempt page itself is static about the round; the attempt is started or resumed by the
 * page through POST /api/rounds/{id}/attempts, so a reload never creates a second attempt.
 */
export const load = (async (event) => {
	requireUser(event);
	const roundId = parseId(event.params.roundId);
	const db = getDb();
	const round = roundId == null ? undefined : await contests.findRound(db, roundId);
	const contest = round && (await contests.findContest(db, round.contestId));
	if (!round || !contest || contest.status !== 'published') error(404, { message: 'Không tìm thấy đợt thi.' });
	return {
		round: {
			id: round.id,
			title: round.title,
			questionCount: round.questionCount,
			timeLimitSeconds: round.timeLimitSeconds,
			predictionQuestion: round.predictionKind ? round.predictionQuestion : null
		},
		contest: { title: contest.title, rules: contest.rules }
	};
}) satisfies PageServerLoad;
