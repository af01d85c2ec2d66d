import { exclusive, getDb, withConn, type Conn } from '../db';
import { audit } from '../audit';
import type { Role } from '../db/types';
import * as accounts from './accounts';
import * as privacy from './privacy';
import * as staff from './staff';
import * as help from './password-help';
import * as groups from '../groups/groups';
import { findProfile } from './users';
import { listSelectable } from '../units/units';
import { countActiveSessions, createSession, invalidateSession, invalidateUserSessions } from '../auth/sessions';
import {
	charge,
	limitsDisabled,
	loginByIp,
	loginFailuresByIdentifier,
	loginFailuresByPair,
	reauthFailuresByUser,
	registerByDevice,
	registerByIp,
	registerByIpLong,
	resetByIp,
	resetFailuresByPhone,
	resetIssueByOfficer,
	resetLinkByEmail,
	resetLinkByIp,
	takeAll
} from '../auth/limits';
import { config } from '../config';
import { mailConfigured, sendMail } from '../mail';
import type { SessionUser } from '../auth/sessions';
import { formatDateTime } from '../../vn/time';
import { isKnownDevice, recordEvent } from '../auth/access-events';
import type { Fingerprint } from '../auth/fingerprint';
import { normalisePhone } from '../../vn/phone';
import { normaliseEmail } from '../../vn/identity';
import { foldVietnamese } from '../../vn/text';
import type { FieldErrors } from '../../schemas/form';

/**
 * What the account, login, registration and people pages call. Like every service a route calls,
 * each function gets the database itself (getDb()). The rate limits (auth/limits.ts) are applied
 * here too; the routes turn a wait into 429 + Retry-After.
 */

/** A new session for the browser; the route sets its cookie. */
export type SessionGrant = { ok: true; token: string; expiresAt: number };
/** Refused for now by a rate limit: try again after `waitMs`. */
export type TooMany = { ok: false; waitMs: number };

/** Participant groups a person may choose (registration, account). */
export function listSelectableGroups() {
	return groups.listGroups(getDb());
}

/** The account page's group choice: the person's group and the groups offered. */
export async function ownGroup(userId: number) {
	const db = getDb();
	const [groupId, list] = await Promise.all([groups.findUserGroupId(db, userId), groups.listGroups(db, { withHidden: true })]);
	// A hidden group stays visible to the people who declared it, never offered to others.
	return { groupId, groups: list.filter((g) => !g.hidden || g.id === groupId).map((g) => ({ id: g.id, name: g.name })) };
}

export function setOwnGroup(userId: number, groupId: number) {
	return groups.setOwnGroup(getDb(), userId, groupId);
}

/** Units a person may choose when registering or editing their profile. */
export function listSelectableUnits() {
	return listSelectable(getDb());
}

/**
 * Login with three limits (limits.ts): a token bucket per IP; a failure back-off per
 * (identifier, IP), which does not touch the owner on another network; and a failure back-off
 * per identifier against distributed guessing, which a device the owner already used skips.
 * Both back-offs cap and decay, so nobody can lock an account for good. A success rotates the
 * session: whatever session the browser carried (`replacingSessionId`) ends.
 */
