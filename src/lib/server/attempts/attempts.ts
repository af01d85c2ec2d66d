import { sql } from 'kysely';
import { valueList, valueRows, type Conn, type Executor, type Program } from '../db';
import type { AttemptRow, QuestionKind } from '../db/types';
import { COUNTED } from '../leaderboards/counted';

/**
 * Queries for attempts, their drawn questions and saved answers. No contest rules here.
 * The ones the attempt lifecycle uses are statement programs (`Conn`, run inside `exclusive`):
 * they are the hot path when a round opens. Listings for pages use Kysely.
 */

export function* findAttempt(c: Conn, id: number): Program<AttemptRow | undefined> {
	return yield* c.get<AttemptRow>('select * from attempts where id = ?', id);
}

/**
 * The attempt, locked until the transaction ends: for the writes that depend on its status and
 * deadline (autosave, hand-in, expiry), so that on PostgreSQL a hand-in and an autosave of one
 * attempt cannot both act on the same open row (db Conn.getForUpdate).
 */
export function* lockAttempt(c: Conn, id: number): Program<AttemptRow | undefined> {
	return yield* c.getForUpdate<AttemptRow>('select * from attempts where id = ?', id);
}

const OPEN_ATTEMPT = "select * from attempts where round_id = ? and user_id = ? and status = 'open'";

export function* findOpenAttempt(c: Conn, roundId: number, userId: number): Program<AttemptRow | undefined> {
	return yield* c.get<AttemptRow>(OPEN_ATTEMPT, roundId, userId);
}

/** The person's open attempt in a round, locked like lockAttempt (a start expires or resumes it). */
export function* lockOpenAttempt(c: Conn, roundId: number, userId: number): Program<AttemptRow | undefined> {
	return yield* c.getForUpdate<AttemptRow>(OPEN_ATTEMPT, roundId, userId);
}

export function* countUserAttempts(c: Conn, roundId: number, userId: number): Program<number> {
	const row = yield* c.get<{ n: number | null }>(
		'select max(attempt_no) as n from attempts where round_id = ? and user_id = ?',
		roundId,
		userId
	);
	return row?.n ?? 0;
}

export function* insertAttempt(
	c: Conn,
	a: {
		roundId: number;
		userId: number;
		attemptNo: number;
		startedAt: number;
		deadlineAt: number;
		total: number;
		/** The form's expected score, thousandths of a point of 10 (forms.ts toStored). */
		expectedScore?: number | null;
	}
): Program<number> {
	return yield* c.insert(
		"insert into attempts (round_id, user_id, attempt_no, status, started_at, deadline_at, total, expected_score) values (?, ?, ?, 'open', ?, ?, ?, ?)",
		a.roundId,
		a.userId,
		a.attemptNo,
		a.startedAt,
		a.deadlineAt,
		a.total,
		a.expectedScore ?? null
	);
}

/** The drawn questions, in one statement (one round trip on PostgreSQL). */
export function* insertAttemptQuestions(
	c: Conn,
	rows: { attemptId: number; position: number; questionId: number; versionId: number; optionOrder: string[] }[]
): Program<void> {
	if (rows.length === 0) return;
	const params: unknown[] = [];
	for (const r of rows) params.push(r.attemptId, r.position, r.questionId, r.versionId, JSON.stringify(r.optionOrder));
	yield* c.run(
		'insert into attempt_questions (attempt_id, position, question_id, question_version_id, option_order_json) values ' +
			valueRows(rows.length, 5),
		...params
	);
}

export function* listAttemptQuestions(
	c: Conn,
	attemptId: number
): Program<{ position: number; questionId: number; versionId: number; optionOrder: string[] }[]> {
	const rows = yield* c.all<{ position: number; question_id: number; question_version_id: number; option_order_json: string }>(
		'select position, question_id, question_version_id, option_order_json from attempt_questions where attempt_id = ? order by position',
		attemptId
	);
	return rows.map((r) => ({
		position: r.position,
		questionId: r.question_id,
		versionId: r.question_version_id,
		optionOrder: JSON.parse(r.option_order_json) as string[]
	}));
}

export function* listAnswers(c: Conn, attemptId: number): Program<Map<number, string[]>> {
	const rows = yield* c.all<{ question_id: number; option_ids_json: string }>(
		'select question_id, option_ids_json from attempt_answers where attempt_id = ?',
		attemptId
	);
	return new Map(rows.map((r) => [r.question_id, JSON.parse(r.option_ids_json) as string[]]));
}

