import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { StaffCreateSchema } from '$lib/schemas/staff';
import { fieldErrors } from '$lib/schemas/form';
import * as users from '$lib/server/users/service';
import { groupUnits } from '$lib/vn/unit-groups';
import { formatPhone } from '$lib/vn/phone';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PAGE_SIZE = 25;

/**
 * Staff accounts: organisers and admins see every district lead, organiser and admin; an admin
 * creates any of them, an organiser district leads only (users/staff.ts says who may do what).
 */
export const load = (async (event) => {
	const user = requireRole(event, 'organiser');
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
	const roleParam = event.url.searchParams.get('role');
	const role = users.STAFF_ROLES.find((r) => r === roleParam) ?? null;
	const page = Math.max(1, Math.min(100_000, Number(event.url.searchParams.get('page')) || 1));
	const [list, units] = await Promise.all([users.listStaff({ q, role }, page, PAGE_SIZE), users.listSelectableUnits()]);
	return {
		q,
		role,
		page,
		pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
		total: list.total,
		rows: list.rows.map((r) => ({
			id: r.id,
			fullName: r.fullName,
			phone: formatPhone(r.phone),
			email: r.email,
			role: r.role,
			unitName: r.unitName,
			deactivated: r.deactivatedAt != null,
			lastLoginAt: r.lastLoginAt
		})),
		units: groupUnits(units),
		creatable: users.grantableRoles(user).filter((r) => r !== 'participant')
	};
}) satisfies PageServerLoad;

async function create(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const values = {
		fullName: String(raw.fullName ?? '').slice(0, 200),
		phone: String(raw.phone ?? '').slice(0, 40),
		email: String(raw.email ?? '').slice(0, 254),
		role: String(raw.role ?? '').slice(0, 20),
		unitCode: String(raw.unitCode ?? '').slice(0, 20)
	};
	const parsed = StaffCreateSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
	const res = await users.createStaff(user, { ...parsed.data, email: parsed.data.email || null });
	if (!res.ok) return fail(res.status, { values, errors: res.errors });
	// The password is shown once, here, and never stored in clear (like npm run user:create).
	return {
		created: { id: res.userId, fullName: parsed.data.fullName.normalize('NFC').trim(), phone: values.phone, password: res.password }
	};
}

export const actions = { create } satisfies Actions;
