import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { parse as parseCookies } from 'cookie';
import { registerCache, TtlCache } from '../cache';
import { notModified } from '../http';
import { SESSION_COOKIE } from '../auth/sessions';
import { FEATURED_TTL_MS } from '../contests/contests';
import { BOARD_TTL_MS } from '../leaderboards/boards';
import { entersTop, TOP_TTL_MS } from '../leaderboards/rounds';

/**
 * Public pages for anonymous viewers, rendered once and shared: when results come out a whole city
 * opens the same leaderboard, and for everyone without a session it is the same page (masked
 * names, no own row — a logged-in viewer's own row is in their own render, and the board's poll
 * brings it). So each such request (GET, no session cookie) is answered from one rendering per URL
 * and board version: concurrent misses share one render (single flight), a rendering lives as long
 * as the cached data it shows (the route's TTL, never past a phase change of a round on it) and is
 * dropped by the cache registry when what it shows changes (a contest or round written, results
 * decided, units changed, a hand-in that enters the round's top list).
 *
 * A shared answer carries nothing of its visitor: no Set-Cookie (the device cookie for fairness is
 * set by every page and API call that is not shared — login, registration, the attempt API), and
 * the page's CSP uses hashes, not a nonce (svelte.config.js). It says so to caches in front
 * (`Cache-Control: public`, `Vary: Cookie`, a strong ETag from the body, `Age`), so nginx or a CDN
 * may serve it too; a request with a session cookie gets `private, no-store` instead. Each
 * rendering is also gzipped once, for the browsers that accept it (a 27 kB board is 4 kB then).
 *
 * The sharedPages step of the hooks (pipeline.ts) renders and stores; in production the front
 * door (api/node.ts) answers stored renderings on bare node:http, and both answer with answerShared.
 */

interface SharedRoute {
	/** The SvelteKit route id (src/routes/…/+page.svelte). */
	readonly id: string;
	/**
	 * Every query parameter the page reads (by `searchParams.get`): part of the key, the rest of the
	 * query is ignored (a shared link's `?fbclid=…` must not defeat the cache). A page that reads
	 * another parameter must list it here.
	 */
	readonly params: readonly string[];
	/** How long one rendering is shared: the TTL of the cached data the page shows. */
	readonly ttlMs: number;
}

export const SHARED_PAGES: readonly SharedRoute[] = [
	// contests.featured and the round pages' contest cache: 5 s.
	{ id: '/', params: ['welcome'], ttlMs: FEATURED_TTL_MS },
	// The round's top list and head count (rounds.ts topCache).
	{ id: '/rounds/[roundId]/leaderboard', params: ['kind'], ttlMs: TOP_TTL_MS },
	// The whole-contest board (boards.ts).
	{ id: '/contests/[contestId]/leaderboard', params: ['kind'], ttlMs: BOARD_TTL_MS }
];

/** SvelteKit's client navigation asks for a page's data at `<path>/__data.json` (`/__data.json` for `/`). */
const DATA_SUFFIX = '/__data.json';
/** The one parameter SvelteKit adds to a data request that changes its answer (which nodes to load). */
const INVALIDATED_PARAM = 'x-sveltekit-invalidated';

const ROUTES = SHARED_PAGES.map((route) => ({
	...route,
	// Each `[param]` is an id (digits); anything else is left to SvelteKit (it answers 404).
	pattern: new RegExp(`^${route.id === '/' ? '' : route.id.replace(/\[\w+\]/g, '\\d{1,15}')}(?:${DATA_SUFFIX.replace('.', '\\.')})?$`)
}));

/** A request for a shared page: its cache key (path and the query the page reads) and its route. */
export interface SharedRequest {
	key: string;
	ttlMs: number;
}

/**
 * The shared page a request is for — `target` is the request-target, path and query as sent —
 * or null when it is not one (another path, not GET, a SvelteKit parameter it does not share).
 */
export function sharedPageRequest(method: string, target: string): SharedRequest | null {
	if (method !== 'GET') return null;
	const q = target.indexOf('?');
	const path = q < 0 ? target : target.slice(0, q);
	const route = ROUTES.find((r) => r.pattern.test(path === '/' ? '' : path));
	if (!route) return null;
	const search = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
	const isData = path.endsWith(DATA_SUFFIX);
	const parts: string[] = [];
	for (const name of [...route.params].sort()) {
		const value = search.get(name);
		if (value !== null) parts.push(`${name}=${encodeURIComponent(value)}`);
	}
	for (const name of search.keys()) {
		if (!name.startsWith('x-sveltekit-')) continue;
		// Only a data request's node list is understood here (not, e.g., a trailing-slash flag).
		if (!isData || name !== INVALIDATED_PARAM) return null;
	}
	if (isData) {
		const invalidated = search.get(INVALIDATED_PARAM);
		if (invalidated !== null) {
			if (!/^[01]{0,16}$/.test(invalidated)) return null;
			parts.push(`${INVALIDATED_PARAM}=${invalidated}`);
		}
	}
	return { key: parts.length ? `${path}?${parts.join('&')}` : path, ttlMs: route.ttlMs };
}

/**
 * Whether a request is a person's, not an anonymous one: it carries a session cookie (valid or
 * not — a stale one is removed by that request's own render, auth/request.ts identify).
 */
export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
	return !!cookieHeader && cookieHeader.includes(SESSION_COOKIE) && !!parseCookies(cookieHeader)[SESSION_COOKIE];
}

/** One representation of a rendering: its bytes and their (strong) ETag. */
interface Representation {
	body: Uint8Array<ArrayBuffer>;
	etag: string;
}

