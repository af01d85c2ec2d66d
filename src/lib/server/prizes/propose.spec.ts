import { describe, expect, it } from 'vitest';
import { nextInRank, officialRanking, predictionDistance, proposeUnitPrizes, proposeWinners, type Candidate } from './propose';

let nextAttempt = 1;
function result(userId: number, score: number, over: Partial<Candidate> = {}): Candidate {
	return { userId, score, total: 10, prediction: null, durationMs: 60_000, submittedAt: 1_000, attemptId: nextAttempt++, ...over };
}
const TIERS = [
	{ name: 'Giải Nhất', count: 1 },
	{ name: 'Giải Nhì', count: 2 },
	{ name: 'Giải Khuyến khích', count: 2 }
];

describe('proposeWinners', () => {
	it('fills the tiers in order from the top of the ranking', () => {
		const got = proposeWinners([result(1, 5), result(2, 9), result(3, 7), result(4, 8), result(5, 6), result(6, 1)], null, TIERS);
		expect(got.map((w) => [w.userId, w.tierName, w.rank])).toEqual([
			[2, 'Giải Nhất', 1],
			[4, 'Giải Nhì', 2],
			[3, 'Giải Nhì', 3],
			[5, 'Giải Khuyến khích', 4],
			[1, 'Giải Khuyến khích', 5]
		]);
		expect(got.map((w) => w.position)).toEqual([1, 2, 3, 4, 5]);
	});

	it('breaks a tie on score by the closest prediction, then by the shorter time, then the earlier hand-in', () => {
		const actual = 100;
		const got = proposeWinners(
			[
				result(1, 10, { prediction: 130, durationMs: 10_000 }),
				result(2, 10, { prediction: 95, durationMs: 90_000 }),
				result(3, 10, { prediction: 105, durationMs: 50_000 }),
				result(4, 10, { prediction: 105, durationMs: 50_000, submittedAt: 500 }),
				result(5, 10, { prediction: null, durationMs: 1_000 })
			],
			actual,
			[{ name: 'Giải Nhất', count: 5 }]
		);
		// 4 and 3 are 5 away and equally fast: 4 handed in earlier; 2 is 5 away but slower; no prediction ranks last.
		expect(got.map((w) => w.userId)).toEqual([4, 3, 2, 1, 5]);
		expect(got.map((w) => w.distance)).toEqual([5, 5, 5, 30, null]);
	});

	it('ignores the prediction while no actual figure is settled', () => {
		const got = proposeWinners(
			[result(1, 10, { prediction: 100, durationMs: 50_000 }), result(2, 10, { prediction: 1, durationMs: 40_000 })],
			null,
			[{ name: 'Giải Nhất', count: 1 }]
		);
		expect(got.map((w) => w.userId)).toEqual([2]);
		expect(got[0].distance).toBeNull();
	});

	it('skips disqualified people and ranks the others without them', () => {
		const got = proposeWinners([result(1, 10, { disqualified: true }), result(2, 9), result(3, 8)], null, TIERS);
		expect(got.map((w) => [w.userId, w.rank])).toEqual([
			[2, 1],
			[3, 2]
		]);
	});

	it('gives one prize per person, for their best attempt, however many attempts they made', () => {
		const got = proposeWinners([result(1, 6), result(1, 10, { durationMs: 5_000 }), result(1, 10), result(2, 9)], null, TIERS);
		expect(got.map((w) => w.userId)).toEqual([1, 2]);
		expect(got[0]).toMatchObject({ score: 10, durationMs: 5_000, tierName: 'Giải Nhất' });
	});

	it('leaves lower tiers short when there are fewer people than prizes', () => {
		expect(proposeWinners([result(1, 3)], null, TIERS).map((w) => w.tierName)).toEqual(['Giải Nhất']);
		expect(proposeWinners([], null, TIERS)).toEqual([]);
	});
});

describe('nextInRank', () => {
	it('is the first ranked person not already on the list, or nobody', () => {
		const ranking = officialRanking([result(1, 9), result(2, 8), result(3, 7)], null);
		expect(nextInRank(ranking, new Set([1, 2]))?.userId).toBe(3);
		expect(nextInRank(ranking, new Set([1, 2, 3]))).toBeUndefined();
	});
});

describe('predictionDistance', () => {
	it('is the absolute difference, or null when a side is missing', () => {
		expect(predictionDistance(90, 100)).toBe(10);
		expect(predictionDistance(110, 100)).toBe(10);
		expect(predictionDistance(null, 100)).toBeNull();
		expect(predictionDistance(5, null)).toBeNull();
	});
});

describe('proposeUnitPrizes', () => {
	it('ranks units by participants and by participation rate, a unit possibly in both', () => {
		const units = [
			{ unitId: 1, code: '001', participants: 50, target: 1000 },
			{ unitId: 2, code: '002', participants: 30, target: 100 },
			{ unitId: 3, code: '003', participants: 40, target: null },
			{ unitId: 4, code: '004', participants: 0, target: 10 }
		];
		const got = proposeUnitPrizes(units, { participants: [{ name: 'Giải Nhất', count: 2 }], rate: [{ name: 'Giải Nhất', count: 2 }] });
		expect(got.map((g) => [g.category, g.unitId, g.rank])).toEqual([
			['participants', 1, 1],
			['participants', 3, 2],
			['rate', 2, 1],
			['rate', 1, 2]
		]);
	});
});
