import { randomInt } from 'node:crypto';
import { exclusive, getDb, withConn, type Conn, type Db, type Program } from '../db';
import type { AttemptRow, QuestionKind } from '../db/types';
import { isUniqueViolation } from '../db/errors';
import { config } from '../config';
import { invalidate } from '../cache';
import * as contests from '../contests/contests';
import * as questions from '../questions/questions';
import * as repo from './attempts';
import * as roundBest from '../leaderboards/round-best';
import { acceptsWrites, attemptDeadline, countedDuration, isOverdue } from './deadline';
import { roundPhase } from '../../contests/phase';
import { DrawError, drawForm, shuffle, takerAge, type Form, type PoolItem, type Rng } from '../questions/draw';
import { toStored } from '../questions/forms';
import { balanceFor } from './forms';
import { findBirthDateIn } from '../users/users';
import { isAnswerCorrect, scoreSheet, validateChoice } from './scoring';
import * as events from '../auth/access-events';
import type { Fingerprint } from '../auth/fingerprint';

/**
 * The attempt lifecycle: start (or resume), autosave, submit, expire. Every state change runs in
 * one transaction; the database's unique indexes (one open attempt per person and round,
 * unique attempt numbers) are the last line of defence against races.
 */

export const cryptoRng: Rng = () => randomInt(0, 2 ** 32) / 2 ** 32;

export interface AttemptQuestionView {
	id: number;
	kind: QuestionKind;
	stem: string;
	options: { id: string; text: string }[];
	answer: string[];
}

export interface AttemptView {
	attemptId: number;
	deadline: string;
	serverNow: string;
	questions: AttemptQuestionView[];
}

export interface AttemptResult {
	score: number;
	correct: number;
	total: number;
	durationMs: number;
	submittedAt: string;
	attemptNo: number;
}

export type ServiceError = { ok: false; status: 400 | 404 | 409; message: string };
/** Refused by a rate limit for `waitMs` (Retry-After); nothing else was done. */
export type Throttled = { ok: false; status: 429; waitMs: number };
/**
 * A rate limit charged first thing inside the attempt's own write transaction (api/endpoints.ts):
 * the ms to wait (the request is refused), or 0. One commit carries the charge and the write.
 */
export type Charge = (c: Conn) => Program<number>;

function* throttled(c: Conn, charge: Charge | undefined): Program<Throttled | null> {
	const waitMs = charge ? yield* charge(c) : 0;
	return waitMs > 0 ? { ok: false, status: 429, waitMs } : null;
}
type Ok<T> = { ok: true } & T;

const fail = (status: 400 | 404 | 409, message: string): ServiceError => ({ ok: false, status, message });

const grace = () => config().ANSWER_GRACE_MS;

/** The questions as the participant sees them: shuffled options, no correctness, saved answers. */
function* viewOf(c: Conn, attempt: AttemptRow, now: number): Program<AttemptView> {
	const items = yield* repo.listAttemptQuestions(c, attempt.id);
	const versions = yield* questions.getVersionsIn(
		c,
		items.map((i) => i.versionId)
	);
	return buildView(attempt.id, attempt.deadline_at, now, items, versions, yield* repo.listAnswers(c, attempt.id));
}

function buildView(
	attemptId: number,
	deadlineAt: number,
	now: number,
	items: { questionId: number; versionId: number; optionOrder: string[] }[],
	versions: Map<number, questions.QuestionVersion>,
	answers: Map<number, string[]>
): AttemptView {
	return {
		attemptId,
		deadline: new Date(deadlineAt).toISOString(),
		serverNow: new Date(now).toISOString(),
		questions: items.map((it) => {
			const v = versions.get(it.versionId)!;
			const byId = new Map(v.options.map((o) => [o.id, o]));
			return {
				id: it.questionId,
				kind: v.kind,
				stem: v.stem,
				options: it.optionOrder.map((id) => ({ id, text: byId.get(id)!.text })),
				answer: answers.get(it.questionId) ?? []
			};
		})
	};
}

