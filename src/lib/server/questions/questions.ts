import { randomBytes } from 'node:crypto';
import type { Executor } from '../db';
import type { QuestionKind, QuestionStatus } from '../db/types';
import type { StoredOption } from '../attempts/scoring';
import type { PoolItem } from '../attempts/draw';
import { cleanMultiline, cleanText } from '../../vn/text';

export interface Topic {
	id: number;
	code: string;
	name: string;
}

export interface QuestionDraft {
	topicId: number;
	difficulty: number;
	kind: QuestionKind;
	status: QuestionStatus;
	stem: string;
	options: { text: string; correct: boolean }[];
	explanation: string;
	legalRef: string;
}

export interface QuestionVersion {
	id: number;
	questionId: number;
	kind: QuestionKind;
	stem: string;
	options: StoredOption[];
	explanation: string;
	legalRef: string;
}

/** Random option ids: stable within a version, meaningless outside it (they reveal no order). */
function optionId(): string {
	return randomBytes(6).toString('base64url');
}

export async function listTopics(db: Executor): Promise<Topic[]> {
	return db.selectFrom('topics').select(['id', 'code', 'name']).orderBy('name').execute();
}

export async function upsertTopic(db: Executor, code: string, name: string): Promise<number> {
	await db
		.insertInto('topics')
		.values({ code, name: cleanText(name) })
		.onConflict((oc) => oc.column('code').doUpdateSet({ name: cleanText(name) }))
		.execute();
	const r = await db.selectFrom('topics').select('id').where('code', '=', code).executeTakeFirstOrThrow();
	return r.id;
}

/** Creates a question with its first version. Run inside a transaction. */
export async function createQuestion(db: Executor, q: QuestionDraft, now = Date.now()): Promise<number> {
	const { id } = await db
		.insertInto('questions')
		.values({ topic_id: q.topicId, difficulty: q.difficulty, kind: q.kind, status: q.status, created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const options: StoredOption[] = q.options.map((o) => ({ id: optionId(), text: cleanText(o.text), correct: o.correct }));
	const v = await db
		.insertInto('question_versions')
		.values({
			question_id: id,
			version_no: 1,
			kind: q.kind,
			stem: cleanMultiline(q.stem),
			options_json: JSON.stringify(options),
			explanation: cleanMultiline(q.explanation),
			legal_ref: cleanText(q.legalRef),
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db.updateTable('questions').set({ current_version_id: v.id }).where('id', '=', id).execute();
	return id;
}

/** Published questions that can be drawn, with their current version. */
export async function listDrawPool(db: Executor): Promise<(PoolItem & { versionId: number })[]> {
	const rows = await db
		.selectFrom('questions')
		.select(['id', 'topic_id', 'difficulty', 'current_version_id'])
		.where('status', '=', 'published')
		.where('current_version_id', 'is not', null)
		.execute();
	return rows.map((r) => ({ id: r.id, topicId: r.topic_id, difficulty: r.difficulty, versionId: r.current_version_id! }));
}

export async function getVersions(db: Executor, versionIds: readonly number[]): Promise<Map<number, QuestionVersion>> {
	if (versionIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('question_versions')
		.select(['id', 'question_id', 'kind', 'stem', 'options_json', 'explanation', 'legal_ref'])
		.where('id', 'in', versionIds)
		.execute();
	return new Map(
		rows.map((r) => [
			r.id,
			{
				id: r.id,
				questionId: r.question_id,
				kind: r.kind,
				stem: r.stem,
				options: JSON.parse(r.options_json) as StoredOption[],
				explanation: r.explanation,
				legalRef: r.legal_ref
			}
		])
	);
}

export async function countQuestions(db: Executor): Promise<number> {
	const r = await db.selectFrom('questions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(r.n);
}
