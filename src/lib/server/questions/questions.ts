import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { valueList, type Conn, type Executor, type Program } from '../db';
import { containsText } from '../db/like';
import { invalidate, registerCache, TtlCache } from '../cache';
import type { QuestionKind, QuestionStatus } from '../db/types';
import type { PoolItem } from './draw';
import { cleanMultiline, cleanText, foldVietnamese } from '../../vn/text';
import { DEFAULT_FIT, requiredAge, stemKey, type QuestionFit } from '../../schemas/question';

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
	/** Who the question fits and its exclusion group; everyone and none when left out. */
	fit?: QuestionFit;
}

/** An option as a question version stores it (`options_json`); scoring compares choices with `correct`. */
export interface StoredOption {
	id: string;
	text: string;
	correct: boolean;
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

function fitColumns(fit: QuestionFit) {
	return { audience: fit.audience, min_age: fit.minAge, exclusion_group: fit.exclusionGroup };
}

function fitOf(r: { audience: QuestionFit['audience']; min_age: number | null; exclusion_group: string | null }): QuestionFit {
	return { audience: r.audience, minAge: r.min_age, exclusionGroup: r.exclusion_group };
}

/** Random option ids: stable within a version, meaningless outside it (they reveal no order). */
function optionId(): string {
	return randomBytes(6).toString('base64url');
}

export async function listTopics(db: Executor): Promise<Topic[]> {
	return db.selectFrom('topics').select(['id', 'code', 'name']).orderBy('name').execute();
}

/** Whether every one of `ids` is a topic of the bank (an empty list: yes). */
export async function topicsExist(db: Executor, ids: readonly number[]): Promise<boolean> {
	const wanted = [...new Set(ids)];
	if (wanted.length === 0) return true;
	const found = await db.selectFrom('topics').select('id').where('id', 'in', wanted).execute();
	return found.length === wanted.length;
}

/** Creates a question with its first version. Run inside a transaction. */
export async function createQuestion(db: Executor, q: QuestionDraft, now = Date.now()): Promise<number> {
	const { id } = await db
		.insertInto('questions')
		.values({
			topic_id: q.topicId,
			difficulty: q.difficulty,
			kind: q.kind,
			status: q.status,
			stem_folded: foldVietnamese(q.stem),
			created_at: now,
			updated_at: now,
			...fitColumns(q.fit ?? DEFAULT_FIT)
		})
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
	invalidate(db, 'questions');
	return id;
}

/**
 * Every attempt start draws from the published pool and reads the drawn versions. The pool is
 * cached for 10 s and cleared by every write to the bank below; versions are cached for good,
 * because a version an attempt can see is never changed (edits of published questions add a new
 * version; only unused drafts are overwritten, and that clears their entry).
 */
const poolCache = registerCache('questions.pool', new TtlCache<(PoolItem & { versionId: number })[], 'pool'>(10_000, 1), {
	questions: 'clear'
});
const versionCache = registerCache('questions.versions', new Map<number, QuestionVersion>(), {
	questions: ({ versionId }) => versionId != null && versionCache.delete(versionId)
});
const VERSION_CACHE_MAX = 20_000;

/** Published questions that can be drawn, with their current version. */
export function listDrawPool(db: Executor): Promise<(PoolItem & { versionId: number })[]> {
	return poolCache.get('pool', async () => {
		const rows = await db
			.selectFrom('questions')
			.select(['id', 'topic_id', 'difficulty', 'current_version_id', 'audience', 'min_age', 'exclusion_group'])
			.where('status', '=', 'published')
			.where('current_version_id', 'is not', null)
			.execute();
		return rows.map((r) => ({
			id: r.id,
			topicId: r.topic_id,
			difficulty: r.difficulty,
			versionId: r.current_version_id!,
			minAge: requiredAge(fitOf(r)),
			group: r.exclusion_group
		}));
	});
}

type VersionRow = {
	id: number;
	question_id: number;
	kind: QuestionKind;
	stem: string;
	options_json: string;
	explanation: string;
	legal_ref: string;
};

function remember(rows: VersionRow[]): void {
	if (versionCache.size + rows.length > VERSION_CACHE_MAX) versionCache.clear();
	for (const r of rows)
		versionCache.set(r.id, {
			id: r.id,
			questionId: r.question_id,
			kind: r.kind,
			stem: r.stem,
			options: JSON.parse(r.options_json) as StoredOption[],
			explanation: r.explanation,
			legalRef: r.legal_ref
		});
}

function cachedVersions(versionIds: readonly number[]): Map<number, QuestionVersion> {
	const out = new Map<number, QuestionVersion>();
	for (const id of versionIds) {
		const v = versionCache.get(id);
		if (v) out.set(id, v);
	}
	return out;
}

/** Versions by id (callers must not mutate them: they are shared). */
export async function getVersions(db: Executor, versionIds: readonly number[]): Promise<Map<number, QuestionVersion>> {
	const missing = versionIds.filter((id) => !versionCache.has(id));
	if (missing.length)
		remember(
			await db
				.selectFrom('question_versions')
				.select(['id', 'question_id', 'kind', 'stem', 'options_json', 'explanation', 'legal_ref'])
				.where('id', 'in', missing)
				.execute()
		);
	return cachedVersions(versionIds);
}

/** The same, a statement program (the attempt lifecycle in service.ts). */
export function* getVersionsIn(c: Conn, versionIds: readonly number[]): Program<Map<number, QuestionVersion>> {
	const missing = versionIds.filter((id) => !versionCache.has(id));
	if (missing.length)
		remember(
			yield* c.all<VersionRow>(
				`select id, question_id, kind, stem, options_json, explanation, legal_ref from question_versions where id in (${valueList(missing.length)})`,
				...missing
			)
		);
	return cachedVersions(versionIds);
}

export async function countQuestions(db: Executor): Promise<number> {
	const r = await db
		.selectFrom('questions')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

/* ——— Bank authoring: list, find, history, versions, topics ——— */

export interface QuestionFilter {
	q?: string;
	topicId?: number | null;
	difficulty?: number | null;
	kind?: QuestionKind | null;
	status?: QuestionStatus | null;
	/** Only these questions (the item-writing warning filter computes them); an empty list: none. */
	ids?: readonly number[] | null;
}

function filtered(db: Executor, f: QuestionFilter) {
	let query = db.selectFrom('questions');
	const folded = f.q ? foldVietnamese(f.q) : '';
	if (folded) query = query.where(containsText(db, 'questions.stem_folded', folded));
	if (f.topicId) query = query.where('questions.topic_id', '=', f.topicId);
	if (f.difficulty) query = query.where('questions.difficulty', '=', f.difficulty);
	if (f.kind) query = query.where('questions.kind', '=', f.kind);
	if (f.status) query = query.where('questions.status', '=', f.status);
	if (f.ids) query = f.ids.length ? query.where('questions.id', 'in', [...f.ids]) : query.where('questions.id', '=', -1);
	return query;
}

export interface QuestionListItem {
	id: number;
	topicName: string;
	difficulty: number;
	kind: QuestionKind;
	status: QuestionStatus;
	stem: string;
	versionNo: number;
	updatedAt: number;
}

export async function listQuestions(
	db: Executor,
	f: QuestionFilter,
	page: { offset: number; limit: number }
): Promise<{ items: QuestionListItem[]; total: number }> {
	const [rows, count] = await Promise.all([
		filtered(db, f)
			.innerJoin('topics', 'topics.id', 'questions.topic_id')
			.innerJoin('question_versions as v', 'v.id', 'questions.current_version_id')
			.select([
				'questions.id',
				'topics.name as topic_name',
				'questions.difficulty',
				'questions.kind',
				'questions.status',
				'v.stem',
				'v.version_no',
				'questions.updated_at'
			])
			.orderBy('questions.id', 'desc')
			.offset(page.offset)
			.limit(page.limit)
			.execute(),
		filtered(db, f)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	return {
		total: Number(count.n),
		items: rows.map((r) => ({
			id: r.id,
			topicName: r.topic_name,
			difficulty: r.difficulty,
			kind: r.kind,
			status: r.status,
			stem: r.stem,
			versionNo: r.version_no,
			updatedAt: r.updated_at
		}))
	};
}

export interface QuestionDetail extends Omit<QuestionVersion, 'id' | 'questionId'> {
	id: number;
	topicId: number;
	difficulty: number;
	status: QuestionStatus;
	fit: QuestionFit;
	versionId: number;
	versionNo: number;
	updatedAt: number;
}

export async function findQuestion(db: Executor, id: number): Promise<QuestionDetail | undefined> {
	const r = await db
		.selectFrom('questions')
		.innerJoin('question_versions as v', 'v.id', 'questions.current_version_id')
		.select([
			'questions.id',
			'questions.topic_id',
			'questions.difficulty',
			'questions.status',
			'questions.updated_at',
			'questions.audience',
			'questions.min_age',
			'questions.exclusion_group',
			'v.id as version_id',
			'v.version_no',
			'v.kind',
			'v.stem',
			'v.options_json',
			'v.explanation',
			'v.legal_ref'
		])
		.where('questions.id', '=', id)
		.executeTakeFirst();
	if (!r) return undefined;
	return {
		id: r.id,
		topicId: r.topic_id,
		difficulty: r.difficulty,
		status: r.status,
		fit: fitOf(r),
		updatedAt: r.updated_at,
		versionId: r.version_id,
		versionNo: r.version_no,
		kind: r.kind,
		stem: r.stem,
		options: JSON.parse(r.options_json) as StoredOption[],
		explanation: r.explanation,
		legalRef: r.legal_ref
	};
}

export interface HistoryEntry extends QuestionVersion {
	versionNo: number;
	createdAt: number;
	usedIn: number;
}

/** Every version of a question, newest first, with how many attempts showed it. */
export async function listHistory(db: Executor, questionId: number): Promise<HistoryEntry[]> {
	const rows = await db
		.selectFrom('question_versions as v')
		.leftJoin('attempt_questions as aq', 'aq.question_version_id', 'v.id')
		.select(['v.id', 'v.question_id', 'v.version_no', 'v.kind', 'v.stem', 'v.options_json', 'v.explanation', 'v.legal_ref', 'v.created_at'])
		.select((eb) => eb.fn.count<number>('aq.attempt_id').as('used_in'))
		.where('v.question_id', '=', questionId)
		.groupBy('v.id')
		.orderBy('v.version_no', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		questionId: r.question_id,
		versionNo: r.version_no,
		kind: r.kind,
		stem: r.stem,
		options: JSON.parse(r.options_json) as StoredOption[],
		explanation: r.explanation,
		legalRef: r.legal_ref,
		createdAt: r.created_at,
		usedIn: Number(r.used_in)
	}));
}

export async function countAttemptUses(db: Executor, by: { questionId?: number; versionId?: number }): Promise<number> {
	let q = db.selectFrom('attempt_questions').select((eb) => eb.fn.countAll<number>().as('n'));
	if (by.questionId != null) q = q.where('question_id', '=', by.questionId);
	if (by.versionId != null) q = q.where('question_version_id', '=', by.versionId);
	return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * How many live hội thi games pinned this question (or version) — their results keep pointing at
 * it, like attempts (issue 14): such a question is not deleted and its version not overwritten.
 */
export async function countLiveUses(db: Executor, by: { questionId?: number; versionId?: number }): Promise<number> {
	let q = db.selectFrom('live_game_questions').select((eb) => eb.fn.count<number>('game_id').distinct().as('n'));
	if (by.questionId != null) q = q.where('question_id', '=', by.questionId);
	if (by.versionId != null) q = q.where('question_version_id', '=', by.versionId);
	return Number((await q.executeTakeFirstOrThrow()).n);
}

export interface VersionContent {
	kind: QuestionKind;
	stem: string;
	options: { text: string; correct: boolean }[];
	explanation: string;
	legalRef: string;
}

/** Appends version `versionNo` and makes it current. Versions are never updated afterwards. */
export async function insertVersion(
	db: Executor,
	questionId: number,
	versionNo: number,
	c: VersionContent,
	now = Date.now()
): Promise<number> {
	const options: StoredOption[] = c.options.map((o) => ({ id: optionId(), text: cleanText(o.text), correct: o.correct }));
	const v = await db
		.insertInto('question_versions')
		.values({
			question_id: questionId,
			version_no: versionNo,
			kind: c.kind,
			stem: cleanMultiline(c.stem),
			options_json: JSON.stringify(options),
			explanation: cleanMultiline(c.explanation),
			legal_ref: cleanText(c.legalRef),
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	invalidate(db, 'questions');
	return v.id;
}

/** Rewrites a version in place: only for a draft's version that no attempt has shown (see editing.ts). */
export async function overwriteVersion(db: Executor, versionId: number, c: VersionContent, now = Date.now()): Promise<void> {
	const options: StoredOption[] = c.options.map((o) => ({ id: optionId(), text: cleanText(o.text), correct: o.correct }));
	await db
		.updateTable('question_versions')
		.set({
			kind: c.kind,
			stem: cleanMultiline(c.stem),
			options_json: JSON.stringify(options),
			explanation: cleanMultiline(c.explanation),
			legal_ref: cleanText(c.legalRef),
			created_at: now
		})
		.where('id', '=', versionId)
		.execute();
	invalidate(db, 'questions', { versionId });
}

export async function updateQuestionRow(
	db: Executor,
	id: number,
	set: {
		topicId: number;
		difficulty: number;
		kind: QuestionKind;
		status: QuestionStatus;
		stem: string;
		currentVersionId: number;
		fit: QuestionFit;
	},
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('questions')
		.set({
			topic_id: set.topicId,
			difficulty: set.difficulty,
			kind: set.kind,
			status: set.status,
			stem_folded: foldVietnamese(set.stem),
			current_version_id: set.currentVersionId,
			updated_at: now,
			...fitColumns(set.fit)
		})
		.where('id', '=', id)
		.execute();
	invalidate(db, 'questions');
}

export async function setStatus(db: Executor, id: number, status: QuestionStatus, now = Date.now()): Promise<void> {
	await db.updateTable('questions').set({ status, updated_at: now }).where('id', '=', id).execute();
	invalidate(db, 'questions');
}

/** Deletes a question and its versions. Callers check first that no attempt used it (the FK would refuse anyway). */
export async function deleteQuestionRow(db: Executor, id: number): Promise<void> {
	await db.updateTable('questions').set({ current_version_id: null }).where('id', '=', id).execute();
	await db.deleteFrom('question_versions').where('question_id', '=', id).execute();
	await db.deleteFrom('questions').where('id', '=', id).execute();
	invalidate(db, 'questions');
}

/**
 * The bank's stems for duplicate detection on import: by `stemKey` (the same question) and by
 * `stemLookalikeKey` (differs only in diacritics: a warning). Keys are made with the same
 * functions as the file's, so the two sides always compare alike.
 */
export async function mapStems(db: Executor): Promise<{ exact: Map<string, number>; lookalike: Map<string, number> }> {
	const rows = await db
		.selectFrom('questions')
		.innerJoin('question_versions as v', 'v.id', 'questions.current_version_id')
		.select(['questions.id', 'questions.stem_folded', 'v.stem'])
		.orderBy('questions.id')
		.execute();
	const exact = new Map<string, number>();
	const lookalike = new Map<string, number>();
	for (const r of rows) {
		const k = stemKey(r.stem);
		if (!exact.has(k)) exact.set(k, r.id);
		if (!lookalike.has(r.stem_folded)) lookalike.set(r.stem_folded, r.id);
	}
	return { exact, lookalike };
}

/** Questions with their current version and topic, for export. */
export async function listForExport(db: Executor, f: QuestionFilter) {
	const rows = await filtered(db, f)
		.innerJoin('topics', 'topics.id', 'questions.topic_id')
		.innerJoin('question_versions as v', 'v.id', 'questions.current_version_id')
		.select([
			'questions.id',
			'topics.code',
			'topics.name',
			'questions.difficulty',
			'questions.status',
			'questions.audience',
			'questions.min_age',
			'questions.exclusion_group',
			'v.kind',
			'v.stem',
			'v.options_json',
			'v.explanation',
			'v.legal_ref'
		])
		.orderBy('questions.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		topicCode: r.code,
		topicName: r.name,
		difficulty: r.difficulty,
		status: r.status,
		fit: fitOf(r),
		kind: r.kind,
		stem: r.stem,
		options: JSON.parse(r.options_json) as StoredOption[],
		explanation: r.explanation,
		legalRef: r.legal_ref
	}));
}

export async function listTopicsWithCounts(db: Executor): Promise<(Topic & { questions: number; published: number })[]> {
	const rows = await db
		.selectFrom('topics')
		.leftJoin('questions', 'questions.topic_id', 'topics.id')
		.select(['topics.id', 'topics.code', 'topics.name'])
		.select((eb) => eb.fn.count<number>('questions.id').as('n'))
		.select(sql<number>`sum(case when questions.status = 'published' then 1 else 0 end)`.as('p'))
		.groupBy('topics.id')
		.orderBy('topics.name')
		.execute();
	return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, questions: Number(r.n), published: Number(r.p ?? 0) }));
}

export async function findTopicByCode(db: Executor, code: string): Promise<Topic | undefined> {
	return db.selectFrom('topics').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

export async function insertTopic(db: Executor, code: string, name: string): Promise<number> {
	const r = await db
		.insertInto('topics')
		.values({ code, name: cleanText(name) })
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

export async function renameTopic(db: Executor, id: number, name: string): Promise<void> {
	await db
		.updateTable('topics')
		.set({ name: cleanText(name) })
		.where('id', '=', id)
		.execute();
}

/** Deletes a topic without questions or quotas; returns false when something still uses it. */
export async function deleteTopic(db: Executor, id: number): Promise<boolean> {
	const [q, rq] = await Promise.all([
		db.selectFrom('questions').select('id').where('topic_id', '=', id).limit(1).executeTakeFirst(),
		db.selectFrom('round_quotas').select('id').where('topic_id', '=', id).limit(1).executeTakeFirst()
	]);
	if (q || rq) return false;
	await db.deleteFrom('topics').where('id', '=', id).execute();
	return true;
}
