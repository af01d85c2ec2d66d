/**
 * SQL written with `?` placeholders (SQLite's, better-sqlite3's) as PostgreSQL wants it: `$1`, `$2`, …
 * in order. A `?` inside a string literal ('…'), a quoted identifier ("…") or a comment is text,
 * not a placeholder, and stays. Statements are few and repeated: each text is translated once.
 */
const translated = new Map<string, string>();

export function toDollar(sql: string): string {
	let out = translated.get(sql);
	if (out !== undefined) return out;
	out = '';
	let n = 0;
	for (let i = 0; i < sql.length; i++) {
		const ch = sql[i];
		if (ch === "'" || ch === '"') {
			// To the closing quote; a doubled quote inside ('it''s') closes and reopens: the same.
			const end = sql.indexOf(ch, i + 1);
			const stop = end < 0 ? sql.length : end + 1;
			out += sql.slice(i, stop);
			i = stop - 1;
		} else if (ch === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			const stop = end < 0 ? sql.length : end;
			out += sql.slice(i, stop);
			i = stop - 1;
		} else if (ch === '/' && sql[i + 1] === '*') {
			const end = sql.indexOf('*/', i + 2);
			const stop = end < 0 ? sql.length : end + 2;
			out += sql.slice(i, stop);
			i = stop - 1;
		} else if (ch === '?') out += `$${++n}`;
		else out += ch;
	}
	if (translated.size >= 5_000) translated.clear();
	translated.set(sql, out);
	return out;
}
