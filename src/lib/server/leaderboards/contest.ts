import { sql } from 'kysely';
import { offloaded, type Db } from '../db';
import { registerCache, TtlCache } from '../cache';
import { COUNTED } from './counted';
import { CompactRanking } from './compact-ranking';
import { attemptColumns, contestColumns, CONTEST_ORDER, ROUND_ORDER } from './order';
import type { RankedEntry } from './rows';

/**
 * Whole-contest ranking by CONTEST_ORDER (order.ts): per round each person's best attempt by the
 * round order without the prediction (which is per round), then the sums over the rounds.
 */
export async function rankContest(db: Db, contestId: number): Promise<RankedEntry[]> {
	const r = await sql<{ user_id: number; score: number; total: number; duration_ms: number; submitted_at: number; rank: number }>`
		with best as (
			select a.user_id, a.round_id, a.score, a.total, a.duration_ms, a.submitted_at,
				row_number() over (partition by a.user_id, a.round_id order by ${sql.raw(ROUND_ORDER.sql(attemptColumns('a')))}) as rn
			from attempts a join users u on u.id = a.user_id
			where a.round_id in (select id from rounds where contest_id = ${contestId}) and ${COUNTED}
		),
		people as (
			select user_id, sum(score) as score, sum(total) as total, sum(duration_ms) as duration_ms, max(submitted_at) as submitted_at
			from best where rn = 1 group by user_id
		)
		select p.*, row_number() over (order by ${sql.raw(CONTEST_ORDER.sql(contestColumns('p')))}) as rank
		from people p order by rank`.execute(db);
	return r.rows.map((x) => ({
		userId: x.user_id,
		rank: Number(x.rank),
		score: Number(x.score),
		total: Number(x.total),
		durationMs: Number(x.duration_ms),
		prediction: null,
		submittedAt: Number(x.submitted_at)
	}));
}

/** A contest's whole ranking, shared by its boards at every unit level, recomputed at most every 5 s. */
const contestRankings = registerCache('leaderboards.contest', new TtlCache<CompactRanking, number>(5_000, 10, Date.now, true), {
	results: 'clear'
});
export function cachedContestRanking(db: Db, contestId: number): Promise<CompactRanking> {
	return contestRankings.get(contestId, async () => new CompactRanking(await rankContest(offloaded(db), contestId)));
}
