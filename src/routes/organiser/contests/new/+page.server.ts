import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import * as contests from '$lib/server/contests/service';
import { ContestSchema } from '$lib/schemas/contest';
import { fieldErrors } from '$lib/schemas/form';
import { keepContestValues } from '../../form-values.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	return {};
}) satisfies PageServerLoad;

async function create(event: Parameters<Actions['default']>[0]) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const parsed = ContestSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { values: keepContestValues(raw), errors: fieldErrors(parsed.error) });
	const id = await contests.createContest(user.id, parsed.data);
	redirect(303, `/organiser/contests/${id}`);
}

export const actions = { default: create } satisfies Actions;
