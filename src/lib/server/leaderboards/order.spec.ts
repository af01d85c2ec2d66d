import { describe, it, expect } from 'vitest';
import { compareResults, predictionGap, rankContestPeople, rankPeople, type RankedResult } from './order';

const r = (over: Partial<RankedResult> = {}): RankedResult => ({
	score: 10,
	prediction: null,
	durationMs: 60_000,
	submittedAt: 1_000_000,
	...over
});

/** Sorted copy by the comparator: the first element is the better result. */
const order = (items: RankedResult[], actual: number | null) => items.slice().sort((a, b) => compareResults(a, b, actual));

describe('predictionGap', () => {
	it('is the absolute distance from the actual figure', () => {
		expect(predictionGap(120, 100)).toBe(20);
		expect(predictionGap(80, 100)).toBe(20);
		expect(predictionGap(100, 100)).toBe(0);
	});

	it('is zero for everyone while the actual figure is unknown', () => {
		expect(predictionGap(5, null)).toBe(0);
		expect(predictionGap(null, null)).toBe(0);
	});

	it('puts a missing prediction beyond any real prediction once the actual figure is known', () => {
		expect(predictionGap(null, 100)).toBeGreaterThan(predictionGap(1_000_000_000, 100));
	});
});

describe('compareResults', () => {
	it('ranks a higher score first, whatever the other criteria', () => {
		const high = r({ score: 9, prediction: null, durationMs: 900_000, submittedAt: 9 });
		const low = r({ score: 8, prediction: 100, durationMs: 1_000, submittedAt: 1 });
		expect(compareResults(high, low, 100)).toBeLessThan(0);
		expect(compareResults(low, high, 100)).toBeGreaterThan(0);
	});

	it('breaks a score tie by the prediction closer to the actual figure', () => {
		const close = r({ prediction: 98, durationMs: 90_000, submittedAt: 5 });
		const far = r({ prediction: 130, durationMs: 10_000, submittedAt: 1 });
		expect(order([far, close], 100)).toEqual([close, far]);
	});

	it('treats predictions above and below the actual figure by distance only', () => {
		const under = r({ prediction: 95, durationMs: 50_000 });
		const over = r({ prediction: 105, durationMs: 40_000 });
		// Same gap (5), so the faster one wins.
		expect(order([under, over], 100)).toEqual([over, under]);
	});

	it('ignores predictions while the actual figure is not known', () => {
		const exact = r({ prediction: 100, durationMs: 90_000 });
		const wild = r({ prediction: 5, durationMs: 30_000 });
		const none = r({ prediction: null, durationMs: 60_000 });
		expect(order([exact, wild, none], null)).toEqual([wild, none, exact]);
	});

	it('ranks a missing prediction after any prediction once the actual figure is known', () => {
		const none = r({ prediction: null, durationMs: 1_000, submittedAt: 1 });
		const veryFar = r({ prediction: 1_000_000_000, durationMs: 500_000, submittedAt: 9 });
		expect(order([none, veryFar], 100)).toEqual([veryFar, none]);
	});

	it('breaks a tie between two missing predictions by duration', () => {
		const slow = r({ prediction: null, durationMs: 70_000 });
		const fast = r({ prediction: null, durationMs: 20_000 });
		expect(order([slow, fast], 100)).toEqual([fast, slow]);
	});

	it('breaks a score and prediction tie by the shorter duration', () => {
		const slow = r({ prediction: 90, durationMs: 70_000, submittedAt: 1 });
		const fast = r({ prediction: 110, durationMs: 20_000, submittedAt: 2 });
		expect(order([slow, fast], 100)).toEqual([fast, slow]);
	});

	it('breaks a full tie by the earlier submission', () => {
		const late = r({ submittedAt: 2_000 });
		const early = r({ submittedAt: 1_000 });
		expect(order([late, early], null)).toEqual([early, late]);
		expect(compareResults(early, late, null)).toBeLessThan(0);
	});

	it('reports identical results as equal', () => {
		expect(compareResults(r({ prediction: 7 }), r({ prediction: 7 }), 10)).toBe(0);
	});
});

