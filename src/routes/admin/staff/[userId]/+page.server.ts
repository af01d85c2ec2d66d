import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { StaffDeactivateSchema, StaffUpdateSchema } from '$lib/schemas/staff';
import { fieldErrors, formError } from '$lib/schemas/form';
import * as users from '$lib/server/users/service';
import { groupUnits } from '$lib/vn/unit-groups';
import { formatPhone } from '$lib/vn/phone';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function userIdOr404(param: string): number {
	const id = parseId(param);
	if (id == null) error(404, { message: 'Không tìm thấy tài khoản.' });
	return id;
}

/** One account on the staff page: role, unit, active or not. The service refuses what the viewer may not change. */
export const load = (async (event) => {
	const user = requireRole(event, 'organiser');
	const id = userIdOr404(event.params.userId);
	const [account, units] = await Promise.all([users.findStaff(id), users.listSelectableUnits()]);
	if (!account) error(404, { message: 'Không tìm thấy tài khoản.' });
	return {
		account: {
			id: account.id,
			fullName: account.fullName,
			phone: formatPhone(account.phone),
			email: account.email,
			role: account.role,
			unitCode: account.unitCode,
			unitName: account.unitName,
			deactivatedAt: account.deactivatedAt,
			createdAt: account.createdAt,
			lastLoginAt: account.lastLoginAt
		},
		self: account.id === user.id,
		canManage: users.mayManage(user, account.role) && account.id !== user.id,
		roles: users.grantableRoles(user),
		units: groupUnits(units)
	};
}) satisfies PageServerLoad;

type Form = Record<string, FormDataEntryValue>;

async function update(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	const id = userIdOr404(event.params.userId);
	const raw: Form = Object.fromEntries(await event.request.formData());
	const parsed = StaffUpdateSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { form: 'update', errors: fieldErrors(parsed.error) });
	const res = await users.updateStaff(user, id, parsed.data);
	if (!res.ok) return fail(res.status, { form: 'update', errors: 'errors' in res ? res.errors : formError(res.message) });
	return { done: res.message };
}

async function deactivate(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	const id = userIdOr404(event.params.userId);
	const raw: Form = Object.fromEntries(await event.request.formData());
	const parsed = StaffDeactivateSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { form: 'active', errors: fieldErrors(parsed.error) });
	const res = await users.setStaffActive(user, id, false);
	if (!res.ok) return fail(res.status, { form: 'active', errors: formError(res.message) });
	return { done: res.message };
}

async function reactivate(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	const id = userIdOr404(event.params.userId);
	// Read (and bounded by BODY_SIZE_LIMIT) like every other form, though it carries no field.
	await event.request.formData();
	const res = await users.setStaffActive(user, id, true);
	if (!res.ok) return fail(res.status, { form: 'active', errors: formError(res.message) });
	return { done: res.message };
}

export const actions = { update, deactivate, reactivate } satisfies Actions;
