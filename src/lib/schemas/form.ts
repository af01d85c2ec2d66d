import type { z } from 'zod';

/**
 * A form's error messages: one per field, by the field's name; `form` holds a message about the
 * form as a whole. What actions hand to `fail(…)` and pages show beside the fields.
 */
export type FieldErrors = Record<string, string>;

/** A service's answer to a submitted form: done (with what it made), or the errors to show. */
export type FormResult<T extends object = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/** zod issues → { field: first message }. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const out: FieldErrors = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}

/** One message for the form as a whole. */
export function formError(message: string): FieldErrors {
	return { form: message };
}
