import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The map (docs/architecture.md) kept true: the import graph of every .ts/.js/.svelte file under
 * src/ (tests excluded — they may import anything) must not hold a forbidden arrow.
 *
 * - route-db: a route (src/routes/**) imports the database (src/lib/server/db/**), even a type;
 * - client-server: a module that is not server-only (src/lib outside server/, components, pages,
 *   +page.ts …) imports server code (src/lib/server/**, *.server.ts, +server.ts), `import type` aside;
 * - db-domain: the database layer imports a server area other than config;
 * - lib-routes: library code (src/lib/**) imports a route module;
 * - unlayered: a server area that has no place in LAYERS;
 * - upward: a server area imports one in its own layer or a higher one;
 * - cycle: server areas that import each other, directly or around a longer circle.
 *
 * An area is a folder of src/lib/server (auth/, attempts/ …) or a file directly in it (cache.ts).
 */

/** Server areas, lowest first: an area may import only areas of lower layers (never its siblings). */
const LAYERS: readonly (readonly string[])[] = [
	['config'],
	['db'],
	['cache', 'audit', 'http', 'mail'],
	['auth'],
	// questions below units: the unit sheet is read with the bank's sheet reader (units/sheet.ts).
	['questions'],
	['units', 'groups'],
	['users', 'contests'],
	['leaderboards'],
	['attempts'],
	['fairness', 'stats', 'pages', 'learning'],
	// The live hội thi (issue 14): questions, attempts' scoring rule, auth, audit; api and routes above it.
	['live'],
	['reports'],
	['prizes'],
	['api', 'pipeline', 'seed']
];

/** `from` imports `to` (paths from the repository root, with their extension when resolved). */
interface Edge {
	from: string;
	to: string;
	typeOnly: boolean;
}

type Rule = 'route-db' | 'client-server' | 'db-domain' | 'lib-routes' | 'unlayered' | 'upward' | 'cycle';

interface Violation {
	rule: Rule;
	message: string;
}

const SERVER = 'src/lib/server/';

function areaOf(file: string): string | null {
	if (!file.startsWith(SERVER)) return null;
	return file
		.slice(SERVER.length)
		.split('/')[0]
		.replace(/\.(ts|js)$/, '');
}

/** Never shipped to the browser: SvelteKit's own rule ($lib/server/**, *.server.ts, +server.ts). */
function isServerOnly(file: string): boolean {
	return file.startsWith(SERVER) || /(^|\/)[^/]*\.server\.(ts|js)$/.test(file) || /(^|\/)\+server\.(ts|js)$/.test(file);
}

function layerIndex(layers: readonly (readonly string[])[]): Map<string, number> {
	return new Map(layers.flatMap((names, i) => names.map((n) => [n, i] as const)));
}

/** Strongly connected groups of more than one area (Tarjan), each sorted, with the edges inside it. */
function areaCycles(areaEdges: Map<string, Map<string, string[]>>): { areas: string[]; via: string[] }[] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const groups: string[][] = [];
	const visit = (v: string) => {
		index.set(v, index.size);
		low.set(v, index.get(v)!);
		stack.push(v);
		onStack.add(v);
		for (const w of areaEdges.get(v)?.keys() ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v)!, low.get(w)!));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
		}
		if (low.get(v) === index.get(v)) {
			const group: string[] = [];
			let w: string;
			do {
				w = stack.pop()!;
				onStack.delete(w);
				group.push(w);
			} while (w !== v);
			if (group.length > 1) groups.push(group.sort());
		}
	};
	for (const v of [...areaEdges.keys()].sort()) if (!index.has(v)) visit(v);
	return groups.map((areas) => ({
		areas,
		via: areas.flatMap((a) =>
			[...(areaEdges.get(a) ?? [])].filter(([b]) => areas.includes(b)).map(([b, files]) => `${a} → ${b} (${files.join(', ')})`)
		)
	}));
}

