import { fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { fieldErrors, formError } from '$lib/schemas/form';
import { AmendSchema, EntryReasonSchema, EntrySchema } from '$lib/schemas/prizes';
import * as prizes from '$lib/server/prizes/service';
import type { SessionUser } from '$lib/server/auth/sessions';

/**
 * The decisions on a prize list, shared by the round page (people) and the contest page (units).
 * Each action answers `{ done }` or fails with the action's name, the entry and the reason typed,
 * so the page reopens the right form with its message.
 */

type Scope = { roundId: number } | { contestId: number };
type Form = Record<string, FormDataEntryValue>;

function answer(action: string, res: prizes.Result, keep: Record<string, string> = {}) {
	if (!res.ok) return fail(res.status, { action, ...keep, errors: formError(res.message) });
	return { action, done: res.message };
}

async function withList(
	event: RequestEvent,
	scope: Scope,
	action: string
): Promise<{ user: SessionUser; listId: number; raw: Form } | ReturnType<typeof fail>> {
	const user = requireRole(event, 'organiser');
	const raw: Form = Object.fromEntries(await event.request.formData());
	const listId = await prizes.listIdOf(scope);
	if (listId == null) return fail(409, { action, errors: formError('Chưa có danh sách đạt giải: hãy đề xuất trước.') });
	return { user, listId, raw };
}

const isFail = (x: unknown): x is ReturnType<typeof fail> => typeof x === 'object' && x != null && 'status' in x && 'data' in x;

export async function confirm(event: RequestEvent, scope: Scope) {
	const ctx = await withList(event, scope, 'confirm');
	if (isFail(ctx)) return ctx;
	const parsed = EntrySchema.safeParse(ctx.raw);
	if (!parsed.success) return fail(400, { action: 'confirm', errors: fieldErrors(parsed.error) });
	return answer('confirm', await prizes.confirmEntry(ctx.user.id, ctx.listId, parsed.data.entryId), {
		entryId: String(parsed.data.entryId)
	});
}

async function withReason(
	event: RequestEvent,
	scope: Scope,
	action: string,
	run: (user: SessionUser, listId: number, entryId: number, reason: string) => Promise<prizes.Result>
) {
	const ctx = await withList(event, scope, action);
	if (isFail(ctx)) return ctx;
	const entryId = String(ctx.raw.entryId ?? '');
	const reason = String(ctx.raw.reason ?? '');
	const parsed = EntryReasonSchema.safeParse(ctx.raw);
	if (!parsed.success) return fail(400, { action, entryId, reason, errors: fieldErrors(parsed.error) });
	return answer(action, await run(ctx.user, ctx.listId, parsed.data.entryId, parsed.data.reason), { entryId, reason: parsed.data.reason });
}

export function disqualify(event: RequestEvent, scope: Scope) {
	return withReason(event, scope, 'disqualify', (u, l, e, r) => prizes.disqualifyEntry(u.id, l, e, r));
}

export function substitute(event: RequestEvent, scope: Scope) {
	return withReason(event, scope, 'substitute', (u, l, e, r) => prizes.substituteEntry(u.id, l, e, r));
}

export async function amend(event: RequestEvent, scope: Scope) {
	const ctx = await withList(event, scope, 'amend');
	if (isFail(ctx)) return ctx;
	const entryId = String(ctx.raw.entryId ?? '');
	const reason = String(ctx.raw.reason ?? '');
	const kind = String(ctx.raw.kind ?? '');
	const action = `amend-${kind}`;
	const parsed = AmendSchema.safeParse(ctx.raw);
	if (!parsed.success) return fail(400, { action, entryId, reason, errors: fieldErrors(parsed.error) });
	return answer(action, await prizes.amendList(ctx.user.id, ctx.listId, parsed.data.entryId, parsed.data.kind, parsed.data.reason), {
		entryId,
		reason
	});
}

export async function freeze(event: RequestEvent, scope: Scope) {
	const ctx = await withList(event, scope, 'freeze');
	if (isFail(ctx)) return ctx;
	return answer('freeze', await prizes.freezeList(ctx.user.id, ctx.listId));
}

export async function publish(event: RequestEvent, scope: Scope) {
	const ctx = await withList(event, scope, 'publish');
	if (isFail(ctx)) return ctx;
	return answer('publish', await prizes.publishList(ctx.user.id, ctx.listId));
}

export { answer };
