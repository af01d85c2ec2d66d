import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/service';
import type { RoundFormValues } from '../../../../RoundForm.svelte';
import { parseRoundForm } from '../../../../form-values.server';
import type { Actions, PageServerLoad } from './$types';

async function contestOr404(param: string) {
	const id = parseId(param);
	const contest = id == null ? undefined : await contests.findContest(id);
	if (!contest) error(404, { message: 'Không tìm thấy cuộc thi.' });
	return contest;
}

const DEFAULTS: RoundFormValues = {
	title: '',
	opensAt: '',
	closesAt: '',
	questionCount: '10',
	timeLimitMinutes: '15',
	maxAttempts: '3',
	// With several attempts per person, showing answers only after the round closes keeps later
	// attempts fair; organisers can still choose "right after submitting". For a prize round the
	// form says so and the server defaults to it (schemas/contest.ts defaultRevealPolicy).
	revealPolicy: 'after_close',
	hasPrizes: '',
	predictionKind: '',
	predictionQuestion: '',
	quotaTopic: [],
	quotaDifficulty: [],
	quotaCount: [],
	formBand: '0,5'
};

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const contest = await contestOr404(event.params.contestId);
	const { topics, matrix } = await contests.roundFormChoices();
	return {
		matrix,
		contest: { id: contest.id, title: contest.title },
		topics: topics.map((t) => ({ id: t.id, name: t.name })),
		values: DEFAULTS
	};
}) satisfies PageServerLoad;

async function create(event: Parameters<Actions['default']>[0]) {
	const user = requireRole(event, 'organiser');
	const contest = await contestOr404(event.params.contestId);
	const parsed = parseRoundForm(await event.request.formData());
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	const res = await contests.createRound(user.id, contest.id, parsed.input);
	if (!res.ok) return fail(400, { values: parsed.values, errors: res.errors });
	redirect(303, `/organiser/contests/${contest.id}?saved=1`);
}

export const actions = { default: create } satisfies Actions;
