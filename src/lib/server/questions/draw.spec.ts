import { describe, it, expect } from 'vitest';
import { DrawError, checkSupply, drawQuestions, seededRng, shuffle, type PoolItem, type Quota } from './draw';

/** 3 topics × 3 difficulties × 4 questions = 36 items, ids 1..36. */
function makePool(): PoolItem[] {
	const pool: PoolItem[] = [];
	let id = 1;
	for (let topicId = 1; topicId <= 3; topicId++)
		for (let difficulty = 1; difficulty <= 3; difficulty++) for (let k = 0; k < 4; k++) pool.push({ id: id++, topicId, difficulty });
	return pool;
}

const quota = (topicId: number | null, difficulty: number | null, count: number): Quota => ({ topicId, difficulty, count });

function meta(pool: readonly PoolItem[], ids: readonly number[]): PoolItem[] {
	const byId = new Map(pool.map((p) => [p.id, p]));
	return ids.map((id) => {
		const p = byId.get(id);
		if (!p) throw new Error(`id ${id} is not in the pool`);
		return p;
	});
}

const countWhere = (items: PoolItem[], q: Quota) =>
	items.filter((p) => (q.topicId == null || p.topicId === q.topicId) && (q.difficulty == null || p.difficulty === q.difficulty)).length;

