import { fail, redirect } from '@sveltejs/kit';
import { hasRole, requireRole } from '$lib/server/auth/guards';
import * as setup from '$lib/server/live/setup';
import { listTopics } from '$lib/server/questions/service';
import { NewGameSchema } from '$lib/schemas/live-setup';
import { livePaths } from '$lib/live/protocol';
import { parseDrawForm, type DrawValues } from '../forms.server';
import type { Actions, PageServerLoad } from './$types';

const DEFAULTS: DrawValues = { title: '', unitId: '', questionCount: '10', quotaTopic: [], quotaDifficulty: [], quotaCount: [] };

export const load = (async (event) => {
	const user = requireRole(event, 'organiser', 'district_lead');
	const staff = hasRole(user, 'organiser');
	const [topics, units] = await Promise.all([listTopics(), staff ? setup.unitChoices() : Promise.resolve([])]);
	return {
		staff,
		topics: topics.map((t) => ({ id: t.id, name: t.name })),
		units: units.map((u) => ({ id: u.id, name: u.name })),
		values: { ...DEFAULTS, unitId: staff ? '' : String(user.unitId) }
	};
}) satisfies PageServerLoad;

async function create(event: Parameters<Actions['default']>[0]) {
	const user = requireRole(event, 'organiser', 'district_lead');
	const parsed = parseDrawForm(await event.request.formData(), NewGameSchema);
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	const res = await setup.createGame(user, parsed.input);
	if (!res.ok) return fail(400, { values: parsed.values, errors: res.errors });
	redirect(303, `${livePaths.game(res.id)}?created=1`);
}

export const actions = { default: create } satisfies Actions;
