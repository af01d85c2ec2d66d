import { getDb, type Db } from '../db';
import { config } from '../config';
import * as questions from '../questions/questions';
import { fitsAge, takerAge } from '../questions/draw';
import { findBirthDate } from '../users/users';
import { isAnswerCorrect, validateChoice } from '../attempts/scoring';
import { cryptoRng } from '../attempts/service';
import { charge, practiceByIp, practiceByPerson } from '../auth/limits';
import type { Fingerprint } from '../auth/fingerprint';
import type { QuestionKind } from '../db/types';
import * as repo from './queries';
import { buildKnowledgeMap, type KnowledgeRow } from './knowledge';
import {
	drawPracticeQuestion,
	hiddenFromPractice,
	nextToken,
	optionOrder,
	practicePool,
	readToken,
	signToken,
	type PracticeToken
} from './practice';

/**
 * Practice (ôn tập) and the personal knowledge map. Practice never touches attempts: answers of
 * logged-in people go to practice_answers, which only the knowledge map reads; anonymous practice
 * leaves nothing but a rate-limit charge.
 */

const secret = () => config().HASH_SECRET;

export interface PracticeTopic {
	id: number;
	name: string;
	/** questions practice may draw now */
	available: number;
	/** published questions kept out because an open round could draw them */
	hidden: number;
}

async function poolAndHidden(db: Db, now: number) {
	const [pool, openRounds] = await Promise.all([questions.listDrawPool(db), repo.listRoundsHidingPractice(db, now)]);
	return { pool, hidden: hiddenFromPractice(pool, openRounds) };
}

/**
 * The practising person's age today, for the questions fit for it (as a round draws): anonymous
 * practice and a person without a birth date get 0, only questions fit for everyone.
 */
async function practiceAge(db: Db, userId: number | null, now: number): Promise<number> {
	return userId == null ? 0 : takerAge(await findBirthDate(db, userId), now);
}

/** The topics with what practice may draw from each now, for this person (null: anonymous). */
export async function practiceTopics(userId: number | null, now = Date.now()): Promise<PracticeTopic[]> {
	const db = getDb();
	const [topics, { pool, hidden }, age] = await Promise.all([
		questions.listTopics(db),
		poolAndHidden(db, now),
		practiceAge(db, userId, now)
	]);
	return topics.map((t) => {
		// Published questions fit for the person's age; those an open round keeps out are `hidden`.
		const published = pool.filter((p) => p.topicId === t.id && fitsAge(p, age));
		const available = practicePool(pool, { topicId: t.id, hidden, age }).length;
		return { id: t.id, name: t.name, available, hidden: published.length - available };
	});
}

export type DrawOutcome =
	{ ok: true; token: string; lap: boolean } | { ok: false; reason: 'unknown_topic' | 'empty'; topic?: PracticeTopic };

async function draw(
	db: Db,
	topicId: number,
	prev: Pick<PracticeToken, 'seen' | 'done' | 'right'> | null,
	userId: number | null,
	now: number
): Promise<{ token: PracticeToken; lap: boolean } | null> {
	const [{ pool, hidden }, age] = await Promise.all([poolAndHidden(db, now), practiceAge(db, userId, now)]);
	const candidates = practicePool(pool, { topicId, hidden, age });
	const picked = drawPracticeQuestion(candidates, prev?.seen ?? [], cryptoRng);
	if (!picked) return null;
	const item = candidates.find((c) => c.id === picked.id)!;
	return { token: nextToken(prev, { topicId, questionId: item.id, versionId: item.versionId, lap: picked.lap }), lap: picked.lap };
}

/** A first question of a topic (a new practice session). */
export async function startPractice(topicId: number, userId: number | null, now = Date.now()): Promise<DrawOutcome> {
	const db = getDb();
	const topics = await practiceTopics(userId, now);
	const topic = topics.find((t) => t.id === topicId);
	if (!topic) return { ok: false, reason: 'unknown_topic' };
	const d = await draw(db, topicId, null, userId, now);
	if (!d) return { ok: false, reason: 'empty', topic };
	return { ok: true, token: signToken(d.token, secret()), lap: false };
}

export interface PracticeQuestionView {
	topic: { id: number; name: string };
	token: string;
	question: { id: number; kind: QuestionKind; stem: string; options: { id: string; text: string }[] };
	done: number;
	right: number;
}

