import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/service';
import { attemptStanding } from '$lib/server/attempts/service';
import { roundPhase } from '$lib/contests/phase';
import type { PageServerLoad } from './$types';

/**
 * The attempt page itself is static about the round; the attempt is started or resumed by the
 * page through POST /api/rounds/{id}/attempts, so a reload never creates a second attempt. The
 * load only says whether an attempt is in progress (the page then resumes it at once) and how
 * many are used: with none in progress the page asks before starting one, so coming back to it
 * (Back after handing in, an old tab) never starts an attempt by itself.
 */
export const load = (async (event) => {
	const user = requireUser(event);
	const roundId = parseId(event.params.roundId);
	const found = roundId == null ? null : await contests.findPublishedRound(roundId);
	if (!found) error(404, { message: 'Không tìm thấy đợt thi.' });
	const { round, contest } = found;
	const now = Date.now();
	const standing = await attemptStanding(user.id, round.id, now);
	return {
		round: {
			id: round.id,
			title: round.title,
			closesAt: round.closesAt,
			questionCount: round.questionCount,
			timeLimitSeconds: round.timeLimitSeconds,
			maxAttempts: round.maxAttempts,
			revealPolicy: round.revealPolicy,
			predictionQuestion: round.predictionKind ? round.predictionQuestion : null
		},
		contest: { title: contest.title, rules: contest.rules },
		phase: roundPhase(round, now),
		now,
		inProgress: standing.inProgress,
		used: standing.used
	};
}) satisfies PageServerLoad;
