import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, plain, withConn, type Conn, type Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed/demo';
import * as attempts from '../../src/lib/server/attempts/service';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/sessions';
import { boardJson, getBoard } from '../../src/lib/server/leaderboards/boards';
import { cachedUnitRanking } from '../../src/lib/server/leaderboards/units';
import { attemptStartByUser, attemptWriteByUser, takeAll } from '../../src/lib/server/auth/limits';
import { pollCacheEvents } from '../../src/lib/server/cache';

/**
 * Every statement the hot paths run — session check, start/resume, autosave, hand-in (with the
 * account limits they charge), expiry, the leaderboard poll with an own rank, the unit ranking,
 * reading other processes' cache events — is recorded as it is prepared and
 * explained (EXPLAIN QUERY PLAN). None may scan a table that grows with the contest: each must
 * find its rows through an index. The database is not ANALYZEd, so the planner has no statistics
 * to prefer a scan on small demo tables: a missing index shows as a SCAN. (SEARCH … USING INDEX may
 * still walk a range: the rank-order snapshot reads a whole round, on the worker, every 5 s.)
 */
const GROWING = [
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
let dir: string;
let file: string;
const seen = new Set<string>();

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-plans-'));
	file = path.join(dir, 'plans.db');
	const seedDb = openDatabase(file);
	await migrateToLatest(seedDb);
	await seedDemo(seedDb, Date.now(), 30);
	await seedDb.destroy();
});
afterAll(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the hot paths on a fresh connection (empty statement cache) while recording every prepare. */
async function hotPaths(db: Db) {
	// Arranged before recording: these are the test's own look-ups, not hot paths.
	const round = await db.selectFrom('rounds').select('id').where('title', '=', 'Tuần 2').executeTakeFirstOrThrow();
	const people = await db.selectFrom('users').select('id').where('role', '=', 'participant').orderBy('id', 'desc').limit(2).execute();
	const [me, other] = people.map((p) => p.id);
	const { token } = await createSession(db, me);
	const sqlite = (SQLite as unknown as { prototype: { prepare: (sql: string) => unknown } }).prototype;
	const prepare = sqlite.prepare;
	sqlite.prepare = function (this: unknown, sql: string) {
		seen.add(sql);
		return prepare.call(this, sql);
	};
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
		sqlite.prepare = prepare;
		delete process.env.HOITHI_INLINE_REPORTS;
	}
}

describe('query plans of the hot paths', () => {
	it('find every row of a growing table through an index', async () => {
		const db = openDatabase(file);
		await hotPaths(db);
		await db.destroy();
		const raw = new SQLite(file, { readonly: true });
		const problems: string[] = [];
		let explained = 0;
		for (const sql of seen) {
			if (!/^\s*(select|insert|update|delete|with)\b/i.test(sql)) continue;
			const params = new Array((sql.match(/\?/g) ?? []).length).fill(null);
			const plan = raw.prepare('explain query plan ' + sql).all(...params) as { detail: string }[];
			explained++;
			if (process.env.SHOW_PLANS) console.log(sql.replace(/\s+/g, ' ').slice(0, 90) + '\n    ' + plan.map((p) => p.detail).join('\n    '));
			for (const { detail } of plan) {
				const scan = /^SCAN (\w+)/.exec(detail);
				if (!scan) continue;
				// The scanned name may be an alias: look it up in the statement's FROM/JOIN clauses.
				const alias = scan[1];
				const table = new RegExp(`\\b(\\w+)\\s+(?:as\\s+)?${alias}\\b`, 'i').exec(sql.replace(/\s+/g, ' '))?.[1];
				const name = GROWING.includes(alias) ? alias : table && GROWING.includes(table) ? table : null;
				// A SCAN of a growing table is only acceptable through a partial index that holds just the
				// few rows in play: attempts_one_open (open attempts only) for the expiry sweep.
				if (name && !/USING (COVERING )?INDEX attempts_one_open\b/.test(detail))
					problems.push(`${detail}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
			}
		}
		raw.close();
		console.log(`${explained} hot statements explained:\n` + [...seen].map((x) => '  ' + x.replace(/\s+/g, ' ').slice(0, 110)).join('\n'));
		expect(explained).toBeGreaterThan(20);
		expect(problems).toEqual([]);
	});
});