/** The question a token carries, for its topic; null when the token is not one of ours or not of this topic. */
export async function showPractice(topicId: number, tokenText: string): Promise<PracticeQuestionView | null> {
	const tok = readToken(tokenText, secret());
	if (!tok || tok.t !== topicId) return null;
	const db = getDb();
	const [topics, versions] = await Promise.all([questions.listTopics(db), questions.getVersions(db, [tok.v])]);
	const topic = topics.find((t) => t.id === topicId);
	const v = versions.get(tok.v);
	if (!topic || !v || v.questionId !== tok.q) return null;
	return {
		topic: { id: topic.id, name: topic.name },
		token: tokenText,
		question: {
			id: v.questionId,
			kind: v.kind,
			stem: v.stem,
			options: optionOrder(v.options, tok.s).map((o) => ({ id: o.id, text: o.text }))
		},
		done: tok.done,
		right: tok.right
	};
}

export interface PracticeFeedback {
	questionId: number;
	isCorrect: boolean;
	chosen: string[];
	correctIds: string[];
	explanation: string;
	legalRef: string;
	done: number;
	right: number;
	/** the next question's token, null when the topic has nothing left to draw */
	next: string | null;
	/** the next question starts a new lap (every question of the topic was seen) */
	lap: boolean;
	/** the answer was written to the person's knowledge map (logged in, first answer to this draw) */
	recorded: boolean;
}

export type AnswerOutcome = ({ ok: true } & PracticeFeedback) | { ok: false; status: 400 | 429; message: string; waitMs?: number };

const BAD_SESSION = 'Phiên ôn tập không hợp lệ hoặc đã thay đổi. Vui lòng bắt đầu lại chủ đề này.';

/**
 * Checks one practice answer against the question the token says was drawn: the answer, its
 * explanation and legal reference come back at once. A logged-in person's first answer to the draw
 * is recorded for their knowledge map only. Nothing is written on a refusal.
 */
export async function answerPractice(
	input: { topicId: number; token: unknown; questionId: number; optionIds: readonly string[] },
	who: { userId: number | null; fp: Fingerprint },
	now = Date.now()
): Promise<AnswerOutcome> {
	const tok = readToken(input.token, secret());
	if (!tok || tok.t !== input.topicId) return { ok: false, status: 400, message: BAD_SESSION };
	if (tok.q !== input.questionId)
		return { ok: false, status: 400, message: 'Câu trả lời không thuộc câu hỏi đang ôn tập. Vui lòng tải lại trang.' };
	const db = getDb();
	const v = (await questions.getVersions(db, [tok.v])).get(tok.v);
	if (!v || v.questionId !== tok.q) return { ok: false, status: 400, message: BAD_SESSION };
	if (input.optionIds.length === 0)
		return { ok: false, status: 400, message: v.kind === 'multiple' ? 'Vui lòng chọn ít nhất một đáp án.' : 'Vui lòng chọn một đáp án.' };
	const invalid = validateChoice(
		v.kind,
		v.options.map((o) => o.id),
		input.optionIds
	);
	if (invalid) return { ok: false, status: 400, message: invalid };
	const person = who.userId != null ? `u:${who.userId}` : `d:${who.fp.deviceHash ?? who.fp.ipHash ?? ''}`;
	const waitMs = await charge(db, [
		[practiceByPerson, person],
		[practiceByIp, who.fp.ipHash ?? '']
	]);
	if (waitMs > 0) return { ok: false, status: 429, waitMs, message: 'Bạn gửi câu trả lời quá nhanh. Vui lòng chờ giây lát rồi thử lại.' };
	const isCorrect = isAnswerCorrect(v.kind, v.options, input.optionIds);
	const recorded =
		who.userId != null &&
		(await repo.insertPracticeAnswer(db, {
			userId: who.userId,
			questionId: v.questionId,
			versionId: v.id,
			optionIds: input.optionIds,
			correct: isCorrect,
			nonce: tok.n,
			at: now
		}));
	const counts = { seen: tok.seen, done: tok.done + 1, right: tok.right + (isCorrect ? 1 : 0) };
	const next = await draw(db, tok.t, counts, who.userId, now);
	return {
		ok: true,
		questionId: v.questionId,
		isCorrect,
		chosen: [...input.optionIds],
		correctIds: v.options.filter((o) => o.correct).map((o) => o.id),
		explanation: v.explanation,
		legalRef: v.legalRef,
		done: counts.done,
		right: counts.right,
		next: next ? signToken(next.token, secret()) : null,
		lap: next?.lap ?? false,
		recorded
	};
}

/** The person's own knowledge map, weakest topics first. Only ever for the person asking. */
export async function myKnowledgeMap(userId: number, now = Date.now()): Promise<KnowledgeRow[]> {
	const db = getDb();
	const [topics, rounds, practice, live] = await Promise.all([
		questions.listTopics(db),
		repo.roundTopicCounts(db, userId, now),
		repo.practiceTopicCounts(db, userId),
		repo.liveTopicCounts(db, userId)
	]);
	return buildKnowledgeMap(topics, rounds, practice, live);
}
