import { roundPhase } from '../../contests/phase';
import { sql } from 'kysely';
import { numericColumns, offloaded, withConn, type Db, type Executor } from '../db';
import type { PredictionKind } from '../db/types';
import * as contests from '../contests/contests';
import { withNames } from './names';
import { TOP_N, type PersonRow, type RankedEntry } from './rows';
import * as roundBest from './round-best';
import { COUNTED } from './counted';
import { registerCache, TtlCache, type Topics } from '../cache';
import { attemptColumns, compareResults, ROUND_ORDER, type RankedResult } from './order';
import { CompactRanking } from './compact-ranking';

/**
 * A round's board: while no prediction figure is settled (an open round), read off round_best with
 * a rank snapshot for each viewer's own place; once the round has closed, the full ranking with the
 * prediction tie-break, computed once. Both with their caches (registered in cache.ts).
 */

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
async function settledActual(db: Db, roundId: number, now = Date.now()): Promise<number | null> {
	const round = await contests.findRound(db, roundId);
	if (!round || !round.predictionKind || roundPhase(round, now) !== 'closed') return null;
	if (round.predictionActual != null) return round.predictionActual;
	const actual = await computePredictionActual(db, roundId, round.predictionKind);
	await contests.setPredictionActual(db, roundId, actual);
	return actual;
}

/**
 * `best` (each person's best counted attempt, rn = 1) and `ranked` (those in rank order, with
 * `rank` and `people`) for one round, both by ROUND_ORDER (order.ts).
 */
function rankedRoundCte(roundId: number, actual: number | null) {
	const cols = attemptColumns('a', actual);
	// The ranking over the people's bests reads the gap computed once per attempt in `best`.
	const bestCols = { ...attemptColumns('b'), ...(cols.gap ? { gap: 'b.gap' } : {}) };
	return sql`best as (
			select a.id, a.user_id, a.score, a.total, a.duration_ms, a.prediction, a.submitted_at,
				row_number() over (partition by a.user_id order by ${sql.raw(ROUND_ORDER.sql(cols))}) as rn
				${sql.raw(cols.gap ? `, ${cols.gap} as gap` : '')}
			from attempts a join users u on u.id = a.user_id
			where a.round_id = ${roundId} and ${COUNTED}
		),
		ranked as (
			select b.*, row_number() over (order by ${sql.raw(ROUND_ORDER.sql(bestCols))}) as rank,
				count(*) over () as people
			from best b where b.rn = 1
		)`;
}

/** A row of a round's board as roundLeaderboard() gives it: the viewer's own row is marked. */
export type RoundBoardRow = PersonRow & { isViewer: boolean };

/**
 * Top `limit` people of a round plus the viewer's own row, by ROUND_ORDER (order.ts; the prediction
 * gap only with a settled actual), each person's best attempt by that same order. Names are masked
 * for privacy.
 */
export async function roundLeaderboard(
	db: Db,
	roundId: number,
	opts: { limit?: number; viewerId?: number | null; now?: number } = {}
): Promise<{ rows: RoundBoardRow[]; actual: number | null; people: number }> {
	const limit = opts.limit ?? TOP_N;
	const viewerId = opts.viewerId ?? null;
	const actual = await settledActual(db, roundId, opts.now);
	// Without a settled prediction figure (an open round, or one without a prediction question)
	// the order needs no prediction: read it off round_best's index instead of ranking attempts
	// (and the rows carry no predictions: see withoutGuess).
	const board =
		actual == null ? await bestLeaderboard(db, roundId, limit, viewerId) : await settledLeaderboard(db, roundId, limit, viewerId, opts.now);
	return { ...board, rows: board.rows.map((r) => ({ ...r, isViewer: r.userId === viewerId })) };
}

/** The last row of each round's cached top list: a new result that beats it refreshes the list. */
const cutoffs = registerCache('leaderboards.round-top-cutoffs', new Map<number, { last: RankedResult | null; full: boolean }>(), {
	results: 'clear'
});
/**
 * The top rows and the head count change with every submission but need not be fresher than a
 * couple of seconds: cached, they cost one query per round per 2 s however many people watch.
 * A person's own rank is cached a little longer; decisions that change results clear both. When
 * an attempt is scored, the person sees their new rank at once; the top list is refreshed at once
 * only if the result belongs in it (otherwise within 2 s), so a stream of ordinary submissions
 * does not defeat the cache. Rows handed out are shared with the cache: callers copy, never mutate
 * them.
 */
export const TOP_TTL_MS = 2_000;
const topCache = registerCache(
	'leaderboards.round-top',
	new TtlCache<{ top: PersonRow[]; people: number }, number>(TOP_TTL_MS, 200, Date.now, true),
	{
		results: 'clear',
		scored: ({ roundId, result }) => {
			if (entersTop(roundId, result)) topCache.delete(roundId);
		}
	}
);

/**
 * Whether a newly scored result belongs in the round's cached top list (or the list is not known
 * to be full): then the list is refreshed at once, and so is whatever shows it (the shared pages).
 */
export function entersTop(roundId: number, result: Topics['scored']['result']): boolean {
	const c = cutoffs.get(roundId);
	return !c || !c.full || !c.last || compareResults(result, c.last, null) < 0;
}
const rankCache = registerCache('leaderboards.own-rank', new TtlCache<PersonRow | undefined>(5_000, 20_000), {
	results: 'clear',
	scored: ({ roundId, userId }) => rankCache.delete(`${roundId}:${userId}`)
});

