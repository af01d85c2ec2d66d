import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No dead exports. Every value a module of ours exports (function, const, class) is imported by
 * another file — production code, a script, a benchmark or a test (a rule exported to be
 * unit-tested is in use) — and every exported type is named somewhere, if only in its own
 * module's signatures. What nothing needs is removed; what only its own file needs is not exported.
 *
 * Imports are read from the source text: `import … from`, `export … from`, `import * as ns` (then
 * `ns.name`), `const { a } = await import(…)`, `import('…').Name` in types and JSDoc. Any other
 * dynamic import of a module counts as using all of it.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const CODE = /\.(ts|js|svelte)$/;
const TEST = /(\.(spec|test|e2e)\.ts$)|^tests\//;

/** Exports that SvelteKit, Vite or a runner reads by name, not an import of ours. */
const CONVENTION: Record<string, RegExp> = {
	// +page/+layout/+server files and hooks: the names SvelteKit looks up.
	'src/routes/': /^(load|actions|prerender|ssr|csr|trailingSlash|config|entries|GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|fallback)$/,
	'src/hooks.': /^(handle|handleError|handleFetch|handleValidationError|init|reroute|transport)$/,
	'src/params/': /^match$/,
	// Kysely's Migrator calls up/down of each migration (listed in migrations/index.ts).
	'migrations/': /^(up|down)$/
};

/** Exported on purpose although no code imports them, each with its reason. */
const KEPT = new Set([
	// The fence's written list of what SvelteKit and adapter-node do that the hot path replaces:
	// declared beside the hooks' steps for the people who change either (README, architecture notes).
	'src/lib/server/pipeline.ts: REPLACED_BY_THE_HOT_PATH'
]);

function listFiles(): string[] {
	const files = ['vite.config.ts', 'svelte.config.js', 'playwright.config.ts', 'eslint.config.js'];
	for (const dir of ['src', 'scripts', 'bench', 'migrations', 'tests'])
		for (const f of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }))
			if (CODE.test(f) && !f.includes('node_modules')) files.push(path.posix.join(dir, f.split(path.sep).join('/')));
	return files.filter((f) => fs.statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.isFile());
}

function resolveImport(from: string, spec: string, known: Set<string>): string | null {
	let base: string;
	if (spec.startsWith('$lib/') || spec === '$lib') base = path.posix.join('src/lib', spec.slice(5));
	else if (spec.startsWith('.')) base = path.posix.join(path.posix.dirname(from), spec);
	else if (spec.startsWith('/')) base = spec.slice(1);
	else return null;
	const stem = base.replace(/\.js$/, '');
	for (const c of [base, `${stem}.ts`, `${stem}.js`, `${base}.svelte`, `${stem}/index.ts`, `${stem}/index.js`]) if (known.has(c)) return c;
	return null;
}

/** Names exported by a module (declarations and `export { … }` lists), with whether each is a type. */
function exportsOf(source: string): Map<string, 'type' | 'value'> {
	const names = new Map<string, 'type' | 'value'>();
	for (const m of source.matchAll(
		/^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(function\*?|const|let|var|class|abstract\s+class|type|interface|enum)\s+([\w$]+)/gm
	))
		names.set(m[2], m[1] === 'type' || m[1] === 'interface' ? 'type' : 'value');
	for (const m of source.matchAll(/^export\s+(type\s+)?\{([^}]*)\}(?!\s*from)/gm))
		for (const part of m[2].split(',')) {
			const p = part.trim();
			if (!p) continue;
			const isType = Boolean(m[1]) || p.startsWith('type ');
			names.set(
				p
					.replace(/^type\s+/, '')
					.split(/\s+as\s+/)
					.pop()!,
				isType ? 'type' : 'value'
			);
		}
	return names;
}

function namedList(list: string): string[] {
	return list
		.split(',')
		.map(
			(p) =>
				p
					.trim()
					.replace(/^type\s+/, '')
					.split(/\s+as\s+|\s*:\s*/)[0]
		)
		.filter(Boolean);
}

/** For every module: the names other files take from it ('*' = all of them). */
function importedNames(files: string[], text: Map<string, string>): Map<string, Set<string>> {
	const known = new Set(files);
	const used = new Map<string, Set<string>>();
	const mark = (target: string | null, name: string) => {
		if (!target) return;
		if (!used.has(target)) used.set(target, new Set());
		used.get(target)!.add(name);
	};
	for (const f of files) {
		const src = text.get(f)!;
		const to = (spec: string) => resolveImport(f, spec, known);
		for (const m of src.matchAll(/(?:^|[\s;])import\s+(?:type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
			const clause = m[1];
			const target = to(m[2]);
			if (!target || /[;'"`]|\bimport\b/.test(clause)) continue;
			const braces = clause.match(/\{([^}]*)\}/);
			if (braces) for (const n of namedList(braces[1])) mark(target, n);
			const ns = clause.match(/\*\s+as\s+([\w$]+)/);
			if (ns) for (const u of src.matchAll(new RegExp(`(?<![\\w$.])${ns[1].replace(/\$/g, '\\$')}\\.([\\w$]+)`, 'g'))) mark(target, u[1]);
			const def = clause
				.replace(/\{[^}]*\}|\*\s+as\s+[\w$]+/g, '')
				.replace(/,/g, ' ')
				.trim();
			if (def) mark(target, 'default');
		}
		for (const m of src.matchAll(/^export\s+(?:type\s+)?(\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?)\s+from\s+['"]([^'"]+)['"]/gm)) {
			const target = to(m[2]);
			if (m[1].startsWith('{')) for (const n of namedList(m[1].slice(1, -1))) mark(target, n);
			else mark(target, '*');
		}
		for (const m of src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)(\.([\w$]+))?/g)) {
			const target = to(m[1]);
			if (!target) continue;
			if (m[3]) {
				mark(target, m[3]);
				continue;
			}
			const before = src.slice(Math.max(0, m.index - 300), m.index);
			const destructured = before.match(/\{([^{}]*)\}\s*=\s*(?:await\s+)?$/);
			if (destructured) for (const n of namedList(destructured[1])) mark(target, n);
			else mark(target, '*');
		}
	}
	return used;
}

function deadExports(): string[] {
	const files = listFiles();
	const text = new Map(files.map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')]));
	const used = importedNames(files, text);
	const dead: string[] = [];
	for (const f of files) {
		if (TEST.test(f) || f.endsWith('.svelte') || !/^(src|scripts|bench|migrations)\//.test(f)) continue;
		const src = text.get(f)!;
		const taken = used.get(f) ?? new Set<string>();
		if (taken.has('*')) continue;
		const convention = Object.entries(CONVENTION).find(([prefix]) => f.startsWith(prefix))?.[1];
		for (const [name, kind] of exportsOf(src)) {
			if (taken.has(name) || convention?.test(name)) continue;
			if (kind === 'type') {
				// A type may be exported to name its module's signatures: dead only when unused even there.
				const uses = src.match(new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
				if (uses > 1) continue;
			}
			if (!KEPT.has(`${f}: ${name}`)) dead.push(`${f}: ${name}`);
		}
	}
	return dead.sort();
}

describe('exports', () => {
	it('are all imported somewhere (types at least named somewhere)', () => {
		expect(deadExports()).toEqual([]);
	});
});