function resultOf(
	a: Pick<AttemptRow, 'score' | 'correct_count' | 'total' | 'duration_ms' | 'submitted_at' | 'deadline_at' | 'attempt_no'>
): AttemptResult {
	return {
		score: a.score ?? 0,
		correct: a.correct_count ?? 0,
		total: a.total,
		durationMs: a.duration_ms ?? 0,
		submittedAt: new Date(a.submitted_at ?? a.deadline_at).toISOString(),
		attemptNo: a.attempt_no
	};
}

/**
 * Scores an open attempt on its saved answers and closes it. Idempotent through `status = 'open'`.
 * Runs inside `exclusive` on a row its caller read in the same transaction with a lock (lockAttempt,
 * lockOpenAttempt: on SQLite nothing else writes meanwhile, on PostgreSQL the row is locked), so the
 * row it was given is still the row in the database: no need to read it back.
 */
function* finalize(
	c: Conn,
	attempt: AttemptRow,
	opts: { status: 'submitted' | 'expired'; at: number; prediction: number | null }
): Program<AttemptRow> {
	const items = yield* repo.listAttemptQuestions(c, attempt.id);
	const answers = yield* repo.listAnswers(c, attempt.id);
	const versions = yield* questions.getVersionsIn(
		c,
		items.map((i) => i.versionId)
	);
	const graded = items.map((it) => {
		const v = versions.get(it.versionId)!;
		return { questionId: it.questionId, kind: v.kind, options: v.options, chosen: answers.get(it.questionId) ?? null };
	});
	const sheet = scoreSheet(graded);
	// An expired attempt counts as handed in at its deadline, not when someone noticed.
	const submittedAt = opts.status === 'expired' ? attempt.deadline_at : Math.min(opts.at, attempt.deadline_at + grace());
	const closing = {
		status: opts.status,
		submittedAt,
		durationMs: countedDuration(attempt.started_at, submittedAt, attempt.deadline_at),
		score: sheet.score,
		correct: sheet.correct,
		prediction: opts.prediction
	};
	if (!(yield* repo.closeAttempt(c, attempt.id, closing))) return (yield* repo.findAttempt(c, attempt.id))!;
	yield* repo.markQuestionsCorrect(
		c,
		attempt.id,
		graded.filter((g) => g.chosen && isAnswerCorrect(g.kind, g.options, g.chosen)).map((g) => g.questionId)
	);
	yield* roundBest.offerAttempt(c, attempt.id);
	// After the commit, the person's own rank (and the round's top list if the result belongs in it).
	invalidate(c, 'scored', {
		roundId: attempt.round_id,
		userId: attempt.user_id,
		result: { score: closing.score, prediction: closing.prediction, durationMs: closing.durationMs, submittedAt }
	});
	return {
		...attempt,
		status: opts.status,
		submitted_at: submittedAt,
		duration_ms: closing.durationMs,
		score: closing.score,
		correct_count: closing.correct,
		prediction: closing.prediction
	};
}

/**
 * Starts an attempt or resumes the open one. Two racing starts of one person cannot both insert
 * (partial unique index attempts_one_open; unique attempt numbers): the loser's transaction
 * fails on the index and is run once more, where it finds and resumes the winner's attempt.
 * `origin` (keyed hashes of device and IP) is stored with a new attempt for the fairness report.
 */
export async function startOrResume(
	db: Db,
	userId: number,
	roundId: number,
	now = Date.now(),
	rng: Rng = cryptoRng,
	origin: Fingerprint | null = null,
	opts: { resumeOnly?: boolean; charge?: Charge } = {}
): Promise<Ok<{ resumed: boolean; view: AttemptView }> | ServiceError | Throttled> {
	// The published pool is cached (questions.ts); read it before taking the connection.
	const pool = await questions.listDrawPool(db);
	// A retry after a lost race charges again: the first transaction, charge included, was rolled back.
	const once = () =>
		exclusive(db, (c) => startOrResumeOnce(c, db, opts.charge, pool, userId, roundId, now, rng, origin, opts.resumeOnly ?? false));
	try {
		return await once();
	} catch (e) {
		if (!isUniqueViolation(e)) throw e;
		return once();
	}
}

