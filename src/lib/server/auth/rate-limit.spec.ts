import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { migrateToLatest, openDatabase, plain, withConn, type Conn, type Db } from '../db';
import { runToEnd } from '../db/program';
import { ProcessBucket, TokenBucket } from './rate-limit';

const T0 = 1_000_000;

let db: Db;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
});
afterEach(() => db.destroy());

/** `fn` on the connection (withConn), as plain code: SQLite's connection runs a program's statements at once (runToEnd). */
const onConn = (fn: (c: Conn) => void) => withConn(db, (c) => plain(() => fn(c)));

interface Bucket {
	consume(key: string, cost: number, now: number): boolean;
	take(key: string, cost: number, now: number): number;
	reset(key: string): void;
}

/** The same rules in both stores: a bucket in the database (on a connection), or in this process. */
const stores: [string, (c: Conn) => (max: number, intervalMs: number) => Bucket][] = [
	[
		'in the database (TokenBucket)',
		(c) => (max, intervalMs) => {
			const b = new TokenBucket('test', max, intervalMs);
			return {
				consume: (k, cost, now) => runToEnd(b.consume(c, k, cost, now)),
				take: (k, cost, now) => runToEnd(b.take(c, k, cost, now)),
				reset: (k) => runToEnd(b.reset(c, k))
			};
		}
	],
	[
		'in this process (ProcessBucket)',
		() => (max, intervalMs) => {
			const b = new ProcessBucket(max, intervalMs);
			return {
				consume: (k, cost, now) => b.consume(k, cost, now),
				take: (k, cost, now) => b.takeHere(k, cost, now),
				reset: (k) => b.reset(k)
			};
		}
	]
];

describe.each(stores)('a token bucket %s', (_, store) => {
	it('allows `max` requests, then refuses', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(3, 60_000);
			expect(bucket.consume('ip:1', 1, T0)).toBe(true);
			expect(bucket.consume('ip:1', 1, T0)).toBe(true);
			expect(bucket.consume('ip:1', 1, T0)).toBe(true);
			expect(bucket.consume('ip:1', 1, T0)).toBe(false);
			expect(bucket.consume('ip:1', 1, T0 + 1_000)).toBe(false);
		}));

	it('refills one token per interval', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(2, 60_000);
			bucket.consume('k', 1, T0);
			bucket.consume('k', 1, T0);
			expect(bucket.consume('k', 1, T0 + 59_999)).toBe(false);
			expect(bucket.consume('k', 1, T0 + 60_000)).toBe(true);
			expect(bucket.consume('k', 1, T0 + 60_001)).toBe(false);
			expect(bucket.consume('k', 1, T0 + 120_000)).toBe(true);
		}));

	it('keeps partial intervals towards the next token', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(1, 60_000);
			bucket.consume('k', 1, T0);
			// A refused request at 30 s must not reset the clock: the token arrives at 60 s.
			expect(bucket.consume('k', 1, T0 + 30_000)).toBe(false);
			expect(bucket.consume('k', 1, T0 + 60_000)).toBe(true);
		}));

	it('refills several tokens after several intervals, but never above max', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(3, 1_000);
			for (let i = 0; i < 3; i++) bucket.consume('k', 1, T0);
			const later = T0 + 10_000;
			expect(bucket.consume('k', 1, later)).toBe(true);
			expect(bucket.consume('k', 1, later)).toBe(true);
			expect(bucket.consume('k', 1, later)).toBe(true);
			expect(bucket.consume('k', 1, later)).toBe(false);
		}));

	it('keeps keys independent', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(1, 60_000);
			expect(bucket.consume('phone:+84912345678', 1, T0)).toBe(true);
			expect(bucket.consume('phone:+84912345678', 1, T0)).toBe(false);
			expect(bucket.consume('phone:+84987654321', 1, T0)).toBe(true);
			expect(bucket.consume('ip:10.0.0.1', 1, T0)).toBe(true);
		}));

	it('charges a larger cost in one go and refuses when not enough tokens remain', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(5, 60_000);
			expect(bucket.consume('k', 3, T0)).toBe(true);
			expect(bucket.consume('k', 3, T0)).toBe(false);
			expect(bucket.consume('k', 2, T0)).toBe(true);
			expect(bucket.consume('k', 1, T0)).toBe(false);
		}));

	it('gives a full bucket again after reset', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(2, 60_000);
			bucket.consume('k', 1, T0);
			bucket.consume('k', 1, T0);
			expect(bucket.consume('k', 1, T0)).toBe(false);
			bucket.reset('k');
			expect(bucket.consume('k', 1, T0)).toBe(true);
			expect(bucket.consume('k', 1, T0)).toBe(true);
			expect(bucket.consume('k', 1, T0)).toBe(false);
		}));

	it('resets only the given key', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(1, 60_000);
			bucket.consume('a', 1, T0);
			bucket.consume('b', 1, T0);
			bucket.reset('a');
			expect(bucket.consume('a', 1, T0)).toBe(true);
			expect(bucket.consume('b', 1, T0)).toBe(false);
		}));
});

