import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ResetLinkRequestSchema, ResetWithCodeSchema } from '$lib/schemas/staff';
import { fieldErrors, formError } from '$lib/schemas/form';
import { retryAfterSeconds } from '$lib/server/auth/limits';
import { fingerprintOf } from '$lib/server/auth/fingerprint';
import * as users from '$lib/server/users/service';
import type { Actions, PageServerLoad } from './$types';

/** "Quên mật khẩu?": a code from an officer, or a link by email (when mail is configured). */
export const load = (async () => ({ mail: users.resetMailAvailable() })) satisfies PageServerLoad;

const INVALID = 'Số điện thoại hoặc mã không đúng, hoặc mã đã hết hạn hay đã được dùng. Hãy kiểm tra lại, hoặc xin cán bộ cấp mã mới.';

function tooMany(event: RequestEvent, waitMs: number, which: 'code' | 'email', values: Record<string, string>) {
	event.setHeaders({ 'retry-after': retryAfterSeconds(waitMs) });
	const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
	return fail(429, { which, values, errors: formError(`Bạn đã thử quá nhiều lần. Vui lòng đợi khoảng ${minutes} phút rồi thử lại.`) });
}

async function code(event: RequestEvent) {
	const raw = Object.fromEntries(await event.request.formData());
	// Never the code or the passwords back to the page.
	const values = { phone: typeof raw.phone === 'string' ? raw.phone.slice(0, 40) : '' };
	const parsed = ResetWithCodeSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { which: 'code' as const, values, errors: fieldErrors(parsed.error) });
	const res = await users.resetWithCode(parsed.data, fingerprintOf(event));
	if (!res.ok) {
		if ('waitMs' in res) return tooMany(event, res.waitMs, 'code', values);
		if ('errors' in res) return fail(400, { which: 'code' as const, values, errors: res.errors });
		return fail(400, { which: 'code' as const, values, errors: formError(INVALID) });
	}
	redirect(303, '/login?reset=1');
}

async function email(event: RequestEvent) {
	const raw = Object.fromEntries(await event.request.formData());
	const values = { email: typeof raw.email === 'string' ? raw.email.slice(0, 254) : '' };
	if (!users.resetMailAvailable())
		return fail(400, { which: 'email' as const, values, errors: formError('Hệ thống chưa gửi được email. Vui lòng nhờ cán bộ cấp mã.') });
	const parsed = ResetLinkRequestSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { which: 'email' as const, values, errors: fieldErrors(parsed.error) });
	const res = await users.requestResetLink(parsed.data.email, event.url.origin, fingerprintOf(event));
	if (!res.ok) return tooMany(event, res.waitMs, 'email', values);
	// The same answer whether or not an account has this email.
	return { sent: parsed.data.email };
}

export const actions = { code, email } satisfies Actions;
