import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { invalidate } from '../cache';
import {
	answerShared,
	hasSessionCookie,
	SHARED_PAGES,
	sharedPage,
	sharedPageRequest,
	storedSharedPage,
	type Rendered,
	type SharedRequest
} from './shared';

const keyOf = (target: string, method = 'GET') => sharedPageRequest(method, target)?.key ?? null;

describe('which requests share a page (sharedPageRequest)', () => {
	it('names SvelteKit page routes only', () => {
		const pages = import.meta.glob('/src/routes/**/+page.svelte');
		for (const { id } of SHARED_PAGES) expect(pages[`/src/routes${id === '/' ? '' : id}/+page.svelte`], id).toBeDefined();
	});

	it('keys the home page and the leaderboards by path and the parameters the page reads, in any order', () => {
		expect(keyOf('/')).toBe('/');
		expect(keyOf('/?welcome=1')).toBe('/?welcome=1');
		expect(keyOf('/rounds/12/leaderboard')).toBe('/rounds/12/leaderboard');
		expect(keyOf('/rounds/12/leaderboard?kind=ward')).toBe('/rounds/12/leaderboard?kind=ward');
		expect(keyOf('/contests/3/leaderboard?kind=Qu%E1%BA%ADn')).toBe('/contests/3/leaderboard?kind=Qu%E1%BA%ADn');
		// A shared link's tracking parameters do not make another page.
		expect(keyOf('/rounds/12/leaderboard?fbclid=abc&kind=ward&utm_source=zalo')).toBe('/rounds/12/leaderboard?kind=ward');
		expect(keyOf('/?fbclid=abc')).toBe('/');
		// The page reads the first value (searchParams.get): so does the key.
		expect(keyOf('/rounds/12/leaderboard?kind=ward&kind=commune')).toBe('/rounds/12/leaderboard?kind=ward');
		// The home page does not read `kind`, the boards do not read `welcome`.
		expect(keyOf('/?kind=ward')).toBe('/');
		expect(keyOf('/rounds/12/leaderboard?welcome=1')).toBe('/rounds/12/leaderboard');
	});

	it('shares the pages’ data for client navigation (__data.json), keyed by the nodes asked for', () => {
		expect(keyOf('/__data.json?x-sveltekit-invalidated=01')).toBe('/__data.json?x-sveltekit-invalidated=01');
		expect(keyOf('/rounds/12/leaderboard/__data.json?kind=ward&x-sveltekit-invalidated=11')).toBe(
			'/rounds/12/leaderboard/__data.json?kind=ward&x-sveltekit-invalidated=11'
		);
		expect(keyOf('/rounds/12/leaderboard/__data.json')).toBe('/rounds/12/leaderboard/__data.json');
		expect(keyOf('/rounds/12/leaderboard/__data.json?x-sveltekit-invalidated=0x')).toBeNull();
		expect(keyOf('/rounds/12/leaderboard/__data.json?x-sveltekit-trailing-slash=1')).toBeNull();
		expect(keyOf('/rounds/12/leaderboard?x-sveltekit-invalidated=01')).toBeNull();
	});

	it('leaves every other request to SvelteKit', () => {
		for (const target of [
			'/login',
			'/rounds/12/attempt',
			'/rounds/abc/leaderboard',
			'/rounds/12/leaderboard/',
			'/rounds//leaderboard',
			'/api/leaderboard?round=1',
			'/me/results',
			'/index.html',
			'//'
		])
			expect([target, keyOf(target)]).toEqual([target, null]);
		for (const method of ['HEAD', 'POST', 'PUT']) expect([method, keyOf('/', method)]).toEqual([method, null]);
	});
});

describe('hasSessionCookie', () => {
	it('is true for any non-empty session cookie (valid or not), false without one', () => {
		expect(hasSessionCookie('hoithi_session=abc.def')).toBe(true);
		expect(hasSessionCookie('hoithi_device=x; hoithi_session=abc.def')).toBe(true);
		expect(hasSessionCookie(undefined)).toBe(false);
		expect(hasSessionCookie('')).toBe(false);
		expect(hasSessionCookie('hoithi_device=abcdefghijklmnopqrstuvwxyz234567')).toBe(false);
		expect(hasSessionCookie('hoithi_session=')).toBe(false);
		expect(hasSessionCookie('not_hoithi_session_really=1')).toBe(false);
	});
});

