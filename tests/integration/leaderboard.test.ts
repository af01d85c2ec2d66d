import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../../src/lib/server/db';
import { importList } from '../../src/lib/server/units/units';
import { hanoiDistricts2024 } from '../../src/lib/server/units/lists';
import { insertContest, insertRound } from '../../src/lib/server/contests/contests';
import { computePredictionActual, roundLeaderboard } from '../../src/lib/server/leaderboards/rounds';
import { rankPeople } from '../../src/lib/server/leaderboards/order';
import { seededRng } from '../../src/lib/server/questions/draw';
import { rebuildAll } from '../../src/lib/server/leaderboards/round-best';
import { scratchDatabase, type ScratchDatabase } from './db';

/**
 * The leaderboard SQL must rank exactly as the rule in leaderboards/order.ts. Both are fed the same random
 * attempts, full of ties, on a fresh migrated database.
 */
const DAY = 86_400_000;
let db: Db;
let scratch: ScratchDatabase;
const now = Date.now();

async function makeRound(closed: boolean, predictionKind: 'participants' | 'attempts' | 'perfect_scores' | null) {
	const contestId = await insertContest(db, { title: 'Cuộc thi kiểm thử', rules: '', status: 'published' });
	return insertRound(db, contestId, {
		title: 'Đợt',
		opensAt: now - 10 * DAY,
		closesAt: closed ? now - DAY : now + DAY,
		questionCount: 5,
		timeLimitMinutes: 10,
		maxAttempts: 3,
		revealPolicy: 'after_submit',
		predictionKind,
		predictionQuestion: predictionKind ? 'Dự đoán?' : '',
		quotas: []
	});
}

