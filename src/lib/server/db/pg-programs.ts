import type pg from 'pg';
import { toDollar } from './placeholders';
import { withoutNul } from './postgres';
import { asyncConn, asyncRun, type Conn, type Program, type Send } from './program';

/**
 * Statement programs (program.ts) on PostgreSQL: `exclusive` and `withConn` of db/index.ts when the
 * database is a PostgreSQL pool. A program that writes runs in one transaction on one pooled
 * client — BEGIN, its statements one after the other (each awaited), COMMIT — and is rolled back
 * when it throws; a program that only reads runs on one pooled client without a transaction.
 * Statements are written with `?` placeholders and sent as `$1, $2, …` (placeholders.ts), as
 * prepared statements (named after their text: PostgreSQL parses and plans each once per
 * connection), NUL dropped from text as everywhere on PostgreSQL (postgres.ts withoutNul).
 *
 * PostgreSQL runs transactions side by side, where SQLite runs one writer at a time: a program that
 * reads a row and writes depending on it reads it with `getForUpdate` (`for update`: a second
 * transaction on the row waits for the first to end, then reads the row as the first left it).
 * Two transactions that lock rows in opposite orders deadlock, and PostgreSQL ends one of them
 * (40P01); a serialization failure (40001) ends one likewise. The whole program is then run again
 * once, from its first statement, on a fresh transaction — programs are plain functions of what
 * they read, so running one again is running it on the newer rows.
 */

/** What a pooled client must offer (pg.PoolClient). */
type Client = Pick<pg.PoolClient, 'query' | 'release'>;
/** What a pool must offer (pg.Pool). */
export type ProgramPool = Pick<pg.Pool, 'connect'>;

/** What a transaction's caller hooks in: db/index.ts's scope (beforeCommit's writes, afterTransaction). */
export interface TxHooks {
	/** A transaction begins on `c`: its deferred writes (`close`, run just before COMMIT) and its end. */
	begin(c: Conn): { close(c: Conn): Program<void>; end(committed: boolean): void };
}

/** SQLSTATE of a deadlock (40P01) and of a serialization failure (40001): the program runs again. */
function isRetryable(e: unknown): boolean {
	const code = (e as { code?: unknown } | null)?.code;
	return code === '40P01' || code === '40001';
}

const names = new Map<string, string>();
/** One prepared statement name per statement text (pg prepares a name once per connection). */
function nameOf(text: string): string {
	let name = names.get(text);
	if (!name) {
		name = `hoithi_${names.size + 1}`;
		names.set(text, name);
	}
	return name;
}

function sender(client: Client): Send {
	return async (sql, params) => {
		const text = toDollar(sql);
		const r = await client.query({ name: nameOf(text), text, values: params.map(withoutNul) });
		return { rows: r.rows, rowCount: r.rowCount };
	};
}

/** Runs `fn`'s program without a transaction (reads; a write commits on its own) on one pooled client. */
export async function pgWithConn<T>(pool: ProgramPool, fn: (c: Conn) => Program<T>, opened?: (c: Conn) => void): Promise<T> {
	const client = await pool.connect();
	try {
		const c = asyncConn();
		opened?.(c);
		return await asyncRun(fn(c), sender(client));
	} finally {
		client.release();
	}
}

/**
 * Runs `fn`'s program in one transaction on one pooled client: BEGIN, the program, the writes
 * deferred to its end (hooks), COMMIT; ROLLBACK when anything throws. Run again once, from the
 * start, on a deadlock or serialization failure (isRetryable).
 */
export async function pgExclusive<T>(pool: ProgramPool, fn: (c: Conn) => Program<T>, hooks?: TxHooks): Promise<T> {
	try {
		return await pgTransactionOnce(pool, fn, hooks);
	} catch (e) {
		if (!isRetryable(e)) throw e;
		return pgTransactionOnce(pool, fn, hooks);
	}
}

async function pgTransactionOnce<T>(pool: ProgramPool, fn: (c: Conn) => Program<T>, hooks?: TxHooks): Promise<T> {
	const client = await pool.connect();
	const send = sender(client);
	const c = asyncConn();
	let broken: Error | undefined;
	let scope: ReturnType<TxHooks['begin']> | undefined;
	let out: T;
	try {
		await client.query('BEGIN');
		scope = hooks?.begin(c);
		out = await asyncRun(fn(c), send);
		if (scope) await asyncRun(scope.close(c), send);
		await client.query('COMMIT');
	} catch (e) {
		try {
			await client.query('ROLLBACK');
		} catch (rollbackFailed) {
			// The connection is gone (or unusable): destroy it rather than hand it to the next program.
			broken = rollbackFailed as Error;
		}
		scope?.end(false);
		throw e;
	} finally {
		client.release(broken);
	}
	scope?.end(true);
	return out;
}
