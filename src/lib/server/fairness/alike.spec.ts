import { describe, expect, it } from 'vitest';
import { answersFrom, craft, MIN, T0 } from './crafted';
import { findAlikeGroups } from './alike';
import type { AttemptFact } from './facts';

/** A deterministic stand-in for independent people: each answers each question right with probability `acc`. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (s * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32);
}

/** 60 questions in the bank, 15 drawn per sheet: pairs share a few questions, as random draws do. */
function sheet(userId: number, attemptId: number, start: number, acc: number, r: () => number, copyOf?: AttemptFact): AttemptFact {
	const ids = copyOf ? copyOf.answers.map((a) => a.questionId) : [...new Set(Array.from({ length: 40 }, () => 1 + Math.floor(r() * 60)))].slice(0, 15);
	const choices = copyOf
		? copyOf.answers.map((a) => a.choice)
		: ids.map(() => (r() < acc ? 'a' : ['b', 'c', 'd'][Math.floor(r() * 3)]));
	return craft({ attemptId, userId, startedAt: start, durationMs: 8 * MIN, answers: answersFrom(choices, { questionIds: ids, startedAt: start }) });
}

describe('findAlikeGroups', () => {
	it('names a group who copy one sheet, with observed and expected agreement side by side', () => {
		const r = rng(1);
		const honest = Array.from({ length: 40 }, (_, i) => sheet(100 + i, 1_000 + i, T0 + i * 15_000, 0.6, r));
		const source = sheet(1, 1, T0 + 60_000, 0.55, r);
		const group = [source, ...[2, 3, 4].map((u) => sheet(u, u, T0 + 60_000 + u * 10_000, 0, r, source))];
		const [g, ...rest] = findAlikeGroups([...honest, ...group]);
		expect(rest).toEqual([]);
		expect(g.userIds).toEqual([1, 2, 3, 4]);
		expect(g.identicalPairs).toBe(6);
		expect(g.observedSame).toBeGreaterThan(3 * g.expectedSame);
		expect(g.sameWrong).toBeGreaterThan(0);
	});

	it('names a pair who share rare wrong options on the questions their different sheets have in common', () => {
		const r = rng(2);
		const honest = Array.from({ length: 60 }, (_, i) => sheet(100 + i, 1_000 + i, T0 + i * 10_000, 0.7, r));
		// Two people with different draws who copy each other on the 8 questions they share (all answered wrong the same way).
		const q = [1, 2, 3, 4, 5, 6, 7, 8];
		const a = craft({ attemptId: 1, userId: 1, startedAt: T0, answers: answersFrom([...q.map(() => 'd'), 'a', 'a'], { questionIds: [...q, 70, 71] }) });
		const b = craft({ attemptId: 2, userId: 2, startedAt: T0 + 30_000, answers: answersFrom([...q.map(() => 'd'), 'a', 'b'], { questionIds: [...q, 80, 81] }) });
		const out = findAlikeGroups([...honest, a, b]);
		expect(out.map((g) => g.userIds)).toEqual([[1, 2]]);
		expect(out[0].sameWrong).toBe(8);
	});

	it('does not name a class answering independently side by side, strong students included', () => {
		const r = rng(3);
		const cls = Array.from({ length: 40 }, (_, i) => sheet(100 + i, 1_000 + i, T0 + i * 5_000, i < 10 ? 0.95 : 0.6, r));
		expect(findAlikeGroups(cls)).toEqual([]);
	});

	it('does not name two perfect sheets: agreeing on right answers is what good scorers do', () => {
		const ids = Array.from({ length: 15 }, (_, i) => i + 1);
		const p = (u: number) => craft({ attemptId: u, userId: u, startedAt: T0, answers: answersFrom(Array(15).fill('a'), { questionIds: ids }) });
		expect(findAlikeGroups([p(1), p(2)])).toEqual([]);
	});

	it('does not compare attempts far apart in time, nor one person’s own attempts', () => {
		const r = rng(4);
		const source = sheet(1, 1, T0, 0.5, r);
		const later = { ...sheet(2, 2, T0, 0, r, source), startedAt: T0 + 60 * MIN, submittedAt: T0 + 68 * MIN };
		const own = sheet(1, 3, T0 + 10_000, 0, r, source);
		expect(findAlikeGroups([source, later, own])).toEqual([]);
	});
});
