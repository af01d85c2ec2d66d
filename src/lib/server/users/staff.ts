import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../db';
import { lockRows } from '../db/sql';
import { containsText } from '../db/like';
import type { Role } from '../db/types';
import { audit } from '../audit';
import { invalidateUserSessions } from '../auth/sessions';
import { hasRole } from '../auth/guards';
import * as units from '../units/units';
import { HANOI_CITY } from '../units/lists';
import { createAccount, type NewAccount } from './accounts';
import { RegisterSchema } from '../../schemas/auth';
import { fieldErrors, type FieldErrors } from '../../schemas/form';
import { phoneSearchDigits } from '../../vn/phone';
import { foldVietnamese } from '../../vn/text';

/**
 * Staff accounts (issue 16 item 1): organisers, district leads and admins, made and managed in the
 * browser (/admin/staff) as well as by `npm run user:create`. Both make an account the same way:
 * `staffAccount` (the registration schema with a generated password) then `createAccount`.
 *
 * Who may do what: an admin manages every account; an organiser creates and manages district
 * leads only (and may take a district lead back to participant, or make a participant one). An
 * admin never demotes or deactivates themselves, and the last active admin stays an admin.
 */

export const STAFF_ROLES = ['district_lead', 'organiser', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

interface Actor {
	id: number;
	role: Role;
}

/** A one-time password for a new account: 16 base64url characters (96 random bits), shown once. */
function generatePassword(): string {
	return randomBytes(12).toString('base64url');
}

/**
 * The one way a staff account's input is made (the CLI and the staff page): the registration
 * schema's rules for name, phone, email and unit, with a birth date and gender that staff accounts
 * do not ask for, and a generated password unless one is given.
 */
export function staffAccount(values: {
	role: Role;
	fullName: string;
	phone: string;
	email?: string | null;
	unitCode: string;
	birthDate?: string;
	gender?: string;
	password?: string;
}): { ok: true; account: NewAccount; password: string; generated: boolean } | { ok: false; errors: FieldErrors } {
	const password = values.password ?? generatePassword();
	const parsed = RegisterSchema.safeParse({
		fullName: values.fullName,
		birthDate: values.birthDate ?? '1980-01-01',
		gender: values.gender ?? 'female',
		phone: values.phone,
		email: values.email ?? '',
		nationalId: '',
		unitCode: values.unitCode,
		// Staff accounts belong to no participant group (đối tượng): the schema requires one for a
		// participant's registration, so a placeholder passes it and is dropped below.
		groupId: '0',
		password,
		consent: 'on'
	});
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	return {
		ok: true,
		account: { ...parsed.data, groupId: null, role: values.role },
		password,
		generated: values.password == null
	};
}

/** Roles `actor` may give (a new account, or a change): admins any; organisers district lead or participant. */
export function grantableRoles(actor: Pick<Actor, 'role'>): Role[] {
	if (actor.role === 'admin') return ['participant', 'district_lead', 'organiser', 'admin'];
	if (hasRole(actor, 'organiser')) return ['participant', 'district_lead'];
	return [];
}

/** Whether `actor` may change an account that now has `current` role. */
export function mayManage(actor: Pick<Actor, 'role'>, current: Role): boolean {
	return grantableRoles(actor).includes(current);
}

const MESSAGES = {
	forbiddenRole: 'Ban Tổ chức chỉ tạo và quản lý tài khoản cán bộ quận/huyện; tài khoản Ban Tổ chức và quản trị do quản trị viên quản lý.',
	notFound: 'Không tìm thấy tài khoản.',
	self: 'Bạn không thể tự đổi vai trò hoặc tự khóa tài khoản của mình.',
	lastAdmin: 'Đây là quản trị viên cuối cùng đang hoạt động; hãy cấp quyền quản trị cho người khác trước.',
	unit: 'Đơn vị không tồn tại hoặc không còn hoạt động.',
	leadUnit: 'Cán bộ quận/huyện cần thuộc một đơn vị quận/huyện (hoặc xã/phường), không phải cấp thành phố.',
	closed: 'Tài khoản này đã bị xóa dữ liệu hoặc đã gộp vào tài khoản khác.'
} as const;

type Refusal = { ok: false; status: 403 | 404 | 409; message: string };

/** A district lead's unit must be below the city; others default to the city root. */
async function resolveUnit(db: Executor, role: Role, unitCode: string) {
	const code = unitCode || (role === 'district_lead' ? '' : HANOI_CITY.code);
	if (!code) return { error: { unitCode: 'Vui lòng chọn đơn vị cho cán bộ quận/huyện.' } };
	const unit = await units.findByCode(db, code);
	if (!unit) return { error: { unitCode: MESSAGES.unit } };
	if (role === 'district_lead' && unit.parentId == null) return { error: { unitCode: MESSAGES.leadUnit } };
	return { unit };
}

/** Creates a staff account; the one-time password comes back to be shown once. */
export async function createStaff(
	db: Db,
	actor: Actor,
	input: { role: StaffRole; fullName: string; phone: string; email: string | null; unitCode: string }
): Promise<{ ok: true; userId: number; password: string } | { ok: false; status: 400 | 403; errors: FieldErrors }> {
	if (!grantableRoles(actor).includes(input.role)) return { ok: false, status: 403, errors: { role: MESSAGES.forbiddenRole } };
	const resolved = await resolveUnit(db, input.role, input.unitCode);
	if (resolved.error) return { ok: false, status: 400, errors: resolved.error };
	const made = staffAccount({ ...input, unitCode: resolved.unit.code });
	if (!made.ok) return { ok: false, status: 400, errors: made.errors };
	const res = await createAccount(db, made.account, Date.now(), actor.id);
	if (!res.ok) return { ok: false, status: 400, errors: res.errors };
	return { ok: true, userId: res.userId, password: made.password };
}

export interface StaffRow {
	id: number;
	fullName: string;
	phone: string;
	email: string | null;
	role: Role;
	unitId: number;
	unitCode: string;
	unitName: string;
	deactivatedAt: number | null;
	createdAt: number;
	lastLoginAt: number | null;
}

function staffQuery(db: Executor) {
	return db
		.selectFrom('users as u')
		.innerJoin('units', 'units.id', 'u.unit_id')
		.where('u.anonymised_at', 'is', null)
		.where('u.merged_into', 'is', null);
}

function staffColumns(db: Executor, q: ReturnType<typeof staffQuery>) {
	return q.select((eb) => [
		'u.id',
		'u.full_name',
		'u.phone',
		'u.email',
		'u.role',
		'u.unit_id',
		'units.code as unit_code',
		'units.name as unit_name',
		'u.deactivated_at',
		'u.created_at',
		eb
			.selectFrom('access_events as e')
			.select((e) => e.fn.max<number>('e.at').as('at'))
			.whereRef('e.user_id', '=', 'u.id')
			.where('e.kind', '=', 'login')
			.as('last_login_at')
	]);
}

type RawStaff = {
	id: number;
	full_name: string;
	phone: string;
	email: string | null;
	role: Role;
	unit_id: number;
	unit_code: string;
	unit_name: string;
	deactivated_at: number | null;
	created_at: number;
	last_login_at: number | null;
};

const toStaff = (r: RawStaff): StaffRow => ({
	id: r.id,
	fullName: r.full_name,
	phone: r.phone,
	email: r.email,
	role: r.role,
	unitId: r.unit_id,
	unitCode: r.unit_code,
	unitName: r.unit_name,
	deactivatedAt: r.deactivated_at,
	createdAt: r.created_at,
	lastLoginAt: r.last_login_at == null ? null : Number(r.last_login_at)
});

/**
 * One page of the staff accounts (district leads, organisers, admins), searched by name (case and
 * diacritics ignored), phone digits or email; by role, then name.
 */
export async function listStaff(db: Executor, f: { q: string; role?: StaffRole | null }, page: number, pageSize: number) {
	let base = staffQuery(db).where('u.role', 'in', f.role ? [f.role] : [...STAFF_ROLES]);
	const typed = f.q.trim();
	if (typed) {
		const digits = phoneSearchDigits(typed);
		const folded = foldVietnamese(typed);
		base = digits
			? base.where(containsText(db, 'u.phone', digits))
			: typed.includes('@')
				? base.where(containsText(db, 'u.email', typed.toLowerCase()))
				: base.where(containsText(db, 'u.name_folded', folded));
	}
	const [rows, count] = await Promise.all([
		staffColumns(db, base)
			.orderBy('u.role')
			.orderBy('u.name_folded')
			.orderBy('u.id')
			.limit(pageSize)
			.offset((page - 1) * pageSize)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { total: Number(count.n), rows: (rows as RawStaff[]).map(toStaff) };
}

/** One account for the staff page (any role: a participant may be made a district lead there). */
export async function findStaff(db: Executor, userId: number): Promise<StaffRow | undefined> {
	const r = await staffColumns(db, staffQuery(db).where('u.id', '=', userId)).executeTakeFirst();
	return r && toStaff(r as RawStaff);
}

/** Active admins other than `userId`, their rows locked (two admins demoting each other take turns). */
async function otherActiveAdmins(trx: Executor, userId: number): Promise<number> {
	const q = trx
		.selectFrom('users')
		.select('id')
		.where('role', '=', 'admin')
		.where('deactivated_at', 'is', null)
		.where('anonymised_at', 'is', null)
		.where('id', '!=', userId);
	await lockRows(trx as Db, q, 'users');
	return (await q.execute()).length;
}

/**
 * Changes an account's role and/or unit. Either change ends every session of that account in the
 * same transaction (a demoted or moved officer must not keep the old rights on an open session).
 */
export async function updateStaff(
	db: Db,
	actor: Actor,
	userId: number,
	change: { role: Role; unitCode: string }
): Promise<{ ok: true; message: string } | Refusal | { ok: false; status: 400; errors: FieldErrors }> {
	return db.transaction().execute(async (trx) => {
		const before = await findStaff(trx, userId);
		if (!before) return { ok: false, status: 404, message: MESSAGES.notFound };
		if (!mayManage(actor, before.role) || !grantableRoles(actor).includes(change.role))
			return { ok: false, status: 403, message: MESSAGES.forbiddenRole };
		if (userId === actor.id) return { ok: false, status: 409, message: MESSAGES.self };
		const resolved = await resolveUnit(trx, change.role, change.unitCode || before.unitCode);
		if (resolved.error) return { ok: false, status: 400, errors: resolved.error };
		const unit = resolved.unit;
		if (before.role === change.role && before.unitId === unit.id)
			return { ok: false, status: 409, message: 'Không có gì thay đổi: vai trò và đơn vị vẫn như cũ.' };
		if (before.role === 'admin' && change.role !== 'admin' && (await otherActiveAdmins(trx, userId)) === 0)
			return { ok: false, status: 409, message: MESSAGES.lastAdmin };
		await trx.updateTable('users').set({ role: change.role, unit_id: unit.id }).where('id', '=', userId).execute();
		await invalidateUserSessions(trx, userId);
		await audit(trx, {
			actorUserId: actor.id,
			action: 'staff.update',
			entity: 'user',
			entityId: userId,
			details: { from: { role: before.role, unitCode: before.unitCode }, to: { role: change.role, unitCode: unit.code } }
		});
		return { ok: true, message: 'Đã lưu thay đổi; người này cần đăng nhập lại.' };
	});
}

/** Deactivates (every session ends; login refused) or reactivates an account. */
export async function setStaffActive(
	db: Db,
	actor: Actor,
	userId: number,
	active: boolean
): Promise<{ ok: true; message: string } | Refusal> {
	return db.transaction().execute(async (trx) => {
		const before = await findStaff(trx, userId);
		if (!before) return { ok: false, status: 404, message: MESSAGES.notFound };
		if (!mayManage(actor, before.role)) return { ok: false, status: 403, message: MESSAGES.forbiddenRole };
		if (userId === actor.id) return { ok: false, status: 409, message: MESSAGES.self };
		if ((before.deactivatedAt == null) === active)
			return { ok: false, status: 409, message: active ? 'Tài khoản đang hoạt động.' : 'Tài khoản đã bị khóa từ trước.' };
		if (!active && before.role === 'admin' && (await otherActiveAdmins(trx, userId)) === 0)
			return { ok: false, status: 409, message: MESSAGES.lastAdmin };
		await trx
			.updateTable('users')
			.set({ deactivated_at: active ? null : Date.now() })
			.where('id', '=', userId)
			.execute();
		if (!active) await invalidateUserSessions(trx, userId);
		await audit(trx, {
			actorUserId: actor.id,
			action: active ? 'staff.reactivate' : 'staff.deactivate',
			entity: 'user',
			entityId: userId,
			details: { role: before.role }
		});
		return { ok: true, message: active ? 'Đã mở lại tài khoản.' : 'Đã khóa tài khoản; mọi phiên đăng nhập của người này đã kết thúc.' };
	});
}
