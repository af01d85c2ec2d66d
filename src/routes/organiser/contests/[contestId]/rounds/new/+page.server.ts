import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
import { listTopics } from '$lib/server/questions/questions';
import { publishedMatrix } from '$lib/server/questions/bank';
import type { RoundFormValues } from '../../../../RoundForm.svelte';
import { parseRoundForm } from '../../../../form-values.server';
import type { Actions, PageServerLoad } from './$types';

async function contestOr404(param: string) {
	const id = parseId(param);
	const contest = id == null ? undefined : await contests.findContest(getDb(), id);
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
	// attempts fair; organisers can still choose "right after submitting".
	revealPolicy: 'after_close',
	predictionKind: '',
	predictionQuestion: '',
	quotaTopic: [],
	quotaDifficulty: [],
	quotaCount: []
};

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const contest = await contestOr404(event.params.contestId);
	const [topics, matrix] = await Promise.all([listTopics(getDb()), publishedMatrix(getDb())]);
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
	const db = getDb();
	const parsed = await parseRoundForm(db, await event.request.formData());
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	const { input } = parsed;
	await db.transaction().execute(async (trx) => {
		const id = await contests.insertRound(trx, contest.id, input);
		await audit(trx, {
			actorUserId: user.id,
			action: 'round.create',
			entity: 'round',
			entityId: id,
			details: {
				contestId: contest.id,
				title: input.title,
				opensAt: input.opensAt,
				closesAt: input.closesAt,
				questionCount: input.questionCount,
				timeLimitMinutes: input.timeLimitMinutes,
				maxAttempts: input.maxAttempts,
				quotas: input.quotas
			}
		});
	});
	redirect(303, `/organiser/contests/${contest.id}?saved=1`);
}

export const actions = { default: create } satisfies Actions;
