import { sql } from 'kysely';
import type { Conn, Executor, Program } from '../db';
import { lockRows } from '../db/sql';
import { invalidate } from '../cache';
import { COUNTED, COUNTED_SQL } from './counted';
import { attemptColumns, bestColumns, compareResults, ROUND_ORDER, ROUND_PARAMS, type RankedResult } from './order';
import { publicName } from './names';
import type { PersonRow } from './rows';

/**
 * round_best holds each person's counted best attempt per round, by the ranking order without the
 * prediction (score desc → duration → submit time → attempt id). It is what makes the open round's
 * leaderboard cheap: the top 50 come straight off an index and a person's rank is a binary search
 * in a snapshot of its order (countAhead, rounds.ts), instead of ranking every attempt of the
 * round on each request. The prediction tie-break applies only once a round has closed; that
 * ranking is computed from the attempts themselves (rounds.ts). Every write that changes what
 * counts — scoring, disqualifying, reinstating, merging — goes through the functions below, inside
 * its own transaction; those after a decision invalidate the rankings ('results', cache.ts), which
 * takes effect once that transaction commits.
 */

/** The offered attempt (`excluded`) beats the stored best: the round order without the gap. */
const BETTER = ROUND_ORDER.before(bestColumns('excluded'), bestColumns('round_best'));
/** The order by which round_best keeps a person's best attempt (what round_best_rank_idx sorts by). */
const BEST_OF_ATTEMPTS = ROUND_ORDER.sql(attemptColumns('a'));

/**
 * After an attempt is scored: it counts one more attempt for the person and becomes their best if
 * it beats the current one. (Every column compares with the row as it was before the update.)
 * Runs in the scoring transaction, a statement program (service.ts finalize).
 */
export function* offerAttempt(c: Conn, attemptId: number): Program<void> {
	yield* c.run(
		`insert into round_best (round_id, user_id, attempt_id, score, total, duration_ms, submitted_at, prediction)
		select a.round_id, a.user_id, a.id, a.score, a.total, a.duration_ms, a.submitted_at, a.prediction
		from attempts a join users u on u.id = a.user_id
		where a.id = ? and ${COUNTED_SQL}
		on conflict (round_id, user_id) do update set
			attempts = round_best.attempts + 1,
			attempt_id = case when ${BETTER} then excluded.attempt_id else round_best.attempt_id end,
			score = case when ${BETTER} then excluded.score else round_best.score end,
			total = case when ${BETTER} then excluded.total else round_best.total end,
			duration_ms = case when ${BETTER} then excluded.duration_ms else round_best.duration_ms end,
			submitted_at = case when ${BETTER} then excluded.submitted_at else round_best.submitted_at end,
			prediction = case when ${BETTER} then excluded.prediction else round_best.prediction end`,
		attemptId
	);
}

/** Recomputes one person's best in one round (after a disqualification, reinstatement or merge). */
export async function refreshBest(db: Executor, roundId: number, userId: number): Promise<void> {
	await recompute(db, roundId, userId);
	invalidate(db, 'results');
}

/**
 * Locks the person's attempts (of one round, or all) until the decision's transaction ends, before
 * it recomputes their best (PostgreSQL; nothing on SQLite, one writer at a time). A hand-in holds
 * its attempt's row from its first statement to its commit (attempts.ts, getForUpdate): so a
 * decision either waits for a hand-in in flight and then reads its score, or the hand-in waits and
 * then reads the decision's best — never a best recomputed without a score committed beside it.
 */
async function lockAttempts(db: Executor, userId: number, roundId?: number): Promise<void> {
	let q = db.selectFrom('attempts').select('id').where('user_id', '=', userId);
	if (roundId !== undefined) q = q.where('round_id', '=', roundId);
	await lockRows(db, q.orderBy('id'), 'attempts');
}

async function recompute(db: Executor, roundId: number, userId: number, locked = false): Promise<void> {
	if (!locked) await lockAttempts(db, userId, roundId);
	await db.deleteFrom('round_best').where('round_id', '=', roundId).where('user_id', '=', userId).execute();
	await sql`
		insert into round_best (round_id, user_id, attempt_id, score, total, duration_ms, submitted_at, prediction, attempts)
		select a.round_id, a.user_id, a.id, a.score, a.total, a.duration_ms, a.submitted_at, a.prediction,
			count(*) over () as attempts
		from attempts a join users u on u.id = a.user_id
		where a.round_id = ${roundId} and a.user_id = ${userId}
			and ${COUNTED}
		order by ${sql.raw(BEST_OF_ATTEMPTS)}
		limit 1`.execute(db);
}

/** Recomputes every round of one person (a person disqualified, reinstated or merged). */
export async function refreshPerson(db: Executor, userId: number): Promise<void> {
	await lockAttempts(db, userId);
	const rounds = await db.selectFrom('attempts').select('round_id').distinct().where('user_id', '=', userId).execute();
	await db.deleteFrom('round_best').where('user_id', '=', userId).execute();
	for (const r of rounds) await recompute(db, r.round_id, userId, true);
	invalidate(db, 'results');
}

