import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exclusive, migrateToLatest, openDatabase, withConn, type Db } from '../../src/lib/server/db';
import { pgExclusive, pgWithConn, type TxHooks } from '../../src/lib/server/db/pg-programs';
import type { Conn, Program } from '../../src/lib/server/db/program';
import { TokenBucket } from '../../src/lib/server/auth/rate-limit';
import { BackoffLock } from '../../src/lib/server/auth/backoff';
import { invalidate } from '../../src/lib/server/cache';
import { createDatabase } from './pg';

/**
 * Statement programs on PostgreSQL: the runner (db/pg-programs.ts) on a pool of its own, and
 * exclusive/withConn of db/index.ts on a database opened as the app opens it, on a real server —
 * a fresh migrated database on TEST_DATABASE_URL (tests/pg/pg.ts: named with the run's prefix),
 * dropped afterwards.
 */

let pool: pg.Pool;
let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
	const d = await createDatabase('programs');
	drop = d.drop;
	db = openDatabase(d.url);
	await migrateToLatest(db);
	pool = new pg.Pool({ connectionString: d.url, max: 8 });
	await pool.query(
		'create table items (id integer generated always as identity primary key, name text not null unique, n integer not null default 0)'
	);
});

afterAll(async () => {
	await pool?.end();
	await db?.destroy();
	await drop?.();
});

beforeEach(async () => {
	await pool.query('truncate items, rate_buckets, backoff_locks, cache_events restart identity');
});

const names = async () => (await pool.query<{ name: string }>('select name from items order by id')).rows.map((r) => r.name);

function* insertTwo(c: Conn, a: string, b: string): Program<number> {
	yield* c.run('insert into items (name) values (?)', a);
	const row = yield* c.get<{ id: number }>('insert into items (name) values (?) returning id', b);
	return row!.id;
}

function* insertThenFail(c: Conn, a: string): Program<never> {
	yield* c.run('insert into items (name) values (?)', a);
	throw new Error('abandoned');
}

function* countWhere(c: Conn, name: string): Program<number> {
	const rows = yield* c.all<{ name: string }>("select name from items where name = ? or name = '?'", name);
	return rows.length;
}

/** Bumps a then b (rows locked in that order), sleeping in between so that an opposite order deadlocks. */
function* bumpBoth(c: Conn, a: string, b: string, runs: string[]): Program<void> {
	runs.push(a);
	yield* c.getForUpdate('select n from items where name = ?', a);
	yield* c.get('select pg_sleep(0.3)');
	yield* c.getForUpdate('select n from items where name = ?', b);
	yield* c.run('update items set n = n + 1 where name = ? or name = ?', a, b);
}

function* alwaysSerializationFailure(c: Conn, runs: string[]): Program<void> {
	runs.push('run');
	yield* c.run("do $$ begin raise exception 'conflict' using errcode = '40001'; end $$");
}

/** The pool has every connection back, idle (none leaked by a program, committed or not). */
const allIdle = () => expect(pool.idleCount).toBe(pool.totalCount);

