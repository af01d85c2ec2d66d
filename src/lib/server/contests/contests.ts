import type { Conn, Executor, Program } from '../db';
import { invalidate, registerCache, TtlCache } from '../cache';
import type { ContestStatus, PredictionKind, RevealPolicy, RoundRow } from '../db/types';
import type { ContestInput, RoundInput } from '../../schemas/contest';
import type { Quota } from '../questions/draw';

export interface Contest {
	id: number;
	title: string;
	rules: string;
	status: ContestStatus;
	/** Practice draws nothing an open round of this contest could draw (0014). */
	practiceHidesOpenRounds: boolean;
}

export interface Round {
	id: number;
	contestId: number;
	title: string;
	opensAt: number;
	closesAt: number;
	questionCount: number;
	timeLimitSeconds: number;
	maxAttempts: number;
	revealPolicy: RevealPolicy;
	predictionKind: PredictionKind | null;
	predictionQuestion: string | null;
	predictionActual: number | null;
	hasPrizes: boolean;
	/** Equal forms: how far a form's expected score may lie from the round's mean, points out of 10. */
	formBand: number;
}

function toRound(r: RoundRow): Round {
	return {
		id: r.id,
		contestId: r.contest_id,
		title: r.title,
		opensAt: r.opens_at,
		closesAt: r.closes_at,
		questionCount: r.question_count,
		timeLimitSeconds: r.time_limit_seconds,
		maxAttempts: r.max_attempts,
		revealPolicy: r.reveal_policy,
		predictionKind: r.prediction_kind,
		predictionQuestion: r.prediction_question,
		predictionActual: r.prediction_actual,
		hasPrizes: r.has_prizes === 1,
		formBand: r.form_band / 100
	};
}

export async function listContests(db: Executor): Promise<(Contest & { roundCount: number })[]> {
	const rows = await db
		.selectFrom('contests')
		.leftJoin('rounds', 'rounds.contest_id', 'contests.id')
		.select(['contests.id', 'contests.title', 'contests.rules', 'contests.status', 'contests.practice_hides_open_rounds'])
		.select((eb) => eb.fn.count<number>('rounds.id').as('round_count'))
		.groupBy('contests.id')
		.orderBy('contests.id', 'desc')
		.execute();
	return rows.map((r) => ({ ...toContest(r), roundCount: Number(r.round_count) }));
}

function toContest(c: { id: number; title: string; rules: string; status: ContestStatus; practice_hides_open_rounds: number }): Contest {
	return { id: c.id, title: c.title, rules: c.rules, status: c.status, practiceHidesOpenRounds: c.practice_hides_open_rounds === 1 };
}

export async function findContest(db: Executor, id: number): Promise<Contest | undefined> {
	const c = await db
		.selectFrom('contests')
		.select(['id', 'title', 'rules', 'status', 'practice_hides_open_rounds'])
		.where('id', '=', id)
		.executeTakeFirst();
	return c && toContest(c);
}

/**
 * The home page's contest and its rounds, cached for 5 s: the most requested page when a round
 * opens. Any write to a contest or round clears it ('contests'), so organisers see their change at once.
 */
export const FEATURED_TTL_MS = 5_000;
const featuredCache = registerCache(
	'contests.featured',
	new TtlCache<{ contest: Contest; rounds: Round[] } | null, 'featured'>(FEATURED_TTL_MS, 1),
	{ contests: 'clear' }
);
export function featuredWithRounds(db: Executor): Promise<{ contest: Contest; rounds: Round[] } | null> {
	return featuredCache.get('featured', async () => {
		const contest = await findFeaturedContest(db);
		return contest ? { contest, rounds: await listRounds(db, contest.id) } : null;
	});
}

/**
 * A round with its contest and the contest's rounds, for the public round pages (leaderboard):
 * cached 5 s like the home page's, and cleared by every write to a contest or round.
 */
const roundPages = registerCache(
	'contests.round-pages',
	new TtlCache<{ round: Round; contest: Contest; rounds: Round[] } | null, number>(5_000, 500),
	{ contests: 'clear' }
);
export function roundWithContest(db: Executor, roundId: number): Promise<{ round: Round; contest: Contest; rounds: Round[] } | null> {
	return roundPages.get(roundId, async () => {
		const round = await findRound(db, roundId);
		const contest = round && (await findContest(db, round.contestId));
		return round && contest ? { round, contest, rounds: await listRounds(db, contest.id) } : null;
	});
}

/** The contest shown on the home page: the newest published one. */
export async function findFeaturedContest(db: Executor): Promise<Contest | undefined> {
	const c = await db
		.selectFrom('contests')
		.select(['id', 'title', 'rules', 'status', 'practice_hides_open_rounds'])
		.where('status', '=', 'published')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return c && toContest(c);
}

/** A contest as written; the practice switch is off unless given (scripts and tests create contests without it). */
type ContestWrite = Omit<ContestInput, 'practiceHidesOpenRounds'> & { practiceHidesOpenRounds?: boolean };

