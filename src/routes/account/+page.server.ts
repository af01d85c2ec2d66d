import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { deleteSessionCookie } from '$lib/server/auth/sessions';
import { retryAfterSeconds } from '$lib/server/auth/limits';
import * as users from '$lib/server/users/service';
import { groupUnits } from '$lib/vn/unit-groups';
import { DeletionRequestSchema } from '$lib/schemas/privacy';
import { ProfileSchema, groupIdField, keepProfileValues } from '$lib/schemas/auth';
import { fieldErrors, formError } from '$lib/schemas/form';
import { formatPhone } from '$lib/vn/phone';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event);
	const [overview, group] = await Promise.all([users.accountOverview(user.id), users.ownGroup(user.id)]);
	if (!overview) redirect(303, '/login');
	const { profile, sessionCount, pending } = overview;
	const unitList = overview.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind }));
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
		units: groupUnits(unitList),
		group
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
	const res = await users.updateOwnProfile(user.id, parsed.data, event.locals.session?.id ?? null);
	if (!res.ok) {
		if ('waitMs' in res) {
			event.setHeaders({ 'retry-after': retryAfterSeconds(res.waitMs) });
			return fail(429, { section: 'profile' as const, values, errors: res.errors });
		}
		return fail(400, { section: 'profile' as const, values, errors: res.errors });
	}
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
	await users.logOutEverywhere(user.id);
	deleteSessionCookie(event.cookies);
	redirect(303, '/login?loggedOut=all');
}

async function deletion(event: Parameters<Actions['requestDeletion']>[0]) {
	const user = requireUser(event);
	const raw = Object.fromEntries(await event.request.formData());
	const reason = typeof raw.reason === 'string' ? raw.reason.slice(0, 1000) : '';
	const parsed = DeletionRequestSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { reason, errors: fieldErrors(parsed.error) });
	const res = await users.requestDeletion(user.id, parsed.data.reason);
	if (!res.ok) return fail(res.status, { reason, errors: formError(res.message) });
	return { done: res.message };
}

/** The person declares their participant group (đối tượng); people registered before groups existed start as "chưa khai báo". */
async function group(event: Parameters<Actions['group']>[0]) {
	const user = requireUser(event);
	const raw = (await event.request.formData()).get('groupId');
	const parsed = groupIdField.safeParse(typeof raw === 'string' ? raw : undefined);
	if (!parsed.success) return fail(400, { section: 'group' as const, errors: { groupId: parsed.error.issues[0].message } });
	const res = await users.setOwnGroup(user.id, parsed.data);
	if (!res.ok) return fail(400, { section: 'group' as const, errors: res.errors });
	return { section: 'group' as const, saved: true };
}

export const actions = { profile, group, logoutEverywhere, requestDeletion: deletion } satisfies Actions;
