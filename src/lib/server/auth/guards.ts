import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/types';
import type { SessionUser } from './sessions';

/** Roles that include another's rights: admin ⊃ organiser. */
const IMPLIED: Record<Role, Role[]> = {
	participant: ['participant'],
	district_lead: ['district_lead'],
	organiser: ['organiser'],
	admin: ['admin', 'organiser']
};

export function hasRole(user: Pick<SessionUser, 'role'> | null, ...roles: Role[]): boolean {
	if (!user) return false;
	return IMPLIED[user.role].some((r) => roles.includes(r));
}

/** Page guard: anonymous people are sent to log in and brought back afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	return user;
}

export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!hasRole(user, ...roles)) error(403, { message: 'Bạn không có quyền truy cập trang này.' });
	return user;
}

export const UNAUTHENTICATED_MESSAGE = 'Bạn cần đăng nhập để tiếp tục.';

/** API guard: JSON 401 rather than a redirect. */
export function requireApiUser(event: Pick<RequestEvent, 'locals'>): SessionUser {
	const user = event.locals.user;
	if (!user) error(401, { message: UNAUTHENTICATED_MESSAGE });
	return user;
}

/**
 * Where `?redirectTo=` may send someone: only a page of this site. The target is resolved the way
 * the browser will resolve it (`new URL`, which drops tabs and newlines, turns `\` into `/` and
 * reads `//host` as another host) and must land on our own origin; anything else — `//evil`,
 * `/\evil`, `/%09/evil`, `javascript:`, other sites — goes to the fallback. The answer is the
 * resolved path, query and fragment, percent-encoded: always ASCII (so a Location header can carry
 * `/kết-quả`) and never starting with `//` (which a browser would read as another host).
 */
export function safeRedirectTarget(value: string | null | undefined, ownOrigin: string, fallback = '/'): string {
	if (!value || value.length > 2000) return fallback;
	let target: URL;
	try {
		target = new URL(value, ownOrigin);
	} catch {
		return fallback;
	}
	if (target.origin !== new URL(ownOrigin).origin || target.pathname.startsWith('//')) return fallback;
	return target.pathname + target.search + target.hash;
}
