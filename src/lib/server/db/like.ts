import { sql, type RawBuilder } from 'kysely';

/**
 * The one place where text someone typed becomes a LIKE pattern. In LIKE, "%" and "_" are
 * wildcards: unescaped, a search for "%" lists everyone (and exports them). Both, and the escape
 * character itself, are escaped with "\" and every pattern carries `ESCAPE '\'`.
 */
export function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** `column LIKE '%text%' ESCAPE '\'`: the text found anywhere in the column, taken literally. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
	return sql<boolean>`${sql.ref(column)} like ${'%' + escapeLike(text) + '%'} escape '\\'`;
}
