import { sql } from 'kysely';
import type { Trx } from './index';

/**
 * Errors the code reacts to, read the same on both engines. A write that loses a race against a
 * unique index is an answer ("this phone is registered already"), not a failure.
 */

/**
 * The columns (`table.column`) of the unique index or primary key that `e` violated, or null when
 * `e` is something else. SQLite says "UNIQUE constraint failed: users.phone" (columns joined by
 * ", "); PostgreSQL gives the code 23505, the table and "Key (phone)=(…) already exists.".
 */
function uniqueViolation(e: unknown): string[] | null {
	if (!(e instanceof Error)) return null;
	const x = e as Error & { code?: unknown; table?: unknown; detail?: unknown; constraint?: unknown };
	if (x.code === '23505') {
		const key = typeof x.detail === 'string' ? /^Key \((.+?)\)=/.exec(x.detail) : null;
		const table = typeof x.table === 'string' ? x.table : '';
		if (key && table) return key[1].split(', ').map((c) => `${table}.${c.replace(/^"|"$/g, '')}`);
		return typeof x.constraint === 'string' ? [x.constraint] : [];
	}
	const m = /^UNIQUE constraint failed: (.+)$/.exec(x.message);
	if (m && (x.code === undefined || String(x.code).startsWith('SQLITE_CONSTRAINT'))) return m[1].split(', ');
	return null;
}

/** Whether `e` is a unique violation — on `column` (`table.column`) when one is given. */
export function isUniqueViolation(e: unknown, column?: string): boolean {
	const cols = uniqueViolation(e);
	return cols != null && (column === undefined || cols.includes(column));
}

let savepoints = 0;

/**
 * Runs `fn` inside a savepoint of the transaction `trx`: when it throws, what it wrote is undone and
 * the transaction goes on. SQLite undoes only a failed statement anyway, but PostgreSQL marks the
 * whole transaction failed (every later statement and the COMMIT refused) — a caught unique
 * violation inside a transaction needs this to be an answer rather than a lost transaction.
 */
export async function withSavepoint<T>(trx: Trx, fn: () => Promise<T>): Promise<T> {
	const name = sql.id(`hoithi_sp_${++savepoints}`);
	await sql`savepoint ${name}`.execute(trx);
	try {
		const out = await fn();
		await sql`release savepoint ${name}`.execute(trx);
		return out;
	} catch (e) {
		await sql`rollback to savepoint ${name}`.execute(trx);
		await sql`release savepoint ${name}`.execute(trx);
		throw e;
	}
}
