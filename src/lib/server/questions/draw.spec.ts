import { describe, it, expect } from 'vitest';
import {
	DrawError,
	checkAgeSupply,
	checkSupply,
	drawForm,
	drawQuestions,
	seededRng,
	shuffle,
	takerAge,
	type PoolItem,
	type Quota
} from './draw';

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

describe('drawForm: questions fit for the taker’s age', () => {
	// Topic 1: 6 for everyone, 3 adults only (18), 2 from 16; topic 2: 6 for everyone, 2 adults only.
	const pool: PoolItem[] = [
		...Array.from({ length: 6 }, (_, i) => ({ id: 1 + i, topicId: 1, difficulty: 1 })),
		...Array.from({ length: 3 }, (_, i) => ({ id: 11 + i, topicId: 1, difficulty: 2, minAge: 18 })),
		...Array.from({ length: 2 }, (_, i) => ({ id: 21 + i, topicId: 1, difficulty: 3, minAge: 16 })),
		...Array.from({ length: 6 }, (_, i) => ({ id: 31 + i, topicId: 2, difficulty: 1 })),
		...Array.from({ length: 2 }, (_, i) => ({ id: 41 + i, topicId: 2, difficulty: 2, minAge: 18 }))
	];
	const quotas = [quota(1, null, 4), quota(2, null, 3)];

	it('never draws a question above the taker’s age, and still meets the quotas', () => {
		for (const age of [8, 12, 15, 16, 17, 18, 40])
			for (let seed = 1; seed <= 60; seed++) {
				const f = drawForm(pool, quotas, 10, seededRng(seed * 100 + age), { age });
				const items = meta(pool, f.ids);
				expect(items).toHaveLength(10);
				expect(items.filter((p) => (p.minAge ?? 0) > age)).toEqual([]);
				expect(countWhere(items, quotas[0])).toBeGreaterThanOrEqual(4);
				expect(countWhere(items, quotas[1])).toBeGreaterThanOrEqual(3);
				expect(f.short).toBe(0);
			}
	});

	it('lets an adult draw adults-only questions (they do turn up)', () => {
		const seen = new Set<number>();
		for (let seed = 1; seed <= 80; seed++) for (const id of drawForm(pool, quotas, 10, seededRng(seed), { age: 30 }).ids) seen.add(id);
		expect([...seen].some((id) => id >= 11 && id <= 13)).toBe(true);
		expect([...seen].some((id) => id >= 41)).toBe(true);
	});

	it('fills a quota the fit questions cannot meet with other fit questions, never with unfit ones', () => {
		// Topic 1 for a 12-year-old: only the 6 for everyone; the quota asks for 8 (the bank has 11).
		const q = [quota(1, null, 8)];
		expect(() => drawForm(pool, q, 10, seededRng(1), { age: 30 })).not.toThrow();
		for (let seed = 1; seed <= 30; seed++) {
			const f = drawForm(pool, q, 10, seededRng(seed), { age: 12 });
			const items = meta(pool, f.ids);
			expect(items).toHaveLength(10);
			expect(items.every((p) => (p.minAge ?? 0) === 0)).toBe(true);
			expect(f.short).toBe(2);
		}
	});

	it('refuses clearly when too few questions fit the age for the question count', () => {
		expect(() => drawForm(pool, [], 13, seededRng(1), { age: 12 })).toThrow(/phù hợp với độ tuổi/);
		expect(drawForm(pool, [], 13, seededRng(1), { age: 18 }).ids).toHaveLength(13);
	});

	it('keeps an unmet quota of the whole bank an error, for everyone', () => {
		expect(() => drawForm(pool, [quota(1, null, 12)], 12, seededRng(1), { age: 12 })).toThrow(DrawError);
		expect(() => drawForm(pool, [quota(1, null, 12)], 12, seededRng(1), { age: 40 })).toThrow(DrawError);
	});
});

