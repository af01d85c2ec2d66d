import { describe, it, expect } from 'vitest';
import type { StoredOption } from '../questions/questions';
import { isAnswerCorrect, scoreSheet, validateChoice } from './scoring';

const single: StoredOption[] = [
	{ id: 'a', text: 'Hà Nội', correct: true },
	{ id: 'b', text: 'Huế', correct: false },
	{ id: 'c', text: 'Sài Gòn', correct: false }
];
const trueFalse: StoredOption[] = [
	{ id: 't', text: 'Đúng', correct: false },
	{ id: 'f', text: 'Sai', correct: true }
];
const multiple: StoredOption[] = [
	{ id: 'a', text: 'Một', correct: true },
	{ id: 'b', text: 'Hai', correct: false },
	{ id: 'c', text: 'Ba', correct: true },
	{ id: 'd', text: 'Bốn', correct: false }
];

describe('isAnswerCorrect — single choice', () => {
	it('accepts the one correct option', () => {
		expect(isAnswerCorrect('single', single, ['a'])).toBe(true);
	});

	it('rejects a wrong option', () => {
		expect(isAnswerCorrect('single', single, ['b'])).toBe(false);
	});

	it('rejects an empty choice', () => {
		expect(isAnswerCorrect('single', single, [])).toBe(false);
	});

	it('rejects two chosen options even when one of them is correct', () => {
		expect(isAnswerCorrect('single', single, ['a', 'b'])).toBe(false);
		expect(isAnswerCorrect('single', single, ['b', 'a'])).toBe(false);
	});

	it('rejects an option id that does not belong to the question', () => {
		expect(isAnswerCorrect('single', single, ['zzz'])).toBe(false);
	});
});

describe('isAnswerCorrect — true/false', () => {
	it('accepts the correct side', () => {
		expect(isAnswerCorrect('true_false', trueFalse, ['f'])).toBe(true);
	});

	it('rejects the wrong side', () => {
		expect(isAnswerCorrect('true_false', trueFalse, ['t'])).toBe(false);
	});

	it('rejects ticking both sides', () => {
		expect(isAnswerCorrect('true_false', trueFalse, ['t', 'f'])).toBe(false);
	});

	it('rejects no answer', () => {
		expect(isAnswerCorrect('true_false', trueFalse, [])).toBe(false);
	});
});

describe('isAnswerCorrect — multiple choice (all or nothing)', () => {
	it('accepts exactly the set of correct options', () => {
		expect(isAnswerCorrect('multiple', multiple, ['a', 'c'])).toBe(true);
	});

	it('ignores the order in which options were chosen', () => {
		expect(isAnswerCorrect('multiple', multiple, ['c', 'a'])).toBe(true);
	});

	it('gives no credit for a strict subset of the correct options', () => {
		expect(isAnswerCorrect('multiple', multiple, ['a'])).toBe(false);
		expect(isAnswerCorrect('multiple', multiple, ['c'])).toBe(false);
	});

	it('gives no credit for a superset of the correct options', () => {
		expect(isAnswerCorrect('multiple', multiple, ['a', 'b', 'c'])).toBe(false);
	});

	it('gives no credit for ticking every option', () => {
		expect(isAnswerCorrect('multiple', multiple, ['a', 'b', 'c', 'd'])).toBe(false);
	});

	it('gives no credit for the same number of options when one is wrong', () => {
		expect(isAnswerCorrect('multiple', multiple, ['a', 'b'])).toBe(false);
	});

	it('treats a repeated id as one choice, so duplicates neither help nor hurt', () => {
		expect(isAnswerCorrect('multiple', multiple, ['a', 'c', 'a'])).toBe(true);
		// Repeating a correct id cannot stand in for the missing one.
		expect(isAnswerCorrect('multiple', multiple, ['a', 'a'])).toBe(false);
	});

	it('rejects an empty choice', () => {
		expect(isAnswerCorrect('multiple', multiple, [])).toBe(false);
	});
});

describe('scoreSheet', () => {
	it('counts one point per correct answer and treats unanswered (null) questions as wrong', () => {
		const result = scoreSheet([
			{ kind: 'single', options: single, chosen: ['a'] },
			{ kind: 'single', options: single, chosen: ['b'] },
			{ kind: 'true_false', options: trueFalse, chosen: ['f'] },
			{ kind: 'multiple', options: multiple, chosen: ['c', 'a'] },
			{ kind: 'multiple', options: multiple, chosen: ['a'] },
			{ kind: 'single', options: single, chosen: null },
			{ kind: 'multiple', options: multiple, chosen: [] }
		]);
		expect(result).toEqual({ score: 3, correct: 3, total: 7 });
	});

	it('scores an empty sheet as zero out of zero', () => {
		expect(scoreSheet([])).toEqual({ score: 0, correct: 0, total: 0 });
	});

	it('scores a sheet with nothing answered as zero', () => {
		expect(
			scoreSheet([
				{ kind: 'single', options: single, chosen: null },
				{ kind: 'true_false', options: trueFalse, chosen: null }
			])
		).toEqual({ score: 0, correct: 0, total: 2 });
	});
});

describe('validateChoice', () => {
	const ids = ['a', 'b', 'c', 'd'];

	it('accepts a known single option', () => {
		expect(validateChoice('single', ids, ['b'])).toBeNull();
	});

	it('accepts several known options on a multiple-choice question', () => {
		expect(validateChoice('multiple', ids, ['d', 'a', 'c'])).toBeNull();
	});

	it('accepts an empty choice (clearing the answer)', () => {
		expect(validateChoice('single', ids, [])).toBeNull();
		expect(validateChoice('multiple', ids, [])).toBeNull();
	});

	it('rejects an option id that does not belong to the question', () => {
		expect(validateChoice('single', ids, ['x'])).toBe('Đáp án không thuộc câu hỏi này.');
		expect(validateChoice('multiple', ids, ['a', 'x'])).toBe('Đáp án không thuộc câu hỏi này.');
	});

	it('rejects a repeated option id', () => {
		expect(validateChoice('multiple', ids, ['a', 'a'])).toBe('Đáp án bị lặp.');
		expect(validateChoice('single', ids, ['a', 'a'])).toBe('Đáp án bị lặp.');
	});

	it('rejects more than one option on a single-choice question', () => {
		expect(validateChoice('single', ids, ['a', 'b'])).toBe('Câu hỏi này chỉ chọn một đáp án.');
	});

	it('rejects more than one option on a true/false question', () => {
		expect(validateChoice('true_false', ['t', 'f'], ['t', 'f'])).toBe('Câu hỏi này chỉ chọn một đáp án.');
	});
});
