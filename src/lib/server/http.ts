import type { z } from 'zod';

/** Positive integer id from a route parameter, or null. */
export function parseId(value: string | undefined): number | null {
	if (!value || !/^[1-9]\d{0,15}$/.test(value)) return null;
	const n = Number(value);
	return Number.isSafeInteger(n) ? n : null;
}

/** Headers on every response, pages and API alike (hooks.server.ts, api/node.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=()'
};

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

/** Reads a request's small body as text: null when it is over MAX_JSON_BYTES, undefined when unreadable. */
export async function readSmallBody(request: Request): Promise<string | null | undefined> {
	const length = Number(request.headers.get('content-length') ?? '0');
	if (length > MAX_JSON_BYTES) return null;
	try {
		const text = await request.text();
		return text.length > MAX_JSON_BYTES ? null : text;
	} catch {
		return undefined;
	}
}
