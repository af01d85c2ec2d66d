/**
 * The server owns time (fairness rule 4). An attempt's deadline is its start plus the round's
 * time limit, but never later than the round's closing time. Answers and submissions are
 * accepted up to the deadline plus a small grace that absorbs network latency; after that the
 * attempt is closed and scored on what was saved.
 */
export function attemptDeadline(startedAt: number, timeLimitSeconds: number, roundClosesAt: number): number {
	return Math.min(startedAt + timeLimitSeconds * 1000, roundClosesAt);
}

export function acceptsWrites(now: number, deadlineAt: number, graceMs: number): boolean {
	return now <= deadlineAt + graceMs;
}

export function isOverdue(now: number, deadlineAt: number, graceMs: number): boolean {
	return !acceptsWrites(now, deadlineAt, graceMs);
}

/** Time counted for ranking: from start to submission, capped at the deadline. */
export function countedDuration(startedAt: number, submittedAt: number, deadlineAt: number): number {
	return Math.max(0, Math.min(submittedAt, deadlineAt) - startedAt);
}
