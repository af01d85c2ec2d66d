import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';

/** Positive integer id from a route parameter, or null. */
export function parseId(value: string | undefined): number | null {
	if (!value || !/^[1-9]\d{0,15}$/.test(value)) return null;
	const n = Number(value);
	return Number.isSafeInteger(n) ? n : null;
}

/** Headers on every response, pages and API alike (pipeline.ts securityHeaders, api/node.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()'
};

/**
 * The CSP of everything that is not one of our pages (JSON, scripts, styles, fonts, SVG): such a
 * response never needs to load or run anything as a document, so if one is ever opened as one
 * (an SVG or a JSON body with markup in it, typed into the address bar or framed) nothing in it
 * runs. Pages get their own policy from `kit.csp`.
 */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers of JSON answers and of static files (api/node.ts sets them on every response first). */
export const NON_PAGE_HEADERS: Readonly<Record<string, string>> = {
	...SECURITY_HEADERS,
	'Content-Security-Policy': NON_PAGE_CSP
};

/**
 * Whether If-None-Match names `etag`: the copy the client holds is current, answer 304. Weak
 * comparison (a `W/` prefix is ignored), a list of tags, or `*` (RFC 9110 §13.1.2).
 */
export function notModified(ifNoneMatch: string | null | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const own = etag.replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === own);
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const CROSS_SITE_MESSAGE = 'Yêu cầu bị từ chối vì không được gửi từ trang của hội thi. Vui lòng mở lại trang hội thi rồi thử lại.';
const JSON_ONLY_MESSAGE = 'Dữ liệu gửi lên phải ở dạng JSON (Content-Type: application/json).';

/**
 * The rule for every state-changing request to the JSON API (`/api/*`), on both paths (hooks for
 * SvelteKit's routes, api/node.ts for the hot path): it must come from one of our own pages
 * (`Origin` present and equal to our origin) and carry `Content-Type: application/json`.
 *
 * Why both: browsers send `Origin` on every POST/PUT/PATCH/DELETE, same-origin fetches included,
 * so a missing one is a script or a very old browser; and a page elsewhere — even a same-site
 * one on another port or subdomain, which SameSite=Lax cookies do not stop — can send a
 * credentialed request without a CORS preflight only with a "simple" content type (a form type,
 * text/plain, or none at all). application/json needs a preflight, which we never grant.
 * `ownOrigin` is the origin this request was addressed to: ORIGIN when the operator set it,
 * otherwise the one the request's own Host header names (see scripts/serve.js).
 */
