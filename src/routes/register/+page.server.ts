import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { RegisterSchema, keepRegisterValues } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/form';
import { createAccount } from '$lib/server/users/accounts';
import * as units from '$lib/server/units/units';
import { groupUnits } from '$lib/vn/unit-groups';
import { registerByDevice, registerByIp, registerByIpLong, retryAfterSeconds, takeAll } from '$lib/server/auth/limits';
import { createSession, invalidateSession, setSessionCookie } from '$lib/server/auth/sessions';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { fingerprintOf } from '$lib/server/fairness/fingerprint';
import { recordEvent } from '$lib/server/fairness/events';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin));
	const list = await units.listSelectable(getDb());
	return { units: groupUnits(list) };
}) satisfies PageServerLoad;

async function register(event: Parameters<Actions['default']>[0]) {
	const raw = Object.fromEntries(await event.request.formData());
	const values = keepRegisterValues(raw);
	const parsed = RegisterSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
	const fp = fingerprintOf(event);
	const wait = takeAll([
		[registerByIp, fp.ipHash ?? ''],
		[registerByIpLong, fp.ipHash ?? ''],
		[registerByDevice, fp.deviceHash ?? '']
	]);
	if (wait > 0) {
		event.setHeaders({ 'retry-after': retryAfterSeconds(wait) });
		return fail(429, {
			values,
			errors: { form: 'Có quá nhiều lượt đăng ký từ thiết bị hoặc mạng của bạn. Vui lòng thử lại sau ít phút.' }
		});
	}
	const db = getDb();
	const res = await createAccount(db, parsed.data);
	if (!res.ok) return fail(400, { values, errors: res.errors });
	await recordEvent(db, { kind: 'register', userId: res.userId, at: Date.now(), ...fp });
	// Registration logs the person in so they can go straight to the round.
	if (event.locals.session) await invalidateSession(db, event.locals.session.id);
	const { token, session } = await createSession(db, res.userId);
	setSessionCookie(event.cookies, token, session.expiresAt);
	// Someone sent to log in on the way to a page (requireUser) and who registered instead goes there.
	redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url.origin, '/?welcome=1'));
}

export const actions = { default: register } satisfies Actions;
