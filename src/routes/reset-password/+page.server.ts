import { fail, redirect } from '@sveltejs/kit';
import { ResetWithLinkSchema } from '$lib/schemas/staff';
import { fieldErrors, formError } from '$lib/schemas/form';
import { retryAfterSeconds } from '$lib/server/auth/limits';
import { fingerprintOf } from '$lib/server/auth/fingerprint';
import * as users from '$lib/server/users/service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The page an emailed reset link opens. Opening it uses nothing (mail scanners open links too):
 * only the form's POST claims the reset.
 */
export const load = (async ({ url }) => {
	const token = (url.searchParams.get('token') ?? '').slice(0, 300);
	return { token, usable: token ? await users.resetLinkUsable(token) : false };
}) satisfies PageServerLoad;

async function reset(event: RequestEvent) {
	const raw = Object.fromEntries(await event.request.formData());
	const parsed = ResetWithLinkSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
	const res = await users.resetWithLink(parsed.data.token, parsed.data.password, fingerprintOf(event));
	if (!res.ok) {
		if ('waitMs' in res) {
			event.setHeaders({ 'retry-after': retryAfterSeconds(res.waitMs) });
			return fail(429, { errors: formError('Bạn đã thử quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.') });
		}
		if ('errors' in res) return fail(400, { errors: res.errors });
		return fail(400, { errors: formError('Liên kết đã hết hạn hoặc đã được dùng. Hãy yêu cầu liên kết mới.') });
	}
	redirect(303, '/login?reset=1');
}

export const actions = { default: reset } satisfies Actions;
