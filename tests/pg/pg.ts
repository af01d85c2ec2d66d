import { migrateToLatest, openDatabase, type Db } from '../../src/lib/server/db';
import { createDatabase as create, dropDatabase, withDatabase } from '../../scripts/pg-tools';

/**
 * PostgreSQL for the tests of tests/pg/ (the `pg-core` vitest project: `npm run test:pg:core`, and part of `npm run test:pg`): fresh
 * databases on the server of TEST_DATABASE_URL, dropped afterwards. These tests need a PostgreSQL
 * server; `npm test` (SQLite only) does not run them.
 */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://hoithi:hoithi@127.0.0.1:5432/postgres';
/** Names of the databases the tests create (several checkouts on one server: give each its own). */
const PREFIX = process.env.TEST_DATABASE_PREFIX || 'hoithi_tests_';

let n = 0;

/** A new empty database (scripts/pg-tools.ts: UTF-8, C.UTF-8), with `drop()`; named after `label`, the process and a counter. */
export async function createDatabase(label: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
	const name = `${PREFIX}${label}_${process.pid}_${++n}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
	const url = withDatabase(ADMIN_URL, name);
	await create(url);
	return { name, url, drop: () => dropDatabase(url) };
}

/** A fresh migrated database opened as the app opens it, with `close()` (destroy and drop). */
export async function migratedDatabase(label: string): Promise<{ db: Db; url: string; name: string; close: () => Promise<void> }> {
	const d = await createDatabase(label);
	const db = openDatabase(d.url);
	await migrateToLatest(db);
	return {
		db,
		url: d.url,
		name: d.name,
		close: async () => {
			await db.destroy();
			await d.drop();
		}
	};
}
