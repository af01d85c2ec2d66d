import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as questions from '$lib/server/questions/questions';
import * as editing from '$lib/server/questions/editing';
import { MAX_OPTIONS, STATUSES, parseQuestionForm, questionFormValues, type QuestionFormValues } from '$lib/schemas/question';
import type { Actions, PageServerLoad } from './$types';

async function questionOr404(param: string) {
	const id = parseId(param);
	const q = id == null ? undefined : await questions.findQuestion(getDb(), id);
	if (!q) error(404, { message: 'Không tìm thấy câu hỏi.' });
	return q;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const db = getDb();
	const [topics, history, uses] = await Promise.all([
		questions.listTopics(db),
		questions.listHistory(db, q.id),
		questions.countAttemptUses(db, { questionId: q.id })
	]);
	const values: QuestionFormValues = {
		topicId: String(q.topicId),
		difficulty: String(q.difficulty),
		kind: q.kind,
		status: q.status,
		stem: q.stem,
		options: Array.from({ length: MAX_OPTIONS }, (_, i) => q.options[i]?.text ?? ''),
		correct: Array.from({ length: MAX_OPTIONS }, (_, i) => q.options[i]?.correct ?? false),
		explanation: q.explanation,
		legalRef: q.legalRef
	};
	return {
		question: { id: q.id, status: q.status, versionNo: q.versionNo },
		topics: topics.map((t) => ({ id: t.id, name: t.name })),
		values,
		uses,
		history: history.map((h) => ({
			versionNo: h.versionNo,
			createdAt: h.createdAt,
			usedIn: h.usedIn,
			stem: h.stem,
			options: h.options.map((o) => ({ text: o.text, correct: o.correct })),
			explanation: h.explanation,
			legalRef: h.legalRef
		})),
		saved: event.url.searchParams.get('saved')
	};
}) satisfies PageServerLoad;

async function save(event: Parameters<Actions['save']>[0]) {
	const user = requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const db = getDb();
	const values = questionFormValues(await event.request.formData());
	const parsed = parseQuestionForm(values);
	if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
	const topicIds = new Set((await questions.listTopics(db)).map((t) => t.id));
	if (!topicIds.has(parsed.meta.topicId)) return fail(400, { values, errors: { topicId: 'Chủ đề không tồn tại. Vui lòng chọn lại.' } });
	const res = await editing.editQuestion(db, q.id, { ...parsed.meta, content: parsed.content }, user.id);
	if (!res.ok) error(res.status, { message: res.message });
	redirect(303, `/organiser/questions/${q.id}?saved=${res.mode}`);
}

const StatusSchema = z.object({ status: z.enum(STATUSES, { error: 'Trạng thái không hợp lệ.' }) });

async function status(event: Parameters<Actions['status']>[0]) {
	const user = requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const parsed = StatusSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { message: 'Trạng thái không hợp lệ.' });
	await editing.changeStatus(getDb(), q.id, parsed.data.status, user.id);
	redirect(303, `/organiser/questions/${q.id}?saved=status`);
}

async function remove(event: Parameters<Actions['delete']>[0]) {
	const user = requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const form = await event.request.formData();
	if (form.get('confirm') !== 'yes') return fail(400, { message: 'Hãy đánh dấu “Tôi chắc chắn muốn xóa” để xóa câu hỏi.' });
	const res = await editing.deleteQuestion(getDb(), q.id, user.id);
	if (!res.ok) return fail(res.status, { message: res.message });
	redirect(303, '/organiser/questions?deleted=1');
}

export const actions = { save, status, delete: remove } satisfies Actions;
