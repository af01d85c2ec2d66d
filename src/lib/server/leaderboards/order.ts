/**
 * The ranking orders, each written once as a list of keys, best first. From a list come both the
 * TypeScript comparator and the SQL — the `order by` terms for a table's columns and the "comes
 * before" predicate (round_best's upsert, a person's rank count) — so the rule and the queries
 * cannot drift apart. order-sql.spec.ts checks on random data full of ties that they agree.
 *
 * Within a round (DESIGN.md): score desc → |prediction − actual| asc (only once the round has
 * closed and the actual figure is known) → duration asc → submitted_at asc; the attempt id makes
 * the order total (two results equal on all of these are a true tie). A person's counted attempt
 * is their best by the same order.
 */

type Dir = 'asc' | 'desc';

interface Key<R, C extends string> {
	/** Its name in a table's column map. */
	col: C;
	dir: Dir;
	/** The value compared, read from a result in TypeScript. */
	of: (r: R, actual: number | null) => number;
	/** Part of the order only once the round's actual prediction figure is settled. */
	settledOnly?: true;
}

/** SQL expressions (usually `alias.column`) for an order's keys; a settled-only key may be left out. */
export type Columns<C extends string> = { [K in C]: string };

class RankOrder<R, C extends string> {
	private readonly open: readonly Key<R, C>[];

	constructor(private readonly keys: readonly Key<R, C>[]) {
		this.open = keys.filter((k) => !k.settledOnly);
	}

	private keysFor(settled: boolean): readonly Key<R, C>[] {
		return settled ? this.keys : this.open;
	}

	/** Negative when `a` ranks before `b`. With `actual` null the settled-only keys are skipped. */
	compare(a: R, b: R, actual: number | null = null): number {
		for (const k of this.keysFor(actual != null)) {
			const d = k.of(a, actual) - k.of(b, actual);
			if (d !== 0) return k.dir === 'asc' ? d : -d;
		}
		return 0;
	}

	/** The `order by` terms, best first. Settled-only keys are used when `cols` has them. */
	sql(cols: Partial<Columns<C>>): string {
		return this.keysFor(this.settled(cols))
			.map((k) => `${this.col(cols, k)} ${k.dir}`)
			.join(', ');
	}

	/**
	 * SQL predicate: the row `x` comes strictly before the row `y`, written key by key
	 * (`x1 > y1 or (x1 = y1 and (x2 < y2 or …))`), the shape SQLite walks an index with. A side may
	 * be all `?`: bind `params(result)` to it.
	 */
	before(x: Partial<Columns<C>>, y: Partial<Columns<C>>): string {
		const keys = this.keysFor(this.settled(x));
		let rest = '';
		for (let i = keys.length - 1; i >= 0; i--) {
			const k = keys[i];
			const [a, b] = [this.col(x, k), this.col(y, k)];
			const strict = `${a} ${k.dir === 'desc' ? '>' : '<'} ${b}`;
			rest = rest ? `${strict} or (${a} = ${b} and (${rest}))` : strict;
		}
		return rest;
	}

	/** The values for a `before()` side written as `?` placeholders, in their order of appearance. */
	params(r: R, actual: number | null = null): number[] {
		const keys = this.keysFor(actual != null);
		return keys.flatMap((k, i) => (i < keys.length - 1 ? [k.of(r, actual), k.of(r, actual)] : [k.of(r, actual)]));
	}

	private settled(cols: Partial<Columns<C>>): boolean {
		return this.keys.some((k) => k.settledOnly && cols[k.col] != null);
	}

	private col(cols: Partial<Columns<C>>, k: Key<R, C>): string {
		const c = cols[k.col];
		if (c == null) throw new Error(`no column for ranking key ${k.col}`);
		return c;
	}
}

export interface RankedResult {
	score: number;
	prediction: number | null;
	durationMs: number;
	submittedAt: number;
	/** Known for stored attempts; without it, results equal on everything else compare equal. */
	attemptId?: number;
}

/** A missing prediction ranks after every real one once the actual figure is known. */
const MISSING_PREDICTION_GAP = Number.MAX_SAFE_INTEGER;

/** Distance of a prediction from the actual figure; a missing prediction ranks last. */
export function predictionGap(prediction: number | null, actual: number | null): number {
	if (actual == null) return 0;
	if (prediction == null) return MISSING_PREDICTION_GAP;
	return Math.abs(prediction - actual);
}

type RoundKey = 'score' | 'gap' | 'duration' | 'submitted' | 'attempt';

