import type { QuestionKind } from '../db/types';
import type { StoredOption } from '../questions/questions';

/**
 * A question is answered correctly when the chosen set equals the set of correct options —
 * all-or-nothing for multiple choice (no partial credit: a guessed "tick everything" earns nothing).
 * Single and true/false questions need exactly one chosen option.
 */
export function isAnswerCorrect(kind: QuestionKind, options: StoredOption[], chosen: readonly string[]): boolean {
	const correct = new Set(options.filter((o) => o.correct).map((o) => o.id));
	const picked = new Set(chosen);
	if (picked.size === 0) return false;
	if (kind !== 'multiple' && picked.size !== 1) return false;
	if (picked.size !== correct.size) return false;
	for (const id of picked) if (!correct.has(id)) return false;
	return true;
}

/** One point per correctly answered question; the score is the number of points. */
export function scoreSheet(items: { kind: QuestionKind; options: StoredOption[]; chosen: readonly string[] | null }[]): {
	score: number;
	correct: number;
	total: number;
} {
	let correct = 0;
	for (const it of items) if (it.chosen && isAnswerCorrect(it.kind, it.options, it.chosen)) correct++;
	return { score: correct, correct, total: items.length };
}

/** Checks that chosen ids belong to the question and fit its kind; returns an error text or null. */
export function validateChoice(kind: QuestionKind, optionIds: readonly string[], chosen: readonly string[]): string | null {
	const known = new Set(optionIds);
	if (new Set(chosen).size !== chosen.length) return 'Đáp án bị lặp.';
	for (const c of chosen) if (!known.has(c)) return 'Đáp án không thuộc câu hỏi này.';
	if (kind !== 'multiple' && chosen.length > 1) return 'Câu hỏi này chỉ chọn một đáp án.';
	return null;
}
