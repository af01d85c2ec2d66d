import { z } from 'zod';

/** The message of every empty required field, e.g. "Vui lòng nhập họ và tên." */
const pleaseEnter = (what: string) => `Vui lòng nhập ${what}.`;

/**
 * A required form field: missing, empty or only spaces says `pleaseEnter(what)` — not the format
 * rule's "không hợp lệ", which is for something typed wrong — and anything else goes on to
 * `schema` exactly as it came.
 */
export function required<S extends z.ZodType>(what: string, schema: S) {
	return z
		.unknown()
		.refine((v) => v != null && !(typeof v === 'string' && v.trim() === ''), { message: pleaseEnter(what), abort: true })
		.pipe(schema);
}
