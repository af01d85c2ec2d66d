import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from './dialect';

/**
 * The one place where text someone typed becomes a LIKE pattern. In LIKE, "%" and "_" are
 * wildcards: unescaped, a search for "%" lists everyone (and exports them). Both, and the escape
 * character itself, are escaped with "\" and every pattern carries `ESCAPE '\'`.
 */
export function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * `column LIKE '%text%' ESCAPE '\'`: the text found anywhere in the column, taken literally and
 * regardless of case — SQLite's LIKE ignores the case of ASCII letters; on PostgreSQL, whose LIKE
 * does not, it is ILIKE (which ignores the case of every letter).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function containsText(db: Kysely<any>, column: string, text: string): RawBuilder<boolean> {
	const like = dialectOf(db) === 'postgres' ? sql`ilike` : sql`like`;
	return sql<boolean>`${sql.ref(column)} ${like} ${'%' + escapeLike(text) + '%'} escape '\\'`;
}
