import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { dialectOf } from './dialect';

/**
 * SQL that SQLite and PostgreSQL write differently, one function per need. Everything else the app
 * writes is the same on both (standard SQL, `on conflict`, `returning`, window functions).
 */

/**
 * The elements of a JSON array of strings held in a text column, as a table `alias` with one column
 * `value`, for a FROM list after the table it reads (`from t, <this>`): SQLite's json_each,
 * PostgreSQL's json_array_elements_text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jsonTextElements(db: Kysely<any>, column: string, alias: string): RawBuilder<unknown> {
	return dialectOf(db) === 'postgres'
		? sql`json_array_elements_text(${sql.ref(column)}::json) as ${sql.id(alias)}(value)`
		: sql`json_each(${sql.ref(column)}) as ${sql.id(alias)}`;
}

/**
 * `query` locking the rows of `table` it reads until the transaction ends, for a transaction that
 * reads a row and then writes depending on what it read (a profile edit's "what changed"):
 * PostgreSQL's `for update of <table>` — a concurrent transaction on the same row waits, then reads
 * what this one wrote. SQLite needs nothing: it has one writer at a time, and the transaction that
 * writes second reads after the first one's commit.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lockingRowsOf<DB, TB extends keyof DB & string, O>(db: Kysely<any>, query: SelectQueryBuilder<DB, TB, O>, table: TB) {
	return dialectOf(db) === 'postgres' ? query.forUpdate(table) : query;
}

/**
 * Locks row `id` of `table` until the transaction `trx` ends, before a transaction reads it and
 * writes depending on it (a question's next version number): on PostgreSQL `select … for update`,
 * so a concurrent transaction on that row waits for this one; on SQLite nothing (one writer at a
 * time: no statement is sent).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function lockRow(trx: Kysely<any>, table: string, id: number): Promise<void> {
	if (dialectOf(trx) === 'postgres') await sql`select 1 from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}

/**
 * Locks the rows of `table` that `query` selects until the transaction ends, where nothing is read
 * from them (a person's attempts before their best is recomputed): on PostgreSQL `select … for
 * update of <table>`; on SQLite nothing is sent (one writer at a time).
 */
export async function lockRows<DB, TB extends keyof DB & string, O>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	query: SelectQueryBuilder<DB, TB, O>,
	table: TB
): Promise<void> {
	if (dialectOf(db) === 'postgres') await query.forUpdate(table).execute();
}