/** A rendering as SvelteKit's would come back: a page with security headers and the device cookie it set. */
function rendering(body: string, init: { status?: number; changesAt?: number | null } = {}): Rendered {
	const headers = new Headers({
		'content-type': 'text/html',
		'content-security-policy': "script-src 'self' 'sha256-x'",
		etag: '"kit"',
		'x-sveltekit-page': 'true'
	});
	headers.append('set-cookie', 'hoithi_device=abcdefghijklmnopqrstuvwxyz234567; Path=/; HttpOnly');
	return { response: new Response(body, { status: init.status ?? 200, headers }), changesAt: init.changesAt ?? null };
}

let counter = 0;
/** A fresh key of a shared route (the cache is the module's one). */
const fresh = (roundId = 900_000 + ++counter): SharedRequest => sharedPageRequest('GET', `/rounds/${roundId}/leaderboard`)!;

describe('sharedPage and answerShared', () => {
	it('renders once for concurrent requests and shares that rendering', async () => {
		const request = fresh();
		let renders = 0;
		const render = async () => {
			renders++;
			await new Promise((r) => setTimeout(r, 20));
			return rendering(`<p>board ${renders}</p>`);
		};
		const pages = await Promise.all([sharedPage(request, render), sharedPage(request, render), sharedPage(request, render)]);
		expect(renders).toBe(1);
		expect(new Set(pages).size).toBe(1);
		expect(await sharedPage(request, render)).toBe(pages[0]);
		expect(await storedSharedPage(request)).toBe(pages[0]);
		expect(storedSharedPage(fresh())).toBeUndefined();
	});

	it('answers with the body, public caching, Vary: Cookie, a strong ETag, its age, and no cookie', async () => {
		const page = await sharedPage(fresh(), async () => rendering('<p>Xin chào</p>'));
		const answer = answerShared(page, {}, page.renderedAt + 1_500);
		expect(answer.status).toBe(200);
		expect(new TextDecoder().decode(answer.body!)).toBe('<p>Xin chào</p>');
		expect(answer.headers).toMatchObject({
			'content-type': 'text/html',
			'content-security-policy': "script-src 'self' 'sha256-x'",
			'cache-control': 'public, max-age=2, s-maxage=2',
			vary: 'Cookie',
			age: '1',
			'content-length': String(new TextEncoder().encode('<p>Xin chào</p>').byteLength)
		});
		expect(answer.headers.etag).toMatch(/^"[\w-]{32}"$/);
		expect(Object.keys(answer.headers)).not.toContain('set-cookie');
		// The same bytes give the same ETag; other bytes another one.
		const same = await sharedPage(fresh(), async () => rendering('<p>Xin chào</p>'));
		const other = await sharedPage(fresh(), async () => rendering('<p>Xin chào!</p>'));
		expect(same.etag).toBe(page.etag);
		expect(other.etag).not.toBe(page.etag);
	});

	it('answers If-None-Match naming its ETag (weak or in a list, or *) with a bodiless 304 that keeps the page’s CSP', async () => {
		const page = await sharedPage(fresh(), async () => rendering('<p>a</p>'));
		for (const ifNoneMatch of [page.etag, `W/${page.etag}`, `"other", ${page.etag}`, '*']) {
			const answer = answerShared(page, { ifNoneMatch });
			expect([ifNoneMatch, answer.status, answer.body]).toEqual([ifNoneMatch, 304, null]);
			expect(answer.headers).toMatchObject({ etag: page.etag, vary: 'Cookie', 'content-security-policy': "script-src 'self' 'sha256-x'" });
			expect(answer.headers['cache-control']).toMatch(/^public, max-age=\d+/);
			expect(Object.keys(answer.headers)).not.toContain('content-length');
		}
		for (const ifNoneMatch of ['"other"', '', page.etag.slice(0, -2) + '"']) expect(answerShared(page, { ifNoneMatch }).status).toBe(200);
	});

	it('sends a page gzipped (once per rendering) to a browser that accepts it, as another representation', async () => {
		const html = `<table>${'<tr><td>Nguyễn T*** H***</td><td>10/10</td></tr>'.repeat(50)}</table>`;
		const page = await sharedPage(fresh(), async () => rendering(html));
		const plain = answerShared(page, {});
		const gz = answerShared(page, { acceptEncoding: 'gzip, deflate, br, zstd' });
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(new TextDecoder().decode(plain.body!)).toBe(html);
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body!).toString()).toBe(html);
		expect(gz.body!.byteLength).toBeLessThan(plain.body!.byteLength / 5);
		expect(gz.headers['content-length']).toBe(String(gz.body!.byteLength));
		for (const a of [plain, gz]) expect(a.headers.vary).toBe('Cookie, Accept-Encoding');
		expect(gz.headers.etag).not.toBe(plain.headers.etag);
		// Each representation is revalidated against its own ETag.
		expect(answerShared(page, { acceptEncoding: 'gzip', ifNoneMatch: gz.headers.etag }).status).toBe(304);
		expect(answerShared(page, { ifNoneMatch: gz.headers.etag }).status).toBe(200);
		for (const acceptEncoding of ['identity', 'gzip;q=0', 'br', '', 'deflate, gzip;q=0'])
			expect([acceptEncoding, answerShared(page, { acceptEncoding }).headers['content-encoding']]).toEqual([acceptEncoding, undefined]);
		for (const acceptEncoding of ['GZIP', 'br;q=1, gzip;q=0.5', '*'])
			expect([acceptEncoding, answerShared(page, { acceptEncoding }).headers['content-encoding']]).toEqual([acceptEncoding, 'gzip']);
	});

	it('keeps a rendering no longer than until a round on it changes phase', async () => {
		const soon = Date.now() + 900;
		const page = await sharedPage(fresh(), async () => rendering('<p>a</p>', { changesAt: soon }));
		expect(page.until).toBe(soon);
		expect(answerShared(page, {}).headers['cache-control']).toBe('public, max-age=0, s-maxage=0');
	});

	it('shares an error answer only with the requests that waited for it, marked no-store', async () => {
		const request = fresh();
		let renders = 0;
		const render = async () => rendering(`<p>not found ${++renders}</p>`, { status: 404 });
		const [a, b] = await Promise.all([sharedPage(request, render), sharedPage(request, render)]);
		expect(a).toBe(b);
		const answer = answerShared(a, { ifNoneMatch: a.etag });
		expect([answer.status, answer.headers['cache-control']]).toEqual([404, 'no-store']);
		expect(answer.headers.etag).toBeUndefined();
		await new Promise((r) => setTimeout(r, 2));
		expect(storedSharedPage(request)).toBeUndefined();
		await sharedPage(request, render);
		expect(renders).toBe(2);
	});

	it('drops a round’s pages when a hand-in enters its top list, and every page when contests change', async () => {
		const roundId = 990_001;
		const board = sharedPageRequest('GET', `/rounds/${roundId}/leaderboard?kind=ward`)!;
		const data = sharedPageRequest('GET', `/rounds/${roundId}/leaderboard/__data.json?x-sveltekit-invalidated=01`)!;
		const otherRound = sharedPageRequest('GET', `/rounds/${roundId}0/leaderboard`)!;
		const home = sharedPageRequest('GET', '/?welcome=1')!;
		const all = [board, data, otherRound, home];
		for (const r of all) await sharedPage(r, async () => rendering('<p>a</p>'));
		// A round nobody has ranked yet has no known cut-off: any result may enter its top list.
		invalidate(null, 'scored', { roundId, userId: 1, result: { score: 10, prediction: null, durationMs: 1000, submittedAt: Date.now() } });
		expect(all.map((r) => storedSharedPage(r) !== undefined)).toEqual([false, false, true, true]);
		invalidate(null, 'contests', {});
		expect(all.map((r) => storedSharedPage(r) !== undefined)).toEqual([false, false, false, false]);
	});
});
