import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import * as contests from '$lib/server/contests/contests';
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
	const input = parsed.data;
	const id = await getDb()
		.transaction()
		.execute(async (trx) => {
			const id = await contests.insertContest(trx, input);
			await audit(trx, {
				actorUserId: user.id,
				action: 'contest.create',
				entity: 'contest',
				entityId: id,
				details: { title: input.title, status: input.status }
			});
			return id;
		});
	redirect(303, `/organiser/contests/${id}`);
}

export const actions = { default: create } satisfies Actions;