function* startOrResumeOnce(
	c: Conn,
	db: Db,
	charge: Charge | undefined,
	pool: (PoolItem & { versionId: number })[],
	userId: number,
	roundId: number,
	now: number,
	rng: Rng,
	origin: Fingerprint | null,
	resumeOnly: boolean
): Program<Ok<{ resumed: boolean; view: AttemptView }> | ServiceError | Throttled> {
	const refused = yield* throttled(c, charge);
	if (refused) return refused;
	const found = yield* contests.findRoundForAttempt(c, roundId);
	if (!found || found.contestStatus !== 'published') return fail(404, 'Không tìm thấy đợt thi.');
	const { round, quotas } = found;
	const phase = roundPhase(round, now);

	let open = yield* repo.lockOpenAttempt(c, roundId, userId);
	if (open && isOverdue(now, open.deadline_at, grace())) {
		yield* finalize(c, open, { status: 'expired', at: now, prediction: null });
		open = undefined;
	}
	if (open) return { ok: true, resumed: true, view: yield* viewOf(c, open, now) };
	// The attempt page resumes on its own but never starts a new attempt unasked (issue 17).
	if (resumeOnly) return fail(409, NOTHING_TO_RESUME);

	if (phase === 'upcoming') return fail(409, 'Đợt thi chưa mở. Vui lòng quay lại khi đợt thi bắt đầu.');
	if (phase === 'closed') return fail(409, 'Đợt thi đã kết thúc.');
	const used = yield* repo.countUserAttempts(c, roundId, userId);
	if (used >= round.maxAttempts) return fail(409, `Bạn đã dùng hết ${round.maxAttempts} lượt thi của đợt này.`);

	// Only questions fit for the person's age on the day the round opens (no birth date: fit for
	// everyone), one per exclusion group, and a form whose expected score is within the round's
	// band around its mean (issue 15 items 3, 4 and 6). The facility map is read in the background.
	const age = takerAge(yield* findBirthDateIn(c, userId), round.opensAt);
	let form: Form;
	try {
		form = drawForm(pool, quotas, round.questionCount, rng, {
			age,
			balance: balanceFor(db, pool, quotas, round.questionCount, round.formBand, now)
		});
	} catch (e) {
		if (e instanceof DrawError) return fail(409, 'Đợt thi chưa sẵn sàng: ' + e.message);
		throw e;
	}
	const picked = form.ids;
	const versionOf = new Map(pool.map((p) => [p.id, p.versionId]));
	const versions = yield* questions.getVersionsIn(
		c,
		picked.map((id) => versionOf.get(id)!)
	);
	const deadlineAt = attemptDeadline(now, round.timeLimitSeconds, round.closesAt);
	const attemptId = yield* repo.insertAttempt(c, {
		roundId,
		userId,
		attemptNo: used + 1,
		startedAt: now,
		deadlineAt,
		total: picked.length,
		expectedScore: form.expected == null ? null : toStored(form.expected)
	});
	const items = picked.map((qid, i) => {
		const v = versions.get(versionOf.get(qid)!)!;
		return {
			attemptId,
			position: i + 1,
			questionId: qid,
			versionId: v.id,
			optionOrder: shuffle(
				v.options.map((o) => o.id),
				rng
			)
		};
	});
	yield* repo.insertAttemptQuestions(c, items);
	if (origin) yield* events.recordEventIn(c, { kind: 'attempt_start', userId, at: now, roundId, attemptId, ...origin });
	// Everything the view needs is in hand: no need to read back what was just written.
	return { ok: true, resumed: false, view: buildView(attemptId, deadlineAt, now, items, versions, new Map()) };
}

/** The answer of a resume-only start when the person has no attempt in progress. */
const NOTHING_TO_RESUME = 'Bạn không có lượt thi nào đang làm dở trong đợt này.';

/**
 * Where a person stands in a round, for the attempt page before it starts anything: whether an
 * attempt is in progress (one past its deadline and grace is not: it is closed on the next
 * access), and how many of the round's attempts are used. A read; it changes nothing.
 */
export function attemptStanding(userId: number, roundId: number, now = Date.now()): Promise<{ inProgress: boolean; used: number }> {
	return withConn(getDb(), (c) => standing(c, userId, roundId, now));
}

