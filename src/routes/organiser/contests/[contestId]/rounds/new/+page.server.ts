import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
import { listTopics } from '$lib/server/questions/questions';
import { RoundSchema, roundFormToObject } from '$lib/schemas/contest';
import { fieldErrors } from '$lib/schemas/auth';
import type { RoundFormValues } from '../../../../RoundForm.svelte';
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
	const topics = await listTopics(getDb());
	return {
		contest: { id: contest.id, title: contest.title },
		topics: topics.map((t) => ({ id: t.id, name: t.name })),
		values: DEFAULTS
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

async function create(event: Parameters<Actions['default']>[0]) {
	const user = requireRole(event, 'organiser');
	const contest = await contestOr404(event.params.contestId);
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
