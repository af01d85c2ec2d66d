import { describe, expect, it } from 'vitest';
import { answersFrom, craft, T0 } from './crafted';
import { findSpeed, minimumHumanMs } from './speed';

const all = (c: string) => Array(10).fill(c) as string[];

describe('minimumHumanMs', () => {
	it('is the text shown read at 50 characters a second plus 1.5 s per answer', () => {
		expect(minimumHumanMs({ textChars: 2_500, answered: 10 })).toBe(50_000 + 15_000);
	});
});

describe('findSpeed', () => {
	// Ten questions of 200 characters: the floor is 40 s + 15 s = 55 s.
	it('names an attempt faster than anyone can read', () => {
		const [f] = findSpeed([craft({ attemptId: 1, userId: 1, durationMs: 20_000, answers: answersFrom(all('a'), { gapMs: 1_500 }) })]);
		expect(f).toMatchObject({ attemptId: 1, minimumMs: 55_000, signs: expect.arrayContaining(['below_floor']) });
		expect(f.points).toBeGreaterThanOrEqual(3);
	});

	it('still names a bot slowed down by a fifth: a perfect sheet near the floor at an even pace', () => {
		const [f] = findSpeed([craft({ attemptId: 1, userId: 1, durationMs: 66_000, answers: answersFrom(all('a'), { gapMs: 6_000 }) })]);
		expect(f.signs).toEqual(expect.arrayContaining(['perfect_near_floor', 'even_rhythm']));
		expect(f.signs).not.toContain('below_floor');
		expect(f.points).toBeGreaterThanOrEqual(3);
	});

	it('names answers all saved within one second, whatever the duration', () => {
		const [f] = findSpeed([craft({ attemptId: 1, userId: 1, durationMs: 5 * 60_000, answers: answersFrom(all('a'), { gapMs: 50 }) })]);
		expect(f.signs).toContain('burst');
		expect(f.saveSpanMs).toBe(450);
	});

	it('does not name a quick honest reader: fast, a few mistakes, gaps that follow the question length', () => {
		const chars = [120, 300, 180, 400, 150, 260, 90, 350, 200, 240];
		const answers = answersFrom(['a', 'a', 'b', 'a', 'a', 'c', 'a', 'a', 'a', 'a'], { chars, gapMs: (i) => 3_000 + chars[i] * 30 });
		expect(findSpeed([craft({ attemptId: 1, userId: 1, durationMs: 80_000, answers })])).toEqual([]);
	});

	it('never names rhythm alone: an even pace, no change of mind and a quick retry, at an ordinary speed', () => {
		const first = craft({ attemptId: 1, userId: 1, durationMs: 4 * 60_000 });
		const answers = answersFrom(['a', 'b', 'a', 'a', 'c', 'a', 'a', 'a', 'b', 'a'], {
			startedAt: first.submittedAt + 5_000,
			gapMs: 20_000
		}).map((a) => ({ ...a, changes: a.choice ? 0 : null }));
		const second = craft({ attemptId: 2, userId: 1, startedAt: first.submittedAt + 5_000, durationMs: 4 * 60_000, answers });
		expect(findSpeed([first, second])).toEqual([]);
	});

	it('adds back-to-back attempts and never changing an answer to a timing sign', () => {
		const first = craft({ attemptId: 1, userId: 1, durationMs: 30_000, answers: answersFrom(all('a'), { gapMs: 2_500 }) });
		const next = craft({
			attemptId: 2,
			userId: 1,
			startedAt: first.submittedAt + 3_000,
			durationMs: 30_000,
			answers: answersFrom(all('a'), { startedAt: first.submittedAt + 3_000, gapMs: 2_500 }).map((a) => ({ ...a, changes: 0 }))
		});
		const out = findSpeed([first, next]);
		const second = out.find((f) => f.attemptId === 2)!;
		expect(second.signs).toEqual(expect.arrayContaining(['below_floor', 'no_change', 'back_to_back']));
		expect(second.points).toBeGreaterThan(out.find((f) => f.attemptId === 1)!.points);
	});

	it('does not name an empty hand-in, nor one with most questions left blank', () => {
		expect(findSpeed([craft({ attemptId: 1, userId: 1, durationMs: 2_000, answers: answersFrom(Array(10).fill('')) })])).toEqual([]);
		const one = answersFrom(['a', '', '', '', '', '', '', '', '', ''], { gapMs: 300 });
		expect(findSpeed([craft({ attemptId: 2, userId: 1, durationMs: 1_000, answers: one })])).toEqual([]);
	});

	it('reads the first save time when there is one (a late change does not stretch the rhythm)', () => {
		const answers = answersFrom(all('a'), { gapMs: 30 }).map((a, i) => (i === 9 ? { ...a, savedAt: T0 + 120_000, changes: 1 } : a));
		expect(findSpeed([craft({ attemptId: 1, userId: 1, durationMs: 200_000, answers })])[0].signs).toContain('burst');
	});
});
