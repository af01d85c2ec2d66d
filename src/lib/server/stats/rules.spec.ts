import { describe, expect, it } from 'vitest';
import {
	ageGroup,
	biserialSums,
	facility,
	fillDays,
	flagItem,
	heatLevel,
	mean,
	pointBiserial,
	scoreHistogram,
	upperLowerIndex
} from './rules';

describe('facility', () => {
	it('is the share of correct answers among times shown', () => {
		expect(facility(3, 4)).toBe(0.75);
		expect(facility(0, 5)).toBe(0);
	});
	it('is undefined for a question never shown', () => {
		expect(facility(0, 0)).toBeNull();
	});
});

describe('point-biserial discrimination', () => {
	// Hand computation: rest scores y = 2, 1 (right) and 1, 0 (wrong). Means 1.5 and 0.5, population
	// SD of y = √0.5, p = q = ½ → r = (1.5 − 0.5) / √0.5 · ½ = √0.5 ≈ 0.7071.
	const answers = [
		{ correct: true, score: 3 },
		{ correct: true, score: 2 },
		{ correct: false, score: 1 },
		{ correct: false, score: 0 }
	];
	it('collects the sums over item result and rest score', () => {
		expect(biserialSums(answers)).toEqual({ n: 4, sumX: 2, sumY: 4, sumXY: 3, sumY2: 6 });
	});
	it('matches the hand-computed correlation', () => {
		expect(pointBiserial(biserialSums(answers))).toBeCloseTo(Math.SQRT1_2, 10);
	});
	it('is negative when weaker people get the item right', () => {
		const flipped = answers.map((a) => ({ correct: !a.correct, score: a.score - (a.correct ? 1 : 0) + (a.correct ? 0 : 1) }));
		// rest scores stay 2,1,1,0 but now the low ones are right.
		expect(pointBiserial(biserialSums(flipped))).toBeCloseTo(-Math.SQRT1_2, 10);
	});
	it('is undefined when everybody answered alike', () => {
		expect(pointBiserial(biserialSums(answers.map((a) => ({ ...a, correct: true }))))).toBeNull();
		expect(pointBiserial(biserialSums([{ correct: true, score: 1 }]))).toBeNull();
	});
});

describe('upper–lower 27 % index', () => {
	it('subtracts the bottom group’s share correct from the top group’s', () => {
		// 10 answers → groups of round(2.7) = 3. Top (scores 10, 9, 8): 2 right; bottom (3, 2, 1): 1 right.
		const answers = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((score, i) => ({ score, correct: [0, 1, 3, 9].includes(i) }));
		expect(upperLowerIndex(answers)).toBeCloseTo(2 / 3 - 1 / 3, 10);
	});
	it('needs at least four answers', () => {
		expect(upperLowerIndex([{ score: 1, correct: true }])).toBeNull();
	});
});

describe('item flags', () => {
	it('flags too easy, too hard and negative items once shown often enough', () => {
		expect(flagItem(100, 0.95, 0.3)).toEqual(['too_easy']);
		expect(flagItem(100, 0.2, 0.3)).toEqual(['too_hard']);
		expect(flagItem(100, 0.6, -0.1)).toEqual(['negative']);
		expect(flagItem(100, 0.6, 0.1)).toEqual(['weak']);
		expect(flagItem(100, 0.6, 0.4)).toEqual([]);
	});
	it('does not judge an item seen by few people', () => {
		expect(flagItem(10, 1, -0.5)).toEqual([]);
	});
});

describe('score histogram', () => {
	it('has one bin per possible score, empty bins included', () => {
		expect(
			scoreHistogram(
				[
					{ score: 10, people: 4 },
					{ score: 7, people: 2 },
					{ score: 0, people: 1 }
				],
				10
			)
		).toEqual([1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 4]);
	});
});

describe('age groups', () => {
	const JUNE_1 = Date.UTC(2026, 5, 1, 3); // 10:00 in Hanoi
	it('puts people into the report’s groups', () => {
		expect(ageGroup('2012-01-01', JUNE_1)).toBe('Dưới 16');
		expect(ageGroup('2010-06-01', JUNE_1)).toBe('16–30');
		expect(ageGroup('1995-06-02', JUNE_1)).toBe('16–30');
		expect(ageGroup('1990-05-20', JUNE_1)).toBe('31–45');
		expect(ageGroup('1970-01-01', JUNE_1)).toBe('46–60');
		expect(ageGroup('1950-01-01', JUNE_1)).toBe('Trên 60');
	});
});

describe('unit comparison', () => {
	it('averages units, ignoring units without a figure', () => {
		expect(mean([0.1, 0.3, null])).toBeCloseTo(0.2, 10);
		expect(mean([])).toBeNull();
	});
	it('colours shares from weak to strong', () => {
		expect([null, 0.4, 0.6, 0.7, 0.8, 0.9].map(heatLevel)).toEqual([0, 1, 2, 3, 4, 5]);
	});
});

describe('days of a chart', () => {
	const d = (day: string, participants: number, attempts = participants) => ({ day, participants, attempts });

	it('shows every day of the range, with zero on days nobody handed in', () => {
		expect(fillDays([d('2026-11-02', 3, 4), d('2026-11-05', 1)], '2026-11-01', '2026-11-06')).toEqual([
			d('2026-11-01', 0),
			d('2026-11-02', 3, 4),
			d('2026-11-03', 0),
			d('2026-11-04', 0),
			d('2026-11-05', 1),
			d('2026-11-06', 0)
		]);
	});

	it('crosses month and year ends and leap days', () => {
		expect(fillDays([], '2027-12-30', '2028-01-02').map((x) => x.day)).toEqual(['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02']);
		expect(fillDays([], '2028-02-28', '2028-03-01').map((x) => x.day)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
	});

	it('widens the range to days with counts outside it, and keeps the last days when it is too long', () => {
		expect(fillDays([d('2026-10-31', 2)], '2026-11-01', '2026-11-02').map((x) => x.day)).toEqual([
			'2026-10-31',
			'2026-11-01',
			'2026-11-02'
		]);
		expect(fillDays([d('2026-11-03', 1)], null, null)).toEqual([d('2026-11-03', 1)]);
		expect(fillDays([], null, null)).toEqual([]);
		const long = fillDays([], '2020-01-01', '2026-12-31', 10);
		expect([long.length, long[0].day, long[9].day]).toEqual([10, '2026-12-22', '2026-12-31']);
	});
});
