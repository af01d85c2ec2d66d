import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { deleteSessionCookie, invalidateUserSessions } from '$lib/server/auth/sessions';
import { pendingDeletion, requestDeletion } from '$lib/server/users/privacy';
import { DeletionRequestSchema } from '$lib/schemas/privacy';
import { fieldErrors } from '$lib/schemas/auth';
import { audit } from '$lib/server/audit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [u, sessions, pending] = await Promise.all([
		db.selectFrom('users').select(['consent_at', 'consent_version', 'guardian_confirmed_at']).where('id', '=', user.id).executeTakeFirstOrThrow(),
		db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', user.id).where('expires_at', '>', Date.now()).executeTakeFirstOrThrow(),
		pendingDeletion(db, user.id)
	]);
	return {
		fullName: user.fullName,
		role: user.role,
		consentAt: u.consent_at,
		consentVersion: u.consent_version,
		guardianConfirmedAt: u.guardian_confirmed_at,
		sessionCount: Number(sessions.n),
		pendingDeletionAt: pending?.requested_at ?? null
	};
}) satisfies PageServerLoad;

/** Ends every session of this person, on every device (a lost phone, a shared computer). */
async function logoutEverywhere(event: Parameters<Actions['logoutEverywhere']>[0]) {
	const user = requireUser(event);
	const db = getDb();
	await invalidateUserSessions(db, user.id);
	await audit(db, { actorUserId: user.id, action: 'user.logout_everywhere', entity: 'user', entityId: user.id });
	deleteSessionCookie(event.cookies);
	redirect(303, '/login?loggedOut=all');
}

async function deletion(event: Parameters<Actions['requestDeletion']>[0]) {
	const user = requireUser(event);
	const raw = Object.fromEntries(await event.request.formData());
	const reason = typeof raw.reason === 'string' ? raw.reason.slice(0, 1000) : '';
	const parsed = DeletionRequestSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { reason, errors: fieldErrors(parsed.error) });
	const res = await requestDeletion(getDb(), user.id, parsed.data.reason);
	if (!res.ok) return fail(res.status, { reason, errors: { form: res.message } as Record<string, string> });
	return { done: res.message };
}

export const actions = { logoutEverywhere, requestDeletion: deletion } satisfies Actions;
