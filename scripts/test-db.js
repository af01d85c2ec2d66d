/**
 * The test database on either engine, for the test server (scripts/test-server.js), the crash test
 * (scripts/crash-test.js) and the integration tests (tests/integration/db.ts).
 *
 * - SQLite (the default, all `npm test` needs): the server's database is a file; tests open it with
 *   better-sqlite3.
 * - PostgreSQL (`npm run test:pg` sets TEST_ENGINE=postgres): each test server gets a fresh database
 *   `<TEST_DATABASE_PREFIX><name>` (default prefix `hoithi_tests_`) created on the server that
 *   TEST_DATABASE_URL points at (default postgres://hoithi:hoithi@127.0.0.1:5432/postgres, a role
 *   allowed to create databases) — template0, UTF8, C.UTF-8 collation so text sorts by code point
 *   as SQLite's BINARY does — and dropped when the server stops. Tests reach it with pg.
 *
 * Statements are written once with `?` placeholders (SQLite's); on PostgreSQL they become `$1, $2, …`.
 * Rows are plain objects; int8 (count(*), sum, the bigint ms columns) and numeric come back as
 * numbers on both engines, as they do in the app.
 */
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://hoithi:hoithi@127.0.0.1:5432/postgres';

/** The PostgreSQL server the test databases are created on, or undefined when the tests run on SQLite. */
export function postgresAdminUrl() {
	if (process.env.TEST_ENGINE !== 'postgres') return undefined;
	return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** Whether a database target (a file path or a URL) is a PostgreSQL database. */
export function isPostgresUrl(/** @type {string} */ target) {
	return /^postgres(ql)?:\/\//.test(target);
}

/** A database name for a test database from a label (e.g. the SQLite file's base name): `hoithi_tests_integration`. */
export function testDatabaseName(/** @type {string} */ label) {
	const prefix = process.env.TEST_DATABASE_PREFIX || 'hoithi_tests_';
	return (prefix + label.toLowerCase().replace(/[^a-z0-9_]+/g, '_')).slice(0, 63);
}

/** The URL of database `name` on the server of `adminUrl` (same role, host and options). */
export function databaseUrl(/** @type {string} */ adminUrl, /** @type {string} */ name) {
	const url = new URL(adminUrl);
	url.pathname = '/' + name;
	return url.toString();
}

/** @param {string} adminUrl @param {(c: pg.Client) => Promise<void>} fn */
async function asAdmin(adminUrl, fn) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await fn(client);
	} finally {
		await client.end();
	}
}

