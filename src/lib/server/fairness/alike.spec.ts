import { describe, expect, it } from 'vitest';
import { seededRng } from '../questions/draw';
import { answersFrom, craft, MIN, T0 } from './crafted';
import { chanceOfAtLeast, findAlikeGroups } from './alike';
import type { AttemptFact } from './facts';

const DAY = 24 * 60 * MIN;

/** 60 questions in the bank, 15 drawn per sheet: two sheets share a few questions, as random draws do. */
function draw(r: () => number, n = 15): number[] {
	const ids = new Set<number>();
	while (ids.size < n) ids.add(1 + Math.floor(r() * 60));
	return [...ids];
}

/** An independent person: each question right with probability `acc`, otherwise one of three wrong options. */
function person(userId: number, attemptId: number, start: number, acc: number, r: () => number, ip = `ip-${userId}`): AttemptFact {
	const ids = draw(r);
	const choices = ids.map(() => (r() < acc ? 'a' : ['b', 'c', 'd'][Math.floor(r() * 3)]));
	return craft({
		attemptId,
		userId,
		ipHash: ip,
		startedAt: start,
		durationMs: 8 * MIN,
		answers: answersFrom(choices, { questionIds: ids, startedAt: start })
	});
}

/** A group answering from one shared key (right with probability `acc`), each with their own draw and network. */
function group(userIds: number[], start: number, acc: number, r: () => number, key: Map<number, string>, firstAttempt: number) {
	const answer = (q: number) => {
		if (!key.has(q)) key.set(q, r() < acc ? 'a' : ['b', 'c', 'd'][Math.floor(r() * 3)]);
		return key.get(q)!;
	};
	return userIds.map((u, i) => {
		const ids = draw(r);
		const s = start + i * 8_000;
		return craft({
			attemptId: firstAttempt + i,
			userId: u,
			startedAt: s,
			durationMs: 6 * MIN + i * 5_000,
			answers: answersFrom(ids.map(answer), { questionIds: ids, startedAt: s })
		});
	});
}

