import { describe, expect, it } from 'vitest';
import { DIFFICULTY_PRIOR, MIN_ANSWERS, expectedShare, fromStored, roundTarget, spreadOf, toStored } from './forms';
import { ITEM_RULES } from '../stats/rules';
import type { PoolItem } from './draw';

describe('expectedShare', () => {
	const q = { id: 7, difficulty: 3 };
	it('is the difficulty prior until a question has 30 answers, then its facility', () => {
		expect(expectedShare(q, new Map())).toBe(DIFFICULTY_PRIOR[3]);
		expect(expectedShare(q, new Map([[7, { shown: 29, correct: 29 }]]))).toBe(0.6);
		expect(expectedShare(q, new Map([[7, { shown: 30, correct: 12 }]]))).toBe(0.4);
		expect(expectedShare({ id: 8, difficulty: 1 }, new Map([[7, { shown: 100, correct: 0 }]]))).toBe(0.9);
	});
	it('uses the same threshold as item analysis', () => {
		expect(MIN_ANSWERS).toBe(ITEM_RULES.minShown);
	});
	it('orders the priors: easy above medium above hard', () => {
		expect(DIFFICULTY_PRIOR[1]).toBeGreaterThan(DIFFICULTY_PRIOR[2]);
		expect(DIFFICULTY_PRIOR[2]).toBeGreaterThan(DIFFICULTY_PRIOR[3]);
	});
});

describe('roundTarget', () => {
	const pool: PoolItem[] = [
		{ id: 1, topicId: 1, difficulty: 1 },
		{ id: 2, topicId: 1, difficulty: 3 },
		{ id: 3, topicId: 2, difficulty: 1 },
		{ id: 4, topicId: 2, difficulty: 1 }
	];
	const share = (p: PoolItem) => (p.difficulty === 1 ? 0.9 : 0.5);
	it('is 10 × the mean share without quotas', () => {
		expect(roundTarget(pool, [], 2, share)).toBeCloseTo(10 * ((0.9 * 3 + 0.5) / 4), 9);
	});
	it('weights each quota by the questions matching it, the rest by the pool', () => {
		// 2 of topic 1 (mean 0.7) + 2 any (mean 0.8) → (1.4 + 1.6) / 4 × 10 = 7.5
		expect(roundTarget(pool, [{ topicId: 1, difficulty: null, count: 2 }], 4, share)).toBeCloseTo(7.5, 9);
	});
	it('is 0 for an empty pool', () => {
		expect(roundTarget([], [], 10, share)).toBe(0);
	});
});

describe('spreadOf and the stored thousandths', () => {
	it('gives min, median and max (the mean of the middle two for an even count)', () => {
		expect(spreadOf([])).toEqual({ forms: 0, min: null, median: null, max: null });
		expect(spreadOf([7.2])).toEqual({ forms: 1, min: 7.2, median: 7.2, max: 7.2 });
		expect(spreadOf([7, 7.5, 8, 9])).toEqual({ forms: 4, min: 7, median: 7.75, max: 9 });
		expect(spreadOf([7, 7.5, 9])).toEqual({ forms: 3, min: 7, median: 7.5, max: 9 });
	});
	it('stores points out of 10 as whole thousandths', () => {
		expect(toStored(7.6543)).toBe(7654);
		expect(fromStored(7654)).toBe(7.654);
	});
});
