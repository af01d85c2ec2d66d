/**
 * Small PostgreSQL administration for the scripts (gen, backup, restore, sqlite-to-pg) and the
 * PostgreSQL tests: databases are created and dropped through the server's maintenance database
 * (`postgres`) on the same server, with the settings hoithi needs.
 */
import pg from 'pg';

/** The database name in a PostgreSQL URL. */
export function databaseName(url: string): string {
	const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
	if (!name) throw new Error(`no database name in ${new URL(url).origin}`);
	return name;
}

/** The same server and credentials, database `name` (default: the maintenance database `postgres`). */
export function withDatabase(url: string, name = 'postgres'): string {
	const u = new URL(url);
	u.pathname = '/' + encodeURIComponent(name);
	return u.toString();
}

const ident = (name: string) => '"' + name.replaceAll('"', '""') + '"';

/** Runs `fn` with a client on the maintenance database of `url`'s server. */
async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: withDatabase(url) });
	await c.connect();
	try {
		return await fn(c);
	} finally {
		await c.end();
	}
}

export async function databaseExists(url: string): Promise<boolean> {
	return onServer(url, async (c) => (await c.query('select 1 from pg_database where datname = $1', [databaseName(url)])).rowCount === 1);
}

/**
 * Creates the database of `url`: UTF-8 with the C.UTF-8 collation, so that text sorts by code point
 * as in SQLite (names, unit codes) and every Vietnamese letter is stored as typed.
 */
export async function createDatabase(url: string): Promise<void> {
	await onServer(url, (c) =>
		c.query(`create database ${ident(databaseName(url))} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`)
	);
}

/** Drops the database of `url`, ending the sessions still connected to it. */
export async function dropDatabase(url: string): Promise<void> {
	await onServer(url, (c) => c.query(`drop database if exists ${ident(databaseName(url))} with (force)`));
}

/** Renames the database of `url` (no session may be connected to it). */
export async function renameDatabase(url: string, to: string): Promise<void> {
	await onServer(url, (c) => c.query(`alter database ${ident(databaseName(url))} rename to ${ident(to)}`));
}

/** Sessions other than the asking one connected to the database of `url` (a running server, a psql). */
export async function otherSessions(url: string): Promise<number> {
	return onServer(
		url,
		async (c) =>
			(
				await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
					databaseName(url)
				])
			).rows[0].n
	);
}

/**
 * Creates the database of `to` as a copy of the database of `from` (PostgreSQL's `template`: a
 * file-level copy, seconds for a generated data set), replacing `to` when it exists. No session may
 * be connected to `from`.
 */
export async function cloneDatabase(from: string, to: string): Promise<void> {
	await dropDatabase(to);
	await onServer(to, (c) => c.query(`create database ${ident(databaseName(to))} template ${ident(databaseName(from))}`));
}