/** One rendering of a shared page, as stored. */
export interface SharedPage {
	status: number;
	/** The rendering's headers, less those about one visitor or one answer (Set-Cookie, caching, length). */
	headers: readonly (readonly [string, string])[];
	body: Uint8Array<ArrayBuffer>;
	/** Strong: the same bytes every time it is sent. */
	etag: string;
	/** The same page gzipped (pages of at least GZIP_FROM bytes), with an ETag of its own. */
	gzip: Representation | null;
	renderedAt: number;
	/** Until when it is shared: renderedAt + the route's TTL, or the next phase change of a round on it. */
	until: number;
}

/** Headers of a rendering that are set per answer here, or never shared. */
const PER_ANSWER = new Set(['set-cookie', 'etag', 'cache-control', 'vary', 'age', 'expires', 'content-length', 'content-encoding']);

/** Below this a page is sent as it is: gzip would save less than its own cost. */
const GZIP_FROM = 1024;

const etagOf = (body: Uint8Array, suffix = '') => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}${suffix}"`;

/** Longest TTL of the routes: the cache's own bound (each rendering says when it ends: `until`). */
const MAX_TTL_MS = Math.max(...SHARED_PAGES.map((r) => r.ttlMs));

const pages = registerCache('pages.shared', new TtlCache<SharedPage>(MAX_TTL_MS, 200, Date.now, false, (p) => p.until), {
	contests: 'clear',
	results: 'clear',
	units: 'clear',
	// A hand-in that changes a round's top list changes that round's board pages at once, like the list itself.
	scored: ({ roundId, result }) => {
		if (entersTop(roundId, result)) pages.deleteWhere((key) => key.startsWith(`/rounds/${roundId}/`));
	}
});

/** A rendering as SvelteKit produced it (through the rest of the hooks), and when its content changes by the clock. */
export interface Rendered {
	response: Response;
	/** The next phase change of a round the page shows (locals.changesAt), if any. */
	changesAt: number | null;
}

async function capture({ response, changesAt }: Rendered, renderedAt: number, ttlMs: number): Promise<SharedPage> {
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers].filter(([name]) => !PER_ANSWER.has(name.toLowerCase()));
	const ok = response.status === 200;
	// Once per rendering (a third of a millisecond for a board), instead of per answer in a proxy.
	const gzipped = ok && body.byteLength >= GZIP_FROM ? new Uint8Array(gzipSync(body)) : null;
	// Only a page is shared for its TTL; an error (404 for a draft contest, a 500) is not kept.
	const until = ok ? Math.min(renderedAt + ttlMs, changesAt ?? Infinity) : renderedAt;
	return {
		status: response.status,
		headers,
		body,
		etag: etagOf(body),
		gzip: gzipped && { body: gzipped, etag: etagOf(body, '.gz') },
		renderedAt,
		until
	};
}

/** The shared rendering for a request: the stored one, or `render()`'s, shared by every request that arrives meanwhile. */
export function sharedPage(request: SharedRequest, render: () => Promise<Rendered>): Promise<SharedPage> {
	return pages.get(request.key, async () => {
		const renderedAt = Date.now();
		return capture(await render(), renderedAt, request.ttlMs);
	});
}

/** The stored rendering for a request if one is fresh (or being rendered), without rendering one. */
export function storedSharedPage(request: SharedRequest): Promise<SharedPage> | undefined {
	return pages.peek(request.key);
}

/** Cache-Control for a page with a session cookie: the viewer's own, kept by nobody (shared computers at a ward office). */
export const PERSONAL_CACHE_CONTROL = 'private, no-store';

/** Whether Accept-Encoding allows gzip (named, or `*`, without q=0). */
function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
	if (!acceptEncoding) return false;
	for (const part of acceptEncoding.split(',')) {
		const [coding, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
		if (coding !== 'gzip' && coding !== '*') continue;
		const q = params.find((p) => p.startsWith('q='));
		return !q || Number(q.slice(2)) > 0;
	}
	return false;
}

/** What is sent for a stored rendering: status, headers and body (null for a 304). */
export interface SharedAnswer {
	status: number;
	headers: Record<string, string>;
	body: Uint8Array<ArrayBuffer> | null;
}

/** The request headers an answer depends on. */
export interface Conditions {
	ifNoneMatch?: string | null;
	acceptEncoding?: string | null;
}

/** The answer to one request from a stored rendering, the same on both paths (the hooks and the front door). */
export function answerShared(page: SharedPage, request: Conditions, now = Date.now()): SharedAnswer {
	const headers: Record<string, string> = Object.fromEntries(page.headers);
	if (page.status !== 200)
		return {
			status: page.status,
			headers: { ...headers, 'cache-control': 'no-store', 'content-length': String(page.body.byteLength) },
			body: page.body
		};
	const gzip = page.gzip && acceptsGzip(request.acceptEncoding) ? page.gzip : null;
	const { body, etag } = gzip ?? page;
	const maxAge = Math.max(0, Math.floor((page.until - page.renderedAt) / 1000));
	const cacheHeaders: Record<string, string> = {
		etag,
		'cache-control': `public, max-age=${maxAge}, s-maxage=${maxAge}`,
		vary: page.gzip ? 'Cookie, Accept-Encoding' : 'Cookie',
		// How old it already is, so a cache in front keeps it no longer than we do.
		age: String(Math.max(0, Math.floor((now - page.renderedAt) / 1000)))
	};
	if (gzip) cacheHeaders['content-encoding'] = 'gzip';
	if (notModified(request.ifNoneMatch, etag)) {
		// The page's own security headers (its CSP) go with the 304 too: a browser updates its stored copy's headers from it.
		delete headers['content-type'];
		return { status: 304, headers: { ...headers, ...cacheHeaders }, body: null };
	}
	return { status: 200, headers: { ...headers, ...cacheHeaders, 'content-length': String(body.byteLength) }, body };
}