function* standing(c: Conn, userId: number, roundId: number, now: number): Program<{ inProgress: boolean; used: number }> {
	const open = yield* repo.findOpenAttempt(c, roundId, userId);
	return {
		inProgress: open != null && !isOverdue(now, open.deadline_at, grace()),
		used: yield* repo.countUserAttempts(c, roundId, userId)
	};
}

export function saveAnswer(
	db: Db,
	userId: number,
	attemptId: number,
	questionId: number,
	optionIds: string[],
	now = Date.now(),
	charge?: Charge
): Promise<{ ok: true } | ServiceError | Throttled> {
	return exclusive(db, (c) => saveAnswerOnce(c, charge, userId, attemptId, questionId, optionIds, now));
}

function* saveAnswerOnce(
	c: Conn,
	charge: Charge | undefined,
	userId: number,
	attemptId: number,
	questionId: number,
	optionIds: string[],
	now: number
): Program<{ ok: true } | ServiceError | Throttled> {
	const refused = yield* throttled(c, charge);
	if (refused) return refused;
	const attempt = yield* repo.lockAttempt(c, attemptId);
	// Someone else's attempt is indistinguishable from a missing one.
	if (!attempt || attempt.user_id !== userId) return fail(404, 'Không tìm thấy lượt thi.');
	if (attempt.status !== 'open') return fail(409, 'Bài thi đã được nộp, không thể sửa câu trả lời.');
	if (!acceptsWrites(now, attempt.deadline_at, grace())) {
		yield* finalize(c, attempt, { status: 'expired', at: now, prediction: null });
		return fail(409, 'Đã hết giờ làm bài. Câu trả lời này không được ghi nhận.');
	}
	const item = yield* repo.findAttemptItem(c, attemptId, questionId);
	if (!item) return fail(400, 'Câu hỏi không thuộc lượt thi này.');
	const problem = validateChoice(item.kind, item.optionOrder, optionIds);
	if (problem) return fail(400, problem);
	yield* repo.upsertAnswer(c, attemptId, questionId, optionIds, now);
	return { ok: true };
}

export function submit(
	db: Db,
	userId: number,
	attemptId: number,
	prediction: number | null,
	now = Date.now(),
	charge?: Charge
): Promise<Ok<{ result: AttemptResult }> | ServiceError | Throttled> {
	return exclusive(db, (c) => submitOnce(c, charge, userId, attemptId, prediction, now));
}

function* submitOnce(
	c: Conn,
	charge: Charge | undefined,
	userId: number,
	attemptId: number,
	prediction: number | null,
	now: number
): Program<Ok<{ result: AttemptResult }> | ServiceError | Throttled> {
	const refused = yield* throttled(c, charge);
	if (refused) return refused;
	const attempt = yield* repo.lockAttempt(c, attemptId);
	if (!attempt || attempt.user_id !== userId) return fail(404, 'Không tìm thấy lượt thi.');
	// Fairness rule 3: a repeated submit returns the stored result, never re-scores.
	if (attempt.status !== 'open') return { ok: true, result: resultOf(attempt) };
	if (isOverdue(now, attempt.deadline_at, grace()))
		return { ok: true, result: resultOf(yield* finalize(c, attempt, { status: 'expired', at: now, prediction: null })) };
	const round = yield* c.get<{ k: string | null }>('select prediction_kind as k from rounds where id = ?', attempt.round_id);
	const predictionKind = round?.k ?? null;
	// The prediction is required while there is time to type it; an automatic hand-in at the
	// deadline (within the grace) goes through without it rather than losing the answers.
	if (predictionKind && prediction == null && now <= attempt.deadline_at)
		return fail(400, 'Vui lòng trả lời câu hỏi dự đoán trước khi nộp bài.');
	const closed = yield* finalize(c, attempt, { status: 'submitted', at: now, prediction: predictionKind ? prediction : null });
	return { ok: true, result: resultOf(closed) };
}

