import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
import { roundLeaderboard } from '$lib/server/attempts/leaderboard';
import { hasRole } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

/** Public: top 50 with masked names; a logged-in person also sees their own row. */
export const load = (async ({ params, locals }) => {
	const roundId = parseId(params.roundId);
	const db = getDb();
	const round = roundId == null ? undefined : await contests.findRound(db, roundId);
	const contest = round && (await contests.findContest(db, round.contestId));
	if (!round || !contest || contest.status === 'draft') error(404, { message: 'Không tìm thấy đợt thi.' });
	const now = Date.now();
	const staff = hasRole(locals.user, 'organiser');
	const board = await roundLeaderboard(db, round.id, { limit: 50, viewerId: locals.user?.id ?? null, now });
	return {
		contest: { title: contest.title },
		round: { id: round.id, title: round.title, closesAt: round.closesAt, predictionQuestion: round.predictionKind ? round.predictionQuestion : null },
		closed: now >= round.closesAt,
		actual: board.actual,
		people: board.people,
		// userId stays on the server: the browser gets masked names only — except for organisers,
		// who get a link to review the person (fairness decisions).
		rows: board.rows.map(({ userId, ...r }) => ({ ...r, reviewId: staff ? userId : null }))
	};
}) satisfies PageServerLoad;
