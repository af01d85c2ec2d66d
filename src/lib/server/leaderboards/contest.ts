import { sql } from 'kysely';
import { offloaded, type Db } from '../db';
import { TtlCache } from '../cache';
import { COUNTED } from './counted';
import { CompactRanking } from './compact-ranking';
import type { RankedEntry } from './rounds';

/**
 * Whole-contest ranking, mirroring rankContestPeople() in ranking.ts: per round each person's best
 * attempt (score desc → duration → submit time); then the sum of those scores desc → the sum of
 * their durations asc → the latest of their submit times asc. Predictions are per round and are
 * not used across rounds.
 */
export async function rankContest(db: Db, contestId: number): Promise<RankedEntry[]> {
	const r = await sql<{ user_id: number; score: number; total: number; duration_ms: number; submitted_at: number; rank: number }>`
		with best as (
			select a.user_id, a.round_id, a.score, a.total, a.duration_ms, a.submitted_at,
				row_number() over (partition by a.user_id, a.round_id order by a.score desc, a.duration_ms asc, a.submitted_at asc, a.id asc) as rn
			from attempts a join users u on u.id = a.user_id
			where a.round_id in (select id from rounds where contest_id = ${contestId}) and ${COUNTED}
		),
		people as (
			select user_id, sum(score) as score, sum(total) as total, sum(duration_ms) as duration_ms, max(submitted_at) as submitted_at
			from best where rn = 1 group by user_id
		)
		select p.*, row_number() over (order by p.score desc, p.duration_ms asc, p.submitted_at asc, p.user_id asc) as rank
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
const contestRankings = new TtlCache<CompactRanking, number>(5_000, 10, Date.now, true);
export function cachedContestRanking(db: Db, contestId: number): Promise<CompactRanking> {
	return contestRankings.get(contestId, async () => new CompactRanking(await rankContest(offloaded(db), contestId)));
}
