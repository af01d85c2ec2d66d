import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies, serialize as serializeCookie, type CookieSerializeOptions } from 'cookie';
import { identify, type CookieJar } from '../auth/request';
import { config } from '../config';
import {
	clientAddress,
	escapeHtml,
	NON_PAGE_HEADERS,
	readLimitedBody,
	refuseApiWrite,
	refuseCrossSiteForm,
	SERVER_ERROR_MESSAGE
} from '../http';
import { leaderboardPoll, saveAnswer, startAttempt, submitAttempt, type ApiAnswer, type ApiCaller, type BodyText } from './endpoints';
import { getEvents, postAnswer, postJoin } from './live';
import { answerShared, hasSessionCookie, sharedPageRequest, storedSharedPage } from '../pages/shared';

/**
 * The hot attempt API on bare node:http, in front of SvelteKit (scripts/serve.js). When a round
 * opens nearly every request is a start, an autosave or a hand-in; answering those here skips the
 * framework's per-request work (Request/Response objects, routing, hooks), which costs more than
 * the few prepared statements behind each of them. The endpoints themselves are the same code the
 * SvelteKit routes run (endpoints.ts); this file only does what SvelteKit would do around them.
 * What that is — each hook step's counterpart here, and what replaces SvelteKit's and
 * adapter-node's own work (routing, origin, client address, body limit, cookies, errors) — is
 * declared in ../pipeline.ts and held to by pipeline.spec.ts.
 */

export interface HotRoute {
	method: 'GET' | 'POST' | 'PUT';
	/** The SvelteKit route id (src/routes/…/+server.ts) that serves the same endpoint without the hot path. */
	id: string;
	/** Whether a body is read (GET has none). */
	body: boolean;
	run: (
		caller: ApiCaller,
		param: string,
		body: BodyText,
		search: URLSearchParams,
		header: (name: string) => string | null
	) => Promise<ApiAnswer>;
}

export const HOT_ROUTES: readonly HotRoute[] = [
	{ method: 'POST', id: '/api/rounds/[roundId]/attempts', body: true, run: (caller, id, _b, search) => startAttempt(caller, id, search) },
	{ method: 'PUT', id: '/api/attempts/[attemptId]/answers', body: true, run: saveAnswer },
	{ method: 'POST', id: '/api/attempts/[attemptId]/submit', body: true, run: submitAttempt },
	{ method: 'GET', id: '/api/leaderboard', body: false, run: (caller, _p, _b, search) => leaderboardPoll(caller, search) },
	// The live hội thi (api/live.ts): a room of 5,000 phones joins, streams and answers at once.
	{ method: 'POST', id: '/api/live/[code]/players', body: true, run: (caller, code, body) => postJoin(caller, code, body) },
	{ method: 'POST', id: '/api/live/[code]/answers', body: true, run: (caller, code, body) => postAnswer(caller, code, body) },
	{
		method: 'GET',
		id: '/api/live/[code]/events',
		body: false,
		run: (caller, code, _b, search, header) => getEvents(caller, code, search, header('last-event-id'))
	}
];

/** A route id as a pattern: each `[param]` is one path segment, captured. */
function patternOf(id: string): RegExp {
	return new RegExp(`^${id.replace(/[.*+?^${}()|\\]/g, '\\$&').replace(/\[\w+\]/g, '([^/]+)')}$`);
}

const ROUTES = HOT_ROUTES.map((route) => ({ ...route, pattern: patternOf(route.id) }));
type Route = (typeof ROUTES)[number];