async function fill(roundId: number, seed: number) {
	const rng = seededRng(seed);
	const unit = await db.selectFrom('units').select('id').where('code', '=', '001').executeTakeFirstOrThrow();
	const attempts: { userId: number; score: number; prediction: number | null; durationMs: number; submittedAt: number; correct: number }[] =
		[];
	for (let u = 0; u < 60; u++) {
		const { id: userId } = await db
			.insertInto('users')
			.values({
				full_name: 'Người Thử ' + u,
				name_folded: 'nguoi thu ' + u,
				birth_date: '1990-01-01',
				gender: 'female',
				phone: `+84${roundId}${String(seed).slice(-2)}${String(100000 + u)}`.slice(0, 12),
				unit_id: unit.id,
				password_hash: 'x',
				consent_at: now,
				consent_version: 'v',
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const n = 1 + Math.floor(rng() * 3);
		for (let a = 1; a <= n; a++) {
			// Few distinct values, so every tie-break is exercised.
			const score = 3 + Math.floor(rng() * 3);
			const prediction = rng() < 0.1 ? null : 50 + Math.floor(rng() * 20);
			const durationMs = 1000 * (60 + Math.floor(rng() * 4));
			const submittedAt = now - 5 * DAY + Math.floor(rng() * 5) * 1000;
			attempts.push({ userId, score, prediction, durationMs, submittedAt, correct: score });
			await db
				.insertInto('attempts')
				.values({
					round_id: roundId,
					user_id: userId,
					attempt_no: a,
					status: rng() < 0.9 ? 'submitted' : 'expired',
					started_at: submittedAt - durationMs,
					deadline_at: submittedAt + 60_000,
					submitted_at: submittedAt,
					duration_ms: durationMs,
					score,
					correct_count: score,
					total: 5,
					prediction
				})
				.execute();
		}
	}
	return attempts;
}

beforeAll(async () => {
	scratch = await scratchDatabase('leaderboard');
	db = openDatabase(scratch.target);
	await migrateToLatest(db);
	await importList(db, hanoiDistricts2024, { deactivateOthers: false });
});
afterAll(async () => {
	await db?.destroy();
	await scratch?.drop();
});

describe('round leaderboard', () => {
	it.each([
		['an open round (prediction ignored)', false, 'attempts' as const, 11],
		['a closed round with a prediction on participants', true, 'participants' as const, 12],
		['a closed round with a prediction on attempts', true, 'attempts' as const, 13],
		['a closed round with a prediction on perfect scores', true, 'perfect_scores' as const, 14],
		['a closed round without prediction', true, null, 15]
	])('ranks %s exactly like compareResults', async (_label, closed, kind, seed) => {
		const roundId = await makeRound(closed, kind);
		const attempts = await fill(roundId, seed);
		await rebuildAll(db);
		const board = await roundLeaderboard(db, roundId, { limit: 10_000, now });
		const actual = closed && kind ? await computePredictionActual(db, roundId, kind) : null;
		expect(board.actual).toBe(actual);
		const expected = rankPeople(attempts, actual);
		expect(board.rows.map((r) => r.userId)).toEqual(expected.map((r) => r.userId));
		expect(board.rows.map((r) => r.score)).toEqual(expected.map((r) => r.score));
		expect(board.people).toBe(60);
		expect(board.rows.map((r) => r.rank)).toEqual(expected.map((_, i) => i + 1));
	});

	it('computes the prediction figures from counted attempts only', async () => {
		const roundId = await makeRound(true, 'participants');
		const attempts = await fill(roundId, 21);
		expect(await computePredictionActual(db, roundId, 'participants')).toBe(60);
		expect(await computePredictionActual(db, roundId, 'attempts')).toBe(attempts.length);
		const perfect = new Set(attempts.filter((a) => a.score === 5).map((a) => a.userId)).size;
		expect(await computePredictionActual(db, roundId, 'perfect_scores')).toBe(perfect);
		// A disqualified attempt no longer counts.
		const first = await db.selectFrom('attempts').select(['id']).where('round_id', '=', roundId).orderBy('id').executeTakeFirstOrThrow();
		await db.updateTable('attempts').set({ disqualified_at: now }).where('id', '=', first.id).execute();
		expect(await computePredictionActual(db, roundId, 'attempts')).toBe(attempts.length - 1);
	});

	it('carries nobody’s prediction while the round is open, everybody’s once it has closed', async () => {
		const open = await makeRound(false, 'attempts');
		const openAttempts = await fill(open, 41);
		const closed = await makeRound(true, 'attempts');
		await fill(closed, 42);
		await rebuildAll(db);
		const viewer = openAttempts.find((a) => a.prediction != null)!.userId;
		const live = await roundLeaderboard(db, open, { limit: 10_000, viewerId: viewer, now });
		expect(live.rows.filter((r) => r.prediction != null)).toEqual([]);
		const done = await roundLeaderboard(db, closed, { limit: 10_000, now });
		expect(done.rows.filter((r) => r.prediction != null).length).toBeGreaterThan(40);
	});

	it('returns the top N plus the viewer’s own row, with masked names', async () => {
		const roundId = await makeRound(false, null);
		const attempts = await fill(roundId, 31);
		await rebuildAll(db);
		const ranked = rankPeople(attempts, null);
		const last = ranked[ranked.length - 1];
		const board = await roundLeaderboard(db, roundId, { limit: 5, viewerId: last.userId, now });
		expect(board.rows).toHaveLength(6);
		expect(board.rows[5]).toMatchObject({ rank: 60, userId: last.userId, isViewer: true });
		expect(board.rows[0].name).toMatch(/^Người T\. \d\.$/);
	});
});

describe('contest leaderboard and unit counts', () => {
	it('ranks the whole contest exactly like rankContestPeople and counts units without disqualified attempts', async () => {
		const { rankContestPeople } = await import('../../src/lib/server/leaderboards/order');
		const { rankContest } = await import('../../src/lib/server/leaderboards/contest');
		const { unitCounts } = await import('../../src/lib/server/leaderboards/units');
		const contestId = await insertContest(db, { title: 'Cuộc thi nhiều đợt', rules: '', status: 'published' });
		const rounds: number[] = [];
		for (let i = 0; i < 2; i++)
			rounds.push(
				await insertRound(db, contestId, {
					title: `Đợt ${i + 1}`,
					opensAt: now - 10 * DAY,
					closesAt: now + DAY,
					questionCount: 5,
					timeLimitMinutes: 10,
					maxAttempts: 3,
					revealPolicy: 'after_submit',
					predictionKind: null,
					predictionQuestion: '',
					quotas: []
				})
			);
		const units = await db.selectFrom('units').select(['id', 'code']).where('code', 'in', ['002', '003']).orderBy('code').execute();
		const rng = seededRng(99);
		const results: {
			userId: number;
			roundId: number;
			score: number;
			durationMs: number;
			submittedAt: number;
			prediction: null;
			unitId: number;
			dq: boolean;
		}[] = [];
		for (let u = 0; u < 40; u++) {
			const unitId = units[u % 2].id;
			const { id: userId } = await db
				.insertInto('users')
				.values({
					full_name: 'Người Cả Cuộc ' + u,
					name_folded: 'nguoi ca cuoc ' + u,
					birth_date: '1990-01-01',
					gender: 'female',
					phone: `+8497${String(1000000 + u)}`,
					unit_id: unitId,
					password_hash: 'x',
					consent_at: now,
					consent_version: 'v',
					created_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			for (const roundId of rounds) {
				if (rng() < 0.25) continue;
				const n = 1 + Math.floor(rng() * 3);
				for (let a = 1; a <= n; a++) {
					const score = 3 + Math.floor(rng() * 3);
					const durationMs = 1000 * (60 + Math.floor(rng() * 3));
					const submittedAt = now - 5 * DAY + Math.floor(rng() * 4) * 1000;
					const dq = rng() < 0.05;
					results.push({ userId, roundId, score, durationMs, submittedAt, prediction: null, unitId, dq });
					await db
						.insertInto('attempts')
						.values({
							round_id: roundId,
							user_id: userId,
							attempt_no: a,
							status: 'submitted',
							started_at: submittedAt - durationMs,
							deadline_at: submittedAt + 60_000,
							submitted_at: submittedAt,
							duration_ms: durationMs,
							score,
							correct_count: score,
							total: 5,
							prediction: null,
							disqualified_at: dq ? now : null
						})
						.execute();
				}
			}
		}
		const counted = results.filter((r) => !r.dq);
		const expected = rankContestPeople(counted);
		const got = await rankContest(db, contestId);
		expect(got.map((r) => [r.userId, r.score, r.durationMs])).toEqual(expected.map((r) => [r.userId, r.score, r.durationMs]));

		// The attempts were written behind the service's back: rebuild the best-per-round table.
		await rebuildAll(db);
		const rows = await unitCounts(db, { contestId });
		for (const unit of units) {
			const mine = counted.filter((r) => r.unitId === unit.id);
			const row = rows.find((r) => r.unitId === unit.id)!;
			expect(row.participants).toBe(new Set(mine.map((r) => r.userId)).size);
			expect(row.attempts).toBe(mine.length);
			const best = new Map<string, number>();
			for (const r of mine) best.set(`${r.userId}:${r.roundId}`, Math.max(best.get(`${r.userId}:${r.roundId}`) ?? 0, r.score / 5));
			const avg = [...best.values()].reduce((a, b) => a + b, 0) / best.size;
			expect(row.avgBestShare).toBeCloseTo(avg, 10);
		}
	});
});
