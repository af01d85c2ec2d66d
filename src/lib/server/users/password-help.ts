import type { Db, Executor } from '../db';
import type { PasswordResetKind, Role } from '../db/types';
import { containsText } from '../db/like';
import { audit } from '../audit';
import { hasRole } from '../auth/guards';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/sessions';
import {
	RESET_TTL_MS,
	hashResetSecret,
	newLinkNonce,
	newResetCode,
	normaliseResetCode,
	signResetLink,
	verifyResetLink
} from '../auth/reset-tokens';
import { passwordProblem } from '../../schemas/password';
import { phoneSearchDigits } from '../../vn/phone';
import { foldVietnamese } from '../../vn/text';
import type { FieldErrors } from '../../schemas/form';

/**
 * Forgotten passwords (issue 16 item 4), the rules and their queries; the rate limits and the
 * mail are the service's (service.ts).
 *
 * - An officer's code: a district lead (for the participants of their own unit only) or an
 *   organiser finds the person, checks who they are, and issues a code, shown to the officer once.
 *   The person types their phone number, the code and a new password at /forgot-password.
 * - An email link, for accounts with an email, asked for at /forgot-password.
 *
 * Both: only SHA-256 of the secret is stored; valid 30 minutes; single use (the `used_at` update
 * that claims a reset is conditional, so two racing uses cannot both win); a new one of the same
 * kind replaces the person's earlier unused ones; using one ends every session of the account.
 * A wrong code, an unknown phone or email and an expired or used reset all get the same answer.
 */

interface Officer {
	id: number;
	role: Role;
	unitId: number;
}

/** Whom an officer may issue a code for: a lead their own unit's participants; organisers participants and leads; admins anyone else. */
function mayIssueFor(officer: Officer, target: { id: number; role: Role; unitId: number }): boolean {
	if (target.id === officer.id) return false;
	if (officer.role === 'admin') return true;
	if (hasRole(officer, 'organiser')) return target.role === 'participant' || target.role === 'district_lead';
	return officer.role === 'district_lead' && target.role === 'participant' && target.unitId === officer.unitId;
}

export interface ResetTarget {
	id: number;
	fullName: string;
	phone: string;
	birthDate: string;
	role: Role;
	unitName: string;
	hasEmail: boolean;
	deactivated: boolean;
}

/**
 * People an officer may issue a code for, found by name (case and diacritics ignored) or phone
 * digits: a district lead searches their own unit's participants only (the query says so, not the page).
 */
export async function findResetTargets(db: Executor, officer: Officer, typed: string, limit = 20): Promise<ResetTarget[]> {
	const text = typed.trim();
	if (!text) return [];
	let q = db
		.selectFrom('users as u')
		.innerJoin('units', 'units.id', 'u.unit_id')
		.where('u.anonymised_at', 'is', null)
		.where('u.merged_into', 'is', null)
		.where('u.id', '!=', officer.id);
	if (officer.role === 'admin') {
		/* anyone */
	} else if (hasRole(officer, 'organiser')) q = q.where('u.role', 'in', ['participant', 'district_lead']);
	else q = q.where('u.role', '=', 'participant').where('u.unit_id', '=', officer.unitId);
	const digits = phoneSearchDigits(text);
	q = digits ? q.where(containsText(db, 'u.phone', digits)) : q.where(containsText(db, 'u.name_folded', foldVietnamese(text)));
	const rows = await q
		.select(['u.id', 'u.full_name', 'u.phone', 'u.birth_date', 'u.role', 'units.name as unit_name', 'u.email', 'u.deactivated_at'])
		.orderBy('u.name_folded')
		.orderBy('u.id')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		fullName: r.full_name,
		phone: r.phone,
		birthDate: r.birth_date,
		role: r.role,
		unitName: r.unit_name,
		hasEmail: r.email != null,
		deactivated: r.deactivated_at != null
	}));
}

/** Claims every unused reset of `kind` of the person (a new one replaces them). */
async function retireUnused(trx: Executor, userId: number, kind: PasswordResetKind, now: number) {
	await trx
		.updateTable('password_resets')
		.set({ used_at: now })
		.where('user_id', '=', userId)
		.where('kind', '=', kind)
		.where('used_at', 'is', null)
		.execute();
}

export type IssueResult =
	{ ok: true; code: string; expiresAt: number; fullName: string; phone: string } | { ok: false; status: 403 | 404 | 409; message: string };

/** An officer issues a one-time code for `userId`; the code is answered once and never stored. */
export async function issueResetCode(db: Db, officer: Officer, userId: number, now = Date.now()): Promise<IssueResult> {
	return db.transaction().execute(async (trx): Promise<IssueResult> => {
		const t = await trx
			.selectFrom('users')
			.select(['id', 'role', 'unit_id', 'full_name', 'phone', 'anonymised_at', 'merged_into', 'deactivated_at'])
			.where('id', '=', userId)
			.executeTakeFirst();
		if (!t || t.anonymised_at != null || t.merged_into != null) return { ok: false, status: 404, message: 'Không tìm thấy tài khoản.' };
		if (!mayIssueFor(officer, { id: t.id, role: t.role, unitId: t.unit_id }))
			return {
				ok: false,
				status: 403,
				message:
					officer.role === 'district_lead'
						? 'Bạn chỉ được cấp mã cho người dự thi thuộc đơn vị mình.'
						: 'Bạn không được cấp mã đặt lại mật khẩu cho tài khoản này.'
			};
		if (t.deactivated_at != null) return { ok: false, status: 409, message: 'Tài khoản này đang bị khóa; hãy mở lại trước khi cấp mã.' };
		const code = newResetCode();
		const expiresAt = now + RESET_TTL_MS;
		await retireUnused(trx, userId, 'code', now);
		await trx
			.insertInto('password_resets')
			.values({
				user_id: userId,
				kind: 'code',
				secret_hash: hashResetSecret(normaliseResetCode(code)),
				issued_by: officer.id,
				created_at: now,
				expires_at: expiresAt,
				used_at: null
			})
			.execute();
		await audit(trx, {
			actorUserId: officer.id,
			action: 'password.code_issue',
			entity: 'user',
			entityId: userId,
			details: { expiresAt },
			at: now
		});
		return { ok: true, code, expiresAt, fullName: t.full_name, phone: t.phone };
	});
}

