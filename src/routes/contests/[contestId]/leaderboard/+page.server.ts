import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
import { hasRole } from '$lib/server/auth/guards';
import { listUnitKinds } from '$lib/server/units/units';
import { boardView, getBoard } from '$lib/server/leaderboards/boards';
import type { PageServerLoad } from './$types';

/** Public whole-contest board (sum of each round's best score), from the short-lived cache. */
export const load = (async ({ params, locals, url }) => {
	const contestId = parseId(params.contestId);
	const db = getDb();
	const contest = contestId == null ? undefined : await contests.findContest(db, contestId);
	if (!contest || contest.status === 'draft') error(404, { message: 'Không tìm thấy cuộc thi.' });
	const now = Date.now();
	const kind = url.searchParams.get('kind')?.slice(0, 40) || null;
	const [board, kinds, rounds] = await Promise.all([getBoard(db, { contestId: contest.id }, kind, now), listUnitKinds(db), contests.listRounds(db, contest.id)]);
	return {
		contest: { id: contest.id, title: contest.title },
		rounds: rounds.filter((r) => r.opensAt <= now).map((r) => ({ id: r.id, title: r.title })),
		open: rounds.some((r) => r.opensAt <= now && now < r.closesAt),
		kind,
		kinds,
		// The units tab is not the first view: Leaderboard.svelte fetches it when opened.
		board: { ...(await boardView(db, board, locals.user?.id ?? null, hasRole(locals.user, 'organiser'))), units: [], unitsOmitted: true as const }
	};
}) satisfies PageServerLoad;