export function refuseApiWrite(
	request: { method: string; origin: string | null | undefined; contentType: string | null | undefined },
	ownOrigin: string
): { status: 403 | 415; message: string } | null {
	if (!WRITE_METHODS.has(request.method.toUpperCase())) return null;
	if (!request.origin || request.origin !== ownOrigin) return { status: 403, message: CROSS_SITE_MESSAGE };
	const type = (request.contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json') return { status: 415, message: JSON_ONLY_MESSAGE };
	return null;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * SvelteKit's own CSRF rule for pages and form actions — a form-typed write whose `Origin` is not
 * ours is refused — answered with a message that says what to do. The production server checks
 * it first (api/node.ts frontDoor); SvelteKit's check stays behind it. The usual cause is not an
 * attack but a page opened at another address than ORIGIN (127.0.0.1, a LAN address), where
 * SvelteKit's bare 403 looked like nothing happened (the login form just emptied itself).
 */
export function refuseCrossSiteForm(
	request: { method: string; origin: string | null | undefined; contentType: string | null | undefined },
	ownOrigin: string
): string | null {
	if (!WRITE_METHODS.has(request.method.toUpperCase())) return null;
	const type = (request.contentType ?? '').split(';')[0].trim().toLowerCase();
	if (!FORM_TYPES.includes(type) || request.origin === ownOrigin) return null;
	const where =
		request.origin && request.origin !== 'null'
			? `trang đang được mở ở địa chỉ ${request.origin}, không phải địa chỉ của hội thi`
			: 'không rõ trang gửi từ đâu';
	return `Biểu mẫu chưa được gửi vì ${where}. Vui lòng mở hội thi tại ${ownOrigin} rồi thử lại.`;
}

/** Text for an HTML page (the few pages written without Svelte, api/node.ts). */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The 500 message everywhere (hooks handleError, api/node.ts): reassuring, no details. */
export const SERVER_ERROR_MESSAGE =
	'Đã có lỗi xảy ra phía máy chủ. Câu trả lời đã lưu của bạn không bị mất — vui lòng thử lại sau ít phút.';

/** The largest JSON body the API accepts (an answer or a hand-in is a few dozen bytes). */
export const MAX_JSON_BYTES = 16 * 1024;

export const TOO_LARGE_MESSAGE = 'Dữ liệu gửi lên quá lớn.';

export type Parsed<T> = { ok: true; data: T } | { ok: false; status: 400 | 413; message: string; field?: string };

/** Validates a small JSON body already read as text; malformed bodies become a 400. */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): Parsed<z.output<S>> {
	if (text.length > MAX_JSON_BYTES) return { ok: false, status: 413, message: TOO_LARGE_MESSAGE };
	let body: unknown;
	try {
		body = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		return { ok: false, status: 400, message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' };
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		return { ok: false, status: 400, message: first?.message ?? 'Dữ liệu không hợp lệ.', field: first?.path.join('.') };
	}
	return { ok: true, data: parsed.data };
}

/**
 * The API's body limit, for both paths (SvelteKit's Request, the hot path's node stream): at most
 * MAX_JSON_BYTES, counted in bytes. The text; null when it is larger — refused unread when the
 * declared Content-Length says so, else read to the end without keeping the rest (so the answer
 * can still be sent); undefined when the stream broke. Node's stream is read through its events,
 * not `for await`, which costs the hot path about a fifth of its throughput on a bare server.
 */
export function readLimitedBody(
	declaredLength: string | null | undefined,
	body: IncomingMessage | ReadableStream<Uint8Array> | null
): Promise<string | null | undefined> {
	if (Number(declaredLength ?? 0) > MAX_JSON_BYTES) return Promise.resolve(null);
	if (!body) return Promise.resolve('');
	const chunks: Uint8Array[] = [];
	let size = 0;
	const take = (chunk: Uint8Array) => {
		size += chunk.byteLength;
		if (size <= MAX_JSON_BYTES) chunks.push(chunk);
	};
	const text = () => (size > MAX_JSON_BYTES ? null : Buffer.concat(chunks).toString('utf8'));
	if ('getReader' in body) return drain(body.getReader(), take).then(text, () => undefined);
	return new Promise((resolve) => {
		body.on('data', take);
		body.on('end', () => resolve(text()));
		body.on('error', () => resolve(undefined));
	});
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, take: (chunk: Uint8Array) => void): Promise<void> {
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return;
		take(value);
	}
}

/** A SvelteKit request's small body as text (readLimitedBody). */
export function readSmallBody(request: Request): Promise<string | null | undefined> {
	return readLimitedBody(request.headers.get('content-length'), request.body);
}

/**
 * The client's address, the way adapter-node's getClientAddress() reads it: the header named by
 * ADDRESS_HEADER when the operator set one (behind a reverse proxy; for x-forwarded-for the
 * XFF_DEPTH-th address from the right, the one the nearest trusted proxy saw), else the socket's
 * peer. Null when the configured header is missing or shorter than XFF_DEPTH (adapter-node throws
 * there). Both paths use it: the hot path on its node request, SvelteKit's through
 * `event.platform.req` (auth/fingerprint.ts clientIp), so rate limits and IP hashes cannot
 * differ between them.
 */
export function clientAddress(req: IncomingMessage): string | null {
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
