import { expect } from 'vitest';
import { plain, withConn, type Conn, type Db } from '../../src/lib/server/db';
import * as attempts from '../../src/lib/server/attempts/service';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/sessions';
import { boardJson, getBoard } from '../../src/lib/server/leaderboards/boards';
import { cachedUnitRanking } from '../../src/lib/server/leaderboards/units';
import { attemptStartByUser, attemptWriteByUser, takeAll } from '../../src/lib/server/auth/limits';
import { pollCacheEvents } from '../../src/lib/server/cache';

/**
 * The hot paths, for the query-plan tests of both engines (query-plans.test.ts on SQLite,
 * query-plans.pg.test.ts on PostgreSQL): session check, start/resume, autosave, hand-in (with the
 * account limits they charge), expiry, the leaderboard poll with an own rank, the unit ranking,
 * reading other processes' cache events. The tables here grow with the contest: no statement of a
 * hot path may read one of them from end to end.
 */
export const GROWING = [
	'attempts',
	'attempt_questions',
	'attempt_answers',
	'round_best',
	'sessions',
	'users',
	'access_events',
	'rate_buckets',
	'cache_events'
];

/**
 * Runs the hot paths for the newest participant in the demo's open round (Tuần 2) on `db`;
 * `recording` is on only while they run (the look-ups that arrange them are the test's own).
 * Offloaded reads run inline (HOITHI_INLINE_REPORTS), so that they are recorded too.
 */
export async function runHotPaths(db: Db, recording: { start: () => void; stop: () => void }) {
	const round = await db.selectFrom('rounds').select('id').where('title', '=', 'Tuần 2').executeTakeFirstOrThrow();
	const people = await db.selectFrom('users').select('id').where('role', '=', 'participant').orderBy('id', 'desc').limit(2).execute();
	const [me, other] = people.map((p) => p.id);
	const { token } = await createSession(db, me);
	recording.start();
	process.env.HOITHI_INLINE_REPORTS = '1';
	try {
		expect(await validateSessionToken(db, token)).not.toBeNull();
		await pollCacheEvents(db);
		const startCharge = { charge: (c: Conn) => takeAll(c, [[attemptStartByUser, String(me)]]) };
		const writeCharge = (c: Conn) => takeAll(c, [[attemptWriteByUser, String(me)]]);
		const started = await attempts.startOrResume(db, me, round.id, Date.now(), attempts.cryptoRng, null, startCharge);
		if (!started.ok) throw new Error(`start refused: ${started.status}`);
		const resumed = await attempts.startOrResume(db, me, round.id, Date.now(), attempts.cryptoRng, null, startCharge);
		expect(resumed.ok && resumed.resumed).toBe(true);
		const q = started.view.questions[0];
		expect((await attempts.saveAnswer(db, me, started.view.attemptId, q.id, [q.options[0].id], Date.now(), writeCharge)).ok).toBe(true);
		expect((await attempts.submit(db, me, started.view.attemptId, 100, Date.now(), writeCharge)).ok).toBe(true);
		expect((await attempts.submit(db, me, started.view.attemptId, 100, Date.now(), writeCharge)).ok).toBe(true);
		await pollCacheEvents(db);
		await attempts.expireOverdue(db);
		const board = await getBoard(db, { roundId: round.id }, null);
		const small = { ...board, top: board.top.slice(0, 1), topUserIds: board.topUserIds.slice(0, 1) };
		for (const viewer of [me, other]) JSON.parse(await boardJson(db, small, viewer, false, {}));
		await cachedUnitRanking(db, { roundId: round.id }, null);
		await withConn(db, () => plain(() => undefined));
	} finally {
		recording.stop();
		delete process.env.HOITHI_INLINE_REPORTS;
	}
}
