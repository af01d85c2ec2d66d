import type { Executor } from '../db';
import type { Gender, Role } from '../db/types';
import { hashPassword, verifyPassword, burnPasswordTime } from '../auth/password';
import { keyedHash } from '../auth/keyed-hash';
import { foldVietnamese } from '../../vn/text';
import { normalisePhone } from '../../vn/phone';
import { normaliseEmail } from '../../vn/identity';
import * as units from '../units/units';
import * as users from './users';
import { CONSENT_VERSION } from '../../schemas/auth';
import type { FieldErrors, FormResult } from '../../schemas/form';
import { audit } from '../audit';
import { invalidateOtherUserSessions, invalidateUserSessions } from '../auth/sessions';
import type { Db } from '../db';
import { isUniqueViolation, withSavepoint } from '../db/errors';

export interface NewAccount {
	fullName: string;
	birthDate: string;
	gender: Gender;
	phone: string; // E.164
	email: string | null;
	nationalId: string | null; // 12 digits, hashed here
	unitCode: string;
	/** The participant group (required at registration, checked by the caller); none for staff made by user:create. */
	groupId?: number | null;
	password: string;
	role?: Role;
	/** A child's (under 16) guardian who confirmed the registration; null for adults. */
	guardian?: { name: string; phone: string } | null;
}

export type CreateAccountResult = FormResult<{ userId: number }>;

/**
 * Creates an account. Uniqueness of phone, email and CCCD is enforced by UNIQUE indexes: we insert
 * and translate the constraint error, so two racing registrations cannot both succeed.
 */
export async function createAccount(
	db: Executor,
	input: NewAccount,
	now = Date.now(),
	/** The staff member creating someone else's account (the staff page); by default the person registers themselves. */
	createdBy: number | null = null
): Promise<CreateAccountResult> {
	const unit = await units.findByCode(db, input.unitCode);
	if (!unit) return { ok: false, errors: { unitCode: 'Đơn vị không tồn tại.' } };
	const passwordHash = await hashPassword(input.password);
	try {
		const userId = await users.insertUser(db, {
			full_name: input.fullName,
			name_folded: foldVietnamese(input.fullName),
			birth_date: input.birthDate,
			gender: input.gender,
			phone: input.phone,
			email: input.email,
			national_id_hash: input.nationalId ? keyedHash('cccd', input.nationalId) : null,
			unit_id: unit.id,
			group_id: input.groupId ?? null,
			role: input.role ?? 'participant',
			password_hash: passwordHash,
			consent_at: now,
			consent_version: CONSENT_VERSION,
			guardian_name: input.guardian?.name ?? null,
			guardian_phone: input.guardian?.phone ?? null,
			guardian_confirmed_at: input.guardian ? now : null,
			created_at: now
		});
		await audit(
			db,
			createdBy == null
				? {
						actorUserId: userId,
						action: 'user.register',
						entity: 'user',
						entityId: userId,
						details: { consentVersion: CONSENT_VERSION, guardianConfirmed: Boolean(input.guardian) }
					}
				: {
						actorUserId: createdBy,
						action: 'staff.create',
						entity: 'user',
						entityId: userId,
						details: { role: input.role, unitCode: input.unitCode }
					}
		);
		return { ok: true, userId };
	} catch (e) {
		const errors = uniqueFieldErrors(e);
		if (errors) return { ok: false, errors };
		throw e;
	}
}

/**
 * A UNIQUE violation on users' identity columns → { field: message } for the form; null for any
 * other error. Registration and profile edits both let the index decide (no check-then-insert),
 * so two racing requests for the same phone, email or CCCD cannot both win.
 */
function uniqueFieldErrors(e: unknown): FieldErrors | null {
	if (isUniqueViolation(e, 'users.phone')) return { phone: 'Số điện thoại này đã được đăng ký.' };
	if (isUniqueViolation(e, 'users.email')) return { email: 'Email này đã được đăng ký.' };
	if (isUniqueViolation(e, 'users.national_id_hash')) return { nationalId: 'Số CCCD này đã được đăng ký.' };
	return null;
}

