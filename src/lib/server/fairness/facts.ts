/**
 * What the detectors read about one finished attempt: plain data, loaded once per round by
 * report.ts, so that every detector is a pure function tested with crafted cases.
 */

export interface AnswerFact {
	questionId: number;
	/** The chosen option ids, sorted and joined with "+"; "" when the question was left blank. */
	choice: string;
	correct: boolean;
	/** Characters of the stem and options: reading time grows with it. */
	textChars: number;
	/** First and last save (ms); null when not recorded. */
	firstSavedAt: number | null;
	savedAt: number | null;
	/** How many times the choice was changed; null when not recorded (answers saved before 0008). */
	changes: number | null;
}

export interface AttemptFact {
	attemptId: number;
	userId: number;
	roundId: number;
	startedAt: number;
	submittedAt: number;
	durationMs: number;
	/** Questions shown, answered and answered right. */
	questions: number;
	answered: number;
	correctCount: number;
	/** Characters of every question shown (stems and options). */
	textChars: number;
	/** The questions shown, in the order shown. */
	answers: AnswerFact[];
	/** Keyed hashes of where the attempt was started from (access_events 'attempt_start'). */
	deviceHash: string | null;
	ipHash: string | null;
	/** The account had never used this device before the sign-in that led to this attempt. */
	freshDevice: boolean;
	/** Start minus the account's last sign-in (login or registration) before it; null when none is known. */
	signInGapMs: number | null;
	/** When the account was registered. */
	registeredAt: number;
	disqualified: boolean;
}

/** A perfect sheet: every question shown answered right. */
export const isPerfect = (a: Pick<AttemptFact, 'questions' | 'correctCount'>) => a.questions > 0 && a.correctCount === a.questions;

export function median(xs: number[]): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
