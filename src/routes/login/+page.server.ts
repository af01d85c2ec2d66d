import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { LoginSchema, fieldErrors } from '$lib/schemas/auth';
import { authenticate } from '$lib/server/users/accounts';
import { createSession, setSessionCookie } from '$lib/server/auth/sessions';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { limitsDisabled, loginByIdentifier, loginByIp } from '$lib/server/auth/limits';
import { foldVietnamese } from '$lib/vn/text';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
	return {};
}) satisfies PageServerLoad;

async function login(event: Parameters<Actions['default']>[0]) {
	const raw = Object.fromEntries(await event.request.formData());
	const identifierTyped = typeof raw.identifier === 'string' ? raw.identifier.slice(0, 254) : '';
	const parsed = LoginSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { identifier: identifierTyped, errors: fieldErrors(parsed.error) });
	const { identifier, password } = parsed.data;
	if (!limitsDisabled()) {
		const ipOk = loginByIp.consume(event.getClientAddress());
		const idOk = loginByIdentifier.consume(foldVietnamese(identifier));
		if (!ipOk || !idOk)
			return fail(429, {
				identifier: identifierTyped,
				errors: { form: 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi vài phút rồi thử lại.' } as Record<string, string>
			});
	}
	const db = getDb();
	const userId = await authenticate(db, identifier, password);
	if (userId == null)
		return fail(400, {
			identifier: identifierTyped,
			errors: { form: 'Số điện thoại/email hoặc mật khẩu không đúng.' } as Record<string, string>
		});
	loginByIdentifier.reset(foldVietnamese(identifier));
	const { token, session } = await createSession(db, userId);
	setSessionCookie(event.cookies, token, session.expiresAt);
	redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
}

export const actions = { default: login } satisfies Actions;