/** The account a login identifier (phone in any accepted format, or email) points to. */
export async function findLoginAccount(db: Executor, identifier: string) {
	const phone = normalisePhone(identifier);
	const email = phone ? null : normaliseEmail(identifier);
	return phone ? users.findForLogin(db, { phone }) : email ? users.findForLogin(db, { email }) : undefined;
}

/**
 * Resolves a phone-or-email identifier and checks the password in roughly constant time. A
 * deactivated account (the staff page) is told apart only after its right password was given.
 */
export async function authenticate(db: Executor, identifier: string, password: string): Promise<number | 'deactivated' | null> {
	const user = await findLoginAccount(db, identifier);
	if (!user) {
		await burnPasswordTime(password);
		return null;
	}
	if (!(await verifyPassword(user.passwordHash, password))) return null;
	return user.deactivatedAt != null ? 'deactivated' : user.id;
}

/**
 * Changes a person's role. Every session of that person ends in the same transaction, so a
 * privilege change (up or down) never rides on a session created before it: they log in again.
 */
export async function changeRole(
	db: import('../db').Db,
	actorUserId: number,
	userId: number,
	role: Role
): Promise<{ ok: true; message: string } | { ok: false; status: 404 | 409; message: string }> {
	return db.transaction().execute(async (trx) => {
		const u = await trx.selectFrom('users').select(['role', 'anonymised_at']).where('id', '=', userId).executeTakeFirst();
		if (!u || u.anonymised_at != null) return { ok: false, status: 404, message: 'Không tìm thấy tài khoản.' };
		if (u.role === role) return { ok: false, status: 409, message: 'Tài khoản đã có vai trò này.' };
		if (userId === actorUserId) return { ok: false, status: 409, message: 'Bạn không thể tự đổi vai trò của mình.' };
		await trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
		await invalidateUserSessions(trx, userId);
		await audit(trx, { actorUserId, action: 'user.role_change', entity: 'user', entityId: userId, details: { from: u.role, to: role } });
		return { ok: true, message: 'Đã đổi vai trò; người này cần đăng nhập lại.' };
	});
}

export interface ProfileChange {
	fullName: string;
	phone: string; // E.164
	email: string | null;
	/** 12 digits to set (hashed here); null keeps the stored hash unless removeNationalId. */
	nationalId: string | null;
	removeNationalId: boolean;
	unitCode: string;
	/** Needed only when phone, email or CCCD change. */
	currentPassword: string;
}

export type ProfileField = 'fullName' | 'unitCode' | 'phone' | 'email' | 'nationalId';

export type UpdateProfileResult =
	{ ok: true; changed: ProfileField[]; sessionsEnded: number } | { ok: false; errors: FieldErrors; badPassword?: true };

/** Phone, email and CCCD identify a person and log them in: changing them needs the password. */
const SENSITIVE: ProfileField[] = ['phone', 'email', 'nationalId'];

const PROFILE_MESSAGES = {
	closed: 'Tài khoản này đã bị xóa dữ liệu hoặc đã được gộp vào tài khoản khác nên không thể sửa thông tin.',
	passwordNeeded: 'Vui lòng nhập mật khẩu hiện tại để đổi số điện thoại, email hoặc số CCCD.',
	passwordWrong: 'Mật khẩu hiện tại không đúng.',
	unit: 'Đơn vị không tồn tại hoặc không còn nhận người dự thi.'
} as const;

/**
 * A person edits their own name, unit, phone, email and CCCD. The password (argon2, slow) is
 * checked before the transaction so the single SQLite connection is not held while hashing; the
 * transaction then re-reads the row, so what "changed" means and the password hash checked are
 * those of the row actually written. Uniqueness is left to the UNIQUE indexes: the UPDATE itself
 * fails for a phone/email/CCCD someone else holds. A new phone or email ends the person's other
 * sessions (whoever learnt the old login no longer rides on it); `keepSessionId` stays.
 * The audit log records which fields changed, never the values of phone, email or CCCD.
 */
