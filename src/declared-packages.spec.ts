import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every package the code imports — the app, its tests, scripts and benchmarks — is declared in
 * package.json. One that only arrives as somebody else's dependency (devalue came with SvelteKit)
 * works until that package stops depending on it, and `npm ci --omit=dev` or a lockfile refresh
 * removes it without a word.
 */
const ROOTS = ['src', 'tests', 'scripts', 'bench', 'migrations'];
const FILES = ['vite.config.ts', 'svelte.config.js', 'playwright.config.ts'];
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([\w@$./:~-]+)['"]/g;

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
		return /\.(ts|js|mjs|cjs|svelte)$/.test(e.name) ? [p] : [];
	});
}

function packageOf(specifier: string): string | null {
	if (/^[./$]/.test(specifier) || specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0])) return null;
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('package.json', () => {
	it('declares every package that the app, tests, scripts and benchmarks import', () => {
		const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>;
		const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
		const missing = new Map<string, string[]>();
		for (const file of [...ROOTS.flatMap(sources), ...FILES]) {
			for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
				const name = packageOf(specifier);
				if (name && !declared.has(name)) missing.set(name, [...(missing.get(name) ?? []), file]);
			}
		}
		expect(Object.fromEntries(missing)).toEqual({});
	});
});
