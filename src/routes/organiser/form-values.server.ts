import type { RoundFormValues } from './RoundForm.svelte';
import { quotaErrors, RoundSchema, roundFormToObject, type RoundInput } from '$lib/schemas/contest';
import { fieldErrors, type FieldErrors } from '$lib/schemas/form';

/** Form handling shared by the "new round" and "edit round" actions. */

/** Raw strings as typed, quota rows included, so a failed submit loses nothing. */
function keepRoundValues(form: FormData): RoundFormValues {
	const one = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v.slice(0, 1000) : '';
	};
	const all = (k: string) =>
		form
			.getAll(k)
			.slice(0, 50)
			.map((v) => (typeof v === 'string' ? v.slice(0, 20) : ''));
	return {
		title: one('title'),
		opensAt: one('opensAt'),
		closesAt: one('closesAt'),
		questionCount: one('questionCount'),
		timeLimitMinutes: one('timeLimitMinutes'),
		maxAttempts: one('maxAttempts'),
		revealPolicy: one('revealPolicy'),
		hasPrizes: one('hasPrizes') === 'on' ? 'on' : '',
		predictionKind: one('predictionKind'),
		predictionQuestion: one('predictionQuestion'),
		quotaTopic: all('quotaTopic'),
		quotaDifficulty: all('quotaDifficulty'),
		quotaCount: all('quotaCount'),
		formBand: one('formBand').slice(0, 20)
	};
}

/**
 * zod issues → { field: message }. Quota item issues carry zod's default (English) text and an
 * index into the non-empty rows only, so they are reworded with the row number the person sees.
 */
function roundErrors(err: Parameters<typeof fieldErrors>[0], values: RoundFormValues): FieldErrors {
	return quotaErrors(err, values.quotaCount);
}

/**
 * Parses a round form with zod, keeping what was typed. The quota topics are checked against the
 * bank by the contests service, in the transaction that writes the round.
 */
export function parseRoundForm(
	form: FormData
): { ok: true; input: RoundInput; values: RoundFormValues } | { ok: false; values: RoundFormValues; errors: FieldErrors } {
	const values = keepRoundValues(form);
	const parsed = RoundSchema.safeParse(roundFormToObject(form));
	if (!parsed.success) return { ok: false, values, errors: roundErrors(parsed.error, values) };
	return { ok: true, input: parsed.data, values };
}

/** Contest form: what was typed, as strings, so a failed submit loses nothing. */
export function keepContestValues(raw: Record<string, FormDataEntryValue>) {
	const pick = (k: string) => (typeof raw[k] === 'string' ? raw[k] : '');
	return {
		title: pick('title'),
		rules: pick('rules'),
		status: pick('status'),
		practiceHidesOpenRounds: raw.practiceHidesOpenRounds === 'on'
	};
}