/** Rebuilds the whole table from the attempts (after bulk loads that bypass the service). */
export async function rebuildAll(db: Executor): Promise<void> {
	await db.deleteFrom('round_best').execute();
	await sql`
		insert into round_best (round_id, user_id, attempt_id, score, total, duration_ms, submitted_at, prediction, attempts)
		select round_id, user_id, id, score, total, duration_ms, submitted_at, prediction, n from (
			select a.*, row_number() over (partition by a.round_id, a.user_id
				order by ${sql.raw(BEST_OF_ATTEMPTS)}) as rn,
				count(*) over (partition by a.round_id, a.user_id) as n
			from attempts a join users u on u.id = a.user_id
			where ${COUNTED}
		) as best where rn = 1`.execute(db);
	invalidate(db, 'results');
}

const ORDER = sql.raw(ROUND_ORDER.sql(bestColumns('b')));

type BestColumns = {
	full_name: string;
	anonymised_at: number | null;
	unit_name: string;
	score: number;
	total: number;
	duration_ms: number;
	prediction: number | null;
	submitted_at: number;
};
const BEST_COLUMNS = 'u.full_name, u.anonymised_at, un.name as unit_name, b.score, b.total, b.duration_ms, b.prediction, b.submitted_at';

/** A stored best as a row, with the name the public sees (masked once here, at the edge). */
function toRow(userId: number, rank: number, x: BestColumns): PersonRow {
	return {
		userId,
		rank,
		name: publicName(x.full_name, x.anonymised_at),
		unitName: x.unit_name,
		score: x.score,
		total: x.total,
		durationMs: x.duration_ms,
		prediction: x.prediction,
		submittedAt: x.submitted_at
	};
}

/** The first `limit` people of a round, straight off round_best_rank_idx. */
export async function topOfRound(db: Executor, roundId: number, limit: number): Promise<PersonRow[]> {
	const r = await sql<BestColumns & { user_id: number }>`
		select b.user_id, ${sql.raw(BEST_COLUMNS)}
		from round_best b join users u on u.id = b.user_id join units un on un.id = u.unit_id
		where b.round_id = ${roundId} order by ${ORDER} limit ${limit}`.execute(db);
	return r.rows.map((x, i) => toRow(x.user_id, i + 1, x));
}

/** One person's best in a round (its rank is left 0: see rankInRound, viewerBest), or undefined: one indexed lookup. */
export function* bestOf(c: Conn, roundId: number, userId: number): Program<(PersonRow & { attemptId: number }) | undefined> {
	const m = yield* c.get<BestColumns & { attempt_id: number }>(
		`select b.attempt_id, ${BEST_COLUMNS}
		from round_best b join users u on u.id = b.user_id join units un on un.id = u.unit_id
		where b.round_id = ? and b.user_id = ?`,
		roundId,
		userId
	);
	return m && { ...toRow(userId, 0, m), attemptId: m.attempt_id };
}

const AHEAD = ROUND_ORDER.before(bestColumns('b'), ROUND_PARAMS);

/**
 * One person's row and exact rank in a round (1 + the people ahead). The count walks the index
 * up to the person, so it costs O(rank) — milliseconds deep in a city-wide round. Kept as the
 * reference the tests compare against; polls use a rank order snapshot instead (rounds.ts).
 */
export function* rankInRound(c: Conn, roundId: number, userId: number): Program<PersonRow | undefined> {
	const m = yield* bestOf(c, roundId, userId);
	if (!m) return undefined;
	const ahead = (yield* c.get<{ n: number }>(
		`select count(*) as n from round_best b where b.round_id = ? and (${AHEAD})`,
		roundId,
		...ROUND_ORDER.params(m)
	))!;
	const { attemptId: _a, ...row } = m;
	return { ...row, rank: ahead.n + 1 };
}

/** Everyone's result in a round in rank order, as columns: score, duration, submit time, attempt id. */
export const RANK_ORDER_SQL = `select b.score, b.duration_ms, b.submitted_at, b.attempt_id from round_best b
	where b.round_id = ? order by ${ROUND_ORDER.sql(bestColumns('b'))}`;

/**
 * How many results in an order snapshot (columns of RANK_ORDER_SQL) come strictly before `r`:
 * a binary search, O(log n), by the ranking rule itself (compareResults without the prediction:
 * an open round's order, down to the attempt id as in round_best_rank_idx).
 */
export function countAhead(cols: Float64Array[], r: RankedResult & { attemptId: number }): number {
	const [score, duration, submitted, attempt] = cols;
	const before = (i: number) =>
		compareResults(
			{ score: score[i], prediction: null, durationMs: duration[i], submittedAt: submitted[i], attemptId: attempt[i] },
			r,
			null
		) < 0;
	let lo = 0;
	let hi = score.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (before(mid)) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** How many people have a counted result in a round. */
export async function countPeople(db: Executor, roundId: number): Promise<number> {
	const r = await db
		.selectFrom('round_best')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('round_id', '=', roundId)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}
