import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { fieldErrors, formError } from '$lib/schemas/form';
import { ContestPlanSchema, DEFAULT_UNIT_TIERS, UNIT_TIER_ROWS } from '$lib/schemas/prizes';
import * as prizes from '$lib/server/prizes/service';
import * as decide from '../../../prizes.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function contestIdOr404(param: string): number {
	const id = parseId(param);
	if (id == null) error(404, { message: 'Không tìm thấy cuộc thi.' });
	return id;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const page = await prizes.contestPrizesPage(contestIdOr404(event.params.contestId));
	if (!page) error(404, { message: 'Không tìm thấy cuộc thi.' });
	const participants = page.plan?.participants ?? DEFAULT_UNIT_TIERS;
	const rate = page.plan?.rate ?? DEFAULT_UNIT_TIERS;
	const values: Record<string, string> = {};
	for (let i = 0; i < UNIT_TIER_ROWS; i++) {
		values[`p_name_${i}`] = participants[i]?.name ?? '';
		values[`p_count_${i}`] = participants[i] ? String(participants[i].count) : '';
		values[`r_name_${i}`] = rate[i]?.name ?? '';
		values[`r_count_${i}`] = rate[i] ? String(rate[i].count) : '';
	}
	return {
		contest: { id: page.contest.id, title: page.contest.title },
		rounds: page.rounds.map((r) => ({ id: r.id, title: r.title })),
		closed: page.closed,
		planSaved: page.plan != null,
		values,
		list: page.list
	};
}) satisfies PageServerLoad;

const scope = (event: RequestEvent) => ({ contestId: contestIdOr404(event.params.contestId) });

async function plan(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData());
	const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
	const parsed = ContestPlanSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { action: 'plan', values, errors: fieldErrors(parsed.error) });
	const res = await prizes.saveContestPlan(user.id, contestIdOr404(event.params.contestId), parsed.data);
	if (!res.ok) return fail(res.status, { action: 'plan', values, errors: formError(res.message) });
	return { action: 'plan', done: res.message };
}

async function propose(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	// Nothing to read, but the body is read (and refused when oversized or malformed) like any form's.
	await event.request.formData();
	return decide.answer('propose', await prizes.proposeContest(user.id, contestIdOr404(event.params.contestId)));
}

export const actions = {
	plan,
	propose,
	confirm: (event) => decide.confirm(event, scope(event)),
	freeze: (event) => decide.freeze(event, scope(event)),
	publish: (event) => decide.publish(event, scope(event)),
	amend: (event) => decide.amend(event, scope(event))
} satisfies Actions;