describe.each(stores)('take() of a token bucket %s', (_, store) => {
	it('answers 0 while tokens last, then the wait until the next token', () =>
		onConn((c) => {
			const make = store(c);
			const bucket = make(2, 10_000);
			expect(bucket.take('k', 1, T0)).toBe(0);
			expect(bucket.take('k', 1, T0)).toBe(0);
			expect(bucket.take('k', 1, T0 + 4_000)).toBe(6_000);
			expect(bucket.take('k', 1, T0 + 10_000)).toBe(0);
		}));
});

describe('TokenBucket in the database', () => {
	it('is one bucket for every connection to the file (every server process)', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-buckets-'));
		const file = path.join(dir, 'shared.db');
		const one = openDatabase(file);
		await migrateToLatest(one);
		const two = openDatabase(file);
		try {
			const bucket = new TokenBucket('test', 2, 60_000);
			expect(await withConn(one, (c) => bucket.consume(c, 'k', 1, T0))).toBe(true);
			expect(await withConn(two, (c) => bucket.consume(c, 'k', 1, T0))).toBe(true);
			expect(await withConn(one, (c) => bucket.take(c, 'k', 1, T0 + 10_000))).toBe(50_000);
			expect(await withConn(two, (c) => bucket.take(c, 'k', 1, T0 + 10_000))).toBe(50_000);
		} finally {
			await one.destroy();
			await two.destroy();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('keeps buckets of different names apart', () =>
		onConn((c) => {
			const a = new TokenBucket('a', 1, 60_000);
			const b = new TokenBucket('b', 1, 60_000);
			expect(runToEnd(a.consume(c, 'k', 1, T0))).toBe(true);
			expect(runToEnd(a.consume(c, 'k', 1, T0))).toBe(false);
			expect(runToEnd(b.consume(c, 'k', 1, T0))).toBe(true);
		}));

	it('prunes only the buckets that have refilled completely', async () => {
		const bucket = new TokenBucket('test', 3, 1_000);
		await withConn(db, function* (c) {
			yield* bucket.take(c, 'old', 1, T0);
			yield* bucket.take(c, 'recent', 1, T0 + 2_500);
		});
		// At T0 + 3 s 'old' is full again (3 tokens × 1 s); 'recent' is not.
		expect(await bucket.prune(db, T0 + 3_000)).toBe(1);
		const left = await db.selectFrom('rate_buckets').select('key').execute();
		expect(left).toEqual([{ key: 'recent' }]);
		await withConn(db, function* (c) {
			expect(yield* bucket.take(c, 'recent', 3, T0 + 3_000)).toBeGreaterThan(0);
		});
	});
});

describe('ProcessBucket', () => {
	it('keeps 1/n of the limit in each of n processes', () => {
		const bucket = new ProcessBucket(6, 1_000, () => 2);
		for (let i = 0; i < 3; i++) expect(bucket.consume('ip', 1, T0)).toBe(true);
		expect(bucket.consume('ip', 1, T0)).toBe(false);
		// Refilled half as fast: one token per 2 s here, so that both together refill one per second.
		expect(bucket.consume('ip', 1, T0 + 1_999)).toBe(false);
		expect(bucket.consume('ip', 1, T0 + 2_000)).toBe(true);
	});
});
