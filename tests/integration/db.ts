import { inject } from 'vitest';
import {
	createTestDatabase,
	dropTestDatabase,
	isPostgresUrl,
	openTestDatabase,
	postgresAdminUrl,
	testDatabaseName,
	withDatabase,
	type TestDatabase
} from '../../scripts/test-db.js';

type Row = Record<string, any>;

/** Statements on a test server's database, the same on SQLite and PostgreSQL (scripts/test-db.js). */
export interface TestDb {
	/** The first row, or undefined. */
	get<T = Row>(sql: string, ...params: unknown[]): Promise<T | undefined>;
	all<T = Row>(sql: string, ...params: unknown[]): Promise<T[]>;
	/** A write; `changes` is the number of rows it touched. */
	run(sql: string, ...params: unknown[]): Promise<{ changes: number }>;
}

const pools = new Map<string, TestDatabase>();

/**
 * Direct read/write access to a test server's database, for arranging time-based cases and for
 * looking at what a request stored: by default the shared test server's (global setup), or
 * `target` — another server's `database` (its SQLite file or PostgreSQL URL). Write statements
 * with `?` placeholders; numbers come back as numbers on both engines. On SQLite each statement
 * opens the file, runs and closes it again (as the tests did by hand before); on PostgreSQL the
 * statements share a small pool per database.
 */
export function testDb(target?: string): TestDb {
	const use = async <R>(fn: (db: TestDatabase) => Promise<R>): Promise<R> => {
		const at = target ?? inject('database');
		if (isPostgresUrl(at)) {
			let pool = pools.get(at);
			if (!pool) pools.set(at, (pool = openTestDatabase(at)));
			return fn(pool);
		}
		const db = openTestDatabase(at);
		try {
			return await fn(db);
		} finally {
			await db.close();
		}
	};
	return {
		get: (sql, ...params) => use((db) => db.get(sql, ...params)),
		all: (sql, ...params) => use((db) => db.all(sql, ...params)),
		run: (sql, ...params) => use((db) => db.run(sql, ...params))
	};
}

/** Whether this run's test servers are on PostgreSQL (npm run test:pg). */
export function onPostgres(): boolean {
	return isPostgresUrl(inject('database'));
}

/** A database of a test's own, on the run's engine. */
export interface ScratchDatabase {
	/** What openDatabase() and testDb() take: the SQLite file (or ':memory:') or the PostgreSQL URL. */
	target: string;
	/** The environment for a CLI script (tsx scripts/…) on it: this process's, pointed at it. */
	env: Record<string, string | undefined>;
	/** Drops it (PostgreSQL); a SQLite file is left to its test. */
	drop: () => Promise<void>;
}

/**
 * A fresh, empty database for a test that runs the app's code in-process or a CLI script: on
 * SQLite `sqliteFile` (by default ':memory:', as the tests always did), under npm run test:pg a new
 * PostgreSQL database `hoithi_tests_scratch_<label>`.
 */
export async function scratchDatabase(label: string, sqliteFile = ':memory:'): Promise<ScratchDatabase> {
	const admin = postgresAdminUrl();
	if (!admin) return { target: sqliteFile, env: withDatabase(process.env, { dbPath: sqliteFile }), drop: async () => {} };
	const name = testDatabaseName('scratch_' + label);
	const url = await createTestDatabase(admin, name);
	return {
		target: url,
		env: withDatabase(process.env, { dbPath: '', url }),
		drop: async () => {
			await pools.get(url)?.close();
			pools.delete(url);
			await dropTestDatabase(admin, name);
		}
	};
}
