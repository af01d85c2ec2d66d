import type { AnswerFact, AttemptFact } from './facts';

/**
 * Crafted attempts for the detectors' unit tests: `craft({ … })` fills every fact an attempt
 * needs with ordinary values (ten questions of 200 characters, answered at a human pace on the
 * person's own device), so a test states only what its case is about.
 */
export const T0 = 1_800_000_000_000;
export const MIN = 60_000;

export function answersFrom(
	choices: string[],
	opts: { right?: string[]; questionIds?: number[]; startedAt?: number; gapMs?: number | ((i: number) => number); chars?: number[] } = {}
): AnswerFact[] {
	let at = (opts.startedAt ?? T0) + 5_000;
	return choices.map((choice, i) => {
		const gap = typeof opts.gapMs === 'function' ? opts.gapMs(i) : (opts.gapMs ?? 20_000 + ((i * 7_919) % 13) * 1_000);
		at += gap;
		const right = opts.right?.[i] ?? 'a';
		return {
			questionId: opts.questionIds?.[i] ?? i + 1,
			choice,
			correct: choice !== '' && choice === right,
			textChars: opts.chars?.[i] ?? 200,
			firstSavedAt: choice ? at : null,
			savedAt: choice ? at : null,
			changes: choice ? (i % 4 === 0 ? 1 : 0) : null
		};
	});
}

export function craft(over: Partial<AttemptFact> & { attemptId: number; userId: number }): AttemptFact {
	const startedAt = over.startedAt ?? T0;
	const answers = over.answers ?? answersFrom(['a', 'a', 'b', 'a', 'c', 'a', 'a', 'd', 'a', 'a'], { startedAt });
	const answered = answers.filter((a) => a.choice).length;
	const durationMs = over.durationMs ?? 6 * MIN;
	return {
		roundId: 1,
		startedAt,
		submittedAt: startedAt + durationMs,
		durationMs,
		questions: answers.length,
		answered,
		correctCount: answers.filter((a) => a.correct).length,
		textChars: answers.reduce((n, a) => n + a.textChars, 0),
		answers,
		deviceHash: `dev-${over.userId}`,
		ipHash: `ip-${over.userId}`,
		freshDevice: false,
		signInGapMs: 2 * MIN,
		registeredAt: startedAt - 30 * 24 * 60 * MIN,
		disqualified: false,
		...over
	};
}