/** Every forbidden arrow of the graph. */
function check(edges: readonly Edge[], layers: readonly (readonly string[])[] = LAYERS): Violation[] {
	const out: Violation[] = [];
	const layer = layerIndex(layers);
	const unlayered = new Set<string>();
	const areaEdges = new Map<string, Map<string, string[]>>();
	for (const { from, to, typeOnly } of edges) {
		const arrow = `${from} → ${to}`;
		const [a, b] = [areaOf(from), areaOf(to)];
		if (from.startsWith('src/routes/') && b === 'db')
			out.push({ rule: 'route-db', message: `${arrow}: routes call a service, never the database` });
		if (!isServerOnly(from) && isServerOnly(to) && !typeOnly)
			out.push({
				rule: 'client-server',
				message: `${arrow}: a module the browser may load imports server code (only \`import type\` may)`
			});
		if (a === 'db' && b !== null && b !== 'db' && b !== 'config')
			out.push({ rule: 'db-domain', message: `${arrow}: the database layer imports domain code` });
		if (from.startsWith('src/lib/') && to.startsWith('src/routes/'))
			out.push({ rule: 'lib-routes', message: `${arrow}: library code imports a route` });
		if (a === null || b === null || a === b) continue;
		for (const x of [a, b]) if (!layer.has(x)) unlayered.add(x);
		const files = areaEdges.get(a) ?? new Map<string, string[]>();
		const via = from.slice(SERVER.length);
		areaEdges.set(a, files.set(b, [...new Set([...(files.get(b) ?? []), via])]));
		if (layer.has(a) && layer.has(b) && layer.get(b)! >= layer.get(a)!)
			out.push({
				rule: 'upward',
				message: `${arrow}: ${a} may import only lower layers, and ${b} is ${layer.get(b) === layer.get(a) ? 'its sibling' : 'above it'}`
			});
	}
	for (const x of [...unlayered].sort())
		out.push({ rule: 'unlayered', message: `server area ${x} has no layer: add it to LAYERS here and in docs/architecture.md` });
	for (const { areas, via } of areaCycles(areaEdges))
		out.push({ rule: 'cycle', message: `areas ${areas.join(', ')} import each other: ${via.join('; ')}` });
	return out;
}

/* ——— Reading the real graph ——— */

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.posix.join(dir, e.name);
		if (e.isDirectory()) return sourceFiles(p);
		return /\.(ts|js|svelte)$/.test(e.name) && !/\.(spec|test)\.(ts|js)$/.test(e.name) ? [p] : [];
	});
}

/** `$lib/…` and relative specifiers to a file path; packages, `$app/…`, `$env/…`, `node:…` to null. */
function resolve(from: string, specifier: string): string | null {
	let base: string;
	if (specifier === '$lib' || specifier.startsWith('$lib/')) base = 'src/lib' + specifier.slice(4);
	else if (specifier.startsWith('.')) base = path.posix.join(path.posix.dirname(from), specifier);
	else return null;
	const candidates = [
		base,
		`${base}.ts`,
		`${base}.js`,
		`${base}.svelte`,
		`${base}/index.ts`,
		`${base}/index.js`,
		base.replace(/\.js$/, '.ts')
	];
	return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? base;
}

/** The imports of one file: declarations, re-exports, `import()` calls and `import('…')` types. */
function importsOf(file: string, text: string): { specifier: string; typeOnly: boolean }[] {
	const scripts = file.endsWith('.svelte') ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]) : [text];
	const found: { specifier: string; typeOnly: boolean }[] = [];
	for (const script of scripts) {
		const source = ts.createSourceFile(file, script, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
		const visit = (node: ts.Node) => {
			if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier))
				found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword });
			else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
				found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
			else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
				found.push({ specifier: node.argument.literal.text, typeOnly: true });
			else if (
				ts.isCallExpression(node) &&
				node.expression.kind === ts.SyntaxKind.ImportKeyword &&
				node.arguments[0] &&
				ts.isStringLiteralLike(node.arguments[0])
			)
				found.push({ specifier: node.arguments[0].text, typeOnly: false });
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
	return found;
}

function readGraph(root = 'src'): Edge[] {
	return sourceFiles(root).flatMap((from) =>
		importsOf(from, fs.readFileSync(from, 'utf8')).flatMap(({ specifier, typeOnly }) => {
			const to = resolve(from, specifier);
			return to ? [{ from, to, typeOnly }] : [];
		})
	);
}

/* ——— The tests ——— */

