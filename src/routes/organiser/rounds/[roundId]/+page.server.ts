import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
import { listTopics } from '$lib/server/questions/questions';
import { RoundSchema, roundFormToObject } from '$lib/schemas/contest';
import { fieldErrors } from '$lib/schemas/auth';
import { toLocalInput } from '$lib/vn/time';
import type { RoundFormValues } from '../../RoundForm.svelte';
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
		values
	};
}) satisfies PageServerLoad;

/** Raw strings as typed, quota rows included, so a failed submit loses nothing. */
function keepRoundValues(form: FormData): RoundFormValues {
	const one = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v.slice(0, 1000) : '';
	};
	const all = (k: string) =>
		form
			.getAll(k)
			.slice(0, 50)
			.map((v) => (typeof v === 'string' ? v.slice(0, 20) : ''));
	return {
		title: one('title'),
		opensAt: one('opensAt'),
		closesAt: one('closesAt'),
		questionCount: one('questionCount'),
		timeLimitMinutes: one('timeLimitMinutes'),
		maxAttempts: one('maxAttempts'),
		revealPolicy: one('revealPolicy'),
		predictionKind: one('predictionKind'),
		predictionQuestion: one('predictionQuestion'),
		quotaTopic: all('quotaTopic'),
		quotaDifficulty: all('quotaDifficulty'),
		quotaCount: all('quotaCount')
	};
}

/**
 * zod issues → { field: message }. Quota item issues carry zod's default (English) text and an
 * index into the non-empty rows only, so they are reworded with the row number the person sees.
 */
function roundErrors(err: Parameters<typeof fieldErrors>[0], values: RoundFormValues): Record<string, string> {
	const errors = fieldErrors(err);
	const filledRows = values.quotaCount.flatMap((c, i) => (c.trim() === '' ? [] : [i + 1]));
	for (const issue of err.issues) {
		if (issue.path[0] !== 'quotas' || issue.code === 'custom') continue;
		const i = issue.path[1];
		const row = typeof i === 'number' ? (filledRows[i] ?? i + 1) : null;
		errors.quotas =
			row == null
				? 'Hạn mức không hợp lệ (tối đa 20 dòng).'
				: issue.path[2] === 'count'
					? `Hạn mức dòng ${row}: số câu phải là số nguyên từ 1 đến 100.`
					: `Hạn mức dòng ${row}: chủ đề hoặc độ khó không hợp lệ.`;
		break;
	}
	return errors;
}

async function save(event: Parameters<Actions['default']>[0]) {
	const user = requireRole(event, 'organiser');
	const round = await roundOr404(event.params.roundId);
	const form = await event.request.formData();
	const values = keepRoundValues(form);
	const parsed = RoundSchema.safeParse(roundFormToObject(form));
	if (!parsed.success) return fail(400, { values, errors: roundErrors(parsed.error, values) });
	const input = parsed.data;
	const db = getDb();
	// A tampered topic id would otherwise surface as a foreign-key failure (500).
	const topicIds = new Set((await listTopics(db)).map((t) => t.id));
	if (input.quotas.some((q) => q.topicId != null && !topicIds.has(q.topicId)))
		return fail(400, { values, errors: { quotas: 'Chủ đề trong hạn mức không tồn tại. Vui lòng chọn lại.' } });
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