describe('takerAge', () => {
	// 2026-06-15 00:30 in Hanoi is 2026-06-14 17:30 UTC.
	const opens = Date.UTC(2026, 5, 14, 17, 30);
	it('counts whole years on the day the round opens, in Hanoi', () => {
		expect(takerAge('2008-06-15', opens)).toBe(18);
		expect(takerAge('2008-06-16', opens)).toBe(17);
		expect(takerAge('2014-01-01', opens)).toBe(12);
	});
	it('is 0 (fit for everyone only) without a usable birth date', () => {
		expect(takerAge('', opens)).toBe(0);
		expect(takerAge(null, opens)).toBe(0);
		expect(takerAge('15/06/2008', opens)).toBe(0);
	});
});

describe('checkAgeSupply', () => {
	const pool: PoolItem[] = [
		...Array.from({ length: 5 }, (_, i) => ({ id: 1 + i, topicId: 1, difficulty: 1 })),
		...Array.from({ length: 3 }, (_, i) => ({ id: 11 + i, topicId: 1, difficulty: 2, minAge: 18 })),
		...Array.from({ length: 2 }, (_, i) => ({ id: 21 + i, topicId: 2, difficulty: 2, minAge: 12 })),
		...Array.from({ length: 4 }, (_, i) => ({ id: 31 + i, topicId: 2, difficulty: 1 }))
	];
	it('names the brackets below 12, 16 and 18 and says which cannot meet the quotas', () => {
		const r = checkAgeSupply(pool, [quota(1, null, 6)], 10);
		expect(r).toEqual([
			{ from: 0, below: 12, poolSize: 9, ok: false, blocked: true },
			{ from: 12, below: 16, poolSize: 11, ok: false, blocked: false },
			{ from: 16, below: 18, poolSize: 11, ok: false, blocked: false },
			{ from: 18, below: null, poolSize: 14, ok: true, blocked: false }
		]);
	});
	it('reports under 16 and 16–17 even when no question has an age limit', () => {
		const all = pool.filter((p) => !p.minAge);
		expect(checkAgeSupply(all, [], 9).map((b) => [b.from, b.below, b.ok])).toEqual([
			[0, 16, true],
			[16, 18, true],
			[18, null, true]
		]);
	});
});

describe('drawForm: exclusion groups', () => {
	it('never puts two questions of one group in one attempt', () => {
		// 20 questions in pairs: 10 groups of two, so a 10-question draw must take exactly one of each.
		const pool: PoolItem[] = Array.from({ length: 20 }, (_, i) => ({
			id: i + 1,
			topicId: 1 + (i % 2),
			difficulty: 1,
			group: `g${i >> 1}`
		}));
		for (let seed = 1; seed <= 200; seed++) {
			const items = meta(pool, drawForm(pool, [], 10, seededRng(seed)).ids);
			expect(new Set(items.map((p) => p.group)).size).toBe(10);
		}
		expect(() => drawForm(pool, [], 11, seededRng(1))).toThrow(DrawError);
		expect(checkSupply(pool, [], 11).ok).toBe(false);
		expect(checkSupply(pool, [], 10).ok).toBe(true);
	});

	it('meets quotas when a group spans them: picks the member the quota needs (augmenting path)', () => {
		// Group "a" = {1 (topic 1), 2 (topic 2)}; the only topic-1 question left is 1; topic 2 has 2 and 3.
		const pool: PoolItem[] = [
			{ id: 1, topicId: 1, difficulty: 1, group: 'a' },
			{ id: 2, topicId: 2, difficulty: 1, group: 'a' },
			{ id: 3, topicId: 2, difficulty: 1 },
			{ id: 4, topicId: 3, difficulty: 1 }
		];
		const quotas = [quota(2, null, 1), quota(1, null, 1)];
		for (let seed = 1; seed <= 100; seed++) {
			const ids = drawForm(pool, quotas, 3, seededRng(seed)).ids.sort();
			expect(ids).toEqual([1, 3, 4]);
		}
		expect(checkSupply(pool, quotas, 3).ok).toBe(true);
		expect(checkSupply(pool, quotas, 4).ok).toBe(false);
	});

	it('ignores null groups: questions without a group never exclude each other', () => {
		const pool: PoolItem[] = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, topicId: 1, difficulty: 1, group: null }));
		expect(drawForm(pool, [], 10, seededRng(2)).ids).toHaveLength(10);
	});
});

