import { error } from '@sveltejs/kit';
import { parseId } from '$lib/server/http';
import { roundPage } from '$lib/server/leaderboards/service';
import { nextPhaseChange, roundPhase } from '$lib/contests/phase';
import type { PageServerLoad } from './$types';

/**
 * Public: top 50 with masked names; a logged-in person also sees their own row. Someone who just
 * handed in sees their place at once (the leaderboards refresh what their result changes); the
 * rest comes from short-lived caches, so the page is cheap when a whole city is watching. The
 * unit ranking is left to the polling endpoint (it is on the second tab).
 */
export const load = (async ({ params, locals, url }) => {
	const roundId = parseId(params.roundId);
	const now = Date.now();
	const page = roundId == null ? null : await roundPage(roundId, locals.user, now);
	if (!page) error(404, { message: 'Không tìm thấy đợt thi.' });
	const { round, contest, rounds, kinds, board } = page;
	// This round closing (its prediction figure settles) or another one opening changes the page.
	locals.changesAt = nextPhaseChange(rounds, now);
	return {
		contest: { id: contest.id, title: contest.title },
		round: {
			id: round.id,
			title: round.title,
			closesAt: round.closesAt,
			predictionQuestion: round.predictionKind ? round.predictionQuestion : null
		},
		rounds: rounds.filter((r) => roundPhase(r, now) !== 'upcoming').map((r) => ({ id: r.id, title: r.title })),
		closed: roundPhase(round, now) === 'closed',
		open: roundPhase(round, now) === 'open',
		kind: url.searchParams.get('kind')?.slice(0, 40) || null,
		kinds,
		board
	};
}) satisfies PageServerLoad;
