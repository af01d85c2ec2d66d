import { json } from '@sveltejs/kit';
import type { z } from 'zod';

/** JSON error body used by every API endpoint: `{ message }` in Vietnamese. */
export function jsonError(status: number, message: string, extra: Record<string, unknown> = {}): Response {
	return json({ message, ...extra }, { status });
}

/** Positive integer id from a route parameter, or null. */
export function parseId(value: string | undefined): number | null {
	if (!value || !/^[1-9]\d{0,15}$/.test(value)) return null;
	const n = Number(value);
	return Number.isSafeInteger(n) ? n : null;
}

const MAX_JSON_BYTES = 16 * 1024;

/** Reads and validates a small JSON body; malformed or oversized bodies become a 400 response. */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
	const length = Number(request.headers.get('content-length') ?? '0');
	if (length > MAX_JSON_BYTES) return { ok: false, response: jsonError(413, 'Dữ liệu gửi lên quá lớn.') };
	let text: string;
	try {
		text = await request.text();
	} catch {
		return { ok: false, response: jsonError(400, 'Không đọc được dữ liệu gửi lên.') };
	}
	if (text.length > MAX_JSON_BYTES) return { ok: false, response: jsonError(413, 'Dữ liệu gửi lên quá lớn.') };
	let body: unknown;
	try {
		body = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		return { ok: false, response: jsonError(400, 'Dữ liệu gửi lên không phải JSON hợp lệ.') };
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		return { ok: false, response: jsonError(400, first?.message ?? 'Dữ liệu không hợp lệ.', { field: first?.path.join('.') }) };
	}
	return { ok: true, data: parsed.data };
}

/** 429 for the JSON API, with Retry-After in whole seconds. */
export function jsonTooMany(waitMs: number): Response {
	const res = jsonError(429, 'Bạn thao tác quá nhanh. Vui lòng đợi vài giây rồi thử lại.');
	res.headers.set('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
	return res;
}