async function bestLeaderboard(db: Db, roundId: number, limit: number, viewerId: number | null) {
	const { top: cached, people } = await topCache.get(roundId, async () => {
		// The head count walks the round's index (milliseconds for a city): on the worker connection.
		const [top, people] = await Promise.all([roundBest.topOfRound(db, roundId, TOP_N), roundBest.countPeople(offloaded(db), roundId)]);
		cutoffs.set(roundId, { last: top.at(-1) ?? null, full: top.length >= TOP_N });
		return { top: top.map(withoutGuess), people };
	});
	// Lists longer than the cached 50 (tests, exports) go to the database directly.
	const top = limit <= TOP_N ? cached.slice(0, limit) : (await roundBest.topOfRound(db, roundId, limit)).map(withoutGuess);
	const inTop = viewerId != null && top.some((r) => r.userId === viewerId);
	const mine = viewerId != null && !inTop ? await viewerBest(db, roundId, viewerId) : undefined;
	return { actual: null, people, rows: mine ? [...top, mine] : top };
}

/**
 * A row of a board ranked without a settled prediction figure: the round is still open (or asks
 * no prediction). Nobody's guess leaves the server then, not even in data the page does not show:
 * the guesses are the tie-break, and a late player who could read the leaders' could copy or
 * undercut them. They become public with the ranking that uses them, once the round has closed.
 */
function withoutGuess(r: PersonRow): PersonRow {
	return { ...r, prediction: null };
}

/**
 * Everyone's place in an open round, as an order snapshot (sorted columns off round_best_rank_idx,
 * read on the worker connection and moved here without per-row objects), refreshed at most every
 * 5 s. A person's rank is then a binary search for their current best in it: O(log n) instead of
 * counting everyone ahead (milliseconds for someone 100,000th).
 */
const orderCache = registerCache('leaderboards.rank-order', new TtlCache<Float64Array[], number>(5_000, 200, Date.now, true), {
	results: 'clear'
});

/**
 * A person's own row on a board that needs no prediction tie-break (an open round, or one without a
 * prediction question): their current best from round_best, ranked among everyone else's results
 * as of the last order snapshot (at most a few seconds old), cached a few seconds; a new result of
 * theirs clears it (the 'scored' topic).
 */
export async function viewerBest(db: Db, roundId: number, viewerId: number): Promise<PersonRow | undefined> {
	// Cached as shown (masked name), not as stored: the mask is worked out once per refresh.
	return rankCache.get(`${roundId}:${viewerId}`, async () => {
		const mine = await withConn(db, (c) => roundBest.bestOf(c, roundId, viewerId));
		if (!mine) return undefined;
		const order = await orderCache.get(roundId, () => numericColumns(db, roundBest.RANK_ORDER_SQL, [roundId]));
		const { attemptId: _a, ...row } = mine;
		return withoutGuess({ ...row, rank: roundBest.countAhead(order, mine) + 1 });
	});
}

/**
 * A closed round with a settled prediction figure never changes again (short of a decision or an
 * edit of the round, which clear the cache): its full ranking is computed once — a few seconds for a city-wide round —
 * and each viewer's row is then a lookup.
 */
const settledCache = registerCache(
	'leaderboards.settled-round',
	new TtlCache<{ actual: number | null; ranking: CompactRanking }, number>(10 * 60_000, 20),
	{
		results: 'clear',
		// A closed round whose times or prediction question change is ranked afresh.
		contests: ({ roundId }) => roundId != null && settledCache.delete(roundId)
	}
);

async function settledLeaderboard(db: Db, roundId: number, limit: number, viewerId: number | null, now?: number) {
	const { actual, ranking } = await settledCache.get(roundId, async () => {
		// Seconds on a city-wide round: on the worker connection, never blocking participants.
		const r = await rankRound(db, roundId, now, offloaded(db));
		return { actual: r.actual, ranking: new CompactRanking(r.entries) };
	});
	const head = ranking.head(limit);
	const mine = viewerId == null ? -1 : ranking.indexOf(viewerId);
	return { actual, people: ranking.size, rows: await withNames(db, mine >= limit ? [...head, ranking.at(mine)] : head) };
}

/**
 * Everybody's place in a round, in rank order. Meant to be computed once per few seconds and
 * cached (settledLeaderboard below), so that each viewer's own rank is a lookup, not a query.
 * The ranking is read through `read` (the heavy-read connection: read-only, maybe a replica that
 * lags behind); the prediction figure is settled — and, the first time, written — through `db`.
 */
export async function rankRound(
	db: Db,
	roundId: number,
	now = Date.now(),
	read: Db = db
): Promise<{ actual: number | null; entries: RankedEntry[] }> {
	const actual = await settledActual(db, roundId, now);
	const r = await sql<{
		rank: number;
		user_id: number;
		score: number;
		total: number;
		duration_ms: number;
		prediction: number | null;
		submitted_at: number;
	}>`
		with ${rankedRoundCte(roundId, actual)}
		select r.rank, r.user_id, r.score, r.total, r.duration_ms, r.prediction, r.submitted_at
		from ranked r order by r.rank`.execute(read);
	return {
		actual,
		entries: r.rows.map((x) => ({
			userId: x.user_id,
			rank: Number(x.rank),
			score: x.score,
			total: x.total,
			durationMs: x.duration_ms,
			prediction: x.prediction,
			submittedAt: x.submitted_at
		}))
	};
}
