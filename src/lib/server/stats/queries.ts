import { sql, type RawBuilder } from 'kysely';
import type { Db, Executor } from '../db';
import { containsText } from '../db/like';
import { localDay } from '../db/dates';
import { jsonTextElements } from '../db/sql';
import { COUNTED, COUNTED_ATTEMPT } from '../leaderboards/counted';
import type { Scope } from '../contests/scope';

/**
 * Dashboard and report queries. They gather counts and sums only; figures (rates, facility,
 * discrimination, groups) are computed by rules.ts. Every query counts attempts through COUNTED
 * (disqualified attempts and people are left out everywhere).
 */

function inScope(scope: Scope): RawBuilder<unknown> {
	return 'roundId' in scope
		? sql`a.round_id = ${scope.roundId}`
		: sql`a.round_id in (select id from rounds where contest_id = ${scope.contestId})`;
}

/** Per day (Vietnam time): people who handed in an attempt that day, and attempts. */
export async function dailyCounts(
	db: Executor,
	scope: Scope,
	unitId: number | null
): Promise<{ day: string; participants: number; attempts: number }[]> {
	const r = await sql<{ day: string; participants: number; attempts: number }>`
		select ${localDay(db, sql`a.submitted_at`)} as day, count(distinct a.user_id) as participants, count(*) as attempts
		from attempts a join users u on u.id = a.user_id
		where ${inScope(scope)} and ${COUNTED} ${unitId == null ? sql`` : sql`and u.unit_id = ${unitId}`}
		group by day order by day`.execute(db);
	return r.rows.map((x) => ({ day: x.day, participants: Number(x.participants), attempts: Number(x.attempts) }));
}

/** Participants of the scope (of one unit, with `unitId`) by declared group (null: not declared). */
export async function groupCounts(
	db: Executor,
	scope: Scope,
	unitId: number | null
): Promise<{ groupId: number | null; people: number }[]> {
	const r = await sql<{ group_id: number | null; people: number }>`
		select u.group_id, count(distinct a.user_id) as people
		from attempts a join users u on u.id = a.user_id
		where ${inScope(scope)} and ${COUNTED} ${unitId == null ? sql`` : sql`and u.unit_id = ${unitId}`}
		group by u.group_id`.execute(db);
	return r.rows.map((x) => ({ groupId: x.group_id == null ? null : Number(x.group_id), people: Number(x.people) }));
}

/** How many (person, round) best results reached each score; `total` is the largest maximum. */
export async function bestScoreCounts(
	db: Executor,
	scope: Scope,
	unitId: number | null
): Promise<{ scores: { score: number; people: number }[]; total: number }> {
	const r = await sql<{ score: number; people: number; total: number }>`
		with per as (
			select max(a.score) as score, max(a.total) as total
			from attempts a join users u on u.id = a.user_id
			where ${inScope(scope)} and ${COUNTED} ${unitId == null ? sql`` : sql`and u.unit_id = ${unitId}`}
			group by a.user_id, a.round_id
		)
		select score, count(*) as people, max(total) as total from per group by score order by score`.execute(db);
	return {
		scores: r.rows.map((x) => ({ score: Number(x.score), people: Number(x.people) })),
		total: Math.max(0, ...r.rows.map((x) => Number(x.total)))
	};
}

/** Per round of a contest: participants, attempts, perfect-score people, mean score share. */
export async function roundTotals(db: Executor, contestId: number) {
	const r = await sql<{
		id: number;
		title: string;
		opens_at: number;
		closes_at: number;
		participants: number;
		attempts: number;
		perfect: number;
		avg_share: number | null;
	}>`
		select r.id, r.title, r.opens_at, r.closes_at,
			count(distinct a.user_id) as participants, count(a.id) as attempts,
			count(distinct case when a.correct_count = a.total then a.user_id end) as perfect,
			avg(a.score * 1.0 / a.total) as avg_share
		from rounds r
		left join (attempts a join users u on u.id = a.user_id and ${COUNTED}) on a.round_id = r.id
		where r.contest_id = ${contestId}
		group by r.id order by r.opens_at`.execute(db);
	return r.rows.map((x) => ({
		roundId: x.id,
		title: x.title,
		opensAt: x.opens_at,
		closesAt: x.closes_at,
		participants: Number(x.participants),
		attempts: Number(x.attempts),
		perfect: Number(x.perfect),
		avgShare: x.avg_share == null ? null : Number(x.avg_share)
	}));
}

/** Knowledge-gap map: answers shown and answered correctly per unit × topic. */
export async function unitTopicCounts(
	db: Executor,
	scope: Scope
): Promise<{ unitId: number; topicId: number; shown: number; correct: number }[]> {
	const r = await sql<{ unit_id: number; topic_id: number; shown: number; correct: number }>`
		select u.unit_id, q.topic_id, count(*) as shown, sum(aq.correct) as correct
		from attempts a join users u on u.id = a.user_id
		join attempt_questions aq on aq.attempt_id = a.id
		join questions q on q.id = aq.question_id
		where ${inScope(scope)} and ${COUNTED} and aq.correct is not null
		group by u.unit_id, q.topic_id`.execute(db);
	return r.rows.map((x) => ({ unitId: x.unit_id, topicId: x.topic_id, shown: Number(x.shown), correct: Number(x.correct) }));
}

