import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import { fieldErrors, formError } from '$lib/schemas/form';
import { DEFAULT_ROUND_TIERS, ROUND_TIER_ROWS, RoundPlanSchema } from '$lib/schemas/prizes';
import * as prizes from '$lib/server/prizes/service';
import * as decide from '../../../prizes.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function roundIdOr404(param: string): number {
	const id = parseId(param);
	if (id == null) error(404, { message: 'Không tìm thấy đợt thi.' });
	return id;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const page = await prizes.roundPrizesPage(roundIdOr404(event.params.roundId));
	if (!page) error(404, { message: 'Không tìm thấy đợt thi.' });
	const tiers = page.plan?.tiers ?? DEFAULT_ROUND_TIERS;
	const values: Record<string, string> = { participationCertificates: page.plan?.participationCertificates ? 'on' : '' };
	for (let i = 0; i < ROUND_TIER_ROWS; i++) {
		values[`name_${i}`] = tiers[i]?.name ?? '';
		values[`count_${i}`] = tiers[i] ? String(tiers[i].count) : '';
	}
	return {
		round: {
			id: page.round.id,
			title: page.round.title,
			closesAt: page.round.closesAt,
			hasPrizes: page.round.hasPrizes,
			predictionKind: page.round.predictionKind
		},
		contest: { id: page.contest.id, title: page.contest.title },
		closed: page.closed,
		planSaved: page.plan != null,
		values,
		list: page.list
	};
}) satisfies PageServerLoad;

const scope = (event: RequestEvent) => ({ roundId: roundIdOr404(event.params.roundId) });

async function plan(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	const raw = Object.fromEntries(await event.request.formData()) as Record<string, string>;
	const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
	const parsed = RoundPlanSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { action: 'plan', values, errors: fieldErrors(parsed.error) });
	const res = await prizes.saveRoundPlan(user.id, roundIdOr404(event.params.roundId), parsed.data);
	if (!res.ok) return fail(res.status, { action: 'plan', values, errors: formError(res.message) });
	return { action: 'plan', done: res.message };
}

async function propose(event: RequestEvent) {
	const user = requireRole(event, 'organiser');
	// Nothing to read, but the body is read (and refused when oversized or malformed) like any form's.
	await event.request.formData();
	return decide.answer('propose', await prizes.proposeRound(user.id, roundIdOr404(event.params.roundId)));
}

export const actions = {
	plan,
	propose,
	confirm: (event) => decide.confirm(event, scope(event)),
	disqualify: (event) => decide.disqualify(event, scope(event)),
	substitute: (event) => decide.substitute(event, scope(event)),
	freeze: (event) => decide.freeze(event, scope(event)),
	publish: (event) => decide.publish(event, scope(event)),
	amend: (event) => decide.amend(event, scope(event))
} satisfies Actions;