describe('rankPeople', () => {
	type Row = RankedResult & { userId: number; id: string };
	const row = (userId: number, id: string, over: Partial<RankedResult> = {}): Row => ({ ...r(over), userId, id });

	it('keeps one attempt per person', () => {
		const ranked = rankPeople([row(1, '1a'), row(2, '2a'), row(1, '1b', { score: 3 }), row(3, '3a'), row(2, '2b', { score: 1 })], null);
		expect(ranked.map((x) => x.userId).sort()).toEqual([1, 2, 3]);
	});

	it("counts a person's higher-scoring attempt even when it was slower", () => {
		const ranked = rankPeople(
			[row(1, 'fast-low', { score: 7, durationMs: 10_000 }), row(1, 'slow-high', { score: 8, durationMs: 500_000 })],
			null
		);
		expect(ranked.map((x) => x.id)).toEqual(['slow-high']);
	});

	it("counts the faster of a person's two attempts with the same score", () => {
		const ranked = rankPeople(
			[
				row(1, 'slow', { score: 8, durationMs: 300_000, submittedAt: 1 }),
				row(1, 'fast', { score: 8, durationMs: 100_000, submittedAt: 2 })
			],
			null
		);
		expect(ranked.map((x) => x.id)).toEqual(['fast']);
	});

	it("counts a person's attempt with the closer prediction once the actual figure is known", () => {
		const ranked = rankPeople(
			[row(1, 'far', { prediction: 500, durationMs: 10_000 }), row(1, 'close', { prediction: 101, durationMs: 90_000 })],
			100
		);
		expect(ranked.map((x) => x.id)).toEqual(['close']);
	});

	it('orders people by their best attempts: higher score beats a faster lower score', () => {
		const ranked = rankPeople(
			[
				row(1, 'A-low-fast', { score: 7, durationMs: 10_000 }),
				row(2, 'B-high-slow', { score: 9, durationMs: 600_000 }),
				row(3, 'C-mid', { score: 8, durationMs: 60_000 }),
				row(1, 'A-second-try', { score: 9, durationMs: 700_000 })
			],
			null
		);
		expect(ranked.map((x) => x.id)).toEqual(['B-high-slow', 'A-second-try', 'C-mid']);
	});

	it('applies prediction, duration and submission tie-breaks across people', () => {
		const ranked = rankPeople(
			[
				row(1, 'no-prediction', { prediction: null, durationMs: 1_000 }),
				row(2, 'far', { prediction: 150, durationMs: 1_000 }),
				row(3, 'close-slow', { prediction: 99, durationMs: 50_000 }),
				row(4, 'close-fast-late', { prediction: 101, durationMs: 20_000, submittedAt: 2_000 }),
				row(5, 'close-fast-early', { prediction: 101, durationMs: 20_000, submittedAt: 1_000 })
			],
			100
		);
		expect(ranked.map((x) => x.id)).toEqual(['close-fast-early', 'close-fast-late', 'close-slow', 'far', 'no-prediction']);
	});

	it('returns an empty list for no results', () => {
		expect(rankPeople([], 5)).toEqual([]);
	});
});

describe('rankContestPeople', () => {
	const at = (userId: number, roundId: number, score: number, durationMs: number, submittedAt = 1000) => ({
		userId,
		roundId,
		score,
		durationMs,
		submittedAt,
		prediction: null
	});
	it('adds each person’s best score of every round, then breaks ties by total time and last submit', () => {
		const ranked = rankContestPeople([
			// Person 1: round 1 best 8 (90 s), round 2 best 9 (the 7 does not count) → 17, 190 s.
			at(1, 1, 8, 90_000),
			at(1, 1, 6, 30_000),
			at(1, 2, 7, 20_000),
			at(1, 2, 9, 100_000),
			// Person 2: 10 + 7 = 17 in 150 s → ahead of person 1 on time.
			at(2, 1, 10, 100_000),
			at(2, 2, 7, 50_000),
			// Person 3: only round 1 → 10.
			at(3, 1, 10, 10_000),
			// Person 4: 17 in 150 s like person 2 but handed in later.
			at(4, 1, 9, 75_000, 900),
			at(4, 2, 8, 75_000, 2000)
		]);
		expect(ranked.map((p) => [p.userId, p.score, p.durationMs])).toEqual([
			[2, 17, 150_000],
			[4, 17, 150_000],
			[1, 17, 190_000],
			[3, 10, 10_000]
		]);
	});
});
