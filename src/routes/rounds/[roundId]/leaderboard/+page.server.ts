import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
import { roundLeaderboard } from '$lib/server/leaderboards/rounds';
import { hasRole } from '$lib/server/auth/guards';
import { listUnitKinds } from '$lib/server/units/units';
import type { BoardView } from '$lib/server/leaderboards/boards';
import type { PageServerLoad } from './$types';

/**
 * Public: top 50 with masked names; a logged-in person also sees their own row. Someone who just
 * handed in sees their place at once (leaderboard.ts refreshes what their result changes); the
 * rest comes from short-lived caches, so the page is cheap when a whole city is watching. The
 * unit ranking is left to the polling endpoint (it is on the second tab).
 */
export const load = (async ({ params, locals, url }) => {
	const roundId = parseId(params.roundId);
	const db = getDb();
	const found = roundId == null ? null : await contests.roundWithContest(db, roundId);
	if (!found || found.contest.status === 'draft') error(404, { message: 'Không tìm thấy đợt thi.' });
	const { round, contest, rounds } = found;
	const now = Date.now();
	const staff = hasRole(locals.user, 'organiser');
	const kind = url.searchParams.get('kind')?.slice(0, 40) || null;
	const viewerId = locals.user?.id ?? null;
	const [board, kinds] = await Promise.all([roundLeaderboard(db, round.id, { limit: 50, viewerId, now }), listUnitKinds(db)]);
	const rows = board.rows.map(({ userId, submittedAt: _s, ...r }) => ({ ...r, reviewId: staff ? userId : null }));
	const view: BoardView = {
		computedAt: now,
		actual: board.actual,
		people: board.people,
		top: rows.filter((r) => r.rank <= 50),
		me: (rows.find((r) => r.isViewer && r.rank > 50) as BoardView['me']) ?? null,
		// The units tab is not the first view: Leaderboard.svelte fetches it when opened.
		units: [],
		unitsOmitted: true
	};
	return {
		contest: { id: contest.id, title: contest.title },
		round: { id: round.id, title: round.title, closesAt: round.closesAt, predictionQuestion: round.predictionKind ? round.predictionQuestion : null },
		rounds: rounds.filter((r) => r.opensAt <= now).map((r) => ({ id: r.id, title: r.title })),
		closed: now >= round.closesAt,
		open: now >= round.opensAt && now < round.closesAt,
		kind,
		kinds,
		board: view
	};
}) satisfies PageServerLoad;