const rulesOf = (edges: Edge[], layers?: readonly (readonly string[])[]) => check(edges, layers).map((v) => v.rule);
const edge = (from: string, to: string, typeOnly = false): Edge => ({ from, to, typeOnly });

describe('the import graph', () => {
	it('has no forbidden arrow', () => {
		const graph = readGraph();
		// The reader sees the graph (a parser that found nothing would pass everything).
		expect(graph).toContainEqual(edge('src/hooks.server.ts', 'src/lib/server/pipeline.ts'));
		expect(graph).toContainEqual(edge('src/lib/components/Leaderboard.svelte', 'src/lib/server/leaderboards/boards.ts', true));
		expect(graph).toContainEqual(edge('src/lib/server/users/accounts.ts', 'src/lib/server/db/index.ts', true));
		expect(graph.length).toBeGreaterThan(500);
		expect(check(graph).map((v) => v.message)).toEqual([]);
		// Parsing every source file takes ~4 s alone on 2 cores, past the default 5 s when others run.
	}, 30_000);

	it('places every server area in a layer, once', () => {
		const names = LAYERS.flat();
		expect(new Set(names).size).toBe(names.length);
		const areas = fs
			.readdirSync('src/lib/server', { withFileTypes: true })
			.filter((e) => e.isDirectory() || /^[^.]+\.ts$/.test(e.name))
			.map((e) => e.name.replace(/\.ts$/, ''));
		expect(areas.filter((a) => !names.includes(a))).toEqual([]);
		expect(names.filter((a) => !areas.includes(a))).toEqual([]);
	});

	it('is the order docs/architecture.md gives', () => {
		const doc = fs.readFileSync('docs/architecture.md', 'utf8');
		expect(doc).toContain(LAYERS.map((l) => l.join(', ')).join(' → '));
		// Every file path the map names exists (from the repository root, or from src/lib/server/).
		const named = [...doc.matchAll(/`([\w$+[\]./-]+\/[\w$+[\].-]+\.(?:ts|js|svelte|csv|md))`/g)].map((m) => m[1]);
		expect(named.length).toBeGreaterThan(20);
		expect(named.filter((p) => !fs.existsSync(p) && !fs.existsSync(SERVER + p))).toEqual([]);
	});
});

