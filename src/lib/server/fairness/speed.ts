import { isPerfect, type AttemptFact } from './facts';

/**
 * Speed with context (issue 18 item 5). One fixed floor is passed by a cheater who slows down by
 * a fifth, so speed is weighed together with what else the attempt shows: a perfect sheet near
 * the reading floor, and the rhythm of the answers — all saved within a second (a script or a
 * paste), gaps that do not grow with the question's length and barely vary (a timer, not a
 * reader), not one change of mind, an attempt started right after the previous hand-in.
 */

export const SPEED_RULES = {
	/** Skimming speed far above careful reading of Vietnamese text (~15–20 characters a second). */
	charsPerSecond: 50,
	/** Plus a floor per question for finding and tapping an option. */
	msPerQuestion: 1_500,
	/** "Near the floor": within this multiple of it. */
	nearFloor: 1.6,
	/** All first saves within this span … */
	burstMs: 1_000,
	/** … of at least this many answers. */
	burstMinAnswers: 5,
	/** Even rhythm: at least this many gaps, varying by less than this (coefficient of variation) … */
	rhythmMinGaps: 8,
	rhythmMaxCv: 0.25,
	/** … and not growing with the question's length (correlation below this). */
	rhythmMaxCorrelation: 0.2,
	/** Never a change over at least this many answers. */
	noChangeMinAnswers: 10,
	/** Started within this long of the previous hand-in. */
	backToBackMs: 15_000
} as const;

export type SpeedSign = 'below_floor' | 'perfect_near_floor' | 'burst' | 'even_rhythm' | 'no_change' | 'back_to_back';

export interface SpeedFinding {
	attemptId: number;
	userId: number;
	durationMs: number;
	minimumMs: number;
	/** duration ÷ minimum: below 1 is faster than a human can read. */
	ratio: number;
	score: number;
	questions: number;
	/** Span of the first saves (ms), when recorded. */
	saveSpanMs: number | null;
	signs: SpeedSign[];
	points: number;
}

/** Points per sign (see cases.ts): the two timing facts are strong, the rhythm facts support. */
const SPEED_POINTS: Record<SpeedSign, number> = {
	below_floor: 3,
	perfect_near_floor: 2,
	burst: 3,
	even_rhythm: 1.5,
	no_change: 0.5,
	back_to_back: 1
};

/** The least time a human needs to read what an attempt showed and tap the answers. */
export function minimumHumanMs(a: Pick<AttemptFact, 'textChars' | 'answered'>, rules = SPEED_RULES): number {
	return Math.round((a.textChars / rules.charsPerSecond) * 1000 + a.answered * rules.msPerQuestion);
}

function correlation(xs: number[], ys: number[]): number {
	const n = xs.length;
	const mx = xs.reduce((s, x) => s + x, 0) / n;
	const my = ys.reduce((s, y) => s + y, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	}
	return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** The signs one attempt shows, given the same person's previous attempt of the round (if any). */
function speedSigns(a: AttemptFact, previous: AttemptFact | null, rules = SPEED_RULES): SpeedFinding | null {
	// A hand-in with most questions left blank only costs the person a try: speed gains nothing there.
	if (a.answered === 0 || a.answered < a.questions / 2) return null;
	const minimumMs = minimumHumanMs(a, rules);
	const ratio = minimumMs > 0 ? a.durationMs / minimumMs : Infinity;
	const signs: SpeedSign[] = [];
	if (ratio < 1) signs.push('below_floor');
	else if (ratio < rules.nearFloor && isPerfect(a)) signs.push('perfect_near_floor');

	const saved = a.answers
		.filter((x) => x.choice && (x.firstSavedAt ?? x.savedAt) != null)
		.map((x) => ({ at: (x.firstSavedAt ?? x.savedAt)!, chars: x.textChars }))
		.sort((x, y) => x.at - y.at);
	const saveSpanMs = saved.length ? saved[saved.length - 1].at - saved[0].at : null;
	if (saved.length >= rules.burstMinAnswers && saveSpanMs != null && saveSpanMs <= rules.burstMs) signs.push('burst');
	else if (saved.length > rules.rhythmMinGaps) {
		const gaps = saved.slice(1).map((x, i) => x.at - saved[i].at);
		const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
		const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
		const cv = mean > 0 ? sd / mean : 0;
		const r = correlation(
			gaps,
			saved.slice(1).map((x) => x.chars)
		);
		if (cv < rules.rhythmMaxCv && r < rules.rhythmMaxCorrelation) signs.push('even_rhythm');
	}
	const changes = a.answers.filter((x) => x.choice).map((x) => x.changes);
	if (changes.length >= rules.noChangeMinAnswers && changes.every((c) => c === 0)) signs.push('no_change');
	if (previous && a.startedAt - previous.submittedAt >= 0 && a.startedAt - previous.submittedAt <= rules.backToBackMs)
		signs.push('back_to_back');

	const timing = signs.includes('below_floor') || signs.includes('perfect_near_floor') || signs.includes('burst');
	// Rhythm alone (an even pace, no changes, a quick retry) is how many careful people answer too:
	// it adds to a timing sign, it is never a reason by itself.
	if (!timing) return null;
	return {
		attemptId: a.attemptId,
		userId: a.userId,
		durationMs: a.durationMs,
		minimumMs,
		ratio,
		score: a.correctCount,
		questions: a.questions,
		saveSpanMs,
		signs,
		points: signs.reduce((n, s) => n + SPEED_POINTS[s], 0)
	};
}

/** Speed findings of a round, strongest first. */
export function findSpeed(attempts: AttemptFact[], rules = SPEED_RULES): SpeedFinding[] {
	const byUser = new Map<number, AttemptFact[]>();
	for (const a of attempts) {
		let l = byUser.get(a.userId);
		if (!l) byUser.set(a.userId, (l = []));
		l.push(a);
	}
	const out: SpeedFinding[] = [];
	for (const list of byUser.values()) {
		list.sort((x, y) => x.startedAt - y.startedAt);
		list.forEach((a, i) => {
			const f = speedSigns(a, i > 0 ? list[i - 1] : null, rules);
			if (f) out.push(f);
		});
	}
	return out.sort((x, y) => y.points - x.points || x.ratio - y.ratio);
}
