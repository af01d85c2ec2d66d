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

export function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	...roles: Role[]
): SessionUser {
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

/** Only same-site relative paths, so ?redirectTo= cannot send people to another site. */
export function safeRedirectTarget(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
}