/**
 * Upsert: saving the same answer twice is harmless (autosave retries). The same statement keeps
 * the first save time and counts real changes (0008), which the fairness report reads.
 */
export function* upsertAnswer(c: Conn, attemptId: number, questionId: number, optionIds: string[], now: number): Program<void> {
	yield* c.run(
		`insert into attempt_answers (attempt_id, question_id, option_ids_json, saved_at, first_saved_at, changes) values (?, ?, ?, ?, ?, 0)
		on conflict (attempt_id, question_id) do update set
			changes = coalesce(attempt_answers.changes, 0) + case when attempt_answers.option_ids_json <> excluded.option_ids_json then 1 else 0 end,
			option_ids_json = excluded.option_ids_json, saved_at = excluded.saved_at`,
		attemptId,
		questionId,
		JSON.stringify(optionIds),
		now,
		now
	);
}

/** Closes an open attempt; returns false when it was already closed (someone else won the race). */
export function* closeAttempt(
	c: Conn,
	id: number,
	x: {
		status: 'submitted' | 'expired';
		submittedAt: number;
		durationMs: number;
		score: number;
		correct: number;
		prediction: number | null;
	}
): Program<boolean> {
	const r = yield* c.run(
		"update attempts set status = ?, submitted_at = ?, duration_ms = ?, score = ?, correct_count = ?, prediction = ? where id = ? and status = 'open'",
		x.status,
		x.submittedAt,
		x.durationMs,
		x.score,
		x.correct,
		x.prediction,
		id
	);
	return r.changes === 1;
}

/** Records which drawn questions were answered correctly (knowledge-gap map, item analysis). */
export function* markQuestionsCorrect(c: Conn, attemptId: number, correctQuestionIds: readonly number[]): Program<void> {
	if (correctQuestionIds.length === 0) {
		yield* c.run('update attempt_questions set correct = 0 where attempt_id = ?', attemptId);
		return;
	}
	yield* c.run(
		`update attempt_questions set correct = case when question_id in (${valueList(correctQuestionIds.length)}) then 1 else 0 end where attempt_id = ?`,
		...correctQuestionIds,
		attemptId
	);
}

export function* listOverdueAttemptIds(c: Conn, before: number, limit = 500): Program<number[]> {
	const rows = yield* c.all<{ id: number }>("select id from attempts where status = 'open' and deadline_at < ? limit ?", before, limit);
	return rows.map((r) => r.id);
}

/** One drawn question of an attempt with its kind: all an autosave needs to validate a choice. */
export function* findAttemptItem(
	c: Conn,
	attemptId: number,
	questionId: number
): Program<{ optionOrder: string[]; kind: QuestionKind } | undefined> {
	const row = yield* c.get<{ option_order_json: string; kind: QuestionKind }>(
		`select aq.option_order_json, qv.kind from attempt_questions aq
		join question_versions qv on qv.id = aq.question_version_id
		where aq.attempt_id = ? and aq.question_id = ?`,
		attemptId,
		questionId
	);
	return row && { optionOrder: JSON.parse(row.option_order_json) as string[], kind: row.kind };
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

/** Per round, one person's attempts used and whether one is open: Map(roundId → { used, open }). */
export async function userAttemptsByRound(db: Executor, userId: number): Promise<Map<number, { used: number; open: boolean }>> {
	const rows = await db
		.selectFrom('attempts')
		.select(['round_id'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.select(sql<number>`max(case when status = 'open' then 1 else 0 end)`.as('open'))
		.where('user_id', '=', userId)
		.groupBy('round_id')
		.execute();
	return new Map(rows.map((m) => [m.round_id, { used: Number(m.n), open: Number(m.open) === 1 }]));
}

/**
 * Per question, over every counted attempt of every round: times shown and answered correctly —
 * the facility the equal-forms draw uses (forms.ts). A scan of all graded answers: read in the
 * background on the report worker, never on an attempt's start.
 */
export async function listQuestionFacility(db: Executor): Promise<{ questionId: number; shown: number; correct: number }[]> {
	const r = await sql<{ question_id: number; n: number; c: number }>`
		select aq.question_id, count(*) as n, sum(aq.correct) as c
		from attempts a join users u on u.id = a.user_id
		join attempt_questions aq on aq.attempt_id = a.id
		where ${COUNTED} and aq.correct is not null
		group by aq.question_id`.execute(db);
	return r.rows.map((x) => ({ questionId: x.question_id, shown: Number(x.n), correct: Number(x.c) }));
}
