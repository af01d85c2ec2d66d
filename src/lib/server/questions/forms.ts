import { drawForm, seededRng, type PoolItem, type Quota } from './draw';

/**
 * Equal forms (issue 15 item 6), the rules: what a question is expected to give, what a round's
 * forms aim at, and how the forms actually drawn spread. Pure; the facility map the draw uses is
 * read by attempts/forms.ts.
 *
 * A question's expected share correct:
 * - its facility (share of correct answers over every counted attempt that showed it, in any
 *   round) once it has been answered at least 30 times — the threshold below which item analysis
 *   does not judge an item either (stats/rules.ts ITEM_RULES.minShown);
 * - before that, the prior of its difficulty level: Dễ 0.9, Trung bình 0.75, Khó 0.6 (most
 *   finishers score 10/10, so even hard questions are answered by most).
 * A form's expected score is 10 × the mean expected share of its questions (points out of 10).
 */
export const DIFFICULTY_PRIOR: Record<number, number> = { 1: 0.9, 2: 0.75, 3: 0.6 };
/** The same threshold as stats/rules.ts ITEM_RULES.minShown (forms.spec.ts checks they agree). */
export const MIN_ANSWERS = 30;

export type FacilityMap = ReadonlyMap<number, { shown: number; correct: number }>;

export function expectedShare(p: Pick<PoolItem, 'id' | 'difficulty'>, stats: FacilityMap): number {
	const s = stats.get(p.id);
	if (s && s.shown >= MIN_ANSWERS) return s.correct / s.shown;
	return DIFFICULTY_PRIOR[p.difficulty] ?? DIFFICULTY_PRIOR[2];
}

/**
 * The round's mean: the expected score of a form drawn with its quotas from the whole published
 * pool, without the band — each quota's places at the mean expected share of the questions
 * matching it, the rest at the pool's mean. The same figure for every taker whatever their age,
 * so a child's form aims at the adults' mean too.
 */
export function roundTarget(pool: readonly PoolItem[], quotas: readonly Quota[], count: number, expected: (p: PoolItem) => number): number {
	if (pool.length === 0 || count <= 0) return 0;
	const mean = (items: readonly PoolItem[]) => (items.length ? items.reduce((s, p) => s + expected(p), 0) / items.length : 0);
	const all = mean(pool);
	let sum = 0;
	let placed = 0;
	for (const q of quotas) {
		const matching = pool.filter(
			(p) => (q.topicId == null || p.topicId === q.topicId) && (q.difficulty == null || p.difficulty === q.difficulty)
		);
		sum += q.count * (matching.length ? mean(matching) : all);
		placed += q.count;
	}
	sum += Math.max(0, count - placed) * all;
	return (10 * sum) / count;
}

/* ——— The spread of the forms actually drawn ——— */

export interface FormSpread {
	/** Attempts with a recorded expected score (drawn since equal forms exist). */
	forms: number;
	/** Points out of 10; null when no form was recorded. */
	min: number | null;
	median: number | null;
	max: number | null;
	/** The round's band (points). */
	band: number;
}

/** Points out of 10 ↔ the thousandths stored in attempts.expected_score. */
export const toStored = (points: number) => Math.round(points * 1000);
export const fromStored = (milli: number) => milli / 1000;

/** Min, median and max of sorted values (the median of an even count: the mean of the middle two). */
export function spreadOf(sortedPoints: readonly number[]): Pick<FormSpread, 'forms' | 'min' | 'median' | 'max'> {
	const n = sortedPoints.length;
	if (n === 0) return { forms: 0, min: null, median: null, max: null };
	const mid = n >> 1;
	const median = n % 2 ? sortedPoints[mid] : (sortedPoints[mid - 1] + sortedPoints[mid]) / 2;
	return { forms: n, min: sortedPoints[0], median, max: sortedPoints[n - 1] };
}

/**
 * The expected scores of `n` simulated draws (seeded, reproducible), lowest first: the figure for
 * "how equal are this round's forms" before (no balance) and after (with it). `npm run forms:eval`.
 */
export function simulateForms(
	pool: readonly PoolItem[],
	quotas: readonly Quota[],
	count: number,
	expected: (p: PoolItem) => number,
	opts: { n: number; seed: number; age?: number; balance?: { target: number; band: number } }
): number[] {
	const rng = seededRng(opts.seed);
	const out: number[] = [];
	for (let i = 0; i < opts.n; i++) {
		const form = drawForm(pool, quotas, count, rng, { age: opts.age, balance: opts.balance && { expected, ...opts.balance } });
		out.push((10 * form.ids.reduce((s, id) => s + expected(byId(pool).get(id)!), 0)) / form.ids.length);
	}
	return out.sort((a, b) => a - b);
}

const indexes = new WeakMap<readonly PoolItem[], Map<number, PoolItem>>();
function byId(pool: readonly PoolItem[]): Map<number, PoolItem> {
	let m = indexes.get(pool);
	if (!m) indexes.set(pool, (m = new Map(pool.map((p) => [p.id, p]))));
	return m;
}