export async function updateProfile(
	db: Db,
	userId: number,
	input: ProfileChange,
	now = Date.now(),
	keepSessionId: string | null = null
): Promise<UpdateProfileResult> {
	const before = await users.findProfile(db, userId);
	if (!before || before.anonymisedAt != null || before.mergedInto != null) return { ok: false, errors: { form: PROFILE_MESSAGES.closed } };
	let unitId = before.unitId;
	if (input.unitCode !== before.unitCode) {
		// Like registration: an active unit below the city root (a person may keep an old one).
		const unit = await units.findByCode(db, input.unitCode);
		if (!unit || unit.parentId == null) return { ok: false, errors: { unitCode: PROFILE_MESSAGES.unit } };
		unitId = unit.id;
	}
	const nationalIdHash = input.removeNationalId ? null : input.nationalId ? keyedHash('cccd', input.nationalId) : before.nationalIdHash;
	const diff = (row: users.ProfileRow): ProfileField[] => {
		const out: ProfileField[] = [];
		if (row.fullName !== input.fullName) out.push('fullName');
		if (row.unitId !== unitId) out.push('unitCode');
		if (row.phone !== input.phone) out.push('phone');
		if (row.email !== input.email) out.push('email');
		if (row.nationalIdHash !== nationalIdHash) out.push('nationalId');
		return out;
	};
	const sensitive = (fields: ProfileField[]) => fields.some((f) => SENSITIVE.includes(f));
	let verifiedHash: string | null = null;
	if (sensitive(diff(before))) {
		if (!input.currentPassword) return { ok: false, errors: { currentPassword: PROFILE_MESSAGES.passwordNeeded } };
		if (!(await verifyPassword(before.passwordHash, input.currentPassword)))
			return { ok: false, errors: { currentPassword: PROFILE_MESSAGES.passwordWrong }, badPassword: true };
		verifiedHash = before.passwordHash;
	}
	return db.transaction().execute(async (trx): Promise<UpdateProfileResult> => {
		// Locked (PostgreSQL): a second edit of the same person waits, then sees this one's result.
		const row = await users.findProfile(trx, userId, { lock: true });
		if (!row || row.anonymisedAt != null || row.mergedInto != null) return { ok: false, errors: { form: PROFILE_MESSAGES.closed } };
		const changed = diff(row);
		if (changed.length === 0) return { ok: true, changed, sessionsEnded: 0 };
		// The password was checked against the row as read before; it must still be that one.
		if (sensitive(changed) && verifiedHash !== row.passwordHash)
			return { ok: false, errors: { currentPassword: PROFILE_MESSAGES.passwordNeeded } };
		try {
			// In a savepoint: the transaction survives the unique violation (PostgreSQL would refuse
			// everything after it), though nothing else was written in it yet.
			await withSavepoint(trx, () =>
				users.updateIdentity(trx, userId, {
					fullName: input.fullName,
					nameFolded: foldVietnamese(input.fullName),
					phone: input.phone,
					email: input.email,
					nationalIdHash,
					unitId
				})
			);
		} catch (e) {
			const errors = uniqueFieldErrors(e);
			if (errors) return { ok: false, errors };
			throw e;
		}
		let sessionsEnded = 0;
		if (changed.includes('phone') || changed.includes('email')) {
			if (keepSessionId) sessionsEnded = await invalidateOtherUserSessions(trx, userId, keepSessionId);
			else await invalidateUserSessions(trx, userId);
		}
		await audit(trx, {
			actorUserId: userId,
			action: 'user.profile_update',
			entity: 'user',
			entityId: userId,
			details: { fields: changed, sessionsEnded },
			at: now
		});
		return { ok: true, changed, sessionsEnded };
	});
}