describe('findAlikeGroups', () => {
	it('names a group who start and hand in together session after session with the same answers, observed beside expected', () => {
		const r = seededRng(1);
		// Thirty others answering in the same ten minutes each day, each at their own moment.
		const honest = [0, 1, 2].flatMap((d) =>
			Array.from({ length: 30 }, (_, i) => person(100 + i, 1_000 + d * 100 + i, T0 + d * DAY + Math.floor(r() * 10 * MIN), 0.7, r))
		);
		const key = new Map<number, string>();
		const cheats = [0, 1, 2].flatMap((d) => group([1, 2, 3, 4], T0 + d * DAY + 5 * MIN, 0.8, r, key, 10 * (d + 1)));
		const out = findAlikeGroups([...honest, ...cheats]);
		expect(out.map((g) => g.userIds)).toEqual([[1, 2, 3, 4]]);
		const [g] = out;
		expect(g.timed).toBe(true);
		expect(g.observedSame).toBe(g.compared);
		expect(g.observedSame).toBeGreaterThan(g.expectedSame);
		expect(g.chance).toBeLessThan(0.01);
	});

	it('keeps a stranger who happens to answer alongside one member twice out of the group', () => {
		const r = seededRng(5);
		const key = new Map<number, string>();
		const cheats = [0, 1, 2].flatMap((d) => group([1, 2, 3, 4], T0 + d * DAY, 0.8, r, key, 10 * (d + 1)));
		// Starts 55 s before member 1 and hands in 30 s before them on two of the days, answering on
		// their own: together with member 1 only (the others started 8–24 s after member 1).
		const stranger = [0, 1].map((d) => ({
			...person(9, 90 + d, T0 + d * DAY - 55_000, 0.7, r),
			durationMs: 385_000,
			submittedAt: T0 + d * DAY + 330_000
		}));
		const out = findAlikeGroups([...cheats, ...stranger]);
		expect(out.map((g) => g.userIds)).toEqual([[1, 2, 3, 4]]);
		expect(out[0].timed).toBe(true);
	});

	it('names two identical sheets with shared wrong answers handed in together, even once', () => {
		const r = seededRng(2);
		const honest = Array.from({ length: 40 }, (_, i) => person(100 + i, 1_000 + i, T0 + i * 15_000, 0.7, r));
		const ids = Array.from({ length: 20 }, (_, i) => 61 + i);
		const choices = ids.map((_, i) => (i % 5 < 2 ? ['b', 'c', 'd'][i % 3] : 'a'));
		const twin = (u: number, s: number) =>
			craft({ attemptId: u, userId: u, startedAt: s, answers: answersFrom(choices, { questionIds: ids, startedAt: s }) });
		// Everyone else's answers to those questions, so that a wrong option's rarity is known.
		const others = Array.from({ length: 20 }, (_, i) =>
			craft({
				attemptId: 500 + i,
				userId: 500 + i,
				startedAt: T0 + 2 * DAY,
				answers: answersFrom(
					ids.map(() => (r() < 0.7 ? 'a' : ['b', 'c', 'd'][Math.floor(r() * 3)])),
					{ questionIds: ids }
				)
			})
		);
		const out = findAlikeGroups([...honest, ...others, twin(1, T0), twin(2, T0 + 30_000)]);
		expect(out.map((g) => g.userIds)).toEqual([[1, 2]]);
		expect(out[0]).toMatchObject({ identicalPairs: 1, sameWrong: 8, timed: false });
	});

	it('does not name a class side by side on the school network, session after session, strong students included', () => {
		const r = seededRng(3);
		const cls = [0, 1, 2].flatMap((d) =>
			Array.from({ length: 30 }, (_, i) =>
				person(100 + i, 1_000 + d * 100 + i, T0 + d * DAY + i * 3_000, i < 10 ? 0.95 : 0.65, r, 'school')
			)
		);
		expect(findAlikeGroups(cls)).toEqual([]);
	});

	it('does not name strangers who happen to start together twice but answer independently', () => {
		const r = seededRng(4);
		const pairs = [0, 1].flatMap((d) => [1, 2, 3].map((u) => person(u, d * 10 + u, T0 + d * DAY + u * 5_000, 0.75, r)));
		const crowd = Array.from({ length: 40 }, (_, i) => person(100 + i, 1_000 + i, T0 + i * 30_000, 0.7, r));
		expect(findAlikeGroups([...pairs, ...crowd])).toEqual([]);
	});

	it('does not name two perfect sheets: agreeing on right answers is what good scorers do', () => {
		const ids = Array.from({ length: 15 }, (_, i) => i + 1);
		const p = (u: number) =>
			craft({ attemptId: u, userId: u, startedAt: T0, answers: answersFrom(Array(15).fill('a'), { questionIds: ids }) });
		expect(findAlikeGroups([p(1), p(2)])).toEqual([]);
	});

	it('does not compare attempts far apart in time, nor one person’s own attempts', () => {
		const ids = Array.from({ length: 15 }, (_, i) => i + 1);
		const choices = ids.map((_, i) => (i % 3 ? 'a' : 'd'));
		const s = (a: number, u: number, at: number) =>
			craft({ attemptId: a, userId: u, startedAt: at, answers: answersFrom(choices, { questionIds: ids }) });
		expect(findAlikeGroups([s(1, 1, T0), s(2, 2, T0 + 60 * MIN), s(3, 1, T0 + 10_000)])).toEqual([]);
	});
});

describe('chanceOfAtLeast', () => {
	it('is the tail of independent agreements', () => {
		expect(chanceOfAtLeast([0.5, 0.5], 2)).toBeCloseTo(0.25);
		expect(chanceOfAtLeast([0.5, 0.5], 1)).toBeCloseTo(0.75);
		expect(chanceOfAtLeast([0.9, 0.2, 0.5], 0)).toBeCloseTo(1);
		expect(chanceOfAtLeast(Array(12).fill(0.66), 12)).toBeCloseTo(0.66 ** 12);
	});
});
