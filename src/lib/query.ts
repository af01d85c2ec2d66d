/**
 * The query string (`?a=1&b=x`) of the entries that have a value, in their order; '' when none.
 * Empty strings, null, undefined and false are left out, so a filter left blank is not in the link.
 */
export function queryOf(params: Record<string, string | number | boolean | null | undefined>): string {
	const entries: [string, string][] = [];
	for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined && v !== false) entries.push([k, String(v)]);
	const s = new URLSearchParams(entries).toString();
	return s ? `?${s}` : '';
}