export async function logIn(
	credentials: { identifier: string; password: string },
	fp: Fingerprint,
	replacingSessionId: string | null
): Promise<SessionGrant | TooMany | { ok: false; wrong: true } | { ok: false; deactivated: true }> {
	const { identifier, password } = credentials;
	const db = getDb();
	// One key per account whatever the format typed (0912…, +84912…, 0912 345 678).
	const idKey = normalisePhone(identifier) ?? normaliseEmail(identifier) ?? foldVietnamese(identifier);
	const pairKey = `${idKey}|${fp.ipHash ?? ''}`;
	const now = Date.now();
	if (!limitsDisabled()) {
		// One short write for all three (the limits are shared by every server process: in the database).
		const { ipWait, pairWait, idWait } = await exclusive(db, (c) => loginWaits(c, fp, pairKey, idKey, now));
		if (ipWait > 0) return { ok: false, waitMs: ipWait };
		if (pairWait > 0) return { ok: false, waitMs: pairWait };
		if (idWait > 0) {
			const account = await accounts.findLoginAccount(db, identifier);
			if (!account || !(await isKnownDevice(db, account.id, fp.deviceHash))) return { ok: false, waitMs: idWait };
		}
	}
	const userId = await accounts.authenticate(db, identifier, password);
	if (userId == null) {
		await exclusive(db, (c) => loginFailed(c, pairKey, idKey, now));
		return { ok: false, wrong: true };
	}
	if (userId === 'deactivated') return { ok: false, deactivated: true };
	await exclusive(db, (c) => loginFailuresByPair.reset(c, pairKey));
	if (replacingSessionId) await invalidateSession(db, replacingSessionId);
	const { token, session } = await createSession(db, userId);
	await recordEvent(db, { kind: 'login', userId, at: now, ...fp });
	return { ok: true, token, expiresAt: session.expiresAt };
}

/** One short write for the login's limits: the IP's bucket and both back-offs' waits. */
function* loginWaits(c: Conn, fp: Fingerprint, pairKey: string, idKey: string, now: number) {
	return {
		ipWait: yield* takeAll(c, [[loginByIp, fp.ipHash ?? '']], now),
		pairWait: yield* loginFailuresByPair.retryAfter(c, pairKey, now),
		idWait: yield* loginFailuresByIdentifier.retryAfter(c, idKey, now)
	};
}

function* loginFailed(c: Conn, pairKey: string, idKey: string, now: number) {
	yield* loginFailuresByPair.fail(c, pairKey, now);
	yield* loginFailuresByIdentifier.fail(c, idKey, now);
}

/**
 * Registration, limited per IP (two buckets) and per device, then logged in at once (the session
 * the browser carried, `replacingSessionId`, ends).
 */
export async function register(
	input: accounts.NewAccount,
	fp: Fingerprint,
	replacingSessionId: string | null
): Promise<SessionGrant | TooMany | { ok: false; errors: FieldErrors }> {
	const db = getDb();
	const wait = await charge(db, [
		[registerByIp, fp.ipHash ?? ''],
		[registerByIpLong, fp.ipHash ?? ''],
		[registerByDevice, fp.deviceHash ?? '']
	]);
	if (wait > 0) return { ok: false, waitMs: wait };
	if (input.groupId != null && !(await groups.findSelectable(db, input.groupId)))
		return { ok: false, errors: { groupId: 'Vui lòng chọn đối tượng trong danh sách.' } };
	const res = await accounts.createAccount(db, input);
	if (!res.ok) return res;
	await recordEvent(db, { kind: 'register', userId: res.userId, at: Date.now(), ...fp });
	if (replacingSessionId) await invalidateSession(db, replacingSessionId);
	const { token, session } = await createSession(db, res.userId);
	return { ok: true, token, expiresAt: session.expiresAt };
}

export function logOut(sessionId: string) {
	return invalidateSession(getDb(), sessionId);
}

/** Ends every session of this person, on every device, and logs it. */
export async function logOutEverywhere(userId: number): Promise<void> {
	await getDb()
		.transaction()
		.execute(async (trx) => {
			await invalidateUserSessions(trx, userId);
			await audit(trx, { actorUserId: userId, action: 'user.logout_everywhere', entity: 'user', entityId: userId });
		});
}

/** The account page: the person's profile, sessions, pending deletion request and the units offered. */
export async function accountOverview(userId: number) {
	const db = getDb();
	const [profile, sessionCount, pending, units] = await Promise.all([
		findProfile(db, userId),
		countActiveSessions(db, userId),
		privacy.pendingDeletion(db, userId),
		listSelectable(db)
	]);
	return profile ? { profile, sessionCount, pending, units } : null;
}

const REAUTH_LOCKED = 'Bạn đã nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ít phút.';

