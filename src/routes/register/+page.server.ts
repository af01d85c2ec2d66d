import { fail, redirect } from '@sveltejs/kit';
import { RegisterSchema, keepRegisterValues } from '$lib/schemas/auth';
import { fieldErrors, formError } from '$lib/schemas/form';
import * as users from '$lib/server/users/service';
import { groupUnits } from '$lib/vn/unit-groups';
import { retryAfterSeconds } from '$lib/server/auth/limits';
import { setSessionCookie } from '$lib/server/auth/sessions';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { fingerprintOf } from '$lib/server/auth/fingerprint';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin));
	const [units, groups] = await Promise.all([users.listSelectableUnits(), users.listSelectableGroups()]);
	return { units: groupUnits(units), groups: groups.map((g) => ({ id: g.id, name: g.name })) };
}) satisfies PageServerLoad;

async function register(event: Parameters<Actions['default']>[0]) {
	const raw = Object.fromEntries(await event.request.formData());
	const values = keepRegisterValues(raw);
	const parsed = RegisterSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
	// Registration logs the person in so they can go straight to the round.
	const res = await users.register(parsed.data, fingerprintOf(event), event.locals.session?.id ?? null);
	if (!res.ok) {
		if ('waitMs' in res) {
			event.setHeaders({ 'retry-after': retryAfterSeconds(res.waitMs) });
			return fail(429, {
				values,
				errors: formError('Có quá nhiều lượt đăng ký từ thiết bị hoặc mạng của bạn. Vui lòng thử lại sau ít phút.')
			});
		}
		return fail(400, { values, errors: res.errors });
	}
	setSessionCookie(event.cookies, res.token, res.expiresAt);
	// Someone sent to log in on the way to a page (requireUser) and who registered instead goes there.
	redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo'), event.url.origin, '/?welcome=1'));
}

export const actions = { default: register } satisfies Actions;
