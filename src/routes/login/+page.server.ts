import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { LoginSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/form';
import { authenticate, findLoginAccount } from '$lib/server/users/accounts';
import { createSession, invalidateSession, setSessionCookie } from '$lib/server/auth/sessions';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import {
	limitsDisabled,
	loginByIp,
	loginFailuresByIdentifier,
	loginFailuresByPair,
	retryAfterSeconds,
	takeAll
} from '$lib/server/auth/limits';
import { fingerprintOf } from '$lib/server/fairness/fingerprint';
import { isKnownDevice, recordEvent } from '$lib/server/fairness/events';
import { normalisePhone } from '$lib/vn/phone';
import { normaliseEmail } from '$lib/vn/identity';
import { foldVietnamese } from '$lib/vn/text';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin));
	return {};
}) satisfies PageServerLoad;

function tooMany(event: Parameters<Actions['default']>[0], identifier: string, waitMs: number) {
	event.setHeaders({ 'retry-after': retryAfterSeconds(waitMs) });
	const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
	return fail(429, {
		identifier,
		errors: {
			form: `Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi khoảng ${minutes} phút rồi thử lại.`
		} as Record<string, string>
	});
}

/**
 * Login with three limits (limits.ts): a token bucket per IP; a failure back-off per
 * (identifier, IP), which does not touch the owner on another network; and a failure back-off
 * per identifier against distributed guessing, which a device the owner already used skips.
 * Both back-offs cap and decay, so nobody can lock an account for good.
 */
async function login(event: Parameters<Actions['default']>[0]) {
	const raw = Object.fromEntries(await event.request.formData());
	const identifierTyped = typeof raw.identifier === 'string' ? raw.identifier.slice(0, 254) : '';
	const parsed = LoginSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { identifier: identifierTyped, errors: fieldErrors(parsed.error) });
	const { identifier, password } = parsed.data;
	const db = getDb();
	const fp = fingerprintOf(event);
	// One key per account whatever the format typed (0912…, +84912…, 0912 345 678).
	const idKey = normalisePhone(identifier) ?? normaliseEmail(identifier) ?? foldVietnamese(identifier);
	const pairKey = `${idKey}|${fp.ipHash ?? ''}`;
	const now = Date.now();
	if (!limitsDisabled()) {
		const ipWait = takeAll([[loginByIp, fp.ipHash ?? '']], now);
		if (ipWait > 0) return tooMany(event, identifierTyped, ipWait);
		const pairWait = loginFailuresByPair.retryAfter(pairKey, now);
		if (pairWait > 0) return tooMany(event, identifierTyped, pairWait);
		const idWait = loginFailuresByIdentifier.retryAfter(idKey, now);
		if (idWait > 0) {
			const account = await findLoginAccount(db, identifier);
			if (!account || !(await isKnownDevice(db, account.id, fp.deviceHash))) return tooMany(event, identifierTyped, idWait);
		}
	}
	const userId = await authenticate(db, identifier, password);
	if (userId == null) {
		loginFailuresByPair.fail(pairKey, now);
		loginFailuresByIdentifier.fail(idKey, now);
		return fail(400, {
			identifier: identifierTyped,
			errors: { form: 'Số điện thoại/email hoặc mật khẩu không đúng.' } as Record<string, string>
		});
	}
	loginFailuresByPair.reset(pairKey);
	// Session rotation: whatever session this browser carried ends; the login gets a new id.
	if (event.locals.session) await invalidateSession(db, event.locals.session.id);
	const { token, session } = await createSession(db, userId);
	await recordEvent(db, { kind: 'login', userId, at: now, ...fp });
	setSessionCookie(event.cookies, token, session.expiresAt);
	redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url.origin));
}

export const actions = { default: login } satisfies Actions;
