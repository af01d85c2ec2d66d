import { sql } from 'kysely';
import type { Executor } from '../db';
import { COUNTED } from '../leaderboards/counted';
import type { OpenRoundSpec } from './practice';
import type { TopicCount } from './knowledge';

/** Practice and the knowledge map: their SQL. Rankings, reports and item analysis never read practice_answers. */

/** Rounds open at `now` in contests whose organiser keeps open-round questions out of practice, with their quotas. */
export async function listRoundsHidingPractice(db: Executor, now: number): Promise<OpenRoundSpec[]> {
	const rounds = await db
		.selectFrom('rounds')
		.innerJoin('contests', 'contests.id', 'rounds.contest_id')
		.select(['rounds.id', 'rounds.question_count'])
		.where('contests.practice_hides_open_rounds', '=', 1)
		.where('rounds.opens_at', '<=', now)
		.where('rounds.closes_at', '>', now)
		.execute();
	if (rounds.length === 0) return [];
	const quotas = await db
		.selectFrom('round_quotas')
		.select(['round_id', 'topic_id', 'difficulty', 'count'])
		.where(
			'round_id',
			'in',
			rounds.map((r) => r.id)
		)
		.execute();
	return rounds.map((r) => ({
		questionCount: r.question_count,
		quotas: quotas.filter((q) => q.round_id === r.id).map((q) => ({ topicId: q.topic_id, difficulty: q.difficulty, count: q.count }))
	}));
}

/** Records one practice answer; a second answer to the same drawn question (same nonce) is not recorded again. */
export async function insertPracticeAnswer(
	db: Executor,
	a: { userId: number; questionId: number; versionId: number; optionIds: readonly string[]; correct: boolean; nonce: string; at: number }
): Promise<boolean> {
	const r = await db
		.insertInto('practice_answers')
		.values({
			user_id: a.userId,
			question_id: a.questionId,
			question_version_id: a.versionId,
			option_ids_json: JSON.stringify(a.optionIds),
			correct: a.correct ? 1 : 0,
			draw_nonce: a.nonce,
			answered_at: a.at
		})
		.onConflict((oc) => oc.columns(['user_id', 'draw_nonce']).doNothing())
		.executeTakeFirst();
	return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * A person's graded answers per topic in counted attempts, only of rounds whose answers may be
 * shown to them now (revealed after hand-in, or the round has closed): a prize round still open
 * reveals nothing, not even per topic (attempts/service.ts getResult uses the same rule).
 */
export async function roundTopicCounts(db: Executor, userId: number, now: number): Promise<TopicCount[]> {
	const r = await sql<{ topic_id: number; answered: number; correct: number }>`
		select q.topic_id, count(*) as answered, sum(aq.correct) as correct
		from attempts a join users u on u.id = a.user_id
		join rounds r on r.id = a.round_id
		join attempt_questions aq on aq.attempt_id = a.id
		join questions q on q.id = aq.question_id
		where a.user_id = ${userId} and ${COUNTED} and aq.correct is not null
			and (r.reveal_policy = 'after_submit' or r.closes_at <= ${now})
		group by q.topic_id`.execute(db);
	return r.rows.map((x) => ({ topicId: x.topic_id, answered: Number(x.answered), correct: Number(x.correct) }));
}

/** A person's practice answers per topic (the question's current topic). */
export async function practiceTopicCounts(db: Executor, userId: number): Promise<TopicCount[]> {
	const rows = await db
		.selectFrom('practice_answers as p')
		.innerJoin('questions as q', 'q.id', 'p.question_id')
		.select((eb) => ['q.topic_id', eb.fn.countAll<number>().as('answered'), eb.fn.sum<number>('p.correct').as('correct')])
		.where('p.user_id', '=', userId)
		.groupBy('q.topic_id')
		.execute();
	return rows.map((x) => ({ topicId: x.topic_id, answered: Number(x.answered), correct: Number(x.correct) }));
}

/**
 * A person's live hội thi answers per topic (the question's current topic), from games they played
 * with their account, only for questions already closed (their answer was revealed in the hall);
 * not while the player stands removed by the host. Rankings, round_best, reports and fairness never
 * read live answers: only this map and item analysis do.
 */
export async function liveTopicCounts(db: Executor, userId: number): Promise<TopicCount[]> {
	const rows = await db
		.selectFrom('live_answers as la')
		.innerJoin('live_players as p', 'p.id', 'la.player_id')
		.innerJoin('live_game_questions as g', (j) => j.onRef('g.game_id', '=', 'la.game_id').onRef('g.position', '=', 'la.position'))
		.innerJoin('questions as q', 'q.id', 'g.question_id')
		.select((eb) => ['q.topic_id', eb.fn.countAll<number>().as('answered'), eb.fn.sum<number>('la.correct').as('correct')])
		.where('p.user_id', '=', userId)
		.where('p.removed_at', 'is', null)
		.where('g.closed_at', 'is not', null)
		.groupBy('q.topic_id')
		.execute();
	return rows.map((x) => ({ topicId: x.topic_id, answered: Number(x.answered), correct: Number(x.correct) }));
}