describe('drawQuestions', () => {
	it('returns exactly `count` distinct ids, all from the pool', () => {
		const pool = makePool();
		for (let seed = 1; seed <= 50; seed++) {
			const ids = drawQuestions(pool, [], 10, seededRng(seed));
			expect(ids).toHaveLength(10);
			expect(new Set(ids).size).toBe(10);
			meta(pool, ids); // throws on a foreign id
		}
	});

	it('can draw the whole pool', () => {
		const pool = makePool();
		const ids = drawQuestions(pool, [], pool.length, seededRng(3));
		expect(ids.slice().sort((a, b) => a - b)).toEqual(pool.map((p) => p.id));
	});

	it('respects topic, difficulty and combined quotas', () => {
		const pool = makePool();
		const quotas = [quota(1, null, 3), quota(null, 3, 2), quota(2, 1, 1)];
		for (let seed = 1; seed <= 100; seed++) {
			const items = meta(pool, drawQuestions(pool, quotas, 10, seededRng(seed)));
			expect(items).toHaveLength(10);
			expect(countWhere(items, quotas[0])).toBeGreaterThanOrEqual(3);
			expect(countWhere(items, quotas[1])).toBeGreaterThanOrEqual(2);
			expect(countWhere(items, quotas[2])).toBeGreaterThanOrEqual(1);
		}
	});

	it('fills quotas with distinct questions: quotas add up rather than overlap', () => {
		// Every topic-1 question is hard, so "2 of topic 1" + "2 hard" needs 4 hard questions.
		const pool: PoolItem[] = [
			{ id: 1, topicId: 1, difficulty: 3 },
			{ id: 2, topicId: 1, difficulty: 3 },
			{ id: 3, topicId: 1, difficulty: 3 },
			{ id: 4, topicId: 2, difficulty: 3 },
			{ id: 5, topicId: 2, difficulty: 3 },
			{ id: 6, topicId: 2, difficulty: 1 },
			{ id: 7, topicId: 2, difficulty: 1 },
			{ id: 8, topicId: 2, difficulty: 1 }
		];
		for (let seed = 1; seed <= 50; seed++) {
			const items = meta(pool, drawQuestions(pool, [quota(1, null, 2), quota(null, 3, 2)], 4, seededRng(seed)));
			expect(countWhere(items, quota(1, null, 0))).toBeGreaterThanOrEqual(2);
			expect(countWhere(items, quota(null, 3, 0))).toBe(4);
		}
	});

	it('satisfies a specific quota even when a broader quota listed first could steal its items', () => {
		// Only ids 1 and 2 are "topic 1, hard"; a broad "2 hard" quota must take its questions elsewhere.
		const pool: PoolItem[] = [
			{ id: 1, topicId: 1, difficulty: 3 },
			{ id: 2, topicId: 1, difficulty: 3 },
			{ id: 3, topicId: 2, difficulty: 3 },
			{ id: 4, topicId: 2, difficulty: 3 },
			{ id: 5, topicId: 3, difficulty: 3 },
			{ id: 6, topicId: 1, difficulty: 1 },
			{ id: 7, topicId: 2, difficulty: 2 },
			{ id: 8, topicId: 3, difficulty: 1 }
		];
		for (let seed = 1; seed <= 200; seed++) {
			const ids = drawQuestions(pool, [quota(null, 3, 2), quota(1, 3, 2)], 5, seededRng(seed));
			expect(ids).toContain(1);
			expect(ids).toContain(2);
			expect(countWhere(meta(pool, ids), quota(null, 3, 0))).toBeGreaterThanOrEqual(4);
		}
	});

	it('satisfies overlapping quotas of equal specificity whenever some assignment exists', () => {
		// "3 of topic 1" + "2 hard": the only hard questions are id 1 (topic 1) and id 5 (topic 2),
		// so topic 1 must be served by 2, 3, 4 and leave id 1 to the hard quota.
		const pool: PoolItem[] = [
			{ id: 1, topicId: 1, difficulty: 3 },
			{ id: 2, topicId: 1, difficulty: 1 },
			{ id: 3, topicId: 1, difficulty: 1 },
			{ id: 4, topicId: 1, difficulty: 2 },
			{ id: 5, topicId: 2, difficulty: 3 },
			{ id: 6, topicId: 2, difficulty: 1 },
			{ id: 7, topicId: 3, difficulty: 2 }
		];
		for (let seed = 1; seed <= 200; seed++) {
			const ids = drawQuestions(pool, [quota(1, null, 3), quota(null, 3, 2)], 6, seededRng(seed));
			expect(ids).toHaveLength(6);
			expect(new Set(ids).size).toBe(6);
			expect(ids).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
		}
	});

	it('succeeds exactly when an assignment of distinct questions to all quotas exists (brute-force check)', () => {
		const rng = seededRng(2026);
		const pick = (n: number) => Math.floor(rng() * n);
		/** Tries every way of giving each item to one quota or none. */
		const feasible = (pool: PoolItem[], quotas: Quota[]): boolean => {
			const need = quotas.map((q) => q.count);
			const go = (i: number): boolean => {
				if (need.every((n) => n === 0)) return true;
				if (i === pool.length) return false;
				for (let q = 0; q < quotas.length; q++) {
					if (need[q] > 0 && countWhere([pool[i]], quotas[q]) === 1) {
						need[q]--;
						const ok = go(i + 1);
						need[q]++;
						if (ok) return true;
					}
				}
				return go(i + 1);
			};
			return go(0);
		};
		let feasibleCases = 0;
		let infeasibleCases = 0;
		for (let c = 0; c < 300; c++) {
			const pool: PoolItem[] = Array.from({ length: 3 + pick(5) }, (_, i) => ({
				id: i + 1,
				topicId: 1 + pick(2),
				difficulty: 1 + pick(3)
			}));
			const quotas: Quota[] = Array.from({ length: 1 + pick(3) }, () => {
				const kind = pick(3);
				return quota(kind === 1 ? null : 1 + pick(2), kind === 0 ? null : 1 + pick(3), 1 + pick(2));
			});
			const total = quotas.reduce((s, q) => s + q.count, 0);
			const count = Math.min(pool.length, Math.max(total, 1));
			if (feasible(pool, quotas)) {
				feasibleCases++;
				for (let seed = 1; seed <= 5; seed++) {
					const ids = drawQuestions(pool, quotas, count, seededRng(seed));
					expect(ids).toHaveLength(count);
					expect(new Set(ids).size).toBe(count);
				}
			} else {
				infeasibleCases++;
				expect(() => drawQuestions(pool, quotas, count, seededRng(1))).toThrow(DrawError);
			}
		}
		// The generator must exercise both outcomes.
		expect(feasibleCases).toBeGreaterThan(30);
		expect(infeasibleCases).toBeGreaterThan(30);
	});

	it('throws DrawError when the pool is smaller than the question count', () => {
		const pool = makePool().slice(0, 5);
		expect(() => drawQuestions(pool, [], 6, seededRng(1))).toThrow(DrawError);
		expect(() => drawQuestions([], [], 1, seededRng(1))).toThrow(DrawError);
	});

	it('throws DrawError when a quota cannot be met', () => {
		const pool = makePool();
		// Only 4 questions of topic 2 at difficulty 1 exist.
		expect(() => drawQuestions(pool, [quota(2, 1, 5)], 10, seededRng(1))).toThrow(DrawError);
		// No topic 9 at all.
		expect(() => drawQuestions(pool, [quota(9, null, 1)], 10, seededRng(1))).toThrow(DrawError);
	});

	it('throws DrawError when quotas together exceed what the pool can supply', () => {
		const pool = makePool();
		// 12 questions of topic 1 exist: 12 + 1 more of topic 1 is impossible even though each quota alone fits.
		expect(() => drawQuestions(pool, [quota(1, null, 12), quota(1, 3, 1)], 20, seededRng(1))).toThrow(DrawError);
	});

	it('throws DrawError when the quotas add up to more than the question count', () => {
		const pool = makePool();
		expect(() => drawQuestions(pool, [quota(1, null, 3), quota(2, null, 3)], 5, seededRng(1))).toThrow(DrawError);
	});

	it('is deterministic for the same seed', () => {
		const pool = makePool();
		const quotas = [quota(1, null, 2), quota(null, 2, 2)];
		expect(drawQuestions(pool, quotas, 8, seededRng(42))).toEqual(drawQuestions(pool, quotas, 8, seededRng(42)));
	});

	it('differs across seeds', () => {
		const pool = makePool();
		const draws = new Set<string>();
		for (let seed = 1; seed <= 20; seed++) draws.add(JSON.stringify(drawQuestions(pool, [], 8, seededRng(seed))));
		expect(draws.size).toBe(20);
	});

	it('draws every pool item sometimes, with no bias towards the first items', () => {
		const pool = makePool().slice(0, 10);
		const seen = new Map<number, number>();
		const runs = 1000;
		for (let seed = 1; seed <= runs; seed++)
			for (const id of drawQuestions(pool, [], 3, seededRng(seed))) seen.set(id, (seen.get(id) ?? 0) + 1);
		expect([...seen.keys()].sort((a, b) => a - b)).toEqual(pool.map((p) => p.id));
		// Each of 10 items is expected 300 times out of 1000 draws of 3.
		for (const n of seen.values()) {
			expect(n).toBeGreaterThan(220);
			expect(n).toBeLessThan(380);
		}
	});

	it('fills a quota with every matching item over many seeds, not always the same ones', () => {
		const pool = makePool();
		const seen = new Set<number>();
		for (let seed = 1; seed <= 300; seed++) for (const id of drawQuestions(pool, [quota(3, 3, 2)], 2, seededRng(seed))) seen.add(id);
		const matching = pool.filter((p) => p.topicId === 3 && p.difficulty === 3).map((p) => p.id);
		expect([...seen].sort((a, b) => a - b)).toEqual(matching);
	});

	it('returns the quota questions in shuffled order, not quota first', () => {
		const pool = makePool();
		const positions = new Set<number>();
		for (let seed = 1; seed <= 100; seed++) {
			const items = meta(pool, drawQuestions(pool, [quota(1, 1, 1)], 6, seededRng(seed)));
			const firstMatch = items.findIndex((p) => p.topicId === 1 && p.difficulty === 1);
			positions.add(firstMatch);
		}
		expect(positions.size).toBeGreaterThan(1);
	});
});

