/**
 * Ranking within a round (DESIGN.md): score desc → |prediction − actual| asc (only once the round
 * has closed and the actual figure is known) → duration asc → submitted_at asc. A person's counted
 * attempt is their best by the same order. This comparator is the rule; the leaderboard SQL in
 * leaderboard.ts mirrors it and an integration test checks that both agree.
 */
export interface RankedResult {
	score: number;
	prediction: number | null;
	durationMs: number;
	submittedAt: number;
}

/** Distance of a prediction from the actual figure; a missing prediction ranks last. */
export function predictionGap(prediction: number | null, actual: number | null): number {
	if (actual == null) return 0;
	if (prediction == null) return Number.MAX_SAFE_INTEGER;
	return Math.abs(prediction - actual);
}

export function compareResults(a: RankedResult, b: RankedResult, actual: number | null): number {
	return (
		b.score - a.score ||
		predictionGap(a.prediction, actual) - predictionGap(b.prediction, actual) ||
		a.durationMs - b.durationMs ||
		a.submittedAt - b.submittedAt
	);
}

/** Best attempt per person, then all persons in rank order. */
export function rankPeople<T extends RankedResult & { userId: number }>(results: readonly T[], actual: number | null): T[] {
	const best = new Map<number, T>();
	for (const r of results) {
		const cur = best.get(r.userId);
		if (!cur || compareResults(r, cur, actual) < 0) best.set(r.userId, r);
	}
	return [...best.values()].sort((a, b) => compareResults(a, b, actual));
}

/**
 * Whole-contest ranking: per round each person's best attempt (without the prediction, which is
 * per round), then the sum of those scores desc → sum of their durations asc → the latest of their
 * submit times asc. rankContest() in leaderboard.ts mirrors it.
 */
export function rankContestPeople<T extends RankedResult & { userId: number; roundId: number }>(
	results: readonly T[]
): { userId: number; score: number; durationMs: number; submittedAt: number }[] {
	const perRound = new Map<string, T>();
	for (const r of results) {
		const key = `${r.userId}:${r.roundId}`;
		const cur = perRound.get(key);
		if (!cur || compareResults(r, cur, null) < 0) perRound.set(key, r);
	}
	const people = new Map<number, { userId: number; score: number; durationMs: number; submittedAt: number }>();
	for (const r of perRound.values()) {
		const p = people.get(r.userId) ?? { userId: r.userId, score: 0, durationMs: 0, submittedAt: 0 };
		p.score += r.score;
		p.durationMs += r.durationMs;
		p.submittedAt = Math.max(p.submittedAt, r.submittedAt);
		people.set(r.userId, p);
	}
	return [...people.values()].sort(
		(a, b) => b.score - a.score || a.durationMs - b.durationMs || a.submittedAt - b.submittedAt || a.userId - b.userId
	);
}
