import { ageOn } from '../../vn/time';

/**
 * Statistics rules for dashboards, item analysis and reports. Pure functions: the queries in
 * stats/queries.ts only gather counts and sums, and every figure shown is computed here.
 */

/** Share of correct answers (classical item "facility", p-value): null when never shown. */
export function facility(correct: number, shown: number): number | null {
	return shown > 0 ? correct / shown : null;
}

/**
 * Sums over (x = answered this item correctly, 0/1; y = the rest of the score, i.e. the attempt's
 * score without this item) for the point-biserial correlation. Collected in SQL per question so
 * that no per-answer rows have to reach the server.
 */
export interface BiserialSums {
	n: number;
	sumX: number;
	sumY: number;
	sumXY: number;
	sumY2: number;
}

/**
 * Corrected point-biserial discrimination: Pearson's r between the 0/1 item result and the rest
 * score. Null when it is undefined (fewer than 2 answers, everybody right or wrong, all rest
 * scores equal). x is 0/1 so Σx² = Σx.
 */
export function pointBiserial(s: BiserialSums): number | null {
	if (s.n < 2) return null;
	const varX = s.n * s.sumX - s.sumX * s.sumX;
	const varY = s.n * s.sumY2 - s.sumY * s.sumY;
	if (varX <= 0 || varY <= 0) return null;
	return (s.n * s.sumXY - s.sumX * s.sumY) / Math.sqrt(varX * varY);
}

/** The same sums from individual answers — for tests and small in-memory sets. */
export function biserialSums(answers: readonly { correct: boolean; score: number }[]): BiserialSums {
	const s: BiserialSums = { n: 0, sumX: 0, sumY: 0, sumXY: 0, sumY2: 0 };
	for (const a of answers) {
		const x = a.correct ? 1 : 0;
		const y = a.score - x;
		s.n++;
		s.sumX += x;
		s.sumY += y;
		s.sumXY += x * y;
		s.sumY2 += y * y;
	}
	return s;
}

/**
 * Upper–lower 27 % discrimination index: share correct among the top 27 % of attempts by score
 * minus the share among the bottom 27 % (at least one attempt in each group). Null below 4 answers.
 */
export function upperLowerIndex(answers: readonly { correct: boolean; score: number }[]): number | null {
	if (answers.length < 4) return null;
	const sorted = [...answers].sort((a, b) => b.score - a.score);
	const k = Math.max(1, Math.round(sorted.length * 0.27));
	const share = (g: typeof sorted) => g.filter((a) => a.correct).length / g.length;
	return share(sorted.slice(0, k)) - share(sorted.slice(-k));
}

export type ItemFlag = 'too_easy' | 'too_hard' | 'negative' | 'weak';
/** Thresholds commonly used in classical test theory; shown fewer than minShown times, an item is not judged. */
export const ITEM_RULES = { minShown: 30, tooEasy: 0.9, tooHard: 0.3, weak: 0.2 } as const;

/** Why an item deserves review: too easy, too hard, negatively or weakly discriminating. */
export function flagItem(shown: number, fac: number | null, disc: number | null): ItemFlag[] {
	if (shown < ITEM_RULES.minShown || fac == null) return [];
	const flags: ItemFlag[] = [];
	if (fac > ITEM_RULES.tooEasy) flags.push('too_easy');
	if (fac < ITEM_RULES.tooHard) flags.push('too_hard');
	if (disc != null && disc < 0) flags.push('negative');
	else if (disc != null && disc < ITEM_RULES.weak) flags.push('weak');
	return flags;
}

export const FLAG_LABELS: Record<ItemFlag, string> = {
	too_easy: 'Quá dễ',
	too_hard: 'Quá khó',
	negative: 'Phân biệt ngược',
	weak: 'Phân biệt kém'
};

/** Count of people per score 0…total (every bin present, so the chart's axis is complete). */
export function scoreHistogram(scores: readonly { score: number; people: number }[], total: number): number[] {
	const bins = Array.from({ length: Math.max(0, total) + 1 }, () => 0);
	for (const s of scores) {
		const i = Math.min(Math.max(0, Math.round(s.score)), total);
		bins[i] += s.people;
	}
	return bins;
}

export const AGE_GROUPS = ['Dưới 16', '16–30', '31–45', '46–60', 'Trên 60'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Age group on the day of `atMs` in Hanoi (ageOn from vn/time.ts). */
export function ageGroup(birthDate: string, atMs: number): AgeGroup {
	const age = ageOn(birthDate, atMs);
	if (age < 16) return 'Dưới 16';
	if (age <= 30) return '16–30';
	if (age <= 45) return '31–45';
	if (age <= 60) return '46–60';
	return 'Trên 60';
}

/** Mean of per-unit values, each unit weighted once (the "city average" a district compares with). */
export function mean(values: readonly (number | null)[]): number | null {
	const xs = values.filter((v): v is number => v != null && Number.isFinite(v));
	return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** Heat-map colour class for a share correct: 5 steps from red (weak) to green (strong). */
export function heatLevel(share: number | null): 0 | 1 | 2 | 3 | 4 | 5 {
	if (share == null) return 0;
	if (share < 0.5) return 1;
	if (share < 0.65) return 2;
	if (share < 0.75) return 3;
	if (share < 0.85) return 4;
	return 5;
}

export interface DayCounts {
	/** YYYY-MM-DD (Vietnam time). */
	day: string;
	participants: number;
	attempts: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * Every day from `from` to `to` (YYYY-MM-DD, inclusive) with its counts, zero on days without any:
 * a chart over the days with activity only would draw a quiet week as one step. Days with counts
 * outside the range widen it; at most the last `maxDays` days are kept.
 */
export function fillDays(rows: readonly DayCounts[], from: string | null, to: string | null, maxDays = 366): DayCounts[] {
	const byDay = new Map(rows.map((r) => [r.day, r]));
	const ends = [from, to, ...rows.map((r) => r.day)].filter((d): d is string => d != null).map(dayNumber);
	if (ends.length === 0) return [];
	const last = Math.max(...ends);
	const first = Math.max(Math.min(...ends), last - maxDays + 1);
	const out: DayCounts[] = [];
	for (let n = first; n <= last; n++) {
		const day = isoDay(n);
		out.push(byDay.get(day) ?? { day, participants: 0, attempts: 0 });
	}
	return out;
}
