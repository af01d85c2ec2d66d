import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { fieldErrors, formError } from '$lib/schemas/form';
import { DismissSchema, MergeSchema } from '$lib/schemas/fairness';
import * as fairness from '$lib/server/fairness/service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	return await fairness.listDuplicateCases(50);
}) satisfies PageServerLoad;

export const actions = {
	merge: async (event) => {
		const user = requireRole(event, 'organiser');
		const raw = Object.fromEntries(await event.request.formData());
		const pair = String(raw.pair ?? '');
		const parsed = MergeSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { pair, reason: String(raw.reason ?? ''), errors: fieldErrors(parsed.error) });
		const { keepId, dropId, reason } = parsed.data;
		const res = await fairness.mergeDuplicate(user.id, keepId, dropId, reason);
		if (!res.ok) return fail(res.status, { pair, reason, errors: formError(res.message) });
		return { done: res.message };
	},
	dismiss: async (event) => {
		const user = requireRole(event, 'organiser');
		const raw = Object.fromEntries(await event.request.formData());
		const pair = String(raw.pair ?? '');
		const parsed = DismissSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { pair, reason: String(raw.reason ?? ''), errors: fieldErrors(parsed.error) });
		const { a, b, reason } = parsed.data;
		const res = await fairness.dismissDuplicate(user.id, a, b, reason);
		if (!res.ok) return fail(res.status, { pair, reason, errors: formError(res.message) });
		return { done: res.message };
	}
} satisfies Actions;