describe('shuffle', () => {
	it('keeps the same multiset of items', () => {
		const items = ['a', 'b', 'b', 'c', 'd', 'd', 'd', 'e'];
		for (let seed = 1; seed <= 20; seed++) {
			const out = shuffle(items, seededRng(seed));
			expect(out).toHaveLength(items.length);
			expect(out.slice().sort()).toEqual(items.slice().sort());
		}
	});

	it('does not modify its input', () => {
		const items = [1, 2, 3, 4, 5];
		shuffle(items, seededRng(7));
		expect(items).toEqual([1, 2, 3, 4, 5]);
	});

	it('handles empty and one-element lists', () => {
		expect(shuffle([], seededRng(1))).toEqual([]);
		expect(shuffle(['x'], seededRng(1))).toEqual(['x']);
	});

	it('actually reorders items for some seed', () => {
		const items = Array.from({ length: 10 }, (_, i) => i);
		const reordered = Array.from({ length: 10 }, (_, s) => shuffle(items, seededRng(s + 1))).some((o) => o.some((v, i) => v !== i));
		expect(reordered).toBe(true);
	});
});

describe('seededRng', () => {
	it('returns numbers in [0, 1)', () => {
		const rng = seededRng(123);
		for (let i = 0; i < 1000; i++) {
			const x = rng();
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
		}
	});

	it('repeats its sequence for the same seed and differs for another seed', () => {
		const a = seededRng(9);
		const b = seededRng(9);
		const c = seededRng(10);
		const sa = Array.from({ length: 5 }, () => a());
		expect(Array.from({ length: 5 }, () => b())).toEqual(sa);
		expect(Array.from({ length: 5 }, () => c())).not.toEqual(sa);
	});
});

