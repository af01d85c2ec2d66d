import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { fieldErrors } from '$lib/schemas/form';
import { AttemptDecisionSchema, PersonDecisionSchema } from '$lib/schemas/fairness';
import * as decisions from '$lib/server/fairness/decisions';
import * as accounts from '$lib/server/users/accounts';
import { RoleChangeSchema } from '$lib/schemas/privacy';
import { hasRole } from '$lib/server/auth/guards';
import { personForReview } from '$lib/server/fairness/people';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function userIdOr404(param: string): number {
	const id = parseId(param);
	if (id == null) error(404, { message: 'Không tìm thấy người dự thi.' });
	return id;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const person = await personForReview(getDb(), userIdOr404(event.params.userId));
	if (!person) error(404, { message: 'Không tìm thấy người dự thi.' });
	return { person, canChangeRole: hasRole(event.locals.user, 'admin') };
}) satisfies PageServerLoad;

type Form = Record<string, FormDataEntryValue>;

async function onAttempt(event: RequestEvent, run: typeof decisions.disqualifyAttempt) {
	const user = requireRole(event, 'organiser');
	const userId = userIdOr404(event.params.userId);
	const raw: Form = Object.fromEntries(await event.request.formData());
	const parsed = AttemptDecisionSchema.safeParse(raw);
	const attemptId = String(raw.attemptId ?? '');
	if (!parsed.success) return fail(400, { attemptId, reason: String(raw.reason ?? ''), errors: fieldErrors(parsed.error) });
	// The attempt must belong to the person on this page (no acting on ids from elsewhere).
	const db = getDb();
	const own = await db.selectFrom('attempts').select('id').where('id', '=', parsed.data.attemptId).where('user_id', '=', userId).executeTakeFirst();
	if (!own) return fail(404, { attemptId, reason: parsed.data.reason, errors: { form: 'Không tìm thấy lượt thi.' } as Record<string, string> });
	const res = await run(db, user.id, parsed.data.attemptId, parsed.data.reason);
	if (!res.ok) return fail(res.status, { attemptId, reason: parsed.data.reason, errors: { form: res.message } as Record<string, string> });
	return { done: res.message };
}

async function onPerson(event: RequestEvent, run: typeof decisions.disqualifyUser) {
	const user = requireRole(event, 'organiser');
	const userId = userIdOr404(event.params.userId);
	const raw: Form = Object.fromEntries(await event.request.formData());
	const parsed = PersonDecisionSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { attemptId: 'person', reason: String(raw.reason ?? ''), errors: fieldErrors(parsed.error) });
	const res = await run(getDb(), user.id, userId, parsed.data.reason);
	if (!res.ok) return fail(res.status, { attemptId: 'person', reason: parsed.data.reason, errors: { form: res.message } as Record<string, string> });
	return { done: res.message };
}

/** Admin only: a role change ends every session of that person (accounts.changeRole). */
async function changeRole(event: RequestEvent) {
	const user = requireRole(event, 'admin');
	const userId = userIdOr404(event.params.userId);
	const raw: Form = Object.fromEntries(await event.request.formData());
	const parsed = RoleChangeSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { attemptId: 'role', reason: '', errors: fieldErrors(parsed.error) });
	const res = await accounts.changeRole(getDb(), user.id, userId, parsed.data.role);
	if (!res.ok) return fail(res.status, { attemptId: 'role', reason: '', errors: { form: res.message } as Record<string, string> });
	return { done: res.message };
}

export const actions = {
	changeRole,
	disqualifyAttempt: (event) => onAttempt(event, decisions.disqualifyAttempt),
	reinstateAttempt: (event) => onAttempt(event, decisions.reinstateAttempt),
	disqualifyPerson: (event) => onPerson(event, decisions.disqualifyUser),
	reinstatePerson: (event) => onPerson(event, decisions.reinstateUser)
} satisfies Actions;