/**
 * A person edits their own data (accounts.updateProfile). Wrong current passwords are limited per
 * person (limits.ts): while locked, a change that needs the password is refused before it is checked.
 */
export async function updateOwnProfile(
	userId: number,
	input: accounts.ProfileChange,
	keepSessionId: string | null
): Promise<accounts.UpdateProfileResult | (TooMany & { errors: FieldErrors })> {
	const db = getDb();
	const key = String(userId);
	const wait = input.currentPassword ? await withConn(db, (c) => reauthFailuresByUser.retryAfter(c, key)) : 0;
	if (wait > 0) return { ok: false, waitMs: wait, errors: { currentPassword: REAUTH_LOCKED } };
	const res = await accounts.updateProfile(db, userId, input, Date.now(), keepSessionId);
	if (!res.ok) {
		if (res.badPassword) await exclusive(db, (c) => reauthFailuresByUser.fail(c, key));
		return res;
	}
	if (input.currentPassword) await exclusive(db, (c) => reauthFailuresByUser.reset(c, key));
	return res;
}

/** Everything held about the person, for themselves; the export is audit-logged. */
export function exportOwnData(userId: number) {
	return privacy.exportPersonalData(getDb(), userId, userId);
}

export function requestDeletion(userId: number, reason: string) {
	return privacy.requestDeletion(getDb(), userId, reason);
}

/** The organisers' list: pending requests, and the last 20 confirmed and 20 rejected ones. */
export async function listDeletionRequests() {
	const db = getDb();
	const [pending, confirmed, rejected] = await Promise.all([
		privacy.listDeletionRequests(db, 'pending'),
		privacy.listDeletionRequests(db, 'confirmed', 20),
		privacy.listDeletionRequests(db, 'rejected', 20)
	]);
	return { pending, confirmed, rejected };
}

export function confirmDeletion(actorUserId: number, requestId: number) {
	return privacy.confirmDeletion(getDb(), actorUserId, requestId);
}

export function rejectDeletion(actorUserId: number, requestId: number, note: string) {
	return privacy.rejectDeletion(getDb(), actorUserId, requestId, note);
}

/** Admin only (the route's guard): ends every session of that person (accounts.changeRole). */
export function changeRole(actorUserId: number, userId: number, role: Role) {
	return accounts.changeRole(getDb(), actorUserId, userId, role);
}

/* Staff accounts (/admin/staff; users/staff.ts). The routes guard: organiser or admin. */

export { STAFF_ROLES, grantableRoles, mayManage, type StaffRole, type StaffRow } from './staff';

export function listStaff(f: { q: string; role?: staff.StaffRole | null }, page: number, pageSize: number) {
	return staff.listStaff(getDb(), f, page, pageSize);
}

export function findStaff(userId: number) {
	return staff.findStaff(getDb(), userId);
}

export function createStaff(actor: SessionUser, input: Parameters<typeof staff.createStaff>[2]) {
	return staff.createStaff(getDb(), actor, input);
}

export function updateStaff(actor: SessionUser, userId: number, change: { role: Role; unitCode: string }) {
	return staff.updateStaff(getDb(), actor, userId, change);
}

export function setStaffActive(actor: SessionUser, userId: number, active: boolean) {
	return staff.setStaffActive(getDb(), actor, userId, active);
}

/* Forgotten passwords (users/password-help.ts), with their rate limits (auth/limits.ts). */

/** Whether reset links can be mailed (SMTP configured). */
export function resetMailAvailable(): boolean {
	return mailConfigured();
}

export function findResetTargets(officer: SessionUser, q: string) {
	return help.findResetTargets(getDb(), officer, q);
}

/** An officer issues a code (limited per officer: a stolen officer session cannot mint codes in bulk). */
export async function issueResetCode(officer: SessionUser, userId: number): Promise<help.IssueResult | TooMany> {
	const db = getDb();
	const wait = await charge(db, [[resetIssueByOfficer, String(officer.id)]]);
	if (wait > 0) return { ok: false, waitMs: wait };
	return help.issueResetCode(db, officer, userId);
}

