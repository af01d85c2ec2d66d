import { describe, expect, it } from 'vitest';
import {
	answerPoints,
	combinedScore,
	eliminated,
	eliminatesAt,
	FLAT_POINTS,
	isCorrect,
	judgedScore,
	mayAnswer,
	quizMax,
	rank,
	revived,
	teamScore,
	validJudgeScore
} from './scoring';

const opts = [
	{ id: 'a', text: 'A', correct: true },
	{ id: 'b', text: 'B', correct: false },
	{ id: 'c', text: 'C', correct: true }
];

describe('answer points (speed bonus on the server clock)', () => {
	it('gives 1000 for an instant correct answer, 500 at the close, linear between', () => {
		expect(answerPoints({ correct: true, speedBonus: true, elapsedMs: 0, windowMs: 20_000 })).toBe(1000);
		expect(answerPoints({ correct: true, speedBonus: true, elapsedMs: 10_000, windowMs: 20_000 })).toBe(750);
		expect(answerPoints({ correct: true, speedBonus: true, elapsedMs: 15_000, windowMs: 20_000 })).toBe(625);
		expect(answerPoints({ correct: true, speedBonus: true, elapsedMs: 20_000, windowMs: 20_000 })).toBe(500);
	});
	it('never goes outside 500…1000 (clock edges: early or late receipt)', () => {
		expect(answerPoints({ correct: true, speedBonus: true, elapsedMs: -50, windowMs: 20_000 })).toBe(1000);
		expect(answerPoints({ correct: true, speedBonus: true, elapsedMs: 25_000, windowMs: 20_000 })).toBe(500);
	});
	it('is a flat 1000 with the speed bonus off, and 0 for a wrong answer', () => {
		expect(answerPoints({ correct: true, speedBonus: false, elapsedMs: 19_000, windowMs: 20_000 })).toBe(FLAT_POINTS);
		expect(answerPoints({ correct: false, speedBonus: true, elapsedMs: 0, windowMs: 20_000 })).toBe(0);
		expect(answerPoints({ correct: false, speedBonus: false, elapsedMs: 0, windowMs: 20_000 })).toBe(0);
	});
	it('counts a multiple-choice answer right only for the exact set', () => {
		expect(isCorrect('multiple', opts, ['a', 'c'])).toBe(true);
		expect(isCorrect('multiple', opts, ['c', 'a'])).toBe(true);
		expect(isCorrect('multiple', opts, ['a'])).toBe(false);
		expect(isCorrect('multiple', opts, ['a', 'b', 'c'])).toBe(false);
		expect(isCorrect('multiple', opts, [])).toBe(false);
		expect(isCorrect('single', [opts[0], opts[1]], ['a'])).toBe(true);
	});
});

describe('team scores', () => {
	it('averages (rounded) or sums the members; an empty team scores 0', () => {
		expect(teamScore([1000, 500, 0], 'average')).toBe(500);
		expect(teamScore([1000, 501], 'average')).toBe(751);
		expect(teamScore([1000, 500, 0], 'sum')).toBe(1500);
		expect(teamScore([], 'average')).toBe(0);
		expect(teamScore([], 'sum')).toBe(0);
	});
});

describe('judged parts: the trimmed mean', () => {
	it('is null with no scores', () => expect(judgedScore([])).toBeNull());
	it('keeps every score with 3 judges or fewer', () => {
		expect(judgedScore([80])).toBe(8);
		expect(judgedScore([70, 90])).toBe(8);
		expect(judgedScore([70, 80, 100])).toBe(8.33);
	});
	it('drops one highest and one lowest with 4 judges', () => {
		// 30 and 100 go: (80 + 85) / 2 = 8.25
		expect(judgedScore([100, 80, 30, 85])).toBe(8.25);
	});
	it('drops only ONE of equal extremes with 5 judges', () => {
		// 100, 100, 90, 60, 60 → drop one 100 and one 60: (100 + 90 + 60) / 3 = 8.33
		expect(judgedScore([100, 60, 90, 100, 60])).toBe(8.33);
		expect(judgedScore([95, 85, 90, 0, 100])).toBe(9);
	});
	it('accepts judge scores 0…max in steps of 0.5 only', () => {
		expect(validJudgeScore(0, 10)).toBe(true);
		expect(validJudgeScore(8.5, 10)).toBe(true);
		expect(validJudgeScore(10, 10)).toBe(true);
		expect(validJudgeScore(10.5, 10)).toBe(false);
		expect(validJudgeScore(-0.5, 10)).toBe(false);
		expect(validJudgeScore(8.3, 10)).toBe(false);
		expect(validJudgeScore(Number.NaN, 10)).toBe(false);
	});
});

