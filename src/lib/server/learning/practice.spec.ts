import { describe, expect, it } from 'vitest';
import { seededRng, type PoolItem } from '../questions/draw';
import {
	drawPracticeQuestion,
	hiddenFromPractice,
	nextToken,
	optionOrder,
	practicePool,
	readToken,
	roundCanDraw,
	signToken,
	SEEN_MAX
} from './practice';

const SECRET = 'a-test-secret-of-some-length';

// Topic 1: ids 1–6 (difficulty 1–3), topic 2: ids 7–10, topic 3: ids 11–12.
const pool: PoolItem[] = [
	{ id: 1, topicId: 1, difficulty: 1 },
	{ id: 2, topicId: 1, difficulty: 1 },
	{ id: 3, topicId: 1, difficulty: 2 },
	{ id: 4, topicId: 1, difficulty: 2 },
	{ id: 5, topicId: 1, difficulty: 3 },
	{ id: 6, topicId: 1, difficulty: 3 },
	{ id: 7, topicId: 2, difficulty: 1 },
	{ id: 8, topicId: 2, difficulty: 2 },
	{ id: 9, topicId: 2, difficulty: 2 },
	{ id: 10, topicId: 2, difficulty: 3 },
	{ id: 11, topicId: 3, difficulty: 1 },
	{ id: 12, topicId: 3, difficulty: 2 }
];

describe('which questions an open round could draw', () => {
	it('is only the questions matching its quotas when the quotas fill the whole count', () => {
		const ids = roundCanDraw(pool, {
			questionCount: 3,
			quotas: [
				{ topicId: 2, difficulty: null, count: 2 },
				{ topicId: 1, difficulty: 3, count: 1 }
			]
		});
		expect([...ids].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9, 10]);
	});

	it('is the whole pool when part of the count is drawn freely', () => {
		const ids = roundCanDraw(pool, { questionCount: 4, quotas: [{ topicId: 2, difficulty: null, count: 2 }] });
		expect(ids.size).toBe(pool.length);
		expect(roundCanDraw(pool, { questionCount: 10, quotas: [] }).size).toBe(pool.length);
	});

	it('adds up over several open rounds, and is empty without any', () => {
		const hidden = hiddenFromPractice(pool, [
			{ questionCount: 1, quotas: [{ topicId: 3, difficulty: null, count: 1 }] },
			{ questionCount: 1, quotas: [{ topicId: 1, difficulty: 1, count: 1 }] }
		]);
		expect([...hidden].sort((a, b) => a - b)).toEqual([1, 2, 11, 12]);
		expect(hiddenFromPractice(pool, []).size).toBe(0);
	});
});

describe('the practice pool', () => {
	it('holds the topic’s questions and none an open round could draw', () => {
		const hidden = hiddenFromPractice(pool, [{ questionCount: 2, quotas: [{ topicId: 1, difficulty: 3, count: 2 }] }]);
		expect(practicePool(pool, { topicId: 1, hidden, age: 30 }).map((p) => p.id)).toEqual([1, 2, 3, 4]);
		expect(practicePool(pool, { topicId: 2, hidden, age: 30 }).map((p) => p.id)).toEqual([7, 8, 9, 10]);
		expect(practicePool(pool, { topicId: 99, hidden, age: 30 }).map((p) => p.id)).toEqual([]);
	});

	it('holds only questions fit for the person’s age, as a round draws (0: anonymous, fit for everyone)', () => {
		const aged = [
			{ id: 1, topicId: 1, difficulty: 1 },
			{ id: 2, topicId: 1, difficulty: 1, minAge: 18 },
			{ id: 3, topicId: 1, difficulty: 2, minAge: 14 }
		];
		const none = new Set<number>();
		expect(practicePool(aged, { topicId: 1, hidden: none, age: 0 }).map((p) => p.id)).toEqual([1]);
		expect(practicePool(aged, { topicId: 1, hidden: none, age: 12 }).map((p) => p.id)).toEqual([1]);
		expect(practicePool(aged, { topicId: 1, hidden: none, age: 15 }).map((p) => p.id)).toEqual([1, 3]);
		expect(practicePool(aged, { topicId: 1, hidden: none, age: 18 }).map((p) => p.id)).toEqual([1, 2, 3]);
	});

	it('is empty for a topic wholly in an open round’s pool (switch on)', () => {
		const hidden = hiddenFromPractice(pool, [{ questionCount: 2, quotas: [{ topicId: 3, difficulty: null, count: 2 }] }]);
		expect(practicePool(pool, { topicId: 3, hidden, age: 30 })).toEqual([]);
	});
});

