import type { Db } from '../db';
import type { QuestionStatus } from '../db/types';
import { lockRow } from '../db/sql';
import { audit } from '../audit';
import type { QuestionContent, QuestionFit } from '../../schemas/question';
import * as questions from './questions';
import { formatNumber } from '../../vn/number';

/**
 * Versioning rules of the question bank.
 * - A version shown in an attempt is never changed: attempts point at it, so scores and reviews stay.
 * - Editing the content of a published or retired question appends a new version.
 * - Editing a draft whose current version no attempt has shown rewrites that version in place
 *   (typo fixes while preparing a question do not pile up versions nobody has seen).
 * - Topic, difficulty and status are not part of a version: changing only them adds no version.
 * - Retiring removes a question from future draws only; deleting is refused once any attempt used it.
 */
export function editMode(status: QuestionStatus, currentVersionUsed: boolean): 'in_place' | 'new_version' {
	return status === 'draft' && !currentVersionUsed ? 'in_place' : 'new_version';
}

function sameContent(a: QuestionContent, b: QuestionContent): boolean {
	return (
		a.kind === b.kind &&
		a.stem === b.stem &&
		a.explanation === b.explanation &&
		a.legalRef === b.legalRef &&
		a.options.length === b.options.length &&
		a.options.every((o, i) => o.text === b.options[i].text && o.correct === b.options[i].correct)
	);
}

/** Who a question fits changes who may draw it: the audit log says from what to what. */
function fitChange(before: QuestionFit, after: QuestionFit | undefined): { fitBefore?: QuestionFit; fit?: QuestionFit } {
	if (!after) return {};
	const same = before.audience === after.audience && before.minAge === after.minAge && before.exclusionGroup === after.exclusionGroup;
	return same ? {} : { fitBefore: before, fit: after };
}

function canDelete(attemptUses: number): boolean {
	return attemptUses === 0;
}

export type EditOutcome =
	{ ok: true; mode: 'in_place' | 'new_version' | 'unchanged'; versionNo: number } | { ok: false; status: 404; message: string };

export async function editQuestion(
	db: Db,
	id: number,
	input: { topicId: number; difficulty: number; status: QuestionStatus; content: QuestionContent; fit?: QuestionFit },
	actorUserId: number | null,
	now = Date.now()
): Promise<EditOutcome> {
	return db.transaction().execute(async (trx) => {
		// Two organisers saving the same question at once: the second waits, then numbers its version after the first's.
		await lockRow(trx, 'questions', id);
		const q = await questions.findQuestion(trx, id);
		if (!q) return { ok: false, status: 404, message: 'Không tìm thấy câu hỏi.' } as const;
		const before: QuestionContent = {
			kind: q.kind,
			stem: q.stem,
			options: q.options.map((o) => ({ text: o.text, correct: o.correct })),
			explanation: q.explanation,
			legalRef: q.legalRef
		};
		let versionId = q.versionId;
		let versionNo = q.versionNo;
		let mode: 'in_place' | 'new_version' | 'unchanged' = 'unchanged';
		if (!sameContent(before, input.content)) {
			// The status before the edit decides: publishing a draft together with a change still
			// rewrites the unseen draft version, but a published question always gets a new version.
			const shown =
				(await questions.countAttemptUses(trx, { versionId: q.versionId })) +
				(await questions.countLiveUses(trx, { versionId: q.versionId }));
			mode = editMode(q.status, shown > 0);
			if (mode === 'in_place') await questions.overwriteVersion(trx, q.versionId, input.content, now);
			else {
				versionNo = q.versionNo + 1;
				versionId = await questions.insertVersion(trx, id, versionNo, input.content, now);
			}
		}
		await questions.updateQuestionRow(
			trx,
			id,
			{
				topicId: input.topicId,
				difficulty: input.difficulty,
				kind: input.content.kind,
				status: input.status,
				stem: input.content.stem,
				currentVersionId: versionId,
				// Left out: the question keeps who it fits and its group.
				fit: input.fit ?? q.fit
			},
			now
		);
		await audit(trx, {
			actorUserId,
			action: 'question.update',
			entity: 'question',
			entityId: id,
			details: { mode, versionNo, statusBefore: q.status, status: input.status, ...fitChange(q.fit, input.fit) },
			at: now
		});
		return { ok: true, mode, versionNo } as const;
	});
}

export async function createQuestion(
	db: Db,
	input: { topicId: number; difficulty: number; status: QuestionStatus; content: QuestionContent; fit?: QuestionFit },
	actorUserId: number | null,
	now = Date.now()
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const id = await questions.createQuestion(
			trx,
			{ topicId: input.topicId, difficulty: input.difficulty, status: input.status, ...input.content, fit: input.fit },
			now
		);
		await audit(trx, { actorUserId, action: 'question.create', entity: 'question', entityId: id, at: now });
		return id;
	});
}

export async function changeStatus(
	db: Db,
	id: number,
	status: QuestionStatus,
	actorUserId: number | null,
	now = Date.now()
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const q = await questions.findQuestion(trx, id);
		if (!q) return false;
		await questions.setStatus(trx, id, status, now);
		await audit(trx, {
			actorUserId,
			action: 'question.status',
			entity: 'question',
			entityId: id,
			details: { from: q.status, to: status },
			at: now
		});
		return true;
	});
}

export type DeleteOutcome = { ok: true } | { ok: false; status: 404 | 409; message: string };

export async function deleteQuestion(db: Db, id: number, actorUserId: number | null, now = Date.now()): Promise<DeleteOutcome> {
	return db.transaction().execute(async (trx) => {
		await lockRow(trx, 'questions', id);
		const q = await questions.findQuestion(trx, id);
		if (!q) return { ok: false, status: 404, message: 'Không tìm thấy câu hỏi.' } as const;
		const uses = await questions.countAttemptUses(trx, { questionId: id });
		if (!canDelete(uses))
			return {
				ok: false,
				status: 409,
				message: `Câu hỏi đã xuất hiện trong ${formatNumber(uses)} lượt thi nên không thể xóa (để giữ nguyên kết quả). Hãy chuyển sang “Ngừng sử dụng”.`
			} as const;
		const live = await questions.countLiveUses(trx, { questionId: id });
		if (live > 0)
			return {
				ok: false,
				status: 409,
				message: `Câu hỏi đã được dùng trong ${formatNumber(live)} hội thi trực tiếp nên không thể xóa (để giữ nguyên kết quả). Hãy chuyển sang “Ngừng sử dụng”.`
			} as const;
		await questions.deleteQuestionRow(trx, id);
		await audit(trx, {
			actorUserId,
			action: 'question.delete',
			entity: 'question',
			entityId: id,
			details: { stem: q.stem.slice(0, 200) },
			at: now
		});
		return { ok: true } as const;
	});
}