/** A link's reset for the person with this email (active accounts only), or null — the caller answers the same either way. */
export async function issueResetLink(
	db: Db,
	email: string,
	now = Date.now()
): Promise<{ to: string; fullName: string; token: string; expiresAt: number } | null> {
	return db.transaction().execute(async (trx) => {
		const u = await trx
			.selectFrom('users')
			.select(['id', 'full_name', 'email'])
			.where('email', '=', email)
			.where('anonymised_at', 'is', null)
			.where('merged_into', 'is', null)
			.where('deactivated_at', 'is', null)
			.executeTakeFirst();
		if (!u || !u.email) return null;
		const nonce = newLinkNonce();
		const expiresAt = now + RESET_TTL_MS;
		await retireUnused(trx, u.id, 'link', now);
		const row = await trx
			.insertInto('password_resets')
			.values({
				user_id: u.id,
				kind: 'link',
				secret_hash: hashResetSecret(nonce),
				issued_by: null,
				created_at: now,
				expires_at: expiresAt,
				used_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, { actorUserId: u.id, action: 'password.link_issue', entity: 'user', entityId: u.id, details: { expiresAt }, at: now });
		return { to: u.email, fullName: u.full_name, token: signResetLink(row.id, expiresAt, nonce), expiresAt };
	});
}

interface Pending {
	resetId: number;
	userId: number;
	phone: string;
	email: string | null;
	fullName: string;
}

async function pendingReset(
	db: Executor,
	where: { hash: string; kind: PasswordResetKind; id?: number },
	now: number
): Promise<Pending | null> {
	let q = db
		.selectFrom('password_resets as r')
		.innerJoin('users as u', 'u.id', 'r.user_id')
		.select(['r.id', 'r.user_id', 'u.phone', 'u.email', 'u.full_name'])
		.where('r.secret_hash', '=', where.hash)
		.where('r.kind', '=', where.kind)
		.where('r.used_at', 'is', null)
		.where('r.expires_at', '>', now)
		.where('u.deactivated_at', 'is', null)
		.where('u.anonymised_at', 'is', null);
	if (where.id != null) q = q.where('r.id', '=', where.id);
	const r = await q.executeTakeFirst();
	return r ? { resetId: r.id, userId: r.user_id, phone: r.phone, email: r.email, fullName: r.full_name } : null;
}

/** The reset a code typed with a phone number (E.164) names, while valid. */
export function pendingCodeReset(db: Executor, phone: string, typedCode: string, now = Date.now()) {
	const code = normaliseResetCode(typedCode);
	if (code.length < 20 || code.length > 40) return Promise.resolve(null);
	return pendingReset(db, { hash: hashResetSecret(code), kind: 'code' }, now).then((p) => (p && p.phone === phone ? p : null));
}

/** The reset an emailed link's token names, while valid (GET shows the form; nothing is used yet). */
export function pendingLinkReset(db: Executor, token: string, now = Date.now()) {
	const link = verifyResetLink(token, now);
	if (!link) return Promise.resolve(null);
	return pendingReset(db, { hash: hashResetSecret(link.nonce), kind: 'link', id: link.resetId }, now);
}

export type ResetOutcome = { ok: true; userId: number } | { ok: false; invalid: true } | { ok: false; errors: FieldErrors };

/**
 * Sets the new password of a pending reset and claims the reset — once: the claim is a conditional
 * update, and a reset claimed meanwhile (another tab, a race) answers `invalid`. Every session of
 * the account ends in the same transaction.
 */
export async function completeReset(
	db: Db,
	p: Pending,
	kind: PasswordResetKind,
	password: string,
	now = Date.now()
): Promise<ResetOutcome> {
	const problem = passwordProblem(password, { phone: p.phone, email: p.email, fullName: p.fullName });
	if (problem) return { ok: false, errors: { password: problem } };
	const hash = await hashPassword(password);
	return db.transaction().execute(async (trx): Promise<ResetOutcome> => {
		const claimed = await trx
			.updateTable('password_resets')
			.set({ used_at: now })
			.where('id', '=', p.resetId)
			.where('used_at', 'is', null)
			.where('expires_at', '>', now)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, invalid: true };
		await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', p.userId).execute();
		await invalidateUserSessions(trx, p.userId);
		await audit(trx, {
			actorUserId: p.userId,
			action: kind === 'code' ? 'password.code_use' : 'password.link_use',
			entity: 'user',
			entityId: p.userId,
			details: { resetId: p.resetId },
			at: now
		});
		return { ok: true, userId: p.userId };
	});
}
