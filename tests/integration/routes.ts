import fs from 'node:fs';
import path from 'node:path';

/**
 * Every route the app serves, read from the filesystem: pages (GET), their form actions
 * (POST, by name) and the methods each +server.ts exports. Keys look like the matrix's:
 * `GET /organiser/people/[userId]`, `POST /account?/logoutEverywhere`, `POST /login`.
 */
const ROUTES = path.resolve(import.meta.dirname, '../../src/routes');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function walk(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? walk(p) : [p];
	});
}

/** `src/routes/(group)/a/[id]/+page.svelte` → `/a/[id]` (route groups do not appear in URLs). */
function routeId(file: string): string {
	const rel = path
		.relative(ROUTES, path.dirname(file))
		.split(path.sep)
		.filter((s) => s && !/^\(.*\)$/.test(s));
	return '/' + rel.join('/');
}

/** Names of the top-level keys of `export const actions = { … }` (shorthand, `a: b`, `a: (e) => …`). */
export function actionNames(source: string): string[] {
	const start = source.search(/export const actions\s*=\s*\{/);
	if (start < 0) return [];
	let i = source.indexOf('{', start) + 1;
	let depth = 1;
	let token = '';
	const names: string[] = [];
	let expectKey = true;
	for (; i < source.length && depth > 0; i++) {
		const c = source[i];
		if (c === '{' || c === '(' || c === '[') depth++;
		else if (c === '}' || c === ')' || c === ']') depth--;
		if (depth === 1 && /[A-Za-z0-9_$'"]/.test(c)) {
			token += c;
			continue;
		}
		if (depth >= 1 && token && expectKey && (c === ':' || c === ',' || c === '(' || /\s/.test(c) || depth === 0)) {
			names.push(token.replace(/['"]/g, ''));
			expectKey = false;
		}
		if (depth === 0 && token && expectKey) names.push(token.replace(/['"]/g, ''));
		token = '';
		if (depth === 1 && c === ',') expectKey = true;
	}
	return [...new Set(names)];
}

export function enumerateRoutes(): string[] {
	const keys = new Set<string>();
	for (const file of walk(ROUTES)) {
		const base = path.basename(file);
		const id = routeId(file);
		if (base === '+page.svelte' || base === '+page.server.ts' || base === '+page.ts') keys.add(`GET ${id}`);
		if (base === '+page.server.ts') {
			for (const name of actionNames(fs.readFileSync(file, 'utf8'))) {
				keys.add(name === 'default' ? `POST ${id}` : `POST ${id}?/${name}`);
			}
		}
		if (base === '+server.ts' || base === '+server.js') {
			const src = fs.readFileSync(file, 'utf8');
			for (const m of METHODS) {
				if (new RegExp(`export (const|async function|function) ${m}\\b`).test(src)) keys.add(`${m} ${id}`);
			}
		}
	}
	return [...keys].sort();
}

/** True when a POST key names a form action (of a +page.server.ts) rather than a +server.ts handler. */
export function isFormAction(key: string): boolean {
	const [method, target] = key.split(' ');
	if (method !== 'POST') return false;
	if (target.includes('?/')) return true;
	const dir = path.join(ROUTES, ...target.split('/').filter(Boolean));
	return fs.existsSync(path.join(dir, '+page.server.ts')) && !fs.existsSync(path.join(dir, '+server.ts'));
}