describe('the checker', () => {
	it('allows downward imports, routes calling services, and types in components', () => {
		expect(
			rulesOf([
				edge('src/routes/organiser/+page.server.ts', 'src/lib/server/contests/service.ts'),
				edge('src/routes/organiser/+page.svelte', 'src/lib/server/contests/service.ts', true),
				edge('src/routes/organiser/+page.svelte', 'src/lib/vn/number.ts'),
				edge('src/routes/organiser/+page.svelte', 'src/routes/organiser/Form.svelte'),
				edge('src/lib/components/Leaderboard.svelte', 'src/lib/server/leaderboards/boards.ts', true),
				edge('src/lib/server/attempts/service.ts', 'src/lib/server/contests/contests.ts'),
				edge('src/lib/server/attempts/service.ts', 'src/lib/vn/text.ts'),
				edge('src/lib/server/db/index.ts', 'src/lib/server/config.ts'),
				edge('src/hooks.server.ts', 'src/lib/server/pipeline.ts')
			])
		).toEqual([]);
	});

	it('reports a route importing the database, also for a type', () => {
		expect(rulesOf([edge('src/routes/district/+page.server.ts', 'src/lib/server/db/index.ts')])).toEqual(['route-db']);
		expect(rulesOf([edge('src/routes/district/unit.server.ts', 'src/lib/server/db/types.ts', true)])).toEqual(['route-db']);
	});

	it('reports a component, a page or shared lib code importing server code', () => {
		expect(rulesOf([edge('src/lib/components/Pager.svelte', 'src/lib/server/cache.ts')])).toEqual(['client-server']);
		expect(rulesOf([edge('src/routes/rounds/[id]/+page.ts', 'src/lib/server/leaderboards/service.ts')])).toEqual(['client-server']);
		expect(rulesOf([edge('src/lib/vn/text.ts', 'src/routes/organiser/form-values.server.ts')])).toEqual(['client-server', 'lib-routes']);
		expect(rulesOf([edge('src/routes/+page.svelte', 'src/lib/server/db/index.ts')])).toEqual(['route-db', 'client-server']);
	});

	it('reports the database layer importing domain code', () => {
		expect(rulesOf([edge('src/lib/server/db/offload.ts', 'src/lib/server/attempts/scoring.ts')])).toEqual(['db-domain', 'upward']);
	});

	it('reports library code importing a route', () => {
		expect(rulesOf([edge('src/lib/server/contests/service.ts', 'src/routes/organiser/form-values.server.ts')])).toEqual(['lib-routes']);
	});

	it('reports a server area without a layer', () => {
		expect(rulesOf([edge('src/lib/server/rooms/live.ts', 'src/lib/server/db/index.ts')])).toEqual(['unlayered']);
	});

	it('reports an import into the same layer or a higher one', () => {
		expect(rulesOf([edge('src/lib/server/contests/contests.ts', 'src/lib/server/attempts/draw.ts', true)])).toEqual(['upward']);
		expect(rulesOf([edge('src/lib/server/questions/questions.ts', 'src/lib/server/units/units.ts')])).toEqual(['upward']);
		expect(rulesOf([edge('src/lib/server/units/units.ts', 'src/lib/server/groups/groups.ts')])).toEqual(['upward']);
	});

	it('reports a circle between areas, two long or longer, whatever the layers', () => {
		const flat = [['a', 'b', 'c', 'd']];
		const pair = [edge('src/lib/server/a/x.ts', 'src/lib/server/b/y.ts'), edge('src/lib/server/b/y.ts', 'src/lib/server/a/z.ts')];
		const ring = [
			edge('src/lib/server/a/x.ts', 'src/lib/server/b/y.ts'),
			edge('src/lib/server/b/y.ts', 'src/lib/server/c.ts'),
			edge('src/lib/server/c.ts', 'src/lib/server/a/z.ts', true),
			edge('src/lib/server/c.ts', 'src/lib/server/d/w.ts')
		];
		expect(rulesOf(pair, flat)).toEqual(['upward', 'upward', 'cycle']);
		const ringReport = check(ring, flat).filter((v) => v.rule === 'cycle');
		expect(ringReport.map((v) => v.message)).toEqual(['areas a, b, c import each other: a → b (a/x.ts); b → c (b/y.ts); c → a (c.ts)']);
		expect(rulesOf(ring.slice(0, 2), flat)).not.toContain('cycle');
	});

	it('reads type-only imports, re-exports, import() calls and import types, in .ts and .svelte', () => {
		const fromTs = importsOf(
			'src/lib/x.ts',
			[
				"import type { A } from './a';",
				"import { type B } from './b';",
				"import C from './c';",
				"export { D } from './d';",
				"export type { E } from './e';",
				"const f = await import('./f');",
				"let g: import('./g').G;",
				"import './h';"
			].join('\n')
		);
		expect(fromTs).toEqual([
			{ specifier: './a', typeOnly: true },
			{ specifier: './b', typeOnly: false },
			{ specifier: './c', typeOnly: false },
			{ specifier: './d', typeOnly: false },
			{ specifier: './e', typeOnly: true },
			{ specifier: './f', typeOnly: false },
			{ specifier: './g', typeOnly: true },
			{ specifier: './h', typeOnly: false }
		]);
		const svelte = importsOf(
			'src/lib/components/X.svelte',
			"<script module lang=\"ts\">\n\timport type { M } from '$lib/server/m';\n</script>\n<script lang=\"ts\">\n\timport { n } from '$lib/server/n';\n</script>\n<p>import { x } from '$lib/server/markup'</p>"
		);
		expect(svelte).toEqual([
			{ specifier: '$lib/server/m', typeOnly: true },
			{ specifier: '$lib/server/n', typeOnly: false }
		]);
		expect(resolve('src/routes/+page.server.ts', '$lib/server/db')).toBe('src/lib/server/db/index.ts');
		expect(resolve('src/routes/district/+page.server.ts', './unit.server')).toBe('src/routes/district/unit.server.ts');
		expect(resolve('src/lib/x.ts', '@sveltejs/kit')).toBeNull();
	});
});
