import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, numericColumns, openDatabase, withConn, type Db } from '../db';
import { importList } from '../units/units';
import { hanoiDistricts2024 } from '../units/lists';
import { insertContest, insertRound } from '../contests/contests';
import { seededRng, shuffle } from '../questions/draw';
import { COUNTED } from './counted';
import {
	attemptColumns,
	compareResults,
	CONTEST_ORDER,
	contestColumns,
	rankContestPeople,
	rankPeople,
	ROUND_ORDER,
	type RankedResult
} from './order';
import { countAhead, offerAttempt, RANK_ORDER_SQL, rankInRound, topOfRound } from './round-best';
import { rankRound } from './rounds';
import { rankContest } from './contest';

/**
 * The ranking orders are written once (order.ts); the SQL built from them and the comparator must
 * rank alike. Fed a few hundred random results full of ties (three scores, three durations, three
 * submit times, a handful of guesses, missing guesses) on the real migrated schema, every
 * statement that orders or compares results — plain `order by`, round_best's upsert, the top of a
 * round, a person's rank count, the rank snapshot, the closed-round and whole-contest rankings —
 * must give the order the comparator gives.
 */
const DAY = 86_400_000;
const now = Date.now();
let db: Db;
let contestId: number;
let open: number;
let closed: number;
type Result = RankedResult & { attemptId: number; userId: number; roundId: number };
/** The counted results (what the comparator ranks): finished, not disqualified, person not disqualified. */
let counted: Result[] = [];

async function round(closes: number) {
	return insertRound(db, contestId, {
		title: 'Đợt',
		opensAt: now - 10 * DAY,
		closesAt: closes,
		questionCount: 5,
		timeLimitMinutes: 10,
		maxAttempts: 7,
		revealPolicy: 'after_submit',
		predictionKind: 'attempts',
		predictionQuestion: 'Có bao nhiêu lượt thi?',
		quotas: []
	});
}

