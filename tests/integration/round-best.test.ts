import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest, withConn, type Db } from '../../src/lib/server/db';
import { seedDemo, DEMO_ACCOUNTS } from '../../src/lib/server/seed/demo';
import * as attempts from '../../src/lib/server/attempts/service';
import { disqualifyAttempt, disqualifyUser, reinstateAttempt, reinstateUser } from '../../src/lib/server/fairness/decisions';
import { rankInRound, topOfRound } from '../../src/lib/server/leaderboards/round-best';
import { roundLeaderboard, viewerBest } from '../../src/lib/server/leaderboards/rounds';
import { clearCaches } from '../../src/lib/server/cache';
import { boardJson, boardView, getBoard } from '../../src/lib/server/leaderboards/boards';
import { scratchDatabase, type ScratchDatabase } from './db';

/**
 * round_best must always equal "each person's best counted attempt" computed from the attempts,
 * whatever happened: submits, expiries, disqualifications, reinstatements.
 */
let db: Db;
let scratch: ScratchDatabase;
let roundId: number;
let organiserId: number;
const now = Date.now();

async function truth() {
	const r = await sql<{ user_id: number; id: number }>`
		select user_id, id from (
			select a.user_id, a.id, row_number() over (partition by a.user_id order by a.score desc, a.duration_ms asc, a.submitted_at asc, a.id asc) as rn
			from attempts a join users u on u.id = a.user_id
			where a.round_id = ${roundId} and a.status in ('submitted','expired') and a.disqualified_at is null and u.disqualified_at is null
		) as ranked where rn = 1 order by user_id`.execute(db);
	return r.rows.map((x) => [x.user_id, x.id]);
}
async function table() {
	const rows = await db
		.selectFrom('round_best')
		.select(['user_id', 'attempt_id'])
		.where('round_id', '=', roundId)
		.orderBy('user_id')
		.execute();
	return rows.map((x) => [x.user_id, x.attempt_id]);
}

beforeEach(async () => {
	clearCaches();
	scratch = await scratchDatabase('round_best');
	db = openDatabase(scratch.target);
	await migrateToLatest(db);
	await seedDemo(db, now, 12);
	roundId = (await db.selectFrom('rounds').select('id').where('title', '=', 'Tuần 2').executeTakeFirstOrThrow()).id;
	organiserId = (
		await db
			.selectFrom('users')
			.select('id')
			.where('phone', '=', '+84' + DEMO_ACCOUNTS[1].phone.slice(1))
			.executeTakeFirstOrThrow()
	).id;
});
afterEach(async () => {
	await db?.destroy();
	await scratch?.drop();
});

describe('round_best', () => {
	it('matches the attempts after the demo seed and after more submits through the service', async () => {
		expect(await table()).toEqual(await truth());
		const someone = (
			await db.selectFrom('users').select('id').where('role', '=', 'participant').orderBy('id', 'desc').executeTakeFirstOrThrow()
		).id;
		const started = await attempts.startOrResume(db, someone, roundId, now);
		if (started.ok) await attempts.submit(db, someone, started.view.attemptId, 7, now + 1000);
		expect(await table()).toEqual(await truth());
	});

	it('follows disqualifications and reinstatements of attempts and people', async () => {
		const [top] = await topOfRound(db, roundId, 1);
		const best = (
			await db
				.selectFrom('round_best')
				.select('attempt_id')
				.where('round_id', '=', roundId)
				.where('user_id', '=', top.userId)
				.executeTakeFirstOrThrow()
		).attempt_id;
		await disqualifyAttempt(db, organiserId, best, 'kiểm thử loại lượt', now);
		expect(await table()).toEqual(await truth());
		await reinstateAttempt(db, organiserId, best, 'kiểm thử khôi phục', now);
		expect(await table()).toEqual(await truth());
		await disqualifyUser(db, organiserId, top.userId, 'kiểm thử loại người', now);
		expect(await table()).toEqual(await truth());
		expect((await topOfRound(db, roundId, 100)).some((r) => r.userId === top.userId)).toBe(false);
		await reinstateUser(db, organiserId, top.userId, 'kiểm thử khôi phục người', now);
		expect(await table()).toEqual(await truth());
	});

	it('gives every person the rank the full leaderboard gives them', async () => {
		const board = await roundLeaderboard(db, roundId, { limit: 10_000, now });
		for (const row of board.rows) {
			expect((await withConn(db, (c) => rankInRound(c, roundId, row.userId)))?.rank).toBe(row.rank);
			// The polls' rank: a binary search in the order snapshot, exact when nothing changed since.
			expect((await viewerBest(db, roundId, row.userId))?.rank).toBe(row.rank);
		}
		expect(board.people).toBe(board.rows.length);
	});

	it('serves polls the exact board view, pieced together from the once-serialised board', async () => {
		const full = await getBoard(db, { roundId }, null, now);
		// Only three people "in the top", so that there are viewers outside it too.
		const board = { ...full, top: full.top.slice(0, 3), topUserIds: full.topUserIds.slice(0, 3) };
		const outside = full.topUserIds[5];
		const viewers: [number | null, boolean][] = [
			[null, false],
			[board.topUserIds[1], false],
			[outside, false],
			[organiserId, false],
			[outside, true]
		];
		for (const [viewer, staff] of viewers) {
			for (const extra of [{ open: true }, {}]) {
				const text = await boardJson(db, board, viewer, staff, extra);
				expect(JSON.parse(text)).toEqual({ ...(await boardView(db, board, viewer, staff)), ...extra });
				const lean = await boardJson(db, board, viewer, staff, extra, false);
				expect(JSON.parse(lean)).toEqual({ ...(await boardView(db, board, viewer, staff)), units: [], unitsOmitted: true, ...extra });
			}
		}
		const mine = JSON.parse(await boardJson(db, board, outside, false, {}));
		expect(mine.me?.rank).toBe(6);
		expect(mine.top.filter((r: { isViewer: boolean }) => r.isViewer)).toHaveLength(0);
		expect(JSON.parse(await boardJson(db, board, board.topUserIds[1], false, {})).top[1].isViewer).toBe(true);
	});
});
