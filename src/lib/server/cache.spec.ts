import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidate, pollCacheEvents, registerCache, TtlCache } from './cache';
import { ORIGIN, pruneEvents, writeEvent } from './db/cache-events';
import { exclusive, migrateToLatest, openDatabase, plain, withConn } from './db';
import * as contests from './contests/contests';
import { seedDemo } from './seed/demo';
import { refreshPerson } from './leaderboards/round-best';
import { cachedUnitRanking } from './leaderboards/units';
import { audit } from './audit';

describe('TtlCache', () => {
	it('computes once per key within the time to live, then again', async () => {
		let t = 0;
		let calls = 0;
		const cache = new TtlCache<number>(5000, 10, () => t);
		const compute = async () => ++calls;
		expect(await Promise.all([cache.get('a', compute), cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1, 1]);
		t = 4999;
		expect(await cache.get('a', compute)).toBe(1);
		t = 5000;
		expect(await cache.get('a', compute)).toBe(2);
		expect(await cache.get('b', compute)).toBe(3);
	});
	it('forgets a failed computation', async () => {
		const cache = new TtlCache<number>(5000, 10, () => 0);
		await expect(cache.get('a', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
		expect(await cache.get('a', async () => 7)).toBe(7);
	});
	it('keeps at most maxEntries keys', async () => {
		let calls = 0;
		const cache = new TtlCache<number>(5000, 2, () => 0);
		const compute = async () => ++calls;
		await cache.get('a', compute);
		await cache.get('b', compute);
		await cache.get('c', compute);
		expect(await cache.get('a', compute)).toBe(4);
	});
});

describe('TtlCache.delete and clear', () => {
	it('forgets one key, or all of them', async () => {
		let calls = 0;
		const cache = new TtlCache<number, number>(10_000, 10, () => 0);
		const compute = async () => ++calls;
		await cache.get(1, compute);
		await cache.get(2, compute);
		cache.delete(1);
		expect(await cache.get(1, compute)).toBe(3);
		expect(await cache.get(2, compute)).toBe(2);
		cache.clear();
		expect(await cache.get(2, compute)).toBe(4);
	});
});

describe('TtlCache.peek, deleteWhere and values that expire early', () => {
	it('peeks at a fresh entry (also one being computed) without computing one', async () => {
		let t = 0;
		const cache = new TtlCache<number>(1000, 10, () => t);
		expect(cache.peek('a')).toBeUndefined();
		let finish = (_v: number) => {};
		const pending = cache.get('a', () => new Promise<number>((r) => (finish = r)));
		expect(cache.peek('a')).toBe(pending);
		finish(5);
		expect(await cache.peek('a')).toBe(5);
		t = 1000;
		expect(cache.peek('a')).toBeUndefined();
	});
	it('forgets the keys a predicate picks', async () => {
		let calls = 0;
		const cache = new TtlCache<number>(10_000, 10, () => 0);
		const compute = async () => ++calls;
		for (const k of ['/rounds/1/a', '/rounds/1/b', '/rounds/10/a', '/']) await cache.get(k, compute);
		cache.deleteWhere((k) => k.startsWith('/rounds/1/'));
		expect(['/rounds/1/a', '/rounds/1/b', '/rounds/10/a', '/'].map((k) => cache.peek(k) !== undefined)).toEqual([false, false, true, true]);
	});
	it('ends an entry when its value says so, if before the time to live', async () => {
		let t = 0;
		let calls = 0;
		const cache = new TtlCache<{ n: number; until: number }>(
			5000,
			10,
			() => t,
			false,
			(v) => v.until
		);
		const compute = async () => ({ n: ++calls, until: calls === 1 ? 300 : Infinity });
		expect((await cache.get('a', compute)).n).toBe(1);
		t = 299;
		expect((await cache.get('a', compute)).n).toBe(1);
		t = 300;
		expect((await cache.get('a', compute)).n).toBe(2);
		// The second value sets no earlier end: the TTL holds.
		t = 5299;
		expect((await cache.get('a', compute)).n).toBe(2);
		t = 5300;
		expect((await cache.get('a', compute)).n).toBe(3);
	});
});

describe('TtlCache with stale-while-revalidate', () => {
	it('answers with the previous value at once while one refresh runs', async () => {
		let t = 0;
		let calls = 0;
		let release: () => void = () => {};
		const cache = new TtlCache<number>(1000, 10, () => t, true);
		expect(await cache.get('a', async () => ++calls)).toBe(1);
		t = 1500;
		const slow = () => new Promise<number>((r) => (release = () => r(++calls)));
		expect(await cache.get('a', slow)).toBe(1); // stale, not waiting
		expect(await cache.get('a', slow)).toBe(1); // the refresh is already running: no second one
		release();
		await new Promise((r) => setTimeout(r, 0));
		expect(calls).toBe(2);
		expect(await cache.get('a', slow)).toBe(2);
	});

	it('waits when there is no previous value or after delete', async () => {
		let calls = 0;
		const cache = new TtlCache<number>(1000, 10, () => 0, true);
		expect(await cache.get('a', async () => ++calls)).toBe(1);
		cache.delete('a');
		expect(await cache.get('a', async () => ++calls)).toBe(2);
	});
});

/* ——— The registry: invalidations wait for the commit ——— */

const scratch: string[] = [];
afterAll(() => {
	for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** A migrated database in a file, and a second, read-only connection to it: what other readers see. */
async function fileDb() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-cache-'));
	scratch.push(dir);
	const file = path.join(dir, 'cache.db');
	const db = openDatabase(file);
	await migrateToLatest(db);
	const other = new SQLite(file, { readonly: true });
	const contestsSeen = () => (other.prepare('select count(*) as n from contests').get() as { n: number }).n;
	return { db, contestsSeen, file };
}

const CONTEST = { title: 'Cuộc thi bộ nhớ đệm', rules: '', status: 'draft' } as const;

describe('the cache registry', () => {
	it('applies an invalidation issued inside a transaction only after the commit, and at once outside one', async () => {
		const { db, contestsSeen } = await fileDb();
		const log: string[] = [];
		const cached = registerCache('test.contests', new Map([['k', 1]]), {
			contests: () => log.push(`cleared, ${contestsSeen()} contest(s) committed`)
		});
		await db.transaction().execute(async (trx) => {
			await contests.insertContest(trx, CONTEST);
			// Written and invalidated, not committed: the cache is as it was.
			expect(log).toEqual([]);
			expect(cached.get('k')).toBe(1);
			await trx.selectFrom('contests').select('id').execute();
			expect(log).toEqual([]);
		});
		expect(log).toEqual(['cleared, 1 contest(s) committed']);
		await contests.insertContest(db, CONTEST);
		expect(log).toEqual(['cleared, 1 contest(s) committed', 'cleared, 2 contest(s) committed']);
		await db.destroy();
	});

	it('does the same on the hot path (exclusive): after COMMIT; withConn is no transaction', async () => {
		const { db, contestsSeen } = await fileDb();
		const seen: string[] = [];
		registerCache('test.scored', new Map(), { scored: ({ roundId, userId }) => seen.push(`${roundId}:${userId} after ${contestsSeen()}`) });
		const result = { score: 1, prediction: null, durationMs: 1, submittedAt: 1 };
		await exclusive(db, function* (c) {
			yield* c.run("insert into contests (title, rules, status, created_at, updated_at) values ('x', '', 'draft', 0, 0)");
			invalidate(c, 'scored', { roundId: 7, userId: 8, result });
			expect(seen).toEqual([]);
		});
		expect(seen).toEqual(['7:8 after 1']);
		await withConn(db, (c) => plain(() => invalidate(c, 'scored', { roundId: 7, userId: 9, result })));
		expect(seen).toEqual(['7:8 after 1', '7:9 after 1']);
		await db.destroy();
	});

	it('still invalidates, after the rollback, what a rolled-back transaction touched (conservatively)', async () => {
		const { db, contestsSeen } = await fileDb();
		const log: string[] = [];
		const cached = registerCache('test.rollback', new Map([['k', 1]]), {
			contests: () => (cached.clear(), log.push(`cleared, ${contestsSeen()} committed`))
		});
		await expect(
			db.transaction().execute(async (trx) => {
				await contests.insertContest(trx, CONTEST);
				throw new Error('abandoned');
			})
		).rejects.toThrow('abandoned');
		expect(log).toEqual(['cleared, 0 committed']);
		expect(cached.size).toBe(0);
		await expect(
			exclusive(db, (c) =>
				plain(() => {
					invalidate(c, 'contests');
					throw new Error('abandoned too');
				})
			)
		).rejects.toThrow('abandoned too');
		expect(log).toEqual(['cleared, 0 committed', 'cleared, 0 committed']);
		await db.destroy();
	});

	it('lets no reader racing a decision cache the state before its commit', async () => {
		// Readers of the unit board go to the worker connection, which sees the last commit: one that
		// missed a cache cleared inside the transaction would have cached the counts from before it.
		const { db } = await fileDb();
		const now = Date.now();
		await seedDemo(db, now, 12);
		const round = await db.selectFrom('rounds').select('id').where('title', '=', 'Tuần 2').executeTakeFirstOrThrow();
		const scope = { roundId: round.id };
		const someone = await db
			.selectFrom('round_best')
			.innerJoin('users', 'users.id', 'round_best.user_id')
			.select(['users.id', 'users.unit_id'])
			.where('round_best.round_id', '=', round.id)
			.executeTakeFirstOrThrow();
		const participants = async () => (await cachedUnitRanking(db, scope)).find((u) => u.unitId === someone.unit_id)!.participants;
		const before = await participants();
		expect(before).toBeGreaterThan(0);
		await db.transaction().execute(async (trx) => {
			await trx.updateTable('users').set({ disqualified_at: now, disqualify_reason: 'kiểm thử' }).where('id', '=', someone.id).execute();
			await refreshPerson(trx, someone.id);
			// A poll meanwhile gets the cached board: the decision is not committed yet.
			expect(await participants()).toBe(before);
			await audit(trx, {
				actorUserId: null,
				action: 'user.disqualify',
				entity: 'user',
				entityId: someone.id,
				at: now,
				details: { reason: 'kiểm thử' }
			});
		});
		expect(await participants()).toBe(before - 1);
		await db.destroy();
	});

	it('holds every TtlCache of the server: none is created outside registerCache()', () => {
		const root = path.join(import.meta.dirname, '.');
		const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
		const unregistered: string[] = [];
		let found = 0;
		for (const f of files) {
			const lines = fs.readFileSync(path.join(root, f), 'utf8').split('\n');
			lines.forEach((line, i) => {
				if (!/new TtlCache\b/.test(line) || f === 'cache.ts') return;
				found++;
				if (!lines.slice(Math.max(0, i - 2), i + 1).some((l) => l.includes('registerCache('))) unregistered.push(`${f}:${i + 1}`);
			});
		}
		expect(found).toBeGreaterThanOrEqual(13);
		expect(unregistered).toEqual([]);
	});
});

/* ——— Several processes: the events one writes for the others ——— */

describe('cache events for the other processes', () => {
	const eventsIn = (raw: SQLite.Database) =>
		raw.prepare('select topic, detail from cache_events order by id').all() as { topic: string; detail: string }[];

	it('are written in the transaction of the write, so another connection sees them only with it', async () => {
		const { db, file } = await fileDb();
		const other = new SQLite(file, { readonly: true });
		await db.transaction().execute(async (trx) => {
			await contests.insertContest(trx, CONTEST);
			await contests.insertContest(trx, CONTEST);
			expect(eventsIn(other)).toEqual([]);
		});
		// Twice the same invalidation in one transaction: one event.
		expect(eventsIn(other)).toEqual([{ topic: 'contests', detail: '{}' }]);
		await exclusive(db, (c) =>
			plain(() => {
				invalidate(c, 'questions', { versionId: 5 });
				expect(eventsIn(other)).toHaveLength(1);
			})
		);
		await expect(
			exclusive(db, (c) =>
				plain(() => {
					invalidate(c, 'units');
					throw new Error('abandoned');
				})
			)
		).rejects.toThrow('abandoned');
		expect(eventsIn(other)).toEqual([
			{ topic: 'contests', detail: '{}' },
			{ topic: 'questions', detail: '{"versionId":5}' }
		]);
		other.close();
		await db.destroy();
	});

	it('leave out hand-ins while this is the only server process', async () => {
		const { db, file } = await fileDb();
		const other = new SQLite(file, { readonly: true });
		await exclusive(db, (c) =>
			plain(() => invalidate(c, 'scored', { roundId: 1, userId: 2, result: { score: 1, prediction: null, durationMs: 1, submittedAt: 1 } }))
		);
		expect(eventsIn(other)).toEqual([]);
		other.close();
		await db.destroy();
	});

	it('are applied by every other process when it polls, and skipped by the one that wrote them', async () => {
		const { db, file } = await fileDb();
		const log: string[] = [];
		registerCache('test.remote', new Map(), {
			contests: ({ roundId }) => log.push(`contests ${roundId ?? '-'}`),
			units: () => log.push('units')
		});
		expect(await pollCacheEvents(db)).toBe(0);
		// Another process (another origin) writes two events; this one writes its own.
		const peer = new SQLite(file);
		const insert = peer.prepare('insert into cache_events (topic, detail, origin, at) values (?, ?, ?, ?)');
		insert.run('contests', '{"roundId":4}', ORIGIN + 1, Date.now());
		await contests.insertContest(db, CONTEST);
		insert.run('units', '{}', ORIGIN + 1, Date.now());
		insert.run('a topic of a newer version', '{}', ORIGIN + 1, Date.now());
		expect(log).toEqual(['contests -']);
		expect(await pollCacheEvents(db)).toBe(2);
		expect(log).toEqual(['contests -', 'contests 4', 'units']);
		expect(await pollCacheEvents(db)).toBe(0);
		peer.close();
		await db.destroy();
	});

	it('clear every cache when some were pruned before this process read them', async () => {
		const { db, file } = await fileDb();
		const cached = registerCache('test.gap', new Map([['k', 1]]), {});
		await pollCacheEvents(db);
		const peer = new SQLite(file);
		for (let i = 0; i < 3; i++)
			peer.prepare('insert into cache_events (topic, detail, origin, at) values (?, ?, ?, ?)').run('units', '{}', ORIGIN + 1, 0);
		peer.prepare('delete from cache_events where id < (select max(id) from cache_events)').run();
		await pollCacheEvents(db);
		expect(cached.size).toBe(0);
		peer.close();
		await db.destroy();
	});

	it('are pruned after a minute, keeping the newest (ids are never handed out twice)', async () => {
		const { db, file } = await fileDb();
		const now = Date.now();
		for (const at of [now - 120_000, now - 90_000, now - 61_000]) await withConn(db, (c) => writeEvent(c, 'units', '{}', at));
		expect(await pruneEvents(db, now)).toBe(2);
		const raw = new SQLite(file, { readonly: true });
		expect(raw.prepare('select id from cache_events').all()).toEqual([{ id: 3 }]);
		await withConn(db, (c) => writeEvent(c, 'units', '{}', now));
		expect(await pruneEvents(db, now)).toBe(1);
		expect(raw.prepare('select id from cache_events').all()).toEqual([{ id: 4 }]);
		raw.close();
		await db.destroy();
	});
});
