import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { fieldErrors } from '$lib/schemas/form';
import { DismissSchema, MergeSchema } from '$lib/schemas/fairness';
import { listOpenCases } from '$lib/server/fairness/duplicates';
import * as decisions from '$lib/server/fairness/decisions';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	return await listOpenCases(getDb(), 50);
}) satisfies PageServerLoad;

export const actions = {
	merge: async (event) => {
		const user = requireRole(event, 'organiser');
		const raw = Object.fromEntries(await event.request.formData());
		const pair = String(raw.pair ?? '');
		const parsed = MergeSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { pair, reason: String(raw.reason ?? ''), errors: fieldErrors(parsed.error) });
		const { keepId, dropId, reason } = parsed.data;
		const res = await decisions.mergeDuplicate(getDb(), user.id, keepId, dropId, reason);
		if (!res.ok) return fail(res.status, { pair, reason, errors: { form: res.message } as Record<string, string> });
		return { done: res.message };
	},
	dismiss: async (event) => {
		const user = requireRole(event, 'organiser');
		const raw = Object.fromEntries(await event.request.formData());
		const pair = String(raw.pair ?? '');
		const parsed = DismissSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { pair, reason: String(raw.reason ?? ''), errors: fieldErrors(parsed.error) });
		const { a, b, reason } = parsed.data;
		const res = await decisions.dismissDuplicate(getDb(), user.id, a, b, reason);
		if (!res.ok) return fail(res.status, { pair, reason, errors: { form: res.message } as Record<string, string> });
		return { done: res.message };
	}
} satisfies Actions;