beforeAll(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
	await importList(db, hanoiDistricts2024, { deactivateOthers: false });
	contestId = await insertContest(db, { title: 'Cuộc thi thứ tự', rules: '', status: 'published' });
	open = await round(now + DAY);
	closed = await round(now - DAY);
	const unit = await db.selectFrom('units').select('id').where('code', '=', '001').executeTakeFirstOrThrow();
	const rng = seededRng(2026);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
	const written: (Result & { counts: boolean })[] = [];
	for (let u = 0; u < 120; u++) {
		const userOut = rng() < 0.04;
		const { id: userId } = await db
			.insertInto('users')
			.values({
				full_name: `Người Thứ Tự ${u}`,
				name_folded: `nguoi thu tu ${u}`,
				birth_date: '1990-01-01',
				gender: 'female',
				phone: `+8490${String(1_000_000 + u)}`,
				unit_id: unit.id,
				password_hash: 'x',
				consent_at: now,
				consent_version: 'v',
				created_at: now,
				disqualified_at: userOut ? now : null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const roundId of [open, closed]) {
			if (rng() < 0.2) continue;
			const n = 1 + Math.floor(rng() * 3);
			for (let a = 1; a <= n; a++) {
				const score = pick([3, 4, 5]);
				const durationMs = pick([60_000, 61_000, 62_000]);
				const submittedAt = now - 5 * DAY + pick([0, 1000, 2000]);
				const prediction = rng() < 0.15 ? null : pick([300, 310, 320, 330]);
				// At most one attempt still open (the database allows no more): it does not count.
				const status = a === n && rng() < 0.1 ? 'open' : pick(['submitted', 'expired'] as const);
				const dq = rng() < 0.05;
				const { id } = await db
					.insertInto('attempts')
					.values({
						round_id: roundId,
						user_id: userId,
						attempt_no: a,
						status,
						started_at: submittedAt - durationMs,
						deadline_at: submittedAt + 60_000,
						submitted_at: submittedAt,
						duration_ms: durationMs,
						score,
						correct_count: score,
						total: 5,
						prediction,
						disqualified_at: dq ? now : null
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				written.push({
					attemptId: id,
					userId,
					roundId,
					score,
					durationMs,
					submittedAt,
					prediction,
					counts: status !== 'open' && !dq && !userOut
				});
			}
		}
	}
	counted = written.filter((r) => r.counts);
	// round_best is filled through its upsert, in random order, so that every offer meets a
	// stored best it must (or must not) replace.
	for (const r of shuffle(written, rng)) await withConn(db, (c) => offerAttempt(c, r.attemptId));
});

const inRound = (roundId: number) => counted.filter((r) => r.roundId === roundId);
const sorted = (rs: Result[], actual: number | null) => rs.slice().sort((a, b) => compareResults(a, b, actual));

async function sqlOrder(roundId: number, actual: number | null): Promise<number[]> {
	const r = await sql<{ id: number }>`
		select a.id from attempts a join users u on u.id = a.user_id
		where a.round_id = ${roundId} and ${COUNTED}
		order by ${sql.raw(ROUND_ORDER.sql(attemptColumns('a', actual)))}`.execute(db);
	return r.rows.map((x) => x.id);
}

describe('the round order in SQL and in TypeScript', () => {
	it('has enough data and ties to mean something', () => {
		expect(counted.length).toBeGreaterThan(250);
		const key = (r: Result) => `${r.roundId}:${r.score}:${r.durationMs}:${r.submittedAt}`;
		expect(new Set(counted.map(key)).size).toBeLessThan(counted.length / 3);
	});

	it('orders attempts alike without a settled prediction figure', async () => {
		for (const roundId of [open, closed])
			expect(await sqlOrder(roundId, null)).toEqual(sorted(inRound(roundId), null).map((r) => r.attemptId));
	});

	it('orders attempts alike with a settled prediction figure, missing guesses last', async () => {
		for (const actual of [310, 315, 0])
			expect(await sqlOrder(closed, actual)).toEqual(sorted(inRound(closed), actual).map((r) => r.attemptId));
	});

	it('keeps in round_best, through its upsert, the best attempt the comparator picks', async () => {
		for (const roundId of [open, closed]) {
			const stored = await db
				.selectFrom('round_best')
				.select(['user_id', 'attempt_id'])
				.where('round_id', '=', roundId)
				.orderBy('user_id')
				.execute();
			const best = rankPeople(inRound(roundId), null).sort((a, b) => a.userId - b.userId);
			expect(stored.map((s) => [s.user_id, s.attempt_id])).toEqual(best.map((b) => [b.userId, b.attemptId]));
		}
	});

	it('gives the top of a round, every rank count and every snapshot rank in the comparator’s order', async () => {
		const expected = rankPeople(inRound(open), null);
		expect((await topOfRound(db, open, 10_000)).map((r) => r.userId)).toEqual(expected.map((r) => r.userId));
		const snapshot = await numericColumns(db, RANK_ORDER_SQL, [open]);
		expect(Array.from(snapshot[3])).toEqual(expected.map((r) => r.attemptId));
		for (const [i, r] of expected.entries()) {
			expect((await withConn(db, (c) => rankInRound(c, open, r.userId)))?.rank).toBe(i + 1);
			expect(countAhead(snapshot, r)).toBe(i);
		}
	});

	it('ranks a round alike, open (no prediction) and closed (with the settled figure)', async () => {
		const live = await rankRound(db, open, now);
		expect(live.actual).toBeNull();
		expect(live.entries.map((e) => e.userId)).toEqual(rankPeople(inRound(open), null).map((r) => r.userId));
		const done = await rankRound(db, closed, now);
		expect(done.actual).toBe(inRound(closed).length);
		expect(done.entries.map((e) => e.userId)).toEqual(rankPeople(inRound(closed), done.actual).map((r) => r.userId));
		expect(done.entries.map((e) => e.rank)).toEqual(done.entries.map((_, i) => i + 1));
	});
});

describe('the whole-contest order in SQL and in TypeScript', () => {
	it('ranks the contest alike, down to the user id', async () => {
		const expected = rankContestPeople(counted);
		const got = await rankContest(db, contestId);
		expect(got.map((e) => [e.userId, e.score, e.durationMs, e.submittedAt])).toEqual(
			expected.map((p) => [p.userId, p.score, p.durationMs, p.submittedAt])
		);
		// Ties on the sums are common: the order there is the user id's.
		const tied = expected.filter((p, i) => i > 0 && CONTEST_ORDER.compare({ ...p, userId: 0 }, { ...expected[i - 1], userId: 0 }) === 0);
		expect(tied.length).toBeGreaterThan(5);
	});

	it('orders per-person sums alike in plain SQL', async () => {
		const expected = rankContestPeople(counted);
		const values = expected.map((p) => sql`(${p.userId}, ${p.score}, ${p.durationMs}, ${p.submittedAt})`);
		const r = await sql<{ user_id: number }>`
			with p(user_id, score, duration_ms, submitted_at) as (values ${sql.join(shuffle(values, seededRng(7)))})
			select p.user_id from p order by ${sql.raw(CONTEST_ORDER.sql(contestColumns('p')))}`.execute(db);
		expect(r.rows.map((x) => x.user_id)).toEqual(expected.map((p) => p.userId));
	});
});
