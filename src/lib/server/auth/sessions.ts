import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { createHash, getRandomValues } from 'node:crypto';
import { isBusy, withConn, type Conn, type Db, type Executor, type Program } from '../db';
import type { Role } from '../db/types';
import { isSecureOrigin } from '../config';

/**
 * Sessions the Lucia way: the cookie carries `id.secret`; only SHA-256(secret) is stored, so a
 * leaked database does not yield usable tokens. The secret is compared in constant time.
 * Expiry slides: a session used in its second half is extended to a full period again.
 */
export const SESSION_COOKIE = 'hoithi_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY;

export interface Session {
	id: string;
	userId: number;
	expiresAt: number;
}

/** The only user fields that travel with the request (and, whitelisted, to the browser). */
export interface SessionUser {
	id: number;
	fullName: string;
	role: Role;
	unitId: number;
}

function randomString(): string {
	const bytes = new Uint8Array(20);
	getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** SHA-256 (node's native one: this runs on every request). */
function hashSecret(secret: string): Uint8Array {
	return new Uint8Array(createHash('sha256').update(secret, 'utf8').digest());
}

export async function createSession(db: Executor, userId: number, now = Date.now()): Promise<{ token: string; session: Session }> {
	const id = randomString();
	const secret = randomString();
	const session = { id, userId, expiresAt: now + SESSION_TTL_MS };
	await db
		.insertInto('sessions')
		.values({
			id,
			secret_hash: hashSecret(secret),
			user_id: userId,
			created_at: now,
			expires_at: session.expiresAt
		})
		.execute();
	return { token: `${id}.${secret}`, session };
}

/** Runs a write that may be skipped: false when another process held the write lock (db isBusy). */
function* tolerateBusy(write: () => Program<unknown>): Program<boolean> {
	try {
		yield* write();
		return true;
	} catch (e) {
		if (isBusy(e)) return false;
		throw e;
	}
}

/**
 * Runs on every request (hooks and the hot API), so it is a statement program (a prepared
 * statement on SQLite's synchronous connection) rather than a Kysely query.
 */
export function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): Promise<{ session: Session; user: SessionUser; extended: boolean } | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return Promise.resolve(null);
	return withConn(db, (c) => lookUp(c, id, secret, now));
}

function* lookUp(
	c: Conn,
	id: string,
	secret: string,
	now: number
): Program<{ session: Session; user: SessionUser; extended: boolean } | null> {
	const row = yield* c.get<{
		id: string;
		secret_hash: Uint8Array;
		expires_at: number;
		user_id: number;
		full_name: string;
		role: Role;
		unit_id: number;
	}>(
		`select sessions.id, sessions.secret_hash, sessions.expires_at, users.id as user_id, users.full_name, users.role, users.unit_id
		from sessions join users on users.id = sessions.user_id where sessions.id = ? and users.deactivated_at is null`,
		id
	);
	// A deactivated account's sessions are deleted when it is switched off; the join refuses any left behind.
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secret_hash))) return null;
	if (now >= row.expires_at) {
		// Left for a later request when another process is writing (isBusy): it is expired either way.
		yield* tolerateBusy(() => c.run('delete from sessions where id = ?', id));
		return null;
	}
	let expiresAt = row.expires_at;
	// The sliding expiry moves on a later request when another process is writing just now.
	const extended =
		expiresAt - now < SESSION_TTL_MS / 2 &&
		(yield* tolerateBusy(() => c.run('update sessions set expires_at = ? where id = ?', now + SESSION_TTL_MS, id)));
	if (extended) expiresAt = now + SESSION_TTL_MS;
	return {
		extended,
		session: { id: row.id, userId: row.user_id, expiresAt },
		user: { id: row.user_id, fullName: row.full_name, role: row.role, unitId: row.unit_id }
	};
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Executor, userId: number): Promise<void> {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/**
 * Ends every session of a person except `keepSessionId` (the device making a sensitive change
 * stays logged in; a thief's copy elsewhere does not). Answers how many ended.
 */
export async function invalidateOtherUserSessions(db: Executor, userId: number, keepSessionId: string): Promise<number> {
	const r = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).executeTakeFirst();
	return Number(r.numDeletedRows);
}

/** Sessions of a person that have not expired (devices/browsers logged in). */
export async function countActiveSessions(db: Executor, userId: number, now = Date.now()): Promise<number> {
	const r = await db
		.selectFrom('sessions')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.where('expires_at', '>', now)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

export function setSessionCookie(cookies: Pick<Cookies, 'set'>, token: string, expiresAt: number): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecureOrigin(),
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: Pick<Cookies, 'delete'>): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecureOrigin() });
}
