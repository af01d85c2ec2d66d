import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import * as groups from '$lib/server/groups/service';
import { GroupIdSchema, GroupNameSchema } from '$lib/schemas/units';
import { fieldErrors } from '$lib/schemas/form';
import type { Actions, PageServerLoad } from './$types';

/** The participant groups (đối tượng) registration offers: add, rename, hide/show, delete one nobody declared. */
export const load = (async (event) => {
	requireRole(event, 'organiser');
	const { groups: list, undeclared } = await groups.listWithCounts();
	return { groups: list, undeclared, undeclaredLabel: groups.UNDECLARED };
}) satisfies PageServerLoad;

type Event = Parameters<Actions['create']>[0];
async function fields(event: Event) {
	return Object.fromEntries(await event.request.formData()) as Record<string, unknown>;
}
function answer(action: string, res: groups.GroupResult, values: Record<string, string>) {
	return res.ok ? { action, done: true } : fail(400, { action, values, errors: res.errors });
}

async function create(event: Event) {
	const user = requireRole(event, 'organiser');
	const raw = await fields(event);
	const values = { name: String(raw.name ?? '').slice(0, 200) };
	const p = GroupNameSchema.safeParse(raw);
	if (!p.success) return fail(400, { action: 'create', values, errors: fieldErrors(p.error) });
	return answer('create', await groups.create(user.id, p.data.name), values);
}

async function rename(event: Event) {
	const user = requireRole(event, 'organiser');
	const raw = await fields(event);
	const values = { id: String(raw.id ?? ''), name: String(raw.name ?? '').slice(0, 200) };
	const id = GroupIdSchema.safeParse(raw);
	const p = GroupNameSchema.safeParse(raw);
	if (!id.success || !p.success)
		return fail(400, {
			action: 'rename',
			values,
			errors: { ...(id.success ? {} : fieldErrors(id.error)), ...(p.success ? {} : fieldErrors(p.error)) }
		});
	return answer('rename', await groups.rename(user.id, id.data.id, p.data.name), values);
}

async function visibility(event: Event) {
	const user = requireRole(event, 'organiser');
	const raw = await fields(event);
	const id = GroupIdSchema.safeParse(raw);
	if (!id.success || (raw.hidden !== '1' && raw.hidden !== '0'))
		return fail(400, { action: 'visibility', values: {}, errors: { form: 'Yêu cầu không hợp lệ.' } });
	return answer('visibility', await groups.setHidden(user.id, id.data.id, raw.hidden === '1'), { id: String(id.data.id) });
}

async function remove(event: Event) {
	const user = requireRole(event, 'organiser');
	const raw = await fields(event);
	const id = GroupIdSchema.safeParse(raw);
	if (!id.success) return fail(400, { action: 'delete', values: {}, errors: { form: 'Yêu cầu không hợp lệ.' } });
	return answer('delete', await groups.remove(user.id, id.data.id), { id: String(id.data.id) });
}

export const actions = { create, rename, visibility, delete: remove } satisfies Actions;
