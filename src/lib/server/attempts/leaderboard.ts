import { sql } from 'kysely';
import type { Db, Executor } from '../db';
import type { PredictionKind } from '../db/types';
import * as contests from '../contests/contests';
import { maskName } from '../../vn/text';
import * as roundBest from './round-best';
import { TtlCache } from '../cache';
import { compareResults, type RankedResult } from './ranking';

/** Attempts that count: finished, not disqualified, by people who are not disqualified. */
const COUNTED = sql`a.status in ('submitted','expired') and a.disqualified_at is null and u.disqualified_at is null`;

/** The actual figure a round's prediction question asks about, over the counted attempts. */
export async function computePredictionActual(db: Executor, roundId: number, kind: PredictionKind): Promise<number> {
	const what =
		kind === 'attempts'
			? sql`count(*)`
			: kind === 'participants'
				? sql`count(distinct a.user_id)`
				: sql`count(distinct case when a.correct_count = a.total then a.user_id end)`;
	const r = await sql<{ n: number }>`
		select ${what} as n from attempts a join users u on u.id = a.user_id
		where a.round_id = ${roundId} and ${COUNTED}`.execute(db);
	return Number(r.rows[0]?.n ?? 0);
}

/**
 * Once a round has closed, its prediction figure is computed once and stored, so every ranking
 * after that uses the same number.
 */
export async function settledActual(db: Db, roundId: number, now = Date.now()): Promise<number | null> {
	const round = await contests.findRound(db, roundId);
	if (!round || !round.predictionKind || now < round.closesAt) return null;
	if (round.predictionActual != null) return round.predictionActual;
	const actual = await computePredictionActual(db, roundId, round.predictionKind);
	await contests.setPredictionActual(db, roundId, actual);
	return actual;
}

export interface LeaderboardRow {
	rank: number;
	userId: number;
	name: string;
	unitName: string;
	score: number;
	total: number;
	durationMs: number;
	prediction: number | null;
	submittedAt: number;
	isViewer: boolean;
}

/**
 * Top `limit` people of a round plus the viewer's own row. Mirrors compareResults() in
 * ranking.ts: score desc → prediction gap asc (only with a settled actual) → duration → submit time;
 * each person's best attempt by that same order. Names are masked for privacy.
 */
export async function roundLeaderboard(
	db: Db,
	roundId: number,
	opts: { limit?: number; viewerId?: number | null; now?: number } = {}
): Promise<{ rows: LeaderboardRow[]; actual: number | null; people: number }> {
	const limit = opts.limit ?? 50;
	const actual = await settledActual(db, roundId, opts.now);
	// Without a settled prediction figure (an open round, or one without a prediction question)
	// the order needs no prediction: read it off round_best's index instead of ranking attempts.
	if (actual == null) return bestLeaderboard(db, roundId, limit, opts.viewerId ?? null);
	const gap =
		actual == null
			? sql`0`
			: sql`case when a.prediction is null then 9007199254740991 else abs(a.prediction - ${actual}) end`;
	const order = sql`a.score desc, ${gap} asc, a.duration_ms asc, a.submitted_at asc, a.id asc`;
	const viewer = opts.viewerId ?? -1;
	const r = await sql<{
		rank: number;
		user_id: number;
		full_name: string;
		unit_name: string;
		score: number;
		total: number;
		duration_ms: number;
		prediction: number | null;
		submitted_at: number;
		people: number;
	}>`
		with best as (
			select a.id, a.user_id, a.score, a.total, a.duration_ms, a.prediction, a.submitted_at,
				row_number() over (partition by a.user_id order by ${order}) as rn,
				${gap} as gap
			from attempts a join users u on u.id = a.user_id
			where a.round_id = ${roundId} and ${COUNTED}
		),
		ranked as (
			select b.*, row_number() over (order by b.score desc, b.gap asc, b.duration_ms asc, b.submitted_at asc, b.id asc) as rank,
				count(*) over () as people
			from best b where b.rn = 1
		)
		select r.rank, r.user_id, u.full_name, un.name as unit_name, r.score, r.total, r.duration_ms,
			r.prediction, r.submitted_at, r.people
		from ranked r join users u on u.id = r.user_id join units un on un.id = u.unit_id
		where r.rank <= ${limit} or r.user_id = ${viewer}
		order by r.rank`.execute(db);
	return {
		actual,
		people: Number(r.rows[0]?.people ?? 0),
		rows: r.rows.map((x) => ({
			rank: Number(x.rank),
			userId: x.user_id,
			name: maskName(x.full_name),
			unitName: x.unit_name,
			score: x.score,
			total: x.total,
			durationMs: x.duration_ms,
			prediction: x.prediction,
			submittedAt: x.submitted_at,
			isViewer: x.user_id === viewer
		}))
	};
}

/**
 * The top rows and the head count change with every submission but need not be fresher than a
 * couple of seconds: cached, they cost one query per round per 2 s however many people watch.
 * A person's own rank is cached a little longer; decisions that change results clear both.
 */
const topCache = new TtlCache<number, { top: roundBest.BestRow[]; people: number }>(2_000);
const rankCache = new TtlCache<string, roundBest.BestRow | undefined>(5_000, 20_000);
/** The last row of each round's cached top list: a new result that beats it refreshes the list. */
const cutoffs = new Map<number, { last: RankedResult | null; full: boolean }>();
const TOP = 50;

export function forgetCachedRankings(): void {
	topCache.clear();
	rankCache.clear();
	cutoffs.clear();
}

/**
 * Called when an attempt is scored. The person sees their new rank at once; the top list is
 * refreshed at once only if the result belongs in it (otherwise within 2 s), so a stream of
 * ordinary submissions does not defeat the cache.
 */
export function noteScored(roundId: number, userId: number, result: RankedResult): void {
	rankCache.delete(`${roundId}:${userId}`);
	const c = cutoffs.get(roundId);
	if (!c || !c.full || !c.last || compareResults(result, c.last, null) < 0) topCache.delete(roundId);
}

async function bestLeaderboard(db: Db, roundId: number, limit: number, viewerId: number | null) {
	const { top: cached, people } = await topCache.get(roundId, async () => {
		const [top, people] = await Promise.all([roundBest.topOfRound(db, roundId, TOP), roundBest.countPeople(db, roundId)]);
		cutoffs.set(roundId, { last: top.at(-1) ?? null, full: top.length >= TOP });
		return { top, people };
	});
	// Lists longer than the cached 50 (tests, exports) go to the database directly.
	const top = limit <= TOP ? cached.slice(0, limit) : await roundBest.topOfRound(db, roundId, limit);
	const mine =
		viewerId != null && !top.some((r) => r.userId === viewerId)
			? await rankCache.get(`${roundId}:${viewerId}`, () => roundBest.rankInRound(db, roundId, viewerId))
			: undefined;
	return {
		actual: null,
		people,
		rows: [...top, ...(mine ? [mine] : [])].map(({ fullName, ...r }) => ({ ...r, name: maskName(fullName), isViewer: r.userId === viewerId }))
	};
}
