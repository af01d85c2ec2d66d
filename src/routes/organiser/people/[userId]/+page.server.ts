import { error, fail } from '@sveltejs/kit';
import { hasRole, requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { fieldErrors, formError } from '$lib/schemas/form';
import { AttemptDecisionSchema, PersonDecisionSchema } from '$lib/schemas/fairness';
import { RoleChangeSchema } from '$lib/schemas/privacy';
import * as fairness from '$lib/server/fairness/service';
import * as users from '$lib/server/users/service';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function userIdOr404(param: string): number {
	const id = parseId(param);
	if (id == null) error(404, { message: 'Không tìm thấy người dự thi.' });
	return id;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const person = await fairness.reviewPerson(userIdOr404(event.params.userId));
	if (!person) error(404, { message: 'Không tìm thấy người dự thi.' });
	return { person, canChangeRole: hasRole(event.locals.user, 'admin') };
}) satisfies PageServerLoad;

type Form = Record<string, FormDataEntryValue>;

/** An attempt of the person on this page (the service refuses attempt ids from elsewhere). */
async function onAttempt(event: RequestEvent, decision: fairness.Decision) {
	const user = requireRole(event, 'organiser');
	const userId = userIdOr404(event.params.userId);
	const raw: Form = Object.fromEntries(await event.request.formData());
	const parsed = AttemptDecisionSchema.safeParse(raw);
	const attemptId = String(raw.attemptId ?? '');
	if (!parsed.success) return fail(400, { attemptId, reason: String(raw.reason ?? ''), errors: fieldErrors(parsed.error) });
	const res = await fairness.decideAttempt(user.id, userId, parsed.data.attemptId, decision, parsed.data.reason);
	if (!res.ok) return fail(res.status, { attemptId, reason: parsed.data.reason, errors: formError(res.message) });
	return { done: res.message };
}

async function onPerson(event: RequestEvent, decision: fairness.Decision) {
	const user = requireRole(event, 'organiser');
	const userId = userIdOr404(event.params.userId);
	const raw: Form = Object.fromEntries(await event.request.formData());
	const parsed = PersonDecisionSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { attemptId: 'person', reason: String(raw.reason ?? ''), errors: fieldErrors(parsed.error) });
	const res = await fairness.decidePerson(user.id, userId, decision, parsed.data.reason);
	if (!res.ok) return fail(res.status, { attemptId: 'person', reason: parsed.data.reason, errors: formError(res.message) });
	return { done: res.message };
}

/** Admin only: a role change ends every session of that person (accounts.changeRole). */
async function changeRole(event: RequestEvent) {
	const user = requireRole(event, 'admin');
	const userId = userIdOr404(event.params.userId);
	const raw: Form = Object.fromEntries(await event.request.formData());
	const parsed = RoleChangeSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { attemptId: 'role', reason: '', errors: fieldErrors(parsed.error) });
	const res = await users.changeRole(user.id, userId, parsed.data.role);
	if (!res.ok) return fail(res.status, { attemptId: 'role', reason: '', errors: formError(res.message) });
	return { done: res.message };
}

export const actions = {
	changeRole,
	disqualifyAttempt: (event) => onAttempt(event, 'disqualify'),
	reinstateAttempt: (event) => onAttempt(event, 'reinstate'),
	disqualifyPerson: (event) => onPerson(event, 'disqualify'),
	reinstatePerson: (event) => onPerson(event, 'reinstate')
} satisfies Actions;
