import { roundPhase } from '../../contests/phase';
import type { Db } from '../db';
import { registerCache, TtlCache } from '../cache';
import * as contests from '../contests/contests';
import { resolveScope, type Scope } from '../contests/scope';
import { BOARD_TTL_MS } from './boards';

/**
 * The scope of a public board poll and whether it is live, cached as long as the board itself
 * (BOARD_TTL_MS): polls then cost no query to find their round and contest.
 */
const pollScopes = registerCache(
	'leaderboards.poll-scopes',
	new TtlCache<{ scope: Scope; contest: contests.Contest; round: contests.Round | null; open: boolean } | null>(BOARD_TTL_MS, 1000),
	{ contests: 'clear' }
);
export function resolvePollScope(db: Db, search: URLSearchParams) {
	const key = `${search.get('round') ?? ''}|${search.get('contest') ?? ''}`;
	return pollScopes.get(key, async () => {
		const r = await resolveScope(db, search);
		if (!r) return null;
		const now = Date.now();
		const open = r.round
			? roundPhase(r.round, now) !== 'closed'
			: (await contests.listOpenRounds(db, now)).some((x) => x.contestId === r.contest.id);
		return { ...r, open };
	});
}