describe('checkSupply', () => {
	// Topic 1: two easy, one hard; topic 2: one hard.
	const bank: PoolItem[] = [
		{ id: 1, topicId: 1, difficulty: 1 },
		{ id: 2, topicId: 1, difficulty: 1 },
		{ id: 3, topicId: 1, difficulty: 3 },
		{ id: 4, topicId: 2, difficulty: 3 }
	];

	it('agrees with drawQuestions when every quota can be met together', () => {
		const quotas: Quota[] = [
			{ topicId: 1, difficulty: null, count: 2 },
			{ topicId: null, difficulty: 3, count: 2 }
		];
		const r = checkSupply(bank, quotas, 4);
		expect(r).toMatchObject({
			ok: true,
			failedQuota: null,
			quotas: [
				{ available: 3, ok: true },
				{ available: 2, ok: true }
			]
		});
		expect(drawQuestions(bank, quotas, 4, seededRng(1))).toHaveLength(4);
	});

	it('finds quotas that are each possible alone but not together', () => {
		const quotas: Quota[] = [
			{ topicId: 1, difficulty: null, count: 3 },
			{ topicId: null, difficulty: 3, count: 2 }
		];
		const pool = [...bank, { id: 5, topicId: 3, difficulty: 1 }, { id: 6, topicId: 3, difficulty: 1 }];
		const r = checkSupply(pool, quotas, 5);
		expect(r.ok).toBe(false);
		expect(r.poolSize).toBe(6);
		expect(r.quotas.every((q) => q.ok)).toBe(true);
		expect(r.failedQuota).not.toBeNull();
		expect(() => drawQuestions(pool, quotas, 5, seededRng(1))).toThrow(DrawError);
	});

	it('reports a bank smaller than the question count', () => {
		expect(checkSupply(bank, [], 5)).toMatchObject({ ok: false, poolSize: 4, questionCount: 5 });
		expect(checkSupply(bank, [], 4).ok).toBe(true);
	});
});