describe('pgExclusive (one transaction on a pooled client)', () => {
	it('commits the program: its statements, `?` as $n (a ? inside quotes stays), its answer', async () => {
		expect(await pgExclusive(pool, (c) => insertTwo(c, 'a', 'b'))).toBe(2);
		expect(await names()).toEqual(['a', 'b']);
		expect(await pgWithConn(pool, (c) => countWhere(c, 'a'))).toBe(1);
		allIdle();
	});

	it('rolls back every statement of a program that throws, and of one whose statement fails', async () => {
		await expect(pgExclusive(pool, (c) => insertThenFail(c, 'x'))).rejects.toThrow('abandoned');
		await expect(pgExclusive(pool, (c) => insertTwo(c, 'y', 'y'))).rejects.toMatchObject({ code: '23505' });
		expect(await names()).toEqual([]);
		// The clients went back to the pool clean: the next program commits.
		await pgExclusive(pool, (c) => insertTwo(c, 'c', 'd'));
		expect(await names()).toEqual(['c', 'd']);
		allIdle();
	});

	it('runs the writes deferred to the end inside the transaction, then tells how it ended', async () => {
		const ended: boolean[] = [];
		const hooks: TxHooks = {
			begin: () => ({
				close: (c) => insertTwo(c, 'closing-1', 'closing-2') as unknown as Program<void>,
				end: (committed) => ended.push(committed)
			})
		};
		await pgExclusive(pool, (c) => insertTwo(c, 'e', 'f'), hooks);
		await expect(pgExclusive(pool, (c) => insertThenFail(c, 'g'), hooks)).rejects.toThrow('abandoned');
		expect(ended).toEqual([true, false]);
		expect(await names()).toEqual(['e', 'f', 'closing-1', 'closing-2']);
	});

	it('runs a program again, once, when PostgreSQL ends it in a deadlock', async () => {
		await pool.query("insert into items (name) values ('p'), ('q')");
		const runs: string[] = [];
		const both = await Promise.allSettled([
			pgExclusive(pool, (c) => bumpBoth(c, 'p', 'q', runs)),
			pgExclusive(pool, (c) => bumpBoth(c, 'q', 'p', runs))
		]);
		expect(both.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
		// Three runs: the deadlock's victim ran again after the other committed.
		expect(runs.length).toBe(3);
		const n = (await pool.query<{ n: number }>('select n from items order by name')).rows.map((r) => r.n);
		expect(n).toEqual([2, 2]);
		allIdle();
	});

	it('gives up after the second serialization failure in a row', async () => {
		const runs: string[] = [];
		await expect(pgExclusive(pool, (c) => alwaysSerializationFailure(c, runs))).rejects.toMatchObject({ code: '40001' });
		expect(runs).toEqual(['run', 'run']);
		allIdle();
	});
});

describe('rows read for update (getForUpdate) on PostgreSQL', () => {
	const PAIRS = 12;

	it('let two concurrent takes of the last token of a bucket never both succeed (exclusive on the app database)', async () => {
		const bucket = new TokenBucket('test', 2, 60_000);
		const now = Date.now();
		// Every key has one token left.
		for (let i = 0; i < PAIRS; i++) await exclusive(db, (c) => bucket.take(c, `k${i}`, 1, now));
		const waits = await Promise.all(
			Array.from({ length: PAIRS }, (_, i) => [0, 1].map(() => exclusive(db, (c) => bucket.take(c, `k${i}`, 1, now)))).flat()
		);
		for (let i = 0; i < PAIRS; i++) expect(waits.slice(2 * i, 2 * i + 2).filter((w) => w === 0).length, `k${i}`).toBe(1);
		const left = await pool.query<{ tokens: number }>('select tokens from rate_buckets');
		expect(left.rows.map((r) => r.tokens)).toEqual(new Array(PAIRS).fill(0));
	});

	it('count both of two concurrent first charges of a key that has no row yet', async () => {
		const bucket = new TokenBucket('test', 1, 60_000);
		const now = Date.now();
		const waits = await Promise.all(
			Array.from({ length: PAIRS }, (_, i) => [0, 1].map(() => exclusive(db, (c) => bucket.take(c, `new${i}`, 1, now)))).flat()
		);
		for (let i = 0; i < PAIRS; i++) expect(waits.slice(2 * i, 2 * i + 2).filter((w) => w === 0).length, `new${i}`).toBe(1);
	});

	it('count every one of concurrent failed logins on one key (back-off)', async () => {
		const lock = new BackoffLock('test', { free: 100, baseMs: 1_000, capMs: 60_000, forgetMs: 3_600_000 });
		const now = Date.now();
		await Promise.all(Array.from({ length: 8 }, () => exclusive(db, (c) => lock.fail(c, 'pair', now))));
		await Promise.all(Array.from({ length: 8 }, () => exclusive(db, (c) => lock.fail(c, 'pair', now))));
		const r = await pool.query<{ failures: number }>("select failures from backoff_locks where key = 'pair'");
		expect(r.rows).toEqual([{ failures: 16 }]);
	});
});

function* insertAndInvalidate(c: Conn, name: string, fail: boolean): Program<void> {
	yield* c.run('insert into items (name) values (?)', name);
	invalidate(c, 'questions');
	if (fail) throw new Error('abandoned');
}

function* itemCount(c: Conn): Program<number> {
	return (yield* c.get<{ n: number }>('select count(*) as n from items'))!.n;
}

describe('exclusive and withConn on a PostgreSQL database', () => {
	it('write the cache event a program asks for in its own transaction: with its commit, not after a rollback', async () => {
		await exclusive(db, (c) => insertAndInvalidate(c, 'kept', false));
		await expect(exclusive(db, (c) => insertAndInvalidate(c, 'dropped', true))).rejects.toThrow('abandoned');
		expect(await names()).toEqual(['kept']);
		const events = await pool.query<{ topic: string }>('select topic from cache_events');
		expect(events.rows).toEqual([{ topic: 'questions' }]);
	});

	it('answer a read, numbers as numbers (count(*) is a bigint on PostgreSQL)', async () => {
		await exclusive(db, (c) => insertTwo(c, 'r', 's'));
		expect(await withConn(db, itemCount)).toBe(2);
	});
});
