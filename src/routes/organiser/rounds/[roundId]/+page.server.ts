import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/service';
import { toLocalInput } from '$lib/vn/time';
import type { RoundFormValues } from '../../RoundForm.svelte';
import { parseRoundForm } from '../../form-values.server';
import type { Actions, PageServerLoad } from './$types';

async function roundOr404(param: string) {
	const id = parseId(param);
	const round = id == null ? undefined : await contests.findRound(id);
	if (!round) error(404, { message: 'Không tìm thấy đợt thi.' });
	return round;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const round = await roundOr404(event.params.roundId);
	const { contest, quotas, topics, attempts, supply, ageSupply, forms } = await contests.roundEditor(round);
	const values: RoundFormValues = {
		title: round.title,
		opensAt: toLocalInput(round.opensAt),
		closesAt: toLocalInput(round.closesAt),
		questionCount: String(round.questionCount),
		timeLimitMinutes: String(Math.round(round.timeLimitSeconds / 60)),
		maxAttempts: String(round.maxAttempts),
		revealPolicy: round.revealPolicy,
		hasPrizes: round.hasPrizes ? 'on' : '',
		predictionKind: round.predictionKind ?? '',
		predictionQuestion: round.predictionQuestion ?? '',
		quotaTopic: quotas.map((q) => (q.topicId == null ? '' : String(q.topicId))),
		quotaDifficulty: quotas.map((q) => (q.difficulty == null ? '' : String(q.difficulty))),
		quotaCount: quotas.map((q) => String(q.count)),
		formBand: String(round.formBand).replace('.', ',')
	};
	return {
		round: { id: round.id, title: round.title, contestId: round.contestId },
		contest: contest ? { id: contest.id, title: contest.title } : null,
		topics: topics.map((t) => ({ id: t.id, name: t.name })),
		attempts,
		values,
		supply,
		ageSupply,
		forms
	};
}) satisfies PageServerLoad;

async function save(event: Parameters<Actions['default']>[0]) {
	const user = requireRole(event, 'organiser');
	const round = await roundOr404(event.params.roundId);
	const parsed = parseRoundForm(await event.request.formData());
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	const res = await contests.updateRound(user.id, round, parsed.input);
	if (!res.ok) return fail(400, { values: parsed.values, errors: res.errors });
	redirect(303, `/organiser/contests/${round.contestId}?saved=1`);
}

export const actions = { default: save } satisfies Actions;
