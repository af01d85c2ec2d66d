import type { Executor } from '../db';
import type { AttemptRow, QuestionKind } from '../db/types';

/** Queries for attempts, their drawn questions and saved answers. No contest rules here. */

export async function findAttempt(db: Executor, id: number): Promise<AttemptRow | undefined> {
	return db.selectFrom('attempts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOpenAttempt(db: Executor, roundId: number, userId: number): Promise<AttemptRow | undefined> {
	return db
		.selectFrom('attempts')
		.selectAll()
		.where('round_id', '=', roundId)
		.where('user_id', '=', userId)
		.where('status', '=', 'open')
		.executeTakeFirst();
}

export async function countUserAttempts(db: Executor, roundId: number, userId: number): Promise<number> {
	const r = await db
		.selectFrom('attempts')
		.select((eb) => eb.fn.max<number | null>('attempt_no').as('n'))
		.where('round_id', '=', roundId)
		.where('user_id', '=', userId)
		.executeTakeFirstOrThrow();
	return Number(r.n ?? 0);
}

export async function insertAttempt(
	db: Executor,
	a: { roundId: number; userId: number; attemptNo: number; startedAt: number; deadlineAt: number; total: number }
): Promise<number> {
	const r = await db
		.insertInto('attempts')
		.values({
			round_id: a.roundId,
			user_id: a.userId,
			attempt_no: a.attemptNo,
			status: 'open',
			started_at: a.startedAt,
			deadline_at: a.deadlineAt,
			total: a.total
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

export async function insertAttemptQuestions(
	db: Executor,
	rows: { attemptId: number; position: number; questionId: number; versionId: number; optionOrder: string[] }[]
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('attempt_questions')
		.values(
			rows.map((r) => ({
				attempt_id: r.attemptId,
				position: r.position,
				question_id: r.questionId,
				question_version_id: r.versionId,
				option_order_json: JSON.stringify(r.optionOrder)
			}))
		)
		.execute();
}

export async function listAttemptQuestions(
	db: Executor,
	attemptId: number
): Promise<{ position: number; questionId: number; versionId: number; optionOrder: string[] }[]> {
	const rows = await db
		.selectFrom('attempt_questions')
		.select(['position', 'question_id', 'question_version_id', 'option_order_json'])
		.where('attempt_id', '=', attemptId)
		.orderBy('position')
		.execute();
	return rows.map((r) => ({
		position: r.position,
		questionId: r.question_id,
		versionId: r.question_version_id,
		optionOrder: JSON.parse(r.option_order_json) as string[]
	}));
}

export async function listAnswers(db: Executor, attemptId: number): Promise<Map<number, string[]>> {
	const rows = await db
		.selectFrom('attempt_answers')
		.select(['question_id', 'option_ids_json'])
		.where('attempt_id', '=', attemptId)
		.execute();
	return new Map(rows.map((r) => [r.question_id, JSON.parse(r.option_ids_json) as string[]]));
}

/** Upsert: saving the same answer twice is harmless (autosave retries). */
export async function upsertAnswer(db: Executor, attemptId: number, questionId: number, optionIds: string[], now: number): Promise<void> {
	const json = JSON.stringify(optionIds);
	await db
		.insertInto('attempt_answers')
		.values({ attempt_id: attemptId, question_id: questionId, option_ids_json: json, saved_at: now })
		.onConflict((oc) => oc.columns(['attempt_id', 'question_id']).doUpdateSet({ option_ids_json: json, saved_at: now }))
		.execute();
}

/** Closes an open attempt; returns false when it was already closed (someone else won the race). */
export async function closeAttempt(
	db: Executor,
	id: number,
	c: {
		status: 'submitted' | 'expired';
		submittedAt: number;
		durationMs: number;
		score: number;
		correct: number;
		prediction: number | null;
	}
): Promise<boolean> {
	const r = await db
		.updateTable('attempts')
		.set({
			status: c.status,
			submitted_at: c.submittedAt,
			duration_ms: c.durationMs,
			score: c.score,
			correct_count: c.correct,
			prediction: c.prediction
		})
		.where('id', '=', id)
		.where('status', '=', 'open')
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** Records which drawn questions were answered correctly (knowledge-gap map, item analysis). */
export async function markQuestionsCorrect(db: Executor, attemptId: number, correctQuestionIds: readonly number[]): Promise<void> {
	await db
		.updateTable('attempt_questions')
		.set((eb) => ({
			correct: correctQuestionIds.length === 0 ? eb.lit(0) : eb.case().when('question_id', 'in', [...correctQuestionIds]).then(1).else(0).end()
		}))
		.where('attempt_id', '=', attemptId)
		.execute();
}

export async function listOverdueAttemptIds(db: Executor, before: number, limit = 500): Promise<number[]> {
	const rows = await db
		.selectFrom('attempts')
		.select('id')
		.where('status', '=', 'open')
		.where('deadline_at', '<', before)
		.limit(limit)
		.execute();
	return rows.map((r) => r.id);
}

export async function listUserAttempts(db: Executor, userId: number) {
	return db
		.selectFrom('attempts')
		.innerJoin('rounds', 'rounds.id', 'attempts.round_id')
		.innerJoin('contests', 'contests.id', 'rounds.contest_id')
		.select([
			'attempts.id',
			'attempts.round_id',
			'attempts.attempt_no',
			'attempts.status',
			'attempts.started_at',
			'attempts.deadline_at',
			'attempts.submitted_at',
			'attempts.duration_ms',
			'attempts.score',
			'attempts.correct_count',
			'attempts.total',
			'attempts.disqualified_at',
			'rounds.title as round_title',
			'contests.title as contest_title'
		])
		.where('attempts.user_id', '=', userId)
		.orderBy('attempts.started_at', 'desc')
		.limit(200)
		.execute();
}

/** Attempts used per round by one person: Map(roundId → count). */
export async function countUserAttemptsByRound(db: Executor, userId: number): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('attempts')
		.select(['round_id'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', userId)
		.groupBy('round_id')
		.execute();
	return new Map(rows.map((m) => [m.round_id, Number(m.n)]));
}

/** One drawn question of an attempt with its kind: all an autosave needs to validate a choice. */
export async function findAttemptItem(
	db: Executor,
	attemptId: number,
	questionId: number
): Promise<{ optionOrder: string[]; kind: QuestionKind } | undefined> {
	const row = await db
		.selectFrom('attempt_questions')
		.innerJoin('question_versions', 'question_versions.id', 'attempt_questions.question_version_id')
		.select(['attempt_questions.option_order_json', 'question_versions.kind'])
		.where('attempt_questions.attempt_id', '=', attemptId)
		.where('attempt_questions.question_id', '=', questionId)
		.executeTakeFirst();
	return row && { optionOrder: JSON.parse(row.option_order_json) as string[], kind: row.kind };
}