/** Per question: times shown, correct, and the sums for the point-biserial (rest score = score − item). */
export async function itemSums(db: Executor, scope: Scope) {
	const r = await sql<{ question_id: number; n: number; sum_x: number; sum_y: number; sum_xy: number; sum_y2: number }>`
		select aq.question_id, count(*) as n, sum(aq.correct) as sum_x,
			sum(a.score - aq.correct) as sum_y,
			sum(aq.correct * (a.score - aq.correct)) as sum_xy,
			sum((a.score - aq.correct) * (a.score - aq.correct)) as sum_y2
		from attempts a join users u on u.id = a.user_id
		join attempt_questions aq on aq.attempt_id = a.id
		where ${inScope(scope)} and ${COUNTED} and aq.correct is not null
		group by aq.question_id`.execute(db);
	return r.rows.map((x) => ({
		questionId: x.question_id,
		n: Number(x.n),
		sumX: Number(x.sum_x),
		sumY: Number(x.sum_y),
		sumXY: Number(x.sum_xy),
		sumY2: Number(x.sum_y2)
	}));
}

/** How often each option id was chosen, per question (one answer may choose several). */
export async function optionChoiceCounts(db: Executor, scope: Scope): Promise<{ questionId: number; optionId: string; times: number }[]> {
	const r = await sql<{ question_id: number; option_id: string; times: number }>`
		select aa.question_id, j.value as option_id, count(*) as times
		from attempts a join users u on u.id = a.user_id
		join attempt_answers aa on aa.attempt_id = a.id, ${jsonTextElements(db, 'aa.option_ids_json', 'j')}
		where ${inScope(scope)} and ${COUNTED}
		group by aa.question_id, j.value`.execute(db);
	return r.rows.map((x) => ({ questionId: x.question_id, optionId: String(x.option_id), times: Number(x.times) }));
}

/**
 * Live hội thi answers (issue 14 item 8) per question: how many, how many right. Kept apart from
 * the rounds' figures (a live answer belongs to no round, has no attempt score to discriminate
 * against, and was given against a host's clock): item analysis shows them in a column of their
 * own. Players the host removed are left out.
 */
export async function liveItemCounts(db: Executor): Promise<{ questionId: number; n: number; correct: number }[]> {
	const r = await sql<{ question_id: number; n: number; correct: number }>`
		select g.question_id, count(*) as n, sum(la.correct) as correct
		from live_answers la
		join live_game_questions g on g.game_id = la.game_id and g.position = la.position
		join live_players p on p.id = la.player_id
		where p.removed_at is null
		group by g.question_id`.execute(db);
	return r.rows.map((x) => ({ questionId: x.question_id, n: Number(x.n), correct: Number(x.correct) }));
}

/** How often each option id was chosen in live games, per question. */
export async function liveOptionChoiceCounts(db: Executor): Promise<{ questionId: number; optionId: string; times: number }[]> {
	const r = await sql<{ question_id: number; option_id: string; times: number }>`
		select g.question_id, j.value as option_id, count(*) as times
		from live_answers la
		join live_game_questions g on g.game_id = la.game_id and g.position = la.position
		join live_players p on p.id = la.player_id, ${jsonTextElements(db, 'la.option_ids_json', 'j')}
		where p.removed_at is null
		group by g.question_id, j.value`.execute(db);
	return r.rows.map((x) => ({ questionId: x.question_id, optionId: String(x.option_id), times: Number(x.times) }));
}

/** Current stem, topic and options of the questions analysed. */
export async function questionHeads(db: Executor, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('questions')
		.innerJoin('question_versions as v', 'v.id', 'questions.current_version_id')
		.innerJoin('topics', 'topics.id', 'questions.topic_id')
		.select(['questions.id', 'questions.difficulty', 'v.stem', 'v.options_json', 'topics.name as topic_name'])
		.where('questions.id', 'in', [...ids])
		.execute();
}

/** What a search box asked for (`participantSearch` in stats/dashboards.ts reads the typed text). */
export type ParticipantSearch = { name: string } | { phoneDigits: string };

export interface ParticipantFilter {
	unitId: number;
	scope: Scope;
	/** A folded name fragment, or national phone digits (E.164 without +84) to find inside the phone. */
	search?: ParticipantSearch | null;
}

function participantsQuery(db: Executor, f: ParticipantFilter) {
	let q = db.selectFrom('users as u').where('u.unit_id', '=', f.unitId).where('u.merged_into', 'is', null);
	const s = f.search;
	if (s) q = q.where('name' in s ? containsText(db, 'u.name_folded', s.name) : containsText(db, 'u.phone', s.phoneDigits));
	return q;
}

