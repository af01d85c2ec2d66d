import type { Executor } from '../db';
import * as contests from './contests';

/** What a board or a dashboard covers: one round, or a whole contest (all its rounds). */
export type Scope = { roundId: number } | { contestId: number };

/** Which contest or round a page shows: ?round=, else ?contest=, else the featured contest. */
export async function resolveScope(
	db: Executor,
	search: URLSearchParams
): Promise<{ scope: Scope; contest: contests.Contest; round: contests.Round | null } | null> {
	const roundId = Number(search.get('round'));
	if (Number.isSafeInteger(roundId) && roundId > 0) {
		const round = await contests.findRound(db, roundId);
		const contest = round && (await contests.findContest(db, round.contestId));
		if (round && contest) return { scope: { roundId }, contest, round };
		return null;
	}
	const contestId = Number(search.get('contest'));
	const contest =
		Number.isSafeInteger(contestId) && contestId > 0 ? await contests.findContest(db, contestId) : await contests.findFeaturedContest(db);
	return contest ? { scope: { contestId: contest.id }, contest, round: null } : null;
}