describe('drawForm: equal forms (expected score in the band)', () => {
	/** 3 topics × 3 difficulties × 6 questions; expected share correct by difficulty, with a spread within each. */
	function bank(): PoolItem[] {
		const out: PoolItem[] = [];
		let id = 1;
		for (let topicId = 1; topicId <= 3; topicId++)
			for (let difficulty = 1; difficulty <= 3; difficulty++)
				for (let k = 0; k < 6; k++)
					out.push({
						id: id++,
						topicId,
						difficulty,
						minAge: k === 5 ? 18 : k === 4 ? 16 : 0,
						group: k < 2 ? `t${topicId}d${difficulty}` : null
					});
		return out;
	}
	const pool = bank();
	const share = new Map(pool.map((p) => [p.id, [0.95, 0.8, 0.55][p.difficulty - 1] - 0.03 * ((p.id * 7) % 5)]));
	const expected = (p: PoolItem) => share.get(p.id)!;
	const quotas = [quota(1, null, 3), quota(2, null, 3), quota(null, 3, 2)];
	const score = (ids: number[]) => (10 * ids.reduce((s, id) => s + share.get(id)!, 0)) / ids.length;

	it('without a band, forms differ by more than ±0.5 (so the band has work to do)', () => {
		const scores = Array.from({ length: 300 }, (_, s) => score(drawForm(pool, quotas, 10, seededRng(s + 1)).ids));
		expect(Math.max(...scores) - Math.min(...scores)).toBeGreaterThan(1);
	});

	it('property: many seeded draws stay in the band AND meet the quotas AND respect groups and age', () => {
		const target = 7.6;
		for (let seed = 1; seed <= 400; seed++) {
			const rng = seededRng(seed);
			const age = [10, 15, 16, 17, 25][seed % 5];
			const band = [0.5, 0.3, 0.2][seed % 3];
			const f = drawForm(pool, quotas, 10, rng, { age, balance: { expected, target, band } });
			const items = meta(pool, f.ids);
			expect(items).toHaveLength(10);
			expect(new Set(f.ids).size).toBe(10);
			expect(f.inBand).toBe(true);
			expect(Math.abs(score(f.ids) - target)).toBeLessThanOrEqual(band + 1e-9);
			expect(f.expected).toBeCloseTo(score(f.ids), 9);
			for (const q of quotas) expect(countWhere(items, q)).toBeGreaterThanOrEqual(q.count);
			const groups = items.map((p) => p.group).filter((g) => g != null);
			expect(new Set(groups).size).toBe(groups.length);
			expect(items.filter((p) => (p.minAge ?? 0) > age)).toEqual([]);
		}
	});

	it('still varies the questions inside the band (not one fixed form)', () => {
		const forms = new Set(
			Array.from({ length: 50 }, (_, s) =>
				drawForm(pool, quotas, 10, seededRng(s + 1), { balance: { expected, target: 7.6, band: 0.5 } })
					.ids.sort((a, b) => a - b)
					.join(',')
			)
		);
		expect(forms.size).toBeGreaterThan(40);
	});

	it('comes as close as it can, and says so, when the band cannot be reached', () => {
		const f = drawForm(pool, quotas, 10, seededRng(5), { balance: { expected, target: 9.9, band: 0.1 } });
		expect(f.inBand).toBe(false);
		expect(f.ids).toHaveLength(10);
		// The easiest form the quotas allow: 2 hard (quota), the rest easy.
		expect(f.expected!).toBeGreaterThan(8.3);
	});
});
