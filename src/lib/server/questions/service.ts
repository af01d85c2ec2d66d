import { getDb } from '../db';
import { audit } from '../audit';
import * as questions from './questions';
import * as editing from './editing';
import * as bank from './bank';
import * as warnings from './item-warnings';
import type { CheckCode } from './item-checks';
import type { SheetFormat } from './bank-file';
import type { QuestionContent, QuestionFit } from '../../schemas/question';
import type { QuestionStatus } from '../db/types';
import type { FieldErrors, FormResult } from '../../schemas/form';

/**
 * What the question-bank pages call. Like every service a route calls, each function gets the
 * database itself (getDb()); writes and their audit-log rows share one transaction (here or in
 * editing.ts / bank.ts).
 */

export function listTopics() {
	return questions.listTopics(getDb());
}

export function listTopicsWithCounts() {
	return questions.listTopicsWithCounts(getDb());
}

/**
 * One page of the bank under a filter, with the topics for the filter's choices and each
 * question's item-writing warnings (open / accepted counts). `warnings` narrows the list to the
 * questions with an open warning, or with an accepted one.
 */
export async function listQuestionsPage(
	filter: questions.QuestionFilter & { warnings?: warnings.WarningFilter | null },
	page: { offset: number; limit: number }
) {
	const db = getDb();
	const flagged = await warnings.bankWarnings(db);
	const f = filter.warnings ? { ...filter, ids: warnings.idsWith(flagged, filter.warnings) } : filter;
	const [list, topics] = await Promise.all([questions.listQuestions(db, f, page), questions.listTopics(db)]);
	const items = list.items.map((q) => {
		const w = flagged.get(q.id) ?? [];
		return { ...q, warnings: { open: w.filter((x) => !x.accepted).length, accepted: w.filter((x) => x.accepted).length } };
	});
	return { ...list, items, topics };
}

export function findQuestion(id: number) {
	return questions.findQuestion(getDb(), id);
}

/** What the question page shows besides the question: the topics, its versions and its uses. */
export async function questionEditor(questionId: number) {
	const db = getDb();
	const [topics, history, uses, flagged] = await Promise.all([
		questions.listTopics(db),
		questions.listHistory(db, questionId),
		questions.countAttemptUses(db, { questionId }),
		warnings.bankWarnings(db, questionId)
	]);
	return { topics, history, uses, warnings: flagged.get(questionId) ?? [] };
}

/** Accepts an item-writing warning for the question's current version; false: no such warning now. */
export function acceptWarning(actorUserId: number, questionId: number, code: CheckCode) {
	return getDb()
		.transaction()
		.execute((trx) => warnings.accept(trx, questionId, code, actorUserId));
}

export function withdrawWarning(actorUserId: number, questionId: number, code: CheckCode) {
	return getDb()
		.transaction()
		.execute((trx) => warnings.withdraw(trx, questionId, code, actorUserId));
}

type QuestionInput = { topicId: number; difficulty: number; status: QuestionStatus; content: QuestionContent; fit: QuestionFit };

const TOPIC_GONE = 'Chủ đề không tồn tại. Vui lòng chọn lại.';

export async function createQuestion(actorUserId: number, input: QuestionInput): Promise<FormResult<{ id: number }>> {
	const db = getDb();
	if (!(await questions.topicsExist(db, [input.topicId]))) return { ok: false, errors: { topicId: TOPIC_GONE } };
	return { ok: true, id: await editing.createQuestion(db, input, actorUserId) };
}

/** Saves the question form (editing.ts decides between editing in place and a new version). */
export async function saveQuestion(
	actorUserId: number,
	id: number,
	input: QuestionInput
): Promise<editing.EditOutcome | { ok: false; errors: FieldErrors }> {
	const db = getDb();
	if (!(await questions.topicsExist(db, [input.topicId]))) return { ok: false, errors: { topicId: TOPIC_GONE } };
	return editing.editQuestion(db, id, input, actorUserId);
}

export function changeStatus(actorUserId: number, id: number, status: QuestionStatus) {
	return editing.changeStatus(getDb(), id, status, actorUserId);
}

export function deleteQuestion(actorUserId: number, id: number) {
	return editing.deleteQuestion(getDb(), id, actorUserId);
}

/** Reads and checks an uploaded bank file; writes nothing. */
export function previewImport(file: { name: string; bytes: Uint8Array }, opts: { skipExisting: boolean; includeHidden: boolean }) {
	return bank.previewFile(getDb(), file, opts);
}

/** Writes a previewed import, all rows or none (throws bank.ImportConflict on a new clash). */
export function confirmImport(actorUserId: number, plan: bank.ImportPlan) {
	return bank.applyImport(getDb(), plan, actorUserId);
}

/** The bank (or a filter of it) as a file in the import layout; every export is audit-logged. */
export async function exportBank(
	actorUserId: number,
	format: SheetFormat,
	filter: questions.QuestionFilter & { warnings?: warnings.WarningFilter | null }
) {
	const db = getDb();
	const { warnings: which, ...rest } = filter;
	const f = which ? { ...rest, ids: warnings.idsWith(await warnings.bankWarnings(db), which) } : rest;
	const { bytes, count } = await bank.exportFile(db, format, f);
	await audit(db, { actorUserId, action: 'questions.export', entity: 'questions', details: { format, count, filter } });
	return bytes;
}

/** Adds a topic; a code already in the bank is a field error. */
export async function createTopic(actorUserId: number, topic: { code: string; name: string }): Promise<FormResult> {
	return getDb()
		.transaction()
		.execute(async (trx): Promise<FormResult> => {
			if (await questions.findTopicByCode(trx, topic.code)) return { ok: false, errors: { code: 'Mã chủ đề này đã có.' } };
			const id = await questions.insertTopic(trx, topic.code, topic.name);
			await audit(trx, { actorUserId, action: 'topic.create', entity: 'topic', entityId: id, details: topic });
			return { ok: true };
		});
}

export async function renameTopic(actorUserId: number, id: number, name: string): Promise<void> {
	await getDb()
		.transaction()
		.execute(async (trx) => {
			await questions.renameTopic(trx, id, name);
			await audit(trx, { actorUserId, action: 'topic.rename', entity: 'topic', entityId: id, details: { name } });
		});
}

/** false when questions or round quotas still use the topic (nothing is deleted then). */
export async function deleteTopic(actorUserId: number, id: number): Promise<boolean> {
	return getDb()
		.transaction()
		.execute(async (trx) => {
			if (!(await questions.deleteTopic(trx, id))) return false;
			await audit(trx, { actorUserId, action: 'topic.delete', entity: 'topic', entityId: id });
			return true;
		});
}