export async function insertContest(db: Executor, c: ContestWrite, now = Date.now()): Promise<number> {
	const r = await db
		.insertInto('contests')
		.values({
			title: c.title,
			rules: c.rules,
			status: c.status,
			practice_hides_open_rounds: c.practiceHidesOpenRounds ? 1 : 0,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	invalidate(db, 'contests');
	return r.id;
}

export async function updateContest(db: Executor, id: number, c: ContestWrite, now = Date.now()): Promise<void> {
	await db
		.updateTable('contests')
		.set({
			title: c.title,
			rules: c.rules,
			status: c.status,
			practice_hides_open_rounds: c.practiceHidesOpenRounds ? 1 : 0,
			updated_at: now
		})
		.where('id', '=', id)
		.execute();
	invalidate(db, 'contests');
}

export async function listRounds(db: Executor, contestId: number): Promise<Round[]> {
	const rows = await db.selectFrom('rounds').selectAll().where('contest_id', '=', contestId).orderBy('opens_at').execute();
	return rows.map(toRound);
}

export async function findRound(db: Executor, id: number): Promise<Round | undefined> {
	const r = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
	return r && toRound(r);
}

/**
 * A round with its contest's status and its quotas, a statement program: what starting an attempt
 * needs to know (service.ts).
 */
export function* findRoundForAttempt(
	c: Conn,
	id: number
): Program<{ round: Round; contestStatus: ContestStatus; quotas: Quota[] } | undefined> {
	const r = yield* c.get<RoundRow & { contest_status: ContestStatus }>(
		'select rounds.*, contests.status as contest_status from rounds join contests on contests.id = rounds.contest_id where rounds.id = ?',
		id
	);
	if (!r) return undefined;
	const quotas = yield* c.all<{ topic_id: number | null; difficulty: number | null; count: number }>(
		'select topic_id, difficulty, count from round_quotas where round_id = ? order by id',
		id
	);
	return {
		round: toRound(r),
		contestStatus: r.contest_status,
		quotas: quotas.map((q) => ({ topicId: q.topic_id, difficulty: q.difficulty, count: q.count }))
	};
}

/** Rounds open at `now` in published contests, soonest closing first. */
export async function listOpenRounds(db: Executor, now: number): Promise<(Round & { contestTitle: string })[]> {
	const rows = await db
		.selectFrom('rounds')
		.innerJoin('contests', 'contests.id', 'rounds.contest_id')
		.selectAll('rounds')
		.select('contests.title as contest_title')
		.where('contests.status', '=', 'published')
		.where('rounds.opens_at', '<=', now)
		.where('rounds.closes_at', '>', now)
		.orderBy('rounds.closes_at')
		.execute();
	return rows.map((r) => ({ ...toRound(r), contestTitle: r.contest_title }));
}

/** A round as written: the form's input; scripts and tests may leave out prizes (none). */
type RoundWrite = Omit<RoundInput, 'hasPrizes' | 'formBand'> & { hasPrizes?: boolean; formBand?: number };

function roundValues(r: RoundWrite) {
	return {
		title: r.title,
		opens_at: r.opensAt,
		closes_at: r.closesAt,
		question_count: r.questionCount,
		time_limit_seconds: r.timeLimitMinutes * 60,
		max_attempts: r.maxAttempts,
		reveal_policy: r.revealPolicy,
		prediction_kind: r.predictionKind,
		prediction_question: r.predictionKind ? r.predictionQuestion : null,
		has_prizes: r.hasPrizes ? 1 : 0,
		// Left out (scripts, tests): a new round gets the column's default (±0.5), an edited one keeps its band.
		...(r.formBand != null ? { form_band: Math.round(r.formBand * 100) } : {})
	};
}

export async function insertRound(db: Executor, contestId: number, r: RoundWrite, now = Date.now()): Promise<number> {
	const row = await db
		.insertInto('rounds')
		.values({ contest_id: contestId, ...roundValues(r), created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	await replaceQuotas(db, row.id, r.quotas);
	invalidate(db, 'contests');
	return row.id;
}

export async function updateRound(db: Executor, id: number, r: RoundWrite, now = Date.now()): Promise<void> {
	await db
		.updateTable('rounds')
		// The settled prediction figure is recomputed from the attempts at the next ranking,
		// because a new closing time or prediction kind changes what it counts.
		.set({ ...roundValues(r), prediction_actual: null, updated_at: now })
		.where('id', '=', id)
		.execute();
	await replaceQuotas(db, id, r.quotas);
	invalidate(db, 'contests', { roundId: id });
}

async function replaceQuotas(db: Executor, roundId: number, quotas: readonly Quota[]): Promise<void> {
	await db.deleteFrom('round_quotas').where('round_id', '=', roundId).execute();
	if (quotas.length)
		await db
			.insertInto('round_quotas')
			.values(quotas.map((q) => ({ round_id: roundId, topic_id: q.topicId, difficulty: q.difficulty, count: q.count })))
			.execute();
}

/** The expected scores (thousandths of a point of 10) of the forms drawn in a round, lowest first. */
export async function listExpectedScores(db: Executor, roundId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('attempts')
		.select('expected_score')
		.where('round_id', '=', roundId)
		.where('expected_score', 'is not', null)
		.orderBy('expected_score')
		.execute();
	return rows.map((r) => Number(r.expected_score));
}

export async function listQuotas(db: Executor, roundId: number): Promise<Quota[]> {
	const rows = await db
		.selectFrom('round_quotas')
		.select(['topic_id', 'difficulty', 'count'])
		.where('round_id', '=', roundId)
		.orderBy('id')
		.execute();
	return rows.map((q) => ({ topicId: q.topic_id, difficulty: q.difficulty, count: q.count }));
}

export async function setPredictionActual(db: Executor, roundId: number, actual: number): Promise<void> {
	await db.updateTable('rounds').set({ prediction_actual: actual }).where('id', '=', roundId).execute();
}

export async function countAttemptsInRound(db: Executor, roundId: number): Promise<number> {
	const r = await db
		.selectFrom('attempts')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('round_id', '=', roundId)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}
