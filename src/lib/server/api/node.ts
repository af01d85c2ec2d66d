import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies, serialize as serializeCookie, type CookieSerializeOptions } from 'cookie';
import { identify, type CookieJar } from '../auth/request';
import { config } from '../config';
import { MAX_JSON_BYTES, SECURITY_HEADERS, SERVER_ERROR_MESSAGE } from '../http';
import { leaderboardPoll, saveAnswer, startAttempt, submitAttempt, type ApiAnswer, type ApiCaller, type BodyText } from './endpoints';

/**
 * The hot attempt API on bare node:http, in front of SvelteKit (scripts/serve.js). When a round
 * opens nearly every request is a start, an autosave or a hand-in; answering those here skips the
 * framework's per-request work (Request/Response objects, routing, hooks), which costs more than
 * the few prepared statements behind each of them. The endpoints themselves are the same code the
 * SvelteKit routes run (endpoints.ts); this file only does what SvelteKit would do around them:
 * cookies and session (auth/request.ts), client address, body limit, the cross-site form check,
 * security headers, and a JSON 500 that never leaks details.
 */

type Route = {
	method: string;
	pattern: RegExp;
	/** Whether a body is read (GET has none). */
	body: boolean;
	run: (caller: ApiCaller, param: string, body: BodyText, search: URLSearchParams) => Promise<ApiAnswer>;
};

const ROUTES: Route[] = [
	{ method: 'POST', pattern: /^\/api\/rounds\/([^/]+)\/attempts$/, body: true, run: (caller, id, _b, search) => startAttempt(caller, id, search) },
	{ method: 'PUT', pattern: /^\/api\/attempts\/([^/]+)\/answers$/, body: true, run: saveAnswer },
	{ method: 'POST', pattern: /^\/api\/attempts\/([^/]+)\/submit$/, body: true, run: submitAttempt },
	{ method: 'GET', pattern: /^\/api\/leaderboard()$/, body: false, run: (caller, _p, _b, search) => leaderboardPoll(caller, search) }
];

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

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

/** The client address as adapter-node's getClientAddress() sees it (ADDRESS_HEADER, XFF_DEPTH). */
function clientAddress(req: IncomingMessage): string | null {
	const header = (process.env.ADDRESS_HEADER ?? '').toLowerCase();
	if (header) {
		const value = req.headers[header];
		if (typeof value !== 'string' || !value) return null;
		if (header !== 'x-forwarded-for') return value.trim();
		const depth = Number.parseInt(process.env.XFF_DEPTH ?? '1', 10);
		const addresses = value.split(',');
		return depth > 0 && depth <= addresses.length ? addresses[addresses.length - depth].trim() : null;
	}
	return req.socket.remoteAddress ?? null;
}

function ownOrigin(req: IncomingMessage): string {
	return config().ORIGIN ?? `http://${req.headers.host ?? 'localhost'}`;
}

function send(res: ServerResponse, a: ApiAnswer, cookies: string[] = []): void {
	const body = a.json ?? (a.body === undefined ? undefined : JSON.stringify(a.body));
	const headers: Record<string, string | string[] | number> = { ...SECURITY_HEADERS, ...a.headers };
	if (cookies.length) headers['set-cookie'] = cookies;
	if (body !== undefined) {
		headers['content-type'] = 'application/json';
		headers['content-length'] = Buffer.byteLength(body);
	}
	res.writeHead(a.status, headers);
	res.end(body);
}

/** Reads at most MAX_JSON_BYTES of the body: the text, null when it was larger, undefined on a broken stream. */
function readBody(req: IncomingMessage): Promise<BodyText | undefined> {
	if (Number(req.headers['content-length'] ?? 0) > MAX_JSON_BYTES) {
		req.resume();
		return Promise.resolve(null);
	}
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size <= MAX_JSON_BYTES) chunks.push(c);
		});
		req.on('end', () => resolve(size > MAX_JSON_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
		req.on('error', () => resolve(undefined));
	});
}

async function answer(route: Route, param: string, query: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (FORM_TYPES.includes(type) && req.headers.origin !== ownOrigin(req)) {
		// SvelteKit's CSRF answer, word for word (JSON only when asked for).
		req.resume();
		const message = `Cross-site ${req.method} form submissions are forbidden`;
		if (req.headers.accept === 'application/json') return send(res, { status: 403, body: { message } });
		res.writeHead(403, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
		return void res.end(message);
	}
	const body = route.body ? await readBody(req) : '';
	if (body === undefined) return send(res, { status: 400, body: { message: 'Không đọc được dữ liệu gửi lên.' } });
	const cookies = new NodeCookies(req.headers.cookie);
	const who = await identify(cookies);
	const result = await route.run({ user: who.user, deviceId: who.deviceId, ip: clientAddress(req) }, param, body, new URLSearchParams(query));
	send(res, result, cookies.outgoing);
}

/**
 * Answers the request if it is one of the hot API calls (true), or leaves it to SvelteKit (false).
 * The parameter is passed on raw (URL-decoded): endpoints validate it (parseId) like SvelteKit's.
 */
export function hotApi(req: IncomingMessage, res: ServerResponse): boolean {
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
			param = decodeURIComponent(m[1]);
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

const KEY = Symbol.for('hoithi.hotApi');

/** Called by the server's init hook: the production entry (scripts/serve.js) picks it up. */
export function registerHotApi(): void {
	(globalThis as Record<symbol, unknown>)[KEY] = hotApi;
}