describe('the combined board (weights)', () => {
	const parts = [
		{ shown: 8, scaleMax: 10 },
		{ shown: 6, scaleMax: 10 }
	];
	it('brings quiz and judged points to 100 each before weighting', () => {
		// quiz 5000 of 10 000 = 50; judged 14 of 20 = 70
		const max = quizMax({ questionsAsked: 10, mode: 'average', largestTeam: 4 });
		expect(max).toBe(10_000);
		expect(combinedScore({ quiz: 5000, quizMax: max, parts, quizWeight: 1000, judgedWeight: 1000 })).toEqual({
			quiz100: 50,
			judged100: 70,
			points: 120
		});
		expect(combinedScore({ quiz: 5000, quizMax: max, parts, quizWeight: 600, judgedWeight: 400 }).points).toBe(58);
		expect(combinedScore({ quiz: 5000, quizMax: max, parts, quizWeight: 0, judgedWeight: 1000 }).points).toBe(70);
	});
	it('lets a judged part decide against a quiz lead when the weights say so', () => {
		const max = quizMax({ questionsAsked: 10, mode: 'average', largestTeam: 1 });
		const quizTeam = combinedScore({ quiz: 9000, quizMax: max, parts: [{ shown: 5, scaleMax: 10 }], quizWeight: 300, judgedWeight: 700 });
		const stageTeam = combinedScore({
			quiz: 6000,
			quizMax: max,
			parts: [{ shown: 9.5, scaleMax: 10 }],
			quizWeight: 300,
			judgedWeight: 700
		});
		expect(stageTeam.points).toBeGreaterThan(quizTeam.points);
	});
	it('scales a sum by the largest team, and counts an unscored part as 0', () => {
		expect(quizMax({ questionsAsked: 10, mode: 'sum', largestTeam: 5 })).toBe(50_000);
		expect(
			combinedScore({ quiz: 25_000, quizMax: 50_000, parts: [{ shown: null, scaleMax: 10 }], quizWeight: 1000, judgedWeight: 1000 })
		).toEqual({
			quiz100: 50,
			judged100: 0,
			points: 50
		});
	});
});

describe('ranking with ties', () => {
	it('shares a rank on equal points, ordering the tie by total time, then join order', () => {
		const rows = rank([
			{ id: 1, points: 900, totalMs: 9000, joinOrder: 1 },
			{ id: 2, points: 1500, totalMs: 5000, joinOrder: 2 },
			{ id: 3, points: 900, totalMs: 4000, joinOrder: 3 },
			{ id: 4, points: 900, totalMs: 4000, joinOrder: 0 },
			{ id: 5, points: 0, totalMs: 0, joinOrder: 4 }
		]);
		expect(rows.map((r) => [r.id, r.rank])).toEqual([
			[2, 1],
			[4, 2],
			[3, 2],
			[1, 2],
			[5, 5]
		]);
	});
});

describe('elimination and the revive question', () => {
	const rules = { eliminationAfter: 4, eliminationKeep: 2, revivePosition: 5 };
	const players = [
		{ id: 1, points: 3000, totalMs: 10_000, joinOrder: 1 },
		{ id: 2, points: 2000, totalMs: 8000, joinOrder: 2 },
		{ id: 3, points: 2000, totalMs: 9000, joinOrder: 3 },
		{ id: 4, points: 500, totalMs: 1000, joinOrder: 4 }
	];
	it('keeps the best `keep` (ties cut by time) when leaving position elimination_after', () => {
		expect(eliminatesAt(rules, 3)).toBe(false);
		expect(eliminatesAt(rules, 4)).toBe(true);
		expect(eliminatesAt({ ...rules, eliminationKeep: null }, 4)).toBe(false);
		expect(eliminated(players, 2).sort()).toEqual([3, 4]);
		expect(eliminated(players, 4)).toEqual([]);
		expect(eliminated(players.slice(0, 1), 2)).toEqual([]);
	});
	it('lets only the eliminated answer the revive question, and only those still in answer the rest', () => {
		expect(mayAnswer(rules, 5, { eliminated: true, removed: false })).toBe(true);
		expect(mayAnswer(rules, 5, { eliminated: false, removed: false })).toBe(false);
		expect(mayAnswer(rules, 6, { eliminated: true, removed: false })).toBe(false);
		expect(mayAnswer(rules, 6, { eliminated: false, removed: false })).toBe(true);
		expect(mayAnswer(rules, 2, { eliminated: false, removed: true })).toBe(false);
	});
	it('brings back the eliminated who got the revive question right', () => {
		expect(revived([3, 4], new Set([4, 1]))).toEqual([4]);
		expect(revived([3, 4], new Set())).toEqual([]);
	});
});
