import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, plain, withConn, type Conn, type Db } from '../db';
import { runToEnd } from '../db/program';
import { BackoffLock } from './backoff';

const T0 = 5_000_000;
const MIN = 60_000;

let db: Db;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
});
afterEach(() => db.destroy());

/**
 * The lock on a connection, as the services use it (stored in the database: one for every process),
 * each call run at once (SQLite's connection runs a program's statements synchronously).
 */
function on(c: Conn, lock = new BackoffLock('test', { free: 3, baseMs: 30_000, capMs: 15 * MIN, forgetMs: 60 * MIN })) {
	return {
		fail: (k: string, now: number) => runToEnd(lock.fail(c, k, now)),
		retryAfter: (k: string, now: number) => runToEnd(lock.retryAfter(c, k, now)),
		reset: (k: string) => runToEnd(lock.reset(c, k))
	};
}

/** `fn` on the connection (withConn), as plain code. */
const onConn = (fn: (c: Conn) => void) => withConn(db, (c) => plain(() => fn(c)));

describe('BackoffLock', () => {
	it('lets the first failures through without a lock', () =>
		onConn((c) => {
			const lock = on(c);
			for (let i = 0; i < 3; i++) lock.fail('k', T0);
			expect(lock.retryAfter('k', T0)).toBe(0);
		}));

	it('doubles the lock with each further failure', () =>
		onConn((c) => {
			const lock = on(c);
			for (let i = 0; i < 4; i++) lock.fail('k', T0);
			expect(lock.retryAfter('k', T0)).toBe(30_000);
			lock.fail('k', T0 + 30_000);
			expect(lock.retryAfter('k', T0 + 30_000)).toBe(60_000);
			lock.fail('k', T0 + 90_000);
			expect(lock.retryAfter('k', T0 + 90_000)).toBe(120_000);
		}));

	it('never locks longer than the cap, however many failures', () =>
		onConn((c) => {
			const lock = on(c);
			let t = T0;
			for (let i = 0; i < 200; i++) {
				lock.fail('k', t);
				expect(lock.retryAfter('k', t)).toBeLessThanOrEqual(15 * MIN);
				t += 1_000;
			}
			// An attacker who keeps failing keeps the lock at the cap, but it still ends on its own.
			expect(lock.retryAfter('k', t - 1_000 + 15 * MIN)).toBe(0);
		}));

	it('forgets failures after a quiet period', () =>
		onConn((c) => {
			const lock = on(c);
			for (let i = 0; i < 10; i++) lock.fail('k', T0);
			expect(lock.retryAfter('k', T0 + 60 * MIN)).toBe(0);
			lock.fail('k', T0 + 60 * MIN);
			expect(lock.retryAfter('k', T0 + 60 * MIN)).toBe(0);
		}));

	it('keeps keys apart and clears a key on reset', () =>
		onConn((c) => {
			const lock = on(c);
			for (let i = 0; i < 5; i++) lock.fail('a', T0);
			expect(lock.retryAfter('a', T0)).toBeGreaterThan(0);
			expect(lock.retryAfter('b', T0)).toBe(0);
			lock.reset('a');
			expect(lock.retryAfter('a', T0)).toBe(0);
		}));

	it('prunes the keys that have been quiet for the forget period', async () => {
		const lock = new BackoffLock('test', { free: 3, baseMs: 30_000, capMs: 15 * MIN, forgetMs: 60 * MIN });
		await withConn(db, function* (c) {
			yield* lock.fail(c, 'quiet', T0);
			yield* lock.fail(c, 'recent', T0 + 30 * MIN);
		});
		expect(await lock.prune(db, T0 + 60 * MIN)).toBe(1);
		expect(await db.selectFrom('backoff_locks').select('key').execute()).toEqual([{ key: 'recent' }]);
	});

	it('keeps locks of different names apart', () =>
		onConn((c) => {
			const a = on(c, new BackoffLock('a', { free: 0, baseMs: 30_000, capMs: 15 * MIN, forgetMs: 60 * MIN }));
			const b = on(c, new BackoffLock('b', { free: 0, baseMs: 30_000, capMs: 15 * MIN, forgetMs: 60 * MIN }));
			a.fail('k', T0);
			expect(a.retryAfter('k', T0)).toBe(30_000);
			expect(b.retryAfter('k', T0)).toBe(0);
		}));
});
