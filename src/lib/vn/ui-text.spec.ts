import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The app's own sources (not specs): what people read comes from these. */
const SRC = path.resolve(import.meta.dirname, '../..');
const walk = (d: string): string[] =>
	fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const sources = walk(SRC).filter((f) => /\.(svelte|ts)$/.test(f) && !f.endsWith('.spec.ts'));
const rel = (f: string) => path.relative(SRC, f);
const lines = (files: string[], re: RegExp) =>
	files.flatMap((f) =>
		fs
			.readFileSync(f, 'utf8')
			.split('\n')
			.flatMap((l, i) => (re.test(l) ? [`${rel(f)}:${i + 1}: ${l.trim()}`] : []))
	);

describe('texts people read', () => {
	it('format numbers only through lib/vn/number.ts (Vietnamese separators everywhere)', () => {
		const others = sources.filter((f) => rel(f) !== path.join('lib', 'vn', 'number.ts'));
		expect(lines(others, /\.toLocaleString\(|\.toFixed\(|Intl\.NumberFormat/)).toEqual([]);
	});

	it('keep "%" on the number\'s line in pages (a no-break space, never a plain one)', () => {
		expect(
			lines(
				sources.filter((f) => f.endsWith('.svelte')),
				/(\d|\}|') %/
			)
		).toEqual([]);
	});

	it('spell “xóa” and “khóa” one way (the accepted confirmation words aside)', () => {
		const others = sources.filter((f) => rel(f) !== path.join('lib', 'schemas', 'privacy.ts'));
		expect(lines(others, /[xX]oá|XOÁ|[kK]hoá|KHOÁ/)).toEqual([]);
	});
});
