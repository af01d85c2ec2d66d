import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as questions from '$lib/server/questions/service';
import { CHECK_CODES, CHECK_LABELS, type CheckCode } from '$lib/server/questions/item-checks';
import { MAX_OPTIONS, STATUSES, parseQuestionForm, questionFormValues, type QuestionFormValues } from '$lib/schemas/question';
import type { Actions, PageServerLoad } from './$types';

async function questionOr404(param: string) {
	const id = parseId(param);
	const q = id == null ? undefined : await questions.findQuestion(id);
	if (!q) error(404, { message: 'Không tìm thấy câu hỏi.' });
	return q;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const { topics, history, uses, warnings } = await questions.questionEditor(q.id);
	const values: QuestionFormValues = {
		topicId: String(q.topicId),
		difficulty: String(q.difficulty),
		kind: q.kind,
		status: q.status,
		stem: q.stem,
		options: Array.from({ length: MAX_OPTIONS }, (_, i) => q.options[i]?.text ?? ''),
		correct: Array.from({ length: MAX_OPTIONS }, (_, i) => q.options[i]?.correct ?? false),
		explanation: q.explanation,
		legalRef: q.legalRef,
		audience: q.fit.audience,
		minAge: q.fit.minAge != null ? String(q.fit.minAge) : '',
		exclusionGroup: q.fit.exclusionGroup ?? ''
	};
	return {
		question: { id: q.id, status: q.status, versionNo: q.versionNo },
		topics: topics.map((t) => ({ id: t.id, name: t.name })),
		values,
		uses,
		warnings: warnings.map((w) => ({
			code: w.code,
			label: CHECK_LABELS[w.code],
			message: w.message,
			other: w.other ?? null,
			accepted: w.accepted
		})),
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
	const values = questionFormValues(await event.request.formData());
	const parsed = parseQuestionForm(values);
	if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
	const res = await questions.saveQuestion(user.id, q.id, { ...parsed.meta, content: parsed.content, fit: parsed.fit });
	if (!res.ok) {
		if ('errors' in res) return fail(400, { values, errors: res.errors });
		error(res.status, { message: res.message });
	}
	redirect(303, `/organiser/questions/${q.id}?saved=${res.mode}`);
}

const StatusSchema = z.object({ status: z.enum(STATUSES, { error: 'Trạng thái không hợp lệ.' }) });

async function status(event: Parameters<Actions['status']>[0]) {
	const user = requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const parsed = StatusSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { message: 'Trạng thái không hợp lệ.' });
	await questions.changeStatus(user.id, q.id, parsed.data.status);
	redirect(303, `/organiser/questions/${q.id}?saved=status`);
}

async function remove(event: Parameters<Actions['delete']>[0]) {
	const user = requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const form = await event.request.formData();
	if (form.get('confirm') !== 'yes') return fail(400, { message: 'Hãy đánh dấu “Tôi chắc chắn muốn xóa” để xóa câu hỏi.' });
	const res = await questions.deleteQuestion(user.id, q.id);
	if (!res.ok) return fail(res.status, { message: res.message });
	redirect(303, '/organiser/questions?deleted=1');
}

const CheckSchema = z.object({ check: z.enum(CHECK_CODES as [string, ...string[]], { error: 'Cảnh báo không hợp lệ.' }) });

/** Accepts one item-writing warning for the current version (never needed to save). */
async function acceptCheck(event: Parameters<Actions['acceptCheck']>[0]) {
	const user = requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const parsed = CheckSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { message: 'Cảnh báo không hợp lệ.' });
	const ok = await questions.acceptWarning(user.id, q.id, parsed.data.check as CheckCode);
	if (!ok) return fail(409, { message: 'Câu hỏi không còn cảnh báo này (có thể vừa được sửa). Vui lòng tải lại trang.' });
	return { accepted: parsed.data.check };
}

async function withdrawCheck(event: Parameters<Actions['withdrawCheck']>[0]) {
	const user = requireRole(event, 'organiser');
	const q = await questionOr404(event.params.questionId);
	const parsed = CheckSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) return fail(400, { message: 'Cảnh báo không hợp lệ.' });
	await questions.withdrawWarning(user.id, q.id, parsed.data.check as CheckCode);
	return { withdrawn: parsed.data.check };
}

export const actions = { save, status, delete: remove, acceptCheck, withdrawCheck } satisfies Actions;