/** A unit's registered people with their counted attempts and best score in scope, one page. */
export async function listUnitParticipants(db: Executor, f: ParticipantFilter, page: number, pageSize: number) {
	const stats = sql<number>`(select count(*) from attempts a where a.user_id = u.id and ${inScope(f.scope)} and ${COUNTED_ATTEMPT})`;
	const best = sql<
		number | null
	>`(select max(a.score) from attempts a where a.user_id = u.id and ${inScope(f.scope)} and ${COUNTED_ATTEMPT})`;
	const last = sql<
		number | null
	>`(select max(a.submitted_at) from attempts a where a.user_id = u.id and ${inScope(f.scope)} and ${COUNTED_ATTEMPT})`;
	const base = participantsQuery(db, f);
	const group = sql<string | null>`(select g.name from participant_groups g where g.id = u.group_id)`;
	let rowsQ = base
		.select([
			group.as('group_name'),
			'u.id',
			'u.full_name',
			'u.phone',
			'u.gender',
			'u.birth_date',
			'u.created_at',
			'u.disqualified_at',
			stats.as('attempts'),
			best.as('best'),
			last.as('last_at')
		])
		.orderBy('u.name_folded')
		.orderBy('u.id');
	if (pageSize > 0) rowsQ = rowsQ.limit(pageSize).offset((page - 1) * pageSize);
	const [rows, count] = await Promise.all([
		rowsQ.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return {
		total: Number(count.n),
		rows: rows.map((r) => ({
			id: r.id,
			fullName: r.full_name,
			phone: r.phone,
			gender: r.gender,
			birthDate: r.birth_date,
			groupName: r.group_name,
			registeredAt: r.created_at,
			disqualified: r.disqualified_at != null,
			attempts: Number(r.attempts),
			best: r.best == null ? null : Number(r.best),
			lastAt: r.last_at == null ? null : Number(r.last_at)
		}))
	};
}

/** Period report: counted attempts handed in within [from, to); one unit's row alone with `unitId`. */
export async function periodUnitCounts(db: Executor, from: number, to: number, unitId: number | null = null) {
	const oneUnit = unitId == null ? sql`` : sql`and u.unit_id = ${unitId}`;
	const r = await sql<{
		id: number;
		code: string;
		name: string;
		target_count: number | null;
		participants: number;
		attempts: number;
		perfect: number;
		avg_share: number | null;
		registered: number;
	}>`
		with agg as (
			select u.unit_id, count(distinct a.user_id) as participants, count(*) as attempts,
				count(distinct case when a.correct_count = a.total then a.user_id end) as perfect,
				avg(a.score * 1.0 / a.total) as avg_share
			from attempts a join users u on u.id = a.user_id
			where a.submitted_at >= ${from} and a.submitted_at < ${to} and ${COUNTED} ${oneUnit}
			group by u.unit_id
		)
		select un.id, un.code, un.name, un.target_count,
			coalesce(agg.participants, 0) as participants, coalesce(agg.attempts, 0) as attempts,
			coalesce(agg.perfect, 0) as perfect, agg.avg_share,
			(select count(*) from users r where r.unit_id = un.id and r.created_at >= ${from} and r.created_at < ${to}) as registered
		from units un left join agg on agg.unit_id = un.id
		where un.parent_id is not null and (un.active = 1 or agg.unit_id is not null)
			${unitId == null ? sql`` : sql`and un.id = ${unitId}`}
		order by un.code`.execute(db);
	return r.rows.map((x) => ({
		unitId: x.id,
		code: x.code,
		name: x.name,
		target: x.target_count,
		participants: Number(x.participants),
		attempts: Number(x.attempts),
		perfect: Number(x.perfect),
		avgShare: x.avg_share == null ? null : Number(x.avg_share),
		registered: Number(x.registered)
	}));
}

/** Distinct participants of a period (of one unit, with `unitId`) by gender, birth date and group (grouped into ages by rules.ts). */
export async function periodPeople(db: Executor, from: number, to: number, unitId: number | null = null) {
	const r = await sql<{ gender: string; birth_date: string; group_id: number | null; people: number }>`
		select u.gender, u.birth_date, u.group_id, count(*) as people from users u
		where u.id in (
			select a.user_id from attempts a join users u on u.id = a.user_id
			where a.submitted_at >= ${from} and a.submitted_at < ${to} and ${COUNTED}
				${unitId == null ? sql`` : sql`and u.unit_id = ${unitId}`}
		)
		group by u.gender, u.birth_date, u.group_id`.execute(db);
	return r.rows.map((x) => ({
		gender: x.gender,
		birthDate: x.birth_date,
		groupId: x.group_id == null ? null : Number(x.group_id),
		people: Number(x.people)
	}));
}

export async function listTopicNames(db: Db) {
	return db.selectFrom('topics').select(['id', 'name']).orderBy('name').execute();
}
