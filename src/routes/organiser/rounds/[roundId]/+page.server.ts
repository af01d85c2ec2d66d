import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
import { listTopics } from '$lib/server/questions/questions';
import { supplyFor } from '$lib/server/questions/bank';
import { toLocalInput } from '$lib/vn/time';
import type { RoundFormValues } from '../../RoundForm.svelte';
import { parseRoundForm } from '../../form-values.server';
import type { Actions, PageServerLoad } from './$types';

async function roundOr404(param: string) {
	const id = parseId(param);
	const round = id == null ? undefined : await contests.findRound(getDb(), id);
	if (!round) error(404, { message: 'Không tìm thấy đợt thi.' });
	return round;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const round = await roundOr404(event.params.roundId);
	const db = getDb();
	const [contest, quotas, topics, attempts] = await Promise.all([
		contests.findContest(db, round.contestId),
		contests.listQuotas(db, round.id),
		listTopics(db),
		contests.countAttemptsInRound(db, round.id)
	]);
	const supply = await supplyFor(db, round.questionCount, quotas);
	const values: RoundFormValues = {
		title: round.title,
		opensAt: toLocalInput(round.opensAt),
		closesAt: toLocalInput(round.closesAt),
		questionCount: String(round.questionCount),
		timeLimitMinutes: String(Math.round(round.timeLimitSeconds / 60)),
		maxAttempts: String(round.maxAttempts),
		revealPolicy: round.revealPolicy,
		predictionKind: round.predictionKind ?? '',
		predictionQuestion: round.predictionQuestion ?? '',
		quotaTopic: quotas.map((q) => (q.topicId == null ? '' : String(q.topicId))),
		quotaDifficulty: quotas.map((q) => (q.difficulty == null ? '' : String(q.difficulty))),
		quotaCount: quotas.map((q) => String(q.count))
	};
	return {
		round: { id: round.id, title: round.title, contestId: round.contestId },
		contest: contest ? { id: contest.id, title: contest.title } : null,
		topics: topics.map((t) => ({ id: t.id, name: t.name })),
		attempts,
		values,
		supply
	};
}) satisfies PageServerLoad;

async function save(event: Parameters<Actions['default']>[0]) {
	const user = requireRole(event, 'organiser');
	const round = await roundOr404(event.params.roundId);
	const db = getDb();
	const parsed = await parseRoundForm(db, await event.request.formData());
	if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
	const { input } = parsed;
	await db.transaction().execute(async (trx) => {
		const attempts = await contests.countAttemptsInRound(trx, round.id);
		await contests.updateRound(trx, round.id, input);
		await audit(trx, {
			actorUserId: user.id,
			action: 'round.update',
			entity: 'round',
			entityId: round.id,
			details: {
				contestId: round.contestId,
				attemptsBefore: attempts,
				before: {
					title: round.title,
					opensAt: round.opensAt,
					closesAt: round.closesAt,
					questionCount: round.questionCount,
					timeLimitMinutes: Math.round(round.timeLimitSeconds / 60),
					maxAttempts: round.maxAttempts,
					revealPolicy: round.revealPolicy
				},
				after: {
					title: input.title,
					opensAt: input.opensAt,
					closesAt: input.closesAt,
					questionCount: input.questionCount,
					timeLimitMinutes: input.timeLimitMinutes,
					maxAttempts: input.maxAttempts,
					revealPolicy: input.revealPolicy,
					quotas: input.quotas
				}
			}
		});
	});
	redirect(303, `/organiser/contests/${round.contestId}?saved=1`);
}

export const actions = { default: save } satisfies Actions;