/** Closes attempts whose deadline (plus grace) has passed; run periodically and lazily. */
export async function expireOverdue(db: Db, now = Date.now()): Promise<number> {
	const ids = await withConn(db, (c) => repo.listOverdueAttemptIds(c, now - grace()));
	let n = 0;
	for (const id of ids) {
		if (await exclusive(db, (c) => expireOne(c, id, now))) n++;
	}
	return n;
}

/** Closes one overdue attempt if it is still open; whether it did. */
function* expireOne(c: Conn, id: number, now: number): Program<boolean> {
	const a = yield* repo.lockAttempt(c, id);
	if (!a || a.status !== 'open') return false;
	yield* finalize(c, a, { status: 'expired', at: now, prediction: null });
	return true;
}

function* sheetOf(c: Conn, attemptId: number) {
	return { items: yield* repo.listAttemptQuestions(c, attemptId), answers: yield* repo.listAnswers(c, attemptId) };
}

export interface ReviewItem {
	position: number;
	stem: string;
	kind: QuestionKind;
	options: { id: string; text: string; chosen: boolean; correct: boolean | null }[];
	isCorrect: boolean | null;
	explanation: string | null;
	legalRef: string | null;
}

/**
 * The result page of one attempt, for its owner. Correct answers and explanations are included
 * only when the round's reveal policy allows it at `now`.
 */
export async function getResult(userId: number, attemptId: number, now = Date.now()) {
	const db = getDb();
	const attempt = await withConn(db, (c) => repo.findAttempt(c, attemptId));
	if (!attempt || attempt.user_id !== userId) return null;
	if (attempt.status === 'open' && isOverdue(now, attempt.deadline_at, grace())) {
		await expireOverdue(db, now);
		return getResult(userId, attemptId, now);
	}
	const round = (await contests.findRound(db, attempt.round_id))!;
	const contest = (await contests.findContest(db, round.contestId))!;
	const finished = attempt.status !== 'open';
	const phase = roundPhase(round, now);
	const reveal = finished && (round.revealPolicy === 'after_submit' || phase === 'closed');
	const { items, answers } = await withConn(db, (c) => sheetOf(c, attemptId));
	const versions = await questions.getVersions(
		db,
		items.map((i) => i.versionId)
	);
	const review: ReviewItem[] = finished
		? items.map((it) => {
				const v = versions.get(it.versionId)!;
				const chosen = new Set(answers.get(it.questionId) ?? []);
				const byId = new Map(v.options.map((o) => [o.id, o]));
				const sheet = scoreSheet([{ kind: v.kind, options: v.options, chosen: [...chosen] }]);
				return {
					position: it.position,
					stem: v.stem,
					kind: v.kind,
					options: it.optionOrder.map((id) => ({
						id,
						text: byId.get(id)!.text,
						chosen: chosen.has(id),
						correct: reveal ? byId.get(id)!.correct : null
					})),
					isCorrect: reveal ? sheet.correct === 1 : null,
					explanation: reveal ? v.explanation : null,
					legalRef: reveal ? v.legalRef : null
				};
			})
		: [];
	return {
		attempt: {
			id: attempt.id,
			status: attempt.status,
			attemptNo: attempt.attempt_no,
			startedAt: attempt.started_at,
			deadlineAt: attempt.deadline_at,
			submittedAt: attempt.submitted_at,
			durationMs: attempt.duration_ms,
			score: attempt.score,
			correct: attempt.correct_count,
			total: attempt.total,
			prediction: attempt.prediction,
			disqualified: attempt.disqualified_at != null
		},
		round: {
			id: round.id,
			title: round.title,
			closesAt: round.closesAt,
			revealPolicy: round.revealPolicy,
			maxAttempts: round.maxAttempts,
			predictionQuestion: round.predictionQuestion,
			phase
		},
		contest: { id: contest.id, title: contest.title },
		reveal,
		review
	};
}

/** A person's own attempts, newest first (at most 200), for “Kết quả của tôi”. */
export function listMyAttempts(userId: number) {
	return repo.listUserAttempts(getDb(), userId);
}

/** Per round, how many attempts a person used and whether one is in progress (the home page). */
export function attemptsByRound(userId: number) {
	return repo.userAttemptsByRound(getDb(), userId);
}