describe('drawing practice questions', () => {
	it('never repeats a question before the topic was gone through, then starts a new lap', () => {
		const candidates = pool.filter((p) => p.topicId === 2);
		const rng = seededRng(7);
		const seen: number[] = [];
		for (let i = 0; i < candidates.length; i++) {
			const d = drawPracticeQuestion(candidates, seen, rng)!;
			expect(d.lap).toBe(false);
			expect(seen).not.toContain(d.id);
			seen.push(d.id);
		}
		expect([...seen].sort((a, b) => a - b)).toEqual([7, 8, 9, 10]);
		const again = drawPracticeQuestion(candidates, seen, rng)!;
		expect(again.lap).toBe(true);
		expect(again.id).not.toBe(seen[seen.length - 1]);
	});

	it('draws only from the candidates given, and nothing from none', () => {
		const candidates = practicePool(pool, { topicId: 1, hidden: new Set([1, 2, 3]), age: 30 });
		for (let s = 0; s < 50; s++) expect([4, 5, 6]).toContain(drawPracticeQuestion(candidates, [], seededRng(s))!.id);
		expect(drawPracticeQuestion([], [], seededRng(1))).toBeNull();
	});

	it('keeps showing the only question of a one-question topic', () => {
		const one = [pool[10]];
		expect(drawPracticeQuestion(one, [11], seededRng(3))).toEqual({ id: 11, lap: true });
	});
});

describe('the practice token', () => {
	const tok = nextToken(null, { topicId: 2, questionId: 8, versionId: 80, lap: false });

	it('round-trips through its signature', () => {
		expect(readToken(signToken(tok, SECRET), SECRET)).toEqual(tok);
		expect(tok.seen).toEqual([8]);
		expect(tok.done).toBe(0);
	});

	it('is refused when changed, signed with another key, or not a token at all', () => {
		const text = signToken(tok, SECRET);
		const [payload, mac] = text.split('.');
		const forged = Buffer.from(JSON.stringify({ ...tok, q: 9 })).toString('base64url');
		expect(readToken(`${forged}.${mac}`, SECRET)).toBeNull();
		expect(readToken(`${payload}.${mac.slice(0, -2)}`, SECRET)).toBeNull();
		expect(readToken(text, 'another-secret-of-some-length')).toBeNull();
		for (const junk of ['', '.', 'abc', `${payload}.`, 42, null, undefined, 'x'.repeat(5000)]) expect(readToken(junk, SECRET)).toBeNull();
	});

	it('carries the counts on and the lap’s seen questions, capped', () => {
		let t = tok;
		for (let q = 100; q < 100 + SEEN_MAX + 5; q++)
			t = nextToken({ ...t, done: t.done + 1, right: t.right }, { topicId: 2, questionId: q, versionId: q, lap: false });
		expect(t.seen).toHaveLength(SEEN_MAX);
		expect(t.seen[t.seen.length - 1]).toBe(100 + SEEN_MAX + 4);
		expect(t.done).toBe(SEEN_MAX + 5);
		const lap = nextToken(t, { topicId: 2, questionId: 8, versionId: 80, lap: true });
		expect(lap.seen).toEqual([8]);
		expect(lap.n).not.toBe(t.n);
	});

	it('shuffles options the same way for the same draw', () => {
		const opts = ['a', 'b', 'c', 'd', 'e'];
		expect(optionOrder(opts, 12345)).toEqual(optionOrder(opts, 12345));
		expect([...optionOrder(opts, 12345)].sort()).toEqual(opts);
	});
});
