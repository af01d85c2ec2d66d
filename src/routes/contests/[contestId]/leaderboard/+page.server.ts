import { error } from '@sveltejs/kit';
import { parseId } from '$lib/server/http';
import { contestPage } from '$lib/server/leaderboards/service';
import { nextPhaseChange, roundPhase } from '$lib/contests/phase';
import type { PageServerLoad } from './$types';

/** Public whole-contest board (sum of each round's best score), from the short-lived cache. */
export const load = (async ({ params, locals, url }) => {
	const contestId = parseId(params.contestId);
	const kind = url.searchParams.get('kind')?.slice(0, 40) || null;
	const now = Date.now();
	const page = contestId == null ? null : await contestPage(contestId, locals.user, kind, now);
	if (!page) error(404, { message: 'Không tìm thấy cuộc thi.' });
	const { contest, rounds, kinds, board } = page;
	locals.changesAt = nextPhaseChange(rounds, now);
	return {
		contest: { id: contest.id, title: contest.title },
		rounds: rounds.filter((r) => roundPhase(r, now) !== 'upcoming').map((r) => ({ id: r.id, title: r.title })),
		open: rounds.some((r) => roundPhase(r, now) === 'open'),
		kind,
		kinds,
		board
	};
}) satisfies PageServerLoad;