/** SvelteKit's `cookies`, reduced to what authentication uses, over node's headers. */
class NodeCookies implements CookieJar {
	readonly outgoing: string[] = [];
	private readonly incoming: Record<string, string | undefined>;
	constructor(header: string | undefined) {
		this.incoming = header ? parseCookies(header) : {};
	}
	get(name: string): string | undefined {
		return this.incoming[name];
	}
	set(name: string, value: string, opts: CookieSerializeOptions & { path: string }): void {
		this.outgoing.push(serializeCookie(name, value, opts));
	}
	delete(name: string, opts: CookieSerializeOptions & { path: string }): void {
		this.outgoing.push(serializeCookie(name, '', { ...opts, maxAge: 0 }));
	}
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

let fixedOrigin: string | null | undefined;

/**
 * The origin this request was addressed to, as adapter-node computes SvelteKit's `url.origin`:
 * ORIGIN when the operator set it; otherwise protocol from PROTOCOL_HEADER (scripts/serve.js
 * names its own header and fills it in when nobody configured one), host from HOST_HEADER or Host.
 */
function ownOrigin(req: IncomingMessage): string {
	if (fixedOrigin === undefined) {
		const configured = config().ORIGIN?.trim();
		fixedOrigin = configured ? new URL(configured).origin : null;
	}
	if (fixedOrigin) return fixedOrigin;
	const env = (name: string) => (process.env[name] ?? '').toLowerCase();
	const protocol = (env('PROTOCOL_HEADER') && headerValue(req, env('PROTOCOL_HEADER'))) || 'https';
	const host = (env('HOST_HEADER') && headerValue(req, env('HOST_HEADER'))) || headerValue(req, 'host') || '';
	const port = env('PORT_HEADER') && headerValue(req, env('PORT_HEADER'));
	try {
		return new URL(`${protocol}://${host}${port ? ':' + port : ''}`).origin;
	} catch {
		return 'null';
	}
}

function send(res: ServerResponse, a: ApiAnswer, cookies: string[] = []): void {
	if (a.stream) return sendStream(res, a, cookies);
	const body = a.json ?? (a.body === undefined ? undefined : JSON.stringify(a.body));
	const headers: Record<string, string | string[] | number> = { ...NON_PAGE_HEADERS, ...a.headers };
	if (cookies.length) headers['set-cookie'] = cookies;
	if (body !== undefined) {
		headers['content-type'] = 'application/json';
		headers['content-length'] = Buffer.byteLength(body);
	}
	res.writeHead(a.status, headers);
	res.end(body);
}

/**
 * A streamed answer (server-sent events): the headers at once, then whatever the stream writes,
 * until the client goes away. No request timeout applies to it (node's server timeout is off), and
 * Nagle is off so each event leaves when written.
 */
function sendStream(res: ServerResponse, a: ApiAnswer, cookies: string[]): void {
	const headers: Record<string, string | string[]> = { ...NON_PAGE_HEADERS, ...a.headers };
	if (cookies.length) headers['set-cookie'] = cookies;
	res.socket?.setNoDelay(true);
	res.socket?.setTimeout(0);
	res.writeHead(a.status, headers);
	res.flushHeaders();
	let closed = false;
	const closers: (() => void)[] = [];
	const close = () => {
		if (closed) return;
		closed = true;
		for (const fn of closers) fn();
	};
	res.on('close', close);
	a.stream!({
		write: (chunk) => {
			if (!closed) res.write(chunk);
		},
		onClose: (fn) => {
			if (closed) fn();
			else closers.push(fn);
		},
		end: () => {
			close();
			res.end();
		}
	});
}

async function answer(route: Route, param: string, query: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const at = Date.now();
	const refused = refuseApiWrite(
		{ method: req.method ?? '', origin: headerValue(req, 'origin'), contentType: headerValue(req, 'content-type') },
		ownOrigin(req)
	);
	if (refused) {
		req.resume();
		return send(res, { status: refused.status, body: { message: refused.message } });
	}
	const body = route.body ? await readLimitedBody(req.headers['content-length'], req) : '';
	// A body refused unread (Content-Length over the limit) is drained, so the connection stays usable.
	if (body === null) req.resume();
	if (body === undefined) return send(res, { status: 400, body: { message: 'Không đọc được dữ liệu gửi lên.' } });
	const cookies = new NodeCookies(req.headers.cookie);
	const who = await identify(cookies);
	const result = await route.run(
		{ user: who.user, deviceId: who.deviceId, ip: clientAddress(req), at },
		param,
		body,
		new URLSearchParams(query),
		(name) => headerValue(req, name) ?? null
	);
	send(res, result, cookies.outgoing);
}

/**
 * Answers the request if it is one of the hot API calls (true), or leaves it to SvelteKit (false).
 * The parameter is passed on raw (URL-decoded): endpoints validate it (parseId) like SvelteKit's.
 */
function hotApi(req: IncomingMessage, res: ServerResponse): boolean {
	const url = req.url ?? '';
	if (!url.startsWith('/api/')) return false;
	const q = url.indexOf('?');
	const path = q < 0 ? url : url.slice(0, q);
	for (const route of ROUTES) {
		if (route.method !== req.method) continue;
		const m = route.pattern.exec(path);
		if (!m) continue;
		let param: string;
		try {
			param = m.length > 1 ? decodeURIComponent(m[1]) : '';
		} catch {
			return false;
		}
		answer(route, param, q < 0 ? '' : url.slice(q + 1), req, res).catch((e) => {
			console.error(e);
			if (!res.headersSent) send(res, { status: 500, body: { message: SERVER_ERROR_MESSAGE } });
			else res.destroy();
		});
		return true;
	}
	return false;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * An anonymous GET of a public page whose shared rendering is stored (pages/shared.ts): answered
 * here with it (true), as the hooks' sharedPages step would answer it, without SvelteKit's
 * per-request cost. A rendering still being made is waited for. Everything else — a miss, a
 * request with a session cookie — is left to SvelteKit (false), whose step renders and stores.
 */
function storedPage(req: IncomingMessage, res: ServerResponse, next: Listener): boolean {
	const request = sharedPageRequest(req.method ?? '', req.url ?? '');
	if (!request || hasSessionCookie(req.headers.cookie)) return false;
	const stored = storedSharedPage(request);
	if (!stored) return false;
	stored
		.then(
			(page) => {
				const answer = answerShared(page, {
					ifNoneMatch: headerValue(req, 'if-none-match'),
					acceptEncoding: headerValue(req, 'accept-encoding')
				});
				res.writeHead(answer.status, answer.headers);
				res.end(answer.body ?? undefined);
			},
			// The rendering it waited for failed: SvelteKit renders (and answers the error) itself.
			() => next(req, res)
		)
		.catch((e) => {
			console.error(e);
			res.destroy();
		});
	return true;
}

/**
 * A form from another origin (refuseCrossSiteForm), answered the way SvelteKit would — an action
 * result of type "error" for `use:enhance`, which shows the error page, or a page for a plain
 * form post — but in Vietnamese and naming the address to open.
 */
function refuseForm(req: IncomingMessage, res: ServerResponse, message: string, ownOrigin: string): void {
	req.resume();
	const title = 'Chưa gửi được biểu mẫu';
	if (headerValue(req, 'accept') === 'application/json')
		return send(res, { status: 403, body: { type: 'error', error: { message, title } } });
	const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Hội thi trực tuyến</title></head>
<body><h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(ownOrigin)}/">Mở hội thi tại ${escapeHtml(ownOrigin)}</a></p></body></html>
`;
	res.writeHead(403, { ...NON_PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
	res.end(html);
}

/**
 * The production server's request listener (scripts/serve.js): every response starts with the
 * non-page security headers — static files from adapter-node's sirv (scripts, styles, fonts, SVG)
 * included, which SvelteKit's hooks never see; SvelteKit's pages replace the CSP with their own
 * (kit.csp). Then the hot API answers its four paths, and stored renderings of the public pages
 * answer anonymous viewers (storedPage); a form from another origin gets a readable
 * refusal; `next` (adapter-node's handler) takes the rest. API paths SvelteKit serves are checked
 * by the hooks with the same rule as the hot ones (refuseApiWrite).
 */
export function frontDoor(next: Listener, opts: { hot: boolean }): Listener {
	const headers = Object.entries(NON_PAGE_HEADERS);
	return (req, res) => {
		for (const [k, v] of headers) res.setHeader(k, v);
		if (opts.hot && (hotApi(req, res) || storedPage(req, res, next))) return;
		if (!(req.url ?? '').startsWith('/api/')) {
			const own = ownOrigin(req);
			const message = refuseCrossSiteForm(
				{ method: req.method ?? '', origin: headerValue(req, 'origin'), contentType: headerValue(req, 'content-type') },
				own
			);
			if (message) return refuseForm(req, res, message, own);
		}
		next(req, res);
	};
}

/**
 * How the production entry gets the front door — the one registration point. scripts/serve.js
 * cannot import this module: adapter-node bundles the app into chunks with hashed names and its
 * build exposes only `handler` (build/handler.js). Importing that handler runs the app's `init`
 * hook, which leaves the front door in this global slot; serve.js takes it from there, typed with
 * FrontDoor and with the key typed as FrontDoorKey (npm run check fails when the two differ).
 */
const FRONT_DOOR_KEY = 'hoithi.frontDoor';
export type FrontDoorKey = typeof FRONT_DOOR_KEY;
export type FrontDoor = typeof frontDoor;

/** Called by the init hook (hooks.server.ts). */
export function registerFrontDoor(): void {
	(globalThis as Record<symbol, unknown>)[Symbol.for(FRONT_DOOR_KEY)] = frontDoor;
}
