import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guards';
import { countActiveSessions, deleteSessionCookie, invalidateUserSessions } from '$lib/server/auth/sessions';
import { reauthFailuresByUser, retryAfterSeconds } from '$lib/server/auth/limits';
import { pendingDeletion, requestDeletion } from '$lib/server/users/privacy';
import { findProfile } from '$lib/server/users/users';
import { updateProfile } from '$lib/server/users/accounts';
import * as units from '$lib/server/units/units';
import { groupUnits } from '$lib/vn/unit-groups';
import { DeletionRequestSchema } from '$lib/schemas/privacy';
import { ProfileSchema, keepProfileValues } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/form';
import { formatPhone } from '$lib/vn/phone';
import { audit } from '$lib/server/audit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event);
	const db = getDb();
	const [profile, sessionCount, pending, selectable] = await Promise.all([
		findProfile(db, user.id),
		countActiveSessions(db, user.id),
		pendingDeletion(db, user.id),
		units.listSelectable(db)
	]);
	if (!profile) redirect(303, '/login');
	const unitList = selectable.map((u) => ({ code: u.code, name: u.name, kind: u.kind }));
	// Someone in a unit no longer offered (or the city itself) still sees, and may keep, their own.
	if (!unitList.some((u) => u.code === profile.unitCode)) unitList.unshift({ code: profile.unitCode, name: profile.unitName, kind: '' });
	return {
		fullName: profile.fullName,
		role: user.role,
		consentAt: profile.consentAt,
		consentVersion: profile.consentVersion,
		guardianConfirmedAt: profile.guardianConfirmedAt,
		sessionCount,
		pendingDeletionAt: pending?.requested_at ?? null,
		profile: {
			fullName: profile.fullName,
			phone: formatPhone(profile.phone),
			email: profile.email ?? '',
			hasNationalId: profile.nationalIdHash != null,
			unitCode: profile.unitCode,
			editable: profile.anonymisedAt == null && profile.mergedInto == null
		},
		units: groupUnits(unitList)
	};
}) satisfies PageServerLoad;

const FIELD_NAMES = { fullName: 'họ tên', unitCode: 'đơn vị', phone: 'số điện thoại', email: 'email', nationalId: 'số CCCD' } as const;

/**
 * Edits the logged-in person's own data. The person is the session's user, never a field of the
 * form: there is no user id to tamper with.
 */
async function profile(event: Parameters<Actions['profile']>[0]) {
	const user = requireUser(event);
	const raw = Object.fromEntries(await event.request.formData());
	const values = keepProfileValues(raw);
	const parsed = ProfileSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { section: 'profile' as const, values, errors: fieldErrors(parsed.error) });
	const key = String(user.id);
	const wait = reauthFailuresByUser.retryAfter(key);
	if (wait > 0 && parsed.data.currentPassword) {
		event.setHeaders({ 'retry-after': retryAfterSeconds(wait) });
		return fail(429, {
			section: 'profile' as const,
			values,
			errors: { currentPassword: 'Bạn đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ít phút.' } as Record<string, string>
		});
	}
	const res = await updateProfile(getDb(), user.id, parsed.data, Date.now(), event.locals.session?.id ?? null);
	if (!res.ok) {
		if (res.badPassword) reauthFailuresByUser.fail(key);
		return fail(400, { section: 'profile' as const, values, errors: res.errors });
	}
	if (parsed.data.currentPassword) reauthFailuresByUser.reset(key);
	const saved =
		res.changed.length === 0
			? 'Không có thông tin nào thay đổi.'
			: `Đã lưu thay đổi (${res.changed.map((f) => FIELD_NAMES[f]).join(', ')}).` +
				(res.sessionsEnded > 0 ? ` Đã đăng xuất tài khoản khỏi ${res.sessionsEnded} thiết bị khác.` : '');
	return { section: 'profile' as const, saved, changed: res.changed };
}

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

export const actions = { profile, logoutEverywhere, requestDeletion: deletion } satisfies Actions;