const ident = (/** @type {string} */ name) => '"' + name.replace(/"/g, '""') + '"';

/** Drops database `name` if it is there (whoever is connected to it) and creates it empty; answers its URL. */
export async function createTestDatabase(/** @type {string} */ adminUrl, /** @type {string} */ name) {
	await asAdmin(adminUrl, async (c) => {
		await c.query(`drop database if exists ${ident(name)} with (force)`);
		await c.query(`create database ${ident(name)} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
		// A commit is answered before its WAL reaches the disk: seeding a test server takes half the
		// time. Only a crash of PostgreSQL itself could lose such a commit — no test does that; the
		// crash test kills the app, and what it acknowledged is committed for every session.
		await c.query(`alter database ${ident(name)} set synchronous_commit = off`);
	});
	return databaseUrl(adminUrl, name);
}

/** Drops database `name` (and ends every session on it); nothing happens when it is not there. */
export async function dropTestDatabase(/** @type {string} */ adminUrl, /** @type {string} */ name) {
	await asAdmin(adminUrl, async (c) => {
		await c.query(`drop database if exists ${ident(name)} with (force)`);
	});
}

/** The names of the databases on the server of `adminUrl` that start with `prefix`. */
export async function databasesLike(/** @type {string} */ adminUrl, /** @type {string} */ prefix) {
	/** @type {string[]} */
	let names = [];
	await asAdmin(adminUrl, async (c) => {
		const r = await c.query('select datname from pg_database where starts_with(datname, $1) order by datname', [prefix]);
		names = r.rows.map((row) => row.datname);
	});
	return names;
}

/**
 * The environment that points the app (server, seed, CLI scripts) at one database. On PostgreSQL
 * DATABASE_PATH names a file under /dev/null, which cannot be created: an app that ignored DATABASE_URL
 * fails at once instead of passing the tests on SQLite.
 * @param {{ dbPath: string, url?: string }} target
 * @returns {Record<string, string>}
 */
function databaseEnv({ dbPath, url }) {
	return url ? { DATABASE_URL: url, DATABASE_PATH: '/dev/null/ignored-on-postgresql.db' } : { DATABASE_PATH: dbPath };
}

/**
 * `env` with the database variables of the shell that started the tests taken out, then `target`'s:
 * a DATABASE_URL exported by a developer must not turn `npm test` into a run on their PostgreSQL.
 * @param {Record<string, string | undefined>} env
 * @param {{ dbPath: string, url?: string }} target
 */
export function withDatabase(env, target) {
	const out = { ...env };
	delete out.DATABASE_URL;
	delete out.DATABASE_REPLICA_URL;
	return { ...out, ...databaseEnv(target) };
}

/** Fails unless the app's migrations ran in PostgreSQL database `url` (the seed wrote there, not to a file). */
export async function assertMigratedOnPostgres(/** @type {string} */ url) {
	const db = openTestDatabase(url);
	try {
		const row = await db.get(
			"select count(*) as n from information_schema.tables where table_schema = 'public' and table_name = 'kysely_migration'"
		);
		const migrated = row?.n === 1 ? (await db.get('select count(*) as n from kysely_migration'))?.n : 0;
		if (!migrated)
			throw new Error(
				`No migrations ran in ${new URL(url).pathname.slice(1)}: the seed did not write to PostgreSQL (does the app read DATABASE_URL?)`
			);
	} finally {
		await db.close();
	}
}

/**
 * 'ok', or what is wrong. SQLite: PRAGMA integrity_check. PostgreSQL: amcheck's bt_index_check of
 * every B-tree index of the app's tables, with every row of the table looked up in it
 * (heapallindexed) — a unique index that lost or doubled a row shows here.
 * @param {TestDatabase} db
 */
export async function integrityCheck(db) {
	if (db.engine === 'sqlite') return String((await db.get('pragma integrity_check'))?.integrity_check);
	await db.run('create extension if not exists amcheck');
	const indexes = await db.all(
		`select c.oid::int as oid, c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
		 join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
		 where am.amname = 'btree' and n.nspname = 'public' order by c.relname`
	);
	const problems = [];
	for (const { oid, name } of indexes) {
		try {
			await db.run('select bt_index_check(?::regclass, true)', oid);
		} catch (e) {
			problems.push(`${name}: ${e instanceof Error ? e.message : e}`);
		}
	}
	if (!indexes.length) problems.push('no index to check');
	return problems.length ? problems.join('; ') : 'ok';
}

/**
 * `?` placeholders → `$1, $2, …`, leaving string literals, quoted names and comments alone.
 * @param {string} sql
 */
export function toDollar(sql) {
	let out = '';
	let n = 0;
	for (let i = 0; i < sql.length; i++) {
		const ch = sql[i];
		if (ch === "'" || ch === '"') {
			const end = sql.indexOf(ch, i + 1);
			const stop = end === -1 ? sql.length : end + 1;
			out += sql.slice(i, stop);
			i = stop - 1;
		} else if (ch === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			const stop = end === -1 ? sql.length : end;
			out += sql.slice(i, stop);
			i = stop - 1;
		} else if (ch === '?') out += '$' + ++n;
		else out += ch;
	}
	return out;
}

/** int8 as a number (refused beyond 2^53, where it would not be exact), numeric as a number. */
function int8(/** @type {string} */ v) {
	const n = Number(v);
	if (!Number.isSafeInteger(n)) throw new RangeError(`int8 ${v} is beyond 2^53`);
	return n;
}
const TYPES = {
	/** @param {number} oid @param {any} [format] */
	getTypeParser: (oid, format) => (oid === 20 ? int8 : oid === 1700 ? Number : pg.types.getTypeParser(oid, format))
};

/**
 * @typedef {Record<string, any>} Row
 * @typedef {{
 *   engine: 'sqlite' | 'postgres',
 *   get: <T = Row>(sql: string, ...params: unknown[]) => Promise<T | undefined>,
 *   all: <T = Row>(sql: string, ...params: unknown[]) => Promise<T[]>,
 *   run: (sql: string, ...params: unknown[]) => Promise<{ changes: number }>,
 *   close: () => Promise<void>
 * }} TestDatabase
 */

/**
 * A connection to a test database: `target` is the SQLite file's path or the PostgreSQL
 * database's URL. SQLite: one better-sqlite3 connection (waits up to 5 s for the server's write
 * lock). PostgreSQL: a small pool (statements outside a transaction, one at a time, as on SQLite).
 * @param {string} target
 * @param {{ readonly?: boolean }} [opts]
 * @returns {TestDatabase}
 */
export function openTestDatabase(target, opts = {}) {
	if (isPostgresUrl(target)) {
		const pool = new pg.Pool({ connectionString: target, types: TYPES, max: 2, idleTimeoutMillis: 2_000, allowExitOnIdle: true });
		pool.on('error', () => {
			/* an idle connection ended (the database was dropped): the next query connects again or fails */
		});
		/** @param {string} sql @param {unknown[]} params */
		const query = (sql, params) => pool.query(toDollar(sql), params);
		return {
			engine: 'postgres',
			get: async (sql, ...params) => (await query(sql, params)).rows[0],
			all: async (sql, ...params) => (await query(sql, params)).rows,
			run: async (sql, ...params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
			close: () => pool.end()
		};
	}
	if (opts.readonly && !fs.existsSync(target)) throw new Error(`No test database at ${target}`);
	const db = new SQLite(target, { readonly: opts.readonly ?? false });
	db.pragma('busy_timeout = 5000');
	return {
		engine: 'sqlite',
		get: async (sql, ...params) => /** @type {any} */ (db.prepare(sql).get(...params)),
		all: async (sql, ...params) => /** @type {any[]} */ (db.prepare(sql).all(...params)),
		run: async (sql, ...params) => ({ changes: db.prepare(sql).run(...params).changes }),
		close: async () => {
			db.close();
		}
	};
}