/** The order within a round; round_best keeps each person's best by it without the gap. */
export const ROUND_ORDER = new RankOrder<RankedResult, RoundKey>([
	{ col: 'score', dir: 'desc', of: (r) => r.score },
	{ col: 'gap', dir: 'asc', of: (r, actual) => predictionGap(r.prediction, actual), settledOnly: true },
	{ col: 'duration', dir: 'asc', of: (r) => r.durationMs },
	{ col: 'submitted', dir: 'asc', of: (r) => r.submittedAt },
	{ col: 'attempt', dir: 'asc', of: (r) => r.attemptId ?? 0 }
]);

export type RoundColumns = Partial<Columns<RoundKey>> & Columns<Exclude<RoundKey, 'gap'>>;

/**
 * The round order's columns in `attempts` (alias `a`, say). With a settled `actual`, the gap is
 * computed from the prediction as predictionGap() does (the figure is an integer count, written
 * into the statement).
 */
export function attemptColumns(alias: string, actual: number | null = null): RoundColumns {
	if (actual != null && !Number.isSafeInteger(actual)) throw new Error(`prediction figure ${actual} is not an integer`);
	const p = `${alias}.prediction`;
	return {
		score: `${alias}.score`,
		...(actual == null ? {} : { gap: `case when ${p} is null then ${MISSING_PREDICTION_GAP} else abs(${p} - ${actual}) end` }),
		duration: `${alias}.duration_ms`,
		submitted: `${alias}.submitted_at`,
		attempt: `${alias}.id`
	};
}

/** The round order's columns in `round_best` (or `excluded` in its upsert); it has no gap. */
export function bestColumns(alias: string): RoundColumns {
	return { score: `${alias}.score`, duration: `${alias}.duration_ms`, submitted: `${alias}.submitted_at`, attempt: `${alias}.attempt_id` };
}

/** Every key of the round order as a `?` placeholder (see RankOrder.params). */
export const ROUND_PARAMS: RoundColumns = { score: '?', duration: '?', submitted: '?', attempt: '?' };

export function compareResults(a: RankedResult, b: RankedResult, actual: number | null): number {
	return ROUND_ORDER.compare(a, b, actual);
}

/** Best attempt per person, then all persons in rank order. */
export function rankPeople<T extends RankedResult & { userId: number }>(results: readonly T[], actual: number | null): T[] {
	const best = new Map<number, T>();
	for (const r of results) {
		const cur = best.get(r.userId);
		if (!cur || compareResults(r, cur, actual) < 0) best.set(r.userId, r);
	}
	return [...best.values()].sort((a, b) => compareResults(a, b, actual));
}

/** A person's whole-contest result: over the rounds, the sums of their best scores and durations. */
export interface ContestResult {
	userId: number;
	score: number;
	durationMs: number;
	/** The latest of their best attempts' submit times. */
	submittedAt: number;
}

type ContestKey = 'score' | 'duration' | 'submitted' | 'user';

/**
 * The whole-contest order: per round each person's best attempt (the round order without the
 * prediction, which is per round), then the sum of those scores desc → the sum of their durations
 * asc → the latest of their submit times asc → user id.
 */
export const CONTEST_ORDER = new RankOrder<ContestResult, ContestKey>([
	{ col: 'score', dir: 'desc', of: (r) => r.score },
	{ col: 'duration', dir: 'asc', of: (r) => r.durationMs },
	{ col: 'submitted', dir: 'asc', of: (r) => r.submittedAt },
	{ col: 'user', dir: 'asc', of: (r) => r.userId }
]);

/** The contest order's columns in a per-person sum (`user_id, score, duration_ms, submitted_at`). */
export function contestColumns(alias: string): Columns<ContestKey> {
	return { score: `${alias}.score`, duration: `${alias}.duration_ms`, submitted: `${alias}.submitted_at`, user: `${alias}.user_id` };
}

/** Whole-contest ranking in TypeScript (CONTEST_ORDER over each person's per-round bests). */
export function rankContestPeople<T extends RankedResult & { userId: number; roundId: number }>(results: readonly T[]): ContestResult[] {
	const perRound = new Map<string, T>();
	for (const r of results) {
		const key = `${r.userId}:${r.roundId}`;
		const cur = perRound.get(key);
		if (!cur || compareResults(r, cur, null) < 0) perRound.set(key, r);
	}
	const people = new Map<number, ContestResult>();
	for (const r of perRound.values()) {
		const p = people.get(r.userId) ?? { userId: r.userId, score: 0, durationMs: 0, submittedAt: 0 };
		p.score += r.score;
		p.durationMs += r.durationMs;
		p.submittedAt = Math.max(p.submittedAt, r.submittedAt);
		people.set(r.userId, p);
	}
	return [...people.values()].sort((a, b) => CONTEST_ORDER.compare(a, b));
}
