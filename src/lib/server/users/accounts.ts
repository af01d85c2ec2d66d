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
import { audit } from '../audit';
import { invalidateUserSessions } from '../auth/sessions';

export interface NewAccount {
	fullName: string;
	birthDate: string;
	gender: Gender;
	phone: string; // E.164
	email: string | null;
	nationalId: string | null; // 12 digits, hashed here
	unitCode: string;
	password: string;
	role?: Role;
	/** A child's (under 16) guardian who confirmed the registration; null for adults. */
	guardian?: { name: string; phone: string } | null;
}

export type CreateAccountResult =
	| { ok: true; userId: number }
	| { ok: false; errors: Record<string, string> };

/**
 * Creates an account. Uniqueness of phone, email and CCCD is enforced by UNIQUE indexes: we insert
 * and translate the constraint error, so two racing registrations cannot both succeed.
 */
export async function createAccount(
	db: Executor,
	input: NewAccount,
	now = Date.now()
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
			role: input.role ?? 'participant',
			password_hash: passwordHash,
			consent_at: now,
			consent_version: CONSENT_VERSION,
			guardian_name: input.guardian?.name ?? null,
			guardian_phone: input.guardian?.phone ?? null,
			guardian_confirmed_at: input.guardian ? now : null,
			created_at: now
		});
		await audit(db, {
			actorUserId: userId,
			action: 'user.register',
			entity: 'user',
			entityId: userId,
			details: { consentVersion: CONSENT_VERSION, guardianConfirmed: Boolean(input.guardian) }
		});
		return { ok: true, userId };
	} catch (e) {
		const msg = e instanceof Error ? e.message : '';
		if (msg.includes('UNIQUE') && msg.includes('users.phone'))
			return { ok: false, errors: { phone: 'Số điện thoại này đã được đăng ký.' } };
		if (msg.includes('UNIQUE') && msg.includes('users.email'))
			return { ok: false, errors: { email: 'Email này đã được đăng ký.' } };
		if (msg.includes('UNIQUE') && msg.includes('users.national_id_hash'))
			return { ok: false, errors: { nationalId: 'Số CCCD này đã được đăng ký.' } };
		throw e;
	}
}

/** The account a login identifier (phone in any accepted format, or email) points to. */
export async function findLoginAccount(db: Executor, identifier: string) {
	const phone = normalisePhone(identifier);
	const email = phone ? null : normaliseEmail(identifier);
	return phone ? users.findForLogin(db, { phone }) : email ? users.findForLogin(db, { email }) : undefined;
}

/** Resolves a phone-or-email identifier and checks the password in roughly constant time. */
export async function authenticate(
	db: Executor,
	identifier: string,
	password: string
): Promise<number | null> {
	const user = await findLoginAccount(db, identifier);
	if (!user) {
		await burnPasswordTime(password);
		return null;
	}
	return (await verifyPassword(user.passwordHash, password)) ? user.id : null;
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
