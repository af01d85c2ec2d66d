import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { livePaths } from '../../src/lib/live/protocol';
import { Client, loggedIn } from './client';
import { testDb } from './db';

/**
 * A hall with no Internet (issue 14, item 7): everything a phone, the big screen or the host's
 * laptop loads comes from hoithi itself. Two checks: every http(s) address in the built client
 * (build/client: scripts, styles, fonts, icons) is one of the known addresses that browsers never
 * load (documentation links in Svelte's error messages, XML namespaces, JSON Schema ids, the font's
 * licence); and the pages of a live game load nothing from elsewhere — no external `src`/`href`
 * of a script, style, font, icon or image, and a Content-Security-Policy that lets the browser load
 * from the app's own origin (and data: images) only.
 */
const NEVER_LOADED = [
	/^https:\/\/svelte\.dev\/e\//, // error-message links of Svelte's runtime
	/^https:\/\/svelte\.dev\/docs\//,
	/^http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/?)$/, // namespaces
	/^https?:\/\/json-schema\.org\/draft[\w/-]*\/schema#?$/, // zod's JSON Schema ids
	/^http:\/\/scripts\.sil\.org\/OFL$/, // the font's licence, in a CSS comment
	/^https:\/\/github\.com\/notofonts\/latin-greek-cyrillic\)?$/ // the font's source, in a CSS comment
];
const URL_RE = /https?:\/\/[A-Za-z0-9.-]+(?::\d+)?(?:\/[^\s"'`<>\\]*)?/g;

function filesUnder(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? filesUnder(p) : [p];
	});
}

/** External addresses a page makes the browser load: scripts, styles, preloads, icons, images, frames, CSS url()/@import. */
function loadedFromElsewhere(html: string): string[] {
	const found: string[] = [];
	for (const m of html.matchAll(/<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>/gi)) {
		const tag = m[0];
		for (const a of tag.matchAll(/\b(src|href|srcset|data|poster)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi))
			found.push(`${m[1]} ${a[1]}=${a[2]}`);
	}
	for (const m of html.matchAll(/(?:url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')\s]+)/gi)) found.push(`css ${m[1]}`);
	return found;
}

describe('a hall without Internet', () => {
	it('the built client holds no address a browser would load from elsewhere', () => {
		const dir = path.resolve('build/client');
		const files = filesUnder(dir).filter((f) => /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/.test(f));
		expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(5);
		const unknown = new Set<string>();
		const seen = new Set<string>();
		for (const f of files) {
			for (const [u] of fs.readFileSync(f, 'utf8').matchAll(URL_RE)) {
				seen.add(u);
				if (!NEVER_LOADED.some((re) => re.test(u))) unknown.add(`${path.relative(dir, f)}: ${u}`);
			}
		}
		// A new address here needs a look: if a browser loads it (a CDN script, a web font, a tile
		// server), serve the file from hoithi instead; if it is only text, add it to NEVER_LOADED.
		expect([...unknown]).toEqual([]);
		expect(seen.size).toBeGreaterThan(0); // the scan reads the files it means to (Svelte's links are there)
	});

	it('the live pages and the rest of the app load nothing from elsewhere, and their CSP says so', async () => {
		const organiser = await loggedIn('0900000002');
		const db = testDb();
		const game = (await db.get("select id, code from live_games where status in ('lobby', 'running') order by id limit 1")) as
			{ id: number; code: string } | undefined;
		// The live pages of the branches that make them (live-ui, live-setup), where they exist.
		const route = (dir: string) => fs.existsSync(path.join('src/routes', dir));
		const pages: [Client, string][] = [
			[new Client(), '/'],
			[new Client(), '/login'],
			...(route('live') ? ([[new Client(), livePaths.join]] as [Client, string][]) : []),
			...(route('live/games') ? ([[organiser, livePaths.games]] as [Client, string][]) : []),
			...(game && route('live/[code]') ? ([[new Client(), livePaths.player(game.code)]] as [Client, string][]) : []),
			...(game && route('live/host/[id]')
				? ([
						[organiser, livePaths.host(game.id)],
						[organiser, livePaths.screen(game.id)]
					] as [Client, string][])
				: [])
		];
		for (const [client, p] of pages) {
			const res = await client.get(p);
			expect(res.status, p).toBe(200);
			const html = await res.text();
			expect(loadedFromElsewhere(html), p).toEqual([]);
			const csp = res.headers.get('content-security-policy') ?? '';
			expect(csp, p).toMatch(/default-src 'self'/);
			for (const directive of ['script-src', 'style-src', 'font-src', 'img-src', 'connect-src']) {
				const sources = new RegExp(`${directive} ([^;]*)`).exec(csp)?.[1] ?? "'self'";
				expect(
					sources.split(/\s+/).filter((s) => /^(https?:|\*|\/\/)/.test(s) || (/\./.test(s) && !s.startsWith("'"))),
					`${p} ${directive}`
				).toEqual([]);
			}
		}
	});

	it('the check finds an external script, stylesheet and font', () => {
		const html = `<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Noto+Sans"><script src="//cdn.example.com/x.js"></script>
			<style>@import url("https://cdn.example.com/a.css"); @font-face { src: url(https://fonts.gstatic.com/n.woff2) }</style><a href="https://hoilhpn.org.vn">link</a>`;
		expect(loadedFromElsewhere(html)).toEqual([
			'link href=https://fonts.googleapis.com/css2?family=Noto+Sans',
			'script src=//cdn.example.com/x.js',
			'css https://cdn.example.com/a.css',
			'css https://fonts.gstatic.com/n.woff2'
		]);
	});
});
