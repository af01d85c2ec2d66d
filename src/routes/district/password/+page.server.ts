import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { retryAfterSeconds } from '$lib/server/auth/limits';
import { IssueCodeSchema } from '$lib/schemas/staff';
import { fieldErrors, formError } from '$lib/schemas/form';
import * as users from '$lib/server/users/service';
import { formatPhone } from '$lib/vn/phone';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * "Cấp lại mật khẩu": an officer finds a person who forgot their password and issues a one-time
 * code. A district lead finds and may issue for their own unit's participants only — the service
 * refuses any other user id, whatever the form sends.
 */
export const load = (async (event) => {
	const user = requireRole(event, 'district_lead', 'organiser');
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
	const found = await users.findResetTargets(user, q);
	return {
		q,
		people: found.map((p) => ({
			id: p.id,
			fullName: p.fullName,
			phone: formatPhone(p.phone),
			birthYear: p.birthDate.slice(0, 4),
			role: p.role,
			unitName: p.unitName,
			hasEmail: p.hasEmail,
			deactivated: p.deactivated
		}))
	};
}) satisfies PageServerLoad;

async function issue(event: RequestEvent) {
	const user = requireRole(event, 'district_lead', 'organiser');
	const parsed = IssueCodeSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
	const res = await users.issueResetCode(user, parsed.data.userId);
	if (!res.ok) {
		if ('waitMs' in res) {
			event.setHeaders({ 'retry-after': retryAfterSeconds(res.waitMs) });
			return fail(429, { errors: formError('Bạn đã cấp quá nhiều mã trong thời gian ngắn. Vui lòng đợi ít phút rồi thử lại.') });
		}
		return fail(res.status, { errors: formError(res.message) });
	}
	return {
		issued: { userId: parsed.data.userId, fullName: res.fullName, phone: formatPhone(res.phone), code: res.code, expiresAt: res.expiresAt }
	};
}

export const actions = { issue } satisfies Actions;
