import type { Cookies } from '@sveltejs/kit';
import { getDb } from '../db';
import { ensureDeviceId } from './fingerprint';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie, validateSessionToken, type Session, type SessionUser } from './sessions';

/** The cookie operations authentication needs: SvelteKit's `cookies`, or the hot API's (api/node.ts). */
export type CookieJar = Pick<Cookies, 'get' | 'set' | 'delete'>;

export interface RequestIdentity {
	user: SessionUser | null;
	session: Session | null;
	deviceId: string;
}

/**
 * Who is asking: the one place that reads the session cookie (STYLE.md convention 2), used by the
 * SvelteKit hooks for every page and endpoint and by the hot API in front of SvelteKit. Everyone
 * gets a first-party device id (fairness; only its keyed hash is stored). The session cookie is
 * re-sent only when its expiry slid forward (no Set-Cookie on every answer) and removed when invalid.
 */
export async function identify(cookies: CookieJar): Promise<RequestIdentity> {
	const deviceId = ensureDeviceId(cookies);
	const token = cookies.get(SESSION_COOKIE);
	if (!token) return { user: null, session: null, deviceId };
	const res = await validateSessionToken(getDb(), token);
	if (!res) {
		deleteSessionCookie(cookies);
		return { user: null, session: null, deviceId };
	}
	if (res.extended) setSessionCookie(cookies, token, res.session.expiresAt);
	return { user: res.user, session: res.session, deviceId };
}
