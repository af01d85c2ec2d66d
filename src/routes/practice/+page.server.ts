import { error, fail, redirect } from '@sveltejs/kit';
import { parseId } from '$lib/server/http';
import { fingerprintOf } from '$lib/server/auth/fingerprint';
import { retryAfterSeconds } from '$lib/server/auth/limits';
import * as learning from '$lib/server/learning/service';
import { PracticeAnswerSchema } from '$lib/schemas/practice';
import type { Actions, PageServerLoad } from './$types';

/**
 * Practice (ôn tập), for everyone, with or without an account. `?topic=` picks the topic; `&s=` is
 * the signed token of the question on screen, so a reload (or the form's own re-render) shows the
 * same question. Without it a question is drawn and the address takes its token.
 */
export const load = (async (event) => {
	const { url } = event;
	const topicParam = url.searchParams.get('topic');
	if (topicParam == null)
		return {
			mode: 'topics' as const,
			topics: await learning.practiceTopics(event.locals.user?.id ?? null),
			loggedIn: event.locals.user != null
		};
	const topicId = parseId(topicParam);
	if (topicId == null) error(404, { message: 'Không tìm thấy chủ đề ôn tập này. Vui lòng chọn một chủ đề trong danh sách.' });
	const s = url.searchParams.get('s');
	const shown = s ? await learning.showPractice(topicId, s) : null;
	if (shown) return { mode: 'question' as const, ...shown, loggedIn: event.locals.user != null };
	const started = await learning.startPractice(topicId, event.locals.user?.id ?? null);
	if (!started.ok && started.reason === 'unknown_topic')
		error(404, { message: 'Không tìm thấy chủ đề ôn tập này. Vui lòng chọn một chủ đề trong danh sách.' });
	if (!started.ok) return { mode: 'empty' as const, topic: started.topic!, loggedIn: event.locals.user != null };
	redirect(303, `/practice?topic=${topicId}&s=${encodeURIComponent(started.token)}`);
}) satisfies PageServerLoad;

async function answer(event: Parameters<Actions['answer']>[0]) {
	const topicId = parseId(event.url.searchParams.get('topic') ?? undefined);
	const form = await event.request.formData();
	const parsed = PracticeAnswerSchema.safeParse({
		token: form.get('token'),
		questionId: form.get('questionId'),
		option: form.getAll('option')
	});
	if (topicId == null) return fail(400, { message: 'Không tìm thấy chủ đề ôn tập này. Vui lòng chọn một chủ đề trong danh sách.' });
	if (!parsed.success) return fail(400, { message: parsed.error.issues[0]?.message ?? 'Câu trả lời không hợp lệ.' });
	const res = await learning.answerPractice(
		{ topicId, token: parsed.data.token, questionId: parsed.data.questionId, optionIds: parsed.data.option },
		{ userId: event.locals.user?.id ?? null, fp: fingerprintOf(event) }
	);
	if (!res.ok)
		return fail(res.status, {
			message: res.status === 429 ? `${res.message} (khoảng ${retryAfterSeconds(res.waitMs ?? 1000)} giây)` : res.message
		});
	return { feedback: res };
}

export const actions = { answer } satisfies Actions;
