import type { z } from 'zod';
import { quotaErrors } from '$lib/schemas/contest';
import { fieldErrors, type FieldErrors } from '$lib/schemas/form';
import { drawFormToObject } from '$lib/schemas/live-setup';

/** Form handling of the live game pages: what was typed comes back with the errors, so nothing is lost. */

export interface DrawValues {
	title: string;
	unitId: string;
	questionCount: string;
	quotaTopic: string[];
	quotaDifficulty: string[];
	quotaCount: string[];
}

const one = (form: FormData, k: string, max = 1000) => {
	const v = form.get(k);
	return typeof v === 'string' ? v.slice(0, max) : '';
};

function keepDrawValues(form: FormData): DrawValues {
	const all = (k: string) =>
		form
			.getAll(k)
			.slice(0, 50)
			.map((v) => (typeof v === 'string' ? v.slice(0, 20) : ''));
	return {
		title: one(form, 'title'),
		unitId: one(form, 'unitId', 20),
		questionCount: one(form, 'questionCount', 20),
		quotaTopic: all('quotaTopic'),
		quotaDifficulty: all('quotaDifficulty'),
		quotaCount: all('quotaCount')
	};
}

/** The draw fields (new game, redraw) parsed with `schema`, with the values as typed. */
export function parseDrawForm<S extends z.ZodType>(
	form: FormData,
	schema: S
): { ok: true; input: z.infer<S>; values: DrawValues } | { ok: false; values: DrawValues; errors: FieldErrors } {
	const values = keepDrawValues(form);
	const parsed = schema.safeParse(drawFormToObject(form));
	if (!parsed.success) return { ok: false, values, errors: quotaErrors(parsed.error, values.quotaCount) };
	return { ok: true, input: parsed.data, values };
}

/** Any other form of these pages: its string fields as typed (cut to a sane length). */
function keepValues(form: FormData, keys: readonly string[]): Record<string, string> {
	return Object.fromEntries(keys.map((k) => [k, one(form, k)]));
}

/** A form parsed with `schema` from its string fields. */
export function parseForm<S extends z.ZodType>(
	form: FormData,
	schema: S,
	keys: readonly string[]
): { ok: true; input: z.infer<S>; values: Record<string, string> } | { ok: false; values: Record<string, string>; errors: FieldErrors } {
	const values = keepValues(form, keys);
	const raw = Object.fromEntries(keys.flatMap((k) => (form.has(k) ? [[k, form.get(k)]] : [])));
	const parsed = schema.safeParse(raw);
	if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
	return { ok: true, input: parsed.data, values };
}