/** After a reset: the account's login back-off (this phone) and reset back-off are forgotten. */
function* forgetFailures(c: Conn, phone: string) {
	yield* resetFailuresByPhone.reset(c, phone);
	yield* loginFailuresByIdentifier.reset(c, phone);
}

/**
 * The person enters phone + code + new password. Limited per IP (bucket) and per phone (back-off
 * on wrong codes); an unknown phone and a wrong, used or expired code give the same answer.
 */
export async function resetWithCode(
	input: { phone: string; code: string; password: string },
	fp: Fingerprint
): Promise<help.ResetOutcome | TooMany> {
	const db = getDb();
	const now = Date.now();
	if (!limitsDisabled()) {
		const wait = await exclusive(db, function* (c) {
			const ip = yield* takeAll(c, [[resetByIp, fp.ipHash ?? '']], now);
			return Math.max(ip, yield* resetFailuresByPhone.retryAfter(c, input.phone, now));
		});
		if (wait > 0) return { ok: false, waitMs: wait };
	}
	const pending = await help.pendingCodeReset(db, input.phone, input.code, now);
	if (!pending) {
		if (!limitsDisabled()) await exclusive(db, (c) => resetFailuresByPhone.fail(c, input.phone, now));
		return { ok: false, invalid: true };
	}
	const res = await help.completeReset(db, pending, 'code', input.password, now);
	if (res.ok) await exclusive(db, (c) => forgetFailures(c, pending.phone));
	return res;
}

/**
 * Mails a reset link to the account with this email, if there is one (the answer is the same
 * either way, and the mail goes out after the answer, so its time does not tell either). The link
 * points at ORIGIN when set (production), else at the address the request came to.
 */
export async function requestResetLink(email: string, requestOrigin: string, fp: Fingerprint): Promise<{ ok: true } | TooMany> {
	const db = getDb();
	const wait = await charge(db, [
		[resetLinkByIp, fp.ipHash ?? ''],
		[resetLinkByEmail, email]
	]);
	if (wait > 0) return { ok: false, waitMs: wait };
	if (!mailConfigured()) return { ok: true };
	const link = await help.issueResetLink(db, email);
	if (link) {
		const url = `${config().ORIGIN ?? requestOrigin}/reset-password?token=${encodeURIComponent(link.token)}`;
		const text = [
			`Xin chào ${link.fullName},`,
			'',
			'Có người (có thể là bạn) vừa yêu cầu đặt lại mật khẩu tài khoản Hội thi trực tuyến của bạn.',
			'Mở liên kết sau để đặt mật khẩu mới (dùng được một lần, hết hạn lúc ' + formatDateTime(link.expiresAt) + '):',
			'',
			url,
			'',
			'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.'
		].join('\n');
		void sendMail({ to: link.to, subject: 'Đặt lại mật khẩu · Hội thi trực tuyến', text }).catch((e) =>
			console.error('[hoithi] reset mail not sent:', e instanceof Error ? e.message : e)
		);
	}
	return { ok: true };
}

/** Whether a link's token still names a usable reset (the page shows the form or says it has expired). */
export async function resetLinkUsable(token: string): Promise<boolean> {
	return (await help.pendingLinkReset(getDb(), token)) != null;
}

/** The new password from an emailed link. */
export async function resetWithLink(token: string, password: string, fp: Fingerprint): Promise<help.ResetOutcome | TooMany> {
	const db = getDb();
	const wait = await charge(db, [[resetByIp, fp.ipHash ?? '']]);
	if (wait > 0) return { ok: false, waitMs: wait };
	const pending = await help.pendingLinkReset(db, token);
	if (!pending) return { ok: false, invalid: true };
	const res = await help.completeReset(db, pending, 'link', password);
	if (res.ok) await exclusive(db, (c) => forgetFailures(c, pending.phone));
	return res;
}
