import { getDb, withConn } from '../db';
import { findAttempt } from '../attempts/attempts';
import * as decisions from './decisions';
import { listOpenCases } from './duplicates';
import { personForReview } from './people';
import { contestReport, roundReport } from './report';

/**
 * What the fairness pages call. Like every service a route calls, each function gets the database
 * itself (getDb()); the decisions (decisions.ts) write their audit-log rows in their transactions.
 */

export function listDuplicateCases(limit: number) {
	return listOpenCases(getDb(), limit);
}

export function mergeDuplicate(actorId: number, keepId: number, dropId: number, reason: string) {
	return decisions.mergeDuplicate(getDb(), actorId, keepId, dropId, reason);
}

export function dismissDuplicate(actorId: number, a: number, b: number, reason: string) {
	return decisions.dismissDuplicate(getDb(), actorId, a, b, reason);
}

export function reviewPerson(userId: number) {
	return personForReview(getDb(), userId);
}

export function reviewRound(roundId: number) {
	return roundReport(getDb(), roundId);
}

export function reviewContest(contestId: number) {
	return contestReport(getDb(), contestId);
}

export type Decision = 'disqualify' | 'reinstate';

/**
 * Disqualifies or reinstates one attempt of the person under review. The attempt must be that
 * person's: an attempt id from elsewhere gets the same 404 as a missing one.
 */
export async function decideAttempt(
	actorId: number,
	personId: number,
	attemptId: number,
	decision: Decision,
	reason: string
): Promise<decisions.DecisionResult> {
	const db = getDb();
	const attempt = await withConn(db, (c) => findAttempt(c, attemptId));
	if (!attempt || attempt.user_id !== personId) return { ok: false, status: 404, message: 'Không tìm thấy lượt thi.' };
	const run = decision === 'disqualify' ? decisions.disqualifyAttempt : decisions.reinstateAttempt;
	return run(db, actorId, attemptId, reason);
}

/** Disqualifies or reinstates a person (all their attempts). */
export function decidePerson(actorId: number, personId: number, decision: Decision, reason: string): Promise<decisions.DecisionResult> {
	const run = decision === 'disqualify' ? decisions.disqualifyUser : decisions.reinstateUser;
	return run(getDb(), actorId, personId, reason);
}
