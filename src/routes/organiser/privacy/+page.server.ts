import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { fieldErrors } from '$lib/schemas/form';
import { DeletionDecisionSchema } from '$lib/schemas/privacy';
import * as privacy from '$lib/server/users/privacy';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const db = getDb();
	const [pending, confirmed, rejected] = await Promise.all([
		privacy.listDeletionRequests(db, 'pending'),
		privacy.listDeletionRequests(db, 'confirmed', 20),
		privacy.listDeletionRequests(db, 'rejected', 20)
	]);
	return { pending, decided: [...confirmed, ...rejected].sort((a, b) => (b.decidedAt ?? 0) - (a.decidedAt ?? 0)) };
}) satisfies PageServerLoad;

async function decide(event: RequestEvent, confirm: boolean) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const parsed = DeletionDecisionSchema.safeParse(raw);
	const requestId = typeof raw.requestId === 'string' ? raw.requestId.slice(0, 20) : '';
	if (!parsed.success) return fail(400, { requestId, errors: fieldErrors(parsed.error) });
	const db = getDb();
	const res = confirm
		? await privacy.confirmDeletion(db, user.id, parsed.data.requestId)
		: await privacy.rejectDeletion(db, user.id, parsed.data.requestId, parsed.data.note);
	if (!res.ok) return fail(res.status, { requestId, errors: { form: res.message } as Record<string, string> });
	return { done: res.message };
}

export const actions = {
	confirm: (event) => decide(event, true),
	reject: (event) => decide(event, false)
} satisfies Actions;
