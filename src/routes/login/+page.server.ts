import { fail, redirect } from '@sveltejs/kit';
import { LoginSchema } from '$lib/schemas/auth';
import { fieldErrors, formError } from '$lib/schemas/form';
import { logIn } from '$lib/server/users/service';
import { setSessionCookie } from '$lib/server/auth/sessions';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { retryAfterSeconds } from '$lib/server/auth/limits';
import { fingerprintOf } from '$lib/server/auth/fingerprint';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin));
	return {};
}) satisfies PageServerLoad;

function tooMany(event: Parameters<Actions['default']>[0], identifier: string, waitMs: number) {
	event.setHeaders({ 'retry-after': retryAfterSeconds(waitMs) });
	const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
	return fail(429, {
		identifier,
		errors: formError(`Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi khoảng ${minutes} phút rồi thử lại.`)
	});
}

/** Login; the limits (per IP, per identifier and IP, per identifier) are the service's (users/service.ts). */
async function login(event: Parameters<Actions['default']>[0]) {
	const raw = Object.fromEntries(await event.request.formData());
	const identifierTyped = typeof raw.identifier === 'string' ? raw.identifier.slice(0, 254) : '';
	const parsed = LoginSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { identifier: identifierTyped, errors: fieldErrors(parsed.error) });
	const res = await logIn(parsed.data, fingerprintOf(event), event.locals.session?.id ?? null);
	if (!res.ok) {
		if ('waitMs' in res) return tooMany(event, identifierTyped, res.waitMs);
		if ('deactivated' in res)
			return fail(403, {
				identifier: identifierTyped,
				errors: formError('Tài khoản này đã bị tạm khóa. Vui lòng liên hệ Ban Tổ chức nếu bạn cần dùng lại.')
			});
		return fail(400, { identifier: identifierTyped, errors: formError('Số điện thoại/email hoặc mật khẩu không đúng.') });
	}
	setSessionCookie(event.cookies, res.token, res.expiresAt);
	redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url.origin));
}

export const actions = { default: login } satisfies Actions;
