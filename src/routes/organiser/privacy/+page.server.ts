import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { fieldErrors, formError } from '$lib/schemas/form';
import { DeletionDecisionSchema } from '$lib/schemas/privacy';
import * as users from '$lib/server/users/service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const { pending, confirmed, rejected } = await users.listDeletionRequests();
	return { pending, decided: [...confirmed, ...rejected].sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0)) };
}) satisfies PageServerLoad;

async function decide(event: RequestEvent, confirm: boolean) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const parsed = DeletionDecisionSchema.safeParse(raw);
	const requestId = typeof raw.requestId === 'string' ? raw.requestId.slice(0, 20) : '';
	if (!parsed.success) return fail(400, { requestId, errors: fieldErrors(parsed.error) });
	const res = confirm
		? await users.confirmDeletion(user.id, parsed.data.requestId)
		: await users.rejectDeletion(user.id, parsed.data.requestId, parsed.data.note);
	if (!res.ok) return fail(res.status, { requestId, errors: formError(res.message) });
	return { done: res.message };
}

export const actions = {
	confirm: (event) => decide(event, true),
	reject: (event) => decide(event, false)
} satisfies Actions;
