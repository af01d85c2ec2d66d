import { getDb, type Executor } from '../db';
import { audit } from '../audit';
import * as contests from './contests';
import { listTopics, topicsExist } from '../questions/questions';
import { ageSupplyFor, publishedMatrix, supplyFor } from '../questions/bank';
import { fromStored, spreadOf } from '../questions/forms';
import type { ContestInput, RoundInput } from '../../schemas/contest';
import type { FormResult } from '../../schemas/form';

/**
 * What the contest and round pages call. Like every service a route calls, each function gets the
 * database itself (getDb()); an organiser's write runs in one transaction together with its
 * audit-log row.
 */

/** The home page's contest (the newest published one) with its rounds; cached (contests.ts). */
export function featured() {
	return contests.featuredWithRounds(getDb());
}

export function listContests() {
	return contests.listContests(getDb());
}

export function findContest(id: number) {
	return contests.findContest(getDb(), id);
}

export function findRound(id: number) {
	return contests.findRound(getDb(), id);
}

/** Rounds open at `now` in published contests, soonest closing first. */
export function listOpenRounds(now: number) {
	return contests.listOpenRounds(getDb(), now);
}

/** Every contest with its rounds, newest contest first (the fairness index). */
export async function listContestsWithRounds() {
	const db = getDb();
	const list = await contests.listContests(db);
	return Promise.all(list.map(async (c) => ({ ...c, rounds: await contests.listRounds(db, c.id) })));
}

/** A round and its contest, only while that contest is published (the attempt page). */
export async function findPublishedRound(roundId: number) {
	const db = getDb();
	const round = await contests.findRound(db, roundId);
	const contest = round && (await contests.findContest(db, round.contestId));
	return round && contest && contest.status === 'published' ? { round, contest } : null;
}

/** The organiser's contest page: the contest and its rounds, each with its number of attempts. */
export async function contestOverview(id: number) {
	const db = getDb();
	const [contest, rounds] = await Promise.all([contests.findContest(db, id), contests.listRounds(db, id)]);
	if (!contest) return null;
	const attempts = await Promise.all(rounds.map((r) => contests.countAttemptsInRound(db, r.id)));
	return { contest, rounds: rounds.map((r, i) => ({ ...r, attempts: attempts[i] })) };
}

/** What the round form offers: the bank's topics and its published questions per topic and difficulty. */
export async function roundFormChoices() {
	const db = getDb();
	const [topics, matrix] = await Promise.all([listTopics(db), publishedMatrix(db)]);
	return { topics, matrix };
}

/** The organiser's round page: the round, its contest, quotas, attempts so far and the bank's supply. */
export async function roundEditor(round: contests.Round) {
	const db = getDb();
	const [contest, quotas, topics, attempts] = await Promise.all([
		contests.findContest(db, round.contestId),
		contests.listQuotas(db, round.id),
		listTopics(db),
		contests.countAttemptsInRound(db, round.id)
	]);
	const [supply, ageSupply, expected] = await Promise.all([
		supplyFor(db, round.questionCount, quotas),
		ageSupplyFor(db, round.questionCount, quotas),
		contests.listExpectedScores(db, round.id)
	]);
	const forms = { ...spreadOf(expected.map(fromStored)), band: round.formBand };
	return { contest, quotas, topics, attempts, supply, ageSupply, forms };
}

export async function createContest(actorUserId: number, input: ContestInput): Promise<number> {
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const id = await contests.insertContest(trx, input);
			await audit(trx, {
				actorUserId,
				action: 'contest.create',
				entity: 'contest',
				entityId: id,
				details: { title: input.title, status: input.status, practiceHidesOpenRounds: input.practiceHidesOpenRounds }
			});
			return id;
		});
}

/** false when there is no such contest. */
export async function updateContest(actorUserId: number, id: number, input: ContestInput): Promise<boolean> {
	return getDb()
		.transaction()
		.execute(async (trx) => {
			const before = await contests.findContest(trx, id);
			if (!before) return false;
			await contests.updateContest(trx, id, input);
			await audit(trx, {
				actorUserId,
				action: 'contest.update',
				entity: 'contest',
				entityId: id,
				details: {
					title: input.title,
					status: input.status,
					previousStatus: before.status,
					practiceHidesOpenRounds: input.practiceHidesOpenRounds
				}
			});
			return true;
		});
}

const QUOTA_TOPIC_GONE = 'Chủ đề trong hạn mức không tồn tại. Vui lòng chọn lại.';

/**
 * Whether every quota's topic is in the bank: a tampered (or meanwhile deleted) topic id would
 * otherwise surface as a foreign-key failure, i.e. a 500.
 */
function quotaTopicsExist(db: Executor, input: RoundInput): Promise<boolean> {
	return topicsExist(
		db,
		input.quotas.flatMap((q) => (q.topicId == null ? [] : [q.topicId]))
	);
}

/** What the audit log records of a round form. */
function roundFacts(r: RoundInput) {
	return {
		title: r.title,
		opensAt: r.opensAt,
		closesAt: r.closesAt,
		questionCount: r.questionCount,
		timeLimitMinutes: r.timeLimitMinutes,
		maxAttempts: r.maxAttempts,
		hasPrizes: r.hasPrizes
	};
}

export async function createRound(actorUserId: number, contestId: number, input: RoundInput): Promise<FormResult<{ id: number }>> {
	return getDb()
		.transaction()
		.execute(async (trx): Promise<FormResult<{ id: number }>> => {
			if (!(await quotaTopicsExist(trx, input))) return { ok: false, errors: { quotas: QUOTA_TOPIC_GONE } };
			const id = await contests.insertRound(trx, contestId, input);
			await audit(trx, {
				actorUserId,
				action: 'round.create',
				entity: 'round',
				entityId: id,
				details: { contestId, ...roundFacts(input), revealPolicy: input.revealPolicy, quotas: input.quotas }
			});
			return { ok: true, id };
		});
}

/** Saves a round's form over `round` (as the organiser's page loaded it); the audit row keeps both. */
export async function updateRound(actorUserId: number, round: contests.Round, input: RoundInput): Promise<FormResult> {
	return getDb()
		.transaction()
		.execute(async (trx): Promise<FormResult> => {
			if (!(await quotaTopicsExist(trx, input))) return { ok: false, errors: { quotas: QUOTA_TOPIC_GONE } };
			const attempts = await contests.countAttemptsInRound(trx, round.id);
			await contests.updateRound(trx, round.id, input);
			await audit(trx, {
				actorUserId,
				action: 'round.update',
				entity: 'round',
				entityId: round.id,
				details: {
					contestId: round.contestId,
					attemptsBefore: attempts,
					before: {
						title: round.title,
						opensAt: round.opensAt,
						closesAt: round.closesAt,
						questionCount: round.questionCount,
						timeLimitMinutes: Math.round(round.timeLimitSeconds / 60),
						maxAttempts: round.maxAttempts,
						revealPolicy: round.revealPolicy,
						hasPrizes: round.hasPrizes
					},
					after: { ...roundFacts(input), revealPolicy: input.revealPolicy, quotas: input.quotas }
				}
			});
			return { ok: true };
		});
}
