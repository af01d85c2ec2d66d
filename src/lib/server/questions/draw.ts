import { ageOn } from '../../vn/time';

/**
 * Drawing questions for an attempt. Each quota ("n questions of topic T and/or difficulty D")
 * is filled first, at random and without repetition; the rest of the question count is drawn
 * from whatever published questions remain. The final order is shuffled, and so are the
 * options of each question (per attempt), so neighbours do not see the same sheet.
 */
export interface PoolItem {
	id: number;
	topicId: number;
	difficulty: number;
	/** The youngest age the question fits (requiredAge: 18 for adults-only); 0 or absent = any age. */
	minAge?: number;
	/** Exclusion group: at most one question of a group per attempt; null or absent = none. */
	group?: string | null;
}

export interface Quota {
	topicId: number | null;
	difficulty: number | null;
	count: number;
}

export type Rng = () => number;

export class DrawError extends Error {}

export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
	const a = items.slice();
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}

/** The one matching rule: does pool item `p` count towards quota `q`? Null means "any". */
export function quotaMatches(q: Pick<Quota, 'topicId' | 'difficulty'>, p: PoolItem): boolean {
	return (q.topicId == null || p.topicId === q.topicId) && (q.difficulty == null || p.difficulty === q.difficulty);
}

/** Whether a taker of `age` (whole years) may draw `p`. */
/** Whether a question fits a taker of `age` (its minimum age, 18 for adults-only). */
export function fitsAge(p: PoolItem, age: number): boolean {
	return (p.minAge ?? 0) <= age;
}

type Slot = { q: Pick<Quota, 'topicId' | 'difficulty'>; count: number; index: number };
/** The slot index of "the rest of the question count": any question. */
const ANY: Pick<Quota, 'topicId' | 'difficulty'> = { topicId: null, difficulty: null };

/**
 * The quotas as slots, most specific first (so "topic T, hard" is not starved by a broader "any
 * hard"), then the rest of the count as a slot that takes any question.
 */
function slotsOf(quotas: readonly Quota[], count: number): Slot[] {
	const specific = (q: Quota) => Number(q.topicId != null) + Number(q.difficulty != null);
	const ordered = quotas.map((q, index) => ({ q, count: q.count, index })).sort((a, b) => specific(b.q) - specific(a.q));
	const rest = count - quotas.reduce((s, q) => s + q.count, 0);
	return [...ordered, { q: ANY, count: Math.max(0, rest), index: -1 }];
}

/**
 * An assignment of pool items to slots: `owner[i]` is the slot (index in `slots`) holding order[i],
 * or -1; `holder` the item holding each exclusion group (at most one per attempt).
 */
class Assignment {
	readonly owner: number[];
	readonly holder = new Map<string, number>();
	constructor(
		readonly order: readonly PoolItem[],
		readonly slots: readonly Slot[]
	) {
		this.owner = new Array(order.length).fill(-1);
	}

	private groupFree(i: number): boolean {
		const g = this.order[i].group;
		return g == null || !this.holder.has(g);
	}

	private take(i: number, s: number): void {
		this.owner[i] = s;
		const g = this.order[i].group;
		if (g != null) this.holder.set(g, i);
	}

	/**
	 * One more item for slot `s`: the first free matching item whose group is free; failing that,
	 * an augmenting path (Ford–Fulkerson on quotas → items → groups): an item another slot holds
	 * moves to `s` if that slot finds another item, and a free item whose group another item holds
	 * replaces it if that item's slot finds another. So quotas that overlap, and groups that span
	 * quotas, are met whenever some assignment exists, not only when the first pick is lucky.
	 */
	place(s: number, seenSlots = new Set<number>(), seenItems = new Set<number>(), seenGroups = new Set<string>()): boolean {
		if (seenSlots.has(s)) return false;
		seenSlots.add(s);
		const q = this.slots[s].q;
		const { order, owner } = this;
		for (let i = 0; i < order.length; i++)
			if (owner[i] === -1 && quotaMatches(q, order[i]) && this.groupFree(i)) {
				this.take(i, s);
				return true;
			}
		for (let i = 0; i < order.length; i++) {
			if (seenItems.has(i) || owner[i] === s || !quotaMatches(q, order[i])) continue;
			seenItems.add(i);
			if (owner[i] !== -1) {
				// Held by another slot: that slot gives it up if it can take another item.
				if (this.place(owner[i], seenSlots, seenItems, seenGroups)) {
					owner[i] = s;
					return true;
				}
				continue;
			}
			// Free, but its group is held by item h: h's slot must find another item.
			const g = order[i].group!;
			const h = this.holder.get(g)!;
			if (seenGroups.has(g) || seenItems.has(h) || owner[h] === s) continue;
			seenGroups.add(g);
			seenItems.add(h);
			if (this.place(owner[h], seenSlots, seenItems, seenGroups)) {
				owner[h] = -1;
				this.holder.delete(g);
				this.take(i, s);
				return true;
			}
		}
		return false;
	}

	/**
	 * Fills every slot. Strict: the first slot that cannot be filled is reported. Relaxed: a quota
	 * that cannot be filled is left short and its places go to the rest (any question).
	 */
	fill(relaxed: boolean): { failed: number | null; short: number } {
		let short = 0;
		for (let s = 0; s < this.slots.length; s++) {
			const last = s === this.slots.length - 1;
			const want = this.slots[s].count + (last ? short : 0);
			for (let n = 0; n < want; n++)
				if (!this.place(s)) {
					if (!relaxed || last) return { failed: s, short };
					short += want - n;
					break;
				}
		}
		return { failed: null, short };
	}

	picked(): number[] {
		return this.owner.flatMap((o, i) => (o === -1 ? [] : [i]));
	}

	/** Can item j take item i's place (same slot's quota, group free or i's own)? */
	canSwap(i: number, j: number): boolean {
		if (this.owner[j] !== -1 || !quotaMatches(this.slots[this.owner[i]].q, this.order[j])) return false;
		const g = this.order[j].group;
		return g == null || !this.holder.has(g) || this.holder.get(g) === i;
	}

	swap(i: number, j: number): void {
		const s = this.owner[i];
		this.owner[i] = -1;
		const g = this.order[i].group;
		if (g != null && this.holder.get(g) === i) this.holder.delete(g);
		this.take(j, s);
	}
}

/**
 * Equal forms (issue 15 item 6): every form's expected score (points out of 10: 10 × mean expected
 * share correct of its questions) within `band` of `target`, the round's mean.
 */
export interface FormBalance {
	/** Expected share correct of a question, 0–1 (forms.ts: facility, or the difficulty's prior). */
	expected: (p: PoolItem) => number;
	/** The round's mean expected score, points out of 10. */
	target: number;
	/** Allowed distance from the target, points out of 10. */
	band: number;
}

export interface DrawOptions {
	/** The taker's age in whole years: only questions fit for it are drawn. Absent: no age filter. */
	age?: number;
	balance?: FormBalance;
}

export interface Form {
	ids: number[];
	/** Expected score, points out of 10 (null without a balance). */
	expected: number | null;
	/** Whether the expected score is within the band (null without a balance). */
	inBand: boolean | null;
	/**
	 * Quota places that the questions fit for the taker's age could not fill, drawn from any fit
	 * question instead (0 for a taker who may draw the whole pool: then unmet quotas are an error).
	 */
	short: number;
}

/**
 * Moves the form's expected score into the band by swapping one question at a time for an unused
 * one that fills the same quota place and keeps the groups apart, each swap bringing the score
 * closer to the band. Stops in the band, or when no swap helps: the form is then as close to the
 * band as swaps get it (never refused for that).
 */
function balance(a: Assignment, b: FormBalance, count: number, rng: Rng): number {
	// Expected shares are read only for the questions looked at (the pool may hold thousands).
	const share = new Float64Array(a.order.length).fill(NaN);
	const p = (i: number) => (Number.isNaN(share[i]) ? (share[i] = b.expected(a.order[i])) : share[i]);
	const lo = ((b.target - b.band) * count) / 10;
	const hi = ((b.target + b.band) * count) / 10;
	const off = (x: number) => Math.max(0, lo - x, x - hi);
	const EPS = 1e-9;
	const picked = a.picked();
	let sum = picked.reduce((t, i) => t + p(i), 0);
	for (let step = 0; step < 4 * count && off(sum) > EPS; step++) {
		let done = false;
		// The question that helps most first (the easiest when the form is too easy), ties at random:
		// a swap for it is found among the first few questions looked at.
		const tooEasy = sum > hi;
		const order = shuffle(
			picked.map((_, k) => k),
			rng
		).sort((x, y) => (tooEasy ? p(picked[y]) - p(picked[x]) : p(picked[x]) - p(picked[y])));
		for (const k of order) {
			const i = picked[k];
			for (let j = 0; j < a.order.length; j++) {
				if (a.owner[j] !== -1 || !a.canSwap(i, j)) continue;
				const next = sum - p(i) + p(j);
				if (off(next) < off(sum) - EPS) {
					a.swap(i, j);
					picked[k] = j;
					sum = next;
					done = true;
					break;
				}
			}
			if (done) break;
		}
		if (!done) break;
	}
	return (10 * sum) / count;
}

/**
 * Draws a form: the questions fit for the taker's age, every quota met, at most one question per
 * exclusion group, and (with `balance`) the expected score within the band. Throws DrawError when
 * the bank cannot serve the round at all.
 */
export function drawForm(pool: readonly PoolItem[], quotas: readonly Quota[], count: number, rng: Rng, opts: DrawOptions = {}): Form {
	const quotaTotal = quotas.reduce((s, q) => s + q.count, 0);
	if (quotaTotal > count) throw new DrawError('Tổng hạn mức theo chủ đề/độ khó vượt quá số câu của đợt thi.');
	const fit = opts.age == null ? pool : pool.filter((p) => fitsAge(p, opts.age!));
	const slots = slotsOf(quotas, count);
	let a = new Assignment(shuffle(fit, rng), slots);
	let filled = a.fill(false);
	let short = 0;
	if (filled.failed != null) {
		// A young taker whose fit questions cannot meet the quotas while the whole bank can: the
		// quotas are met as far as the fit questions allow and the rest is any fit question (the
		// organiser is warned on the round page before the round opens). Never a question unfit
		// for the age, and never a half-empty form.
		const wholeBankCan = fit.length < pool.length && new Assignment(pool, slots).fill(false).failed == null;
		if (!wholeBankCan) throw failure(slots, filled.failed);
		a = new Assignment(shuffle(fit, rng), slots);
		filled = a.fill(true);
		if (filled.failed != null) throw new DrawError('Ngân hàng chưa đủ câu hỏi phù hợp với độ tuổi của người thi cho đợt thi này.');
		short = filled.short;
	}
	let expected: number | null = null;
	if (opts.balance) expected = balance(a, opts.balance, count, rng);
	const ids = a.picked().map((i) => a.order[i].id);
	const inBand = opts.balance && expected != null ? Math.abs(expected - opts.balance.target) <= opts.balance.band + 1e-9 : null;
	return { ids: shuffle(ids, rng), expected, inBand, short };
}

function failure(slots: readonly Slot[], failed: number): DrawError {
	return slots[failed].index === -1
		? new DrawError('Ngân hàng câu hỏi không đủ câu cho đợt thi.')
		: new DrawError('Ngân hàng câu hỏi không đủ câu cho hạn mức của đợt thi.');
}

export function drawQuestions(pool: readonly PoolItem[], quotas: readonly Quota[], count: number, rng: Rng): number[] {
	return drawForm(pool, quotas, count, rng).ids;
}

export interface SupplyReport {
	/** Every draw would succeed: all quotas can be filled at once and the rest of the count too. */
	ok: boolean;
	poolSize: number;
	questionCount: number;
	quotaTotal: number;
	/** Per quota: needed vs published questions matching it (overlaps counted in each). */
	quotas: (Quota & { available: number; ok: boolean })[];
	/** The first quota that cannot be filled together with the others, if any. */
	failedQuota: number | null;
}

/**
 * Whether the published bank can serve a round: the same matching and assignment as
 * drawQuestions (which succeeds for every shuffle exactly when a full assignment exists, exclusion
 * groups included).
 */
export function checkSupply(pool: readonly PoolItem[], quotas: readonly Quota[], count: number): SupplyReport {
	const quotaTotal = quotas.reduce((s, q) => s + q.count, 0);
	const slots = slotsOf(quotas, count);
	const failed = quotaTotal <= count ? new Assignment(pool, slots).fill(false).failed : -2;
	const failedQuota = failed == null || failed === -2 ? null : slots[failed].index === -1 ? null : slots[failed].index;
	return {
		ok: failed == null,
		poolSize: pool.length,
		questionCount: count,
		quotaTotal,
		failedQuota,
		quotas: quotas.map((q) => {
			const available = pool.filter((p) => quotaMatches(q, p)).length;
			return { ...q, available, ok: available >= q.count };
		})
	};
}

/** One age bracket of a round's takers and whether the questions fit for it can serve the round. */
export interface AgeSupply {
	/** Ages from…below (whole years); `below` null: and older. */
	from: number;
	below: number | null;
	/** Published questions fit for the youngest of the bracket. */
	poolSize: number;
	/** The quotas can all be met from them (with the exclusion groups). */
	ok: boolean;
	/** Not even the question count can be drawn from them: such takers cannot start. */
	blocked: boolean;
}

/**
 * The ages at which the drawable pool changes (every minimum age in the bank, and 16 and 18 —
 * the brackets the organiser is always told about), as brackets from the youngest taker up; for
 * each, whether its fit questions serve the round.
 */
export function checkAgeSupply(pool: readonly PoolItem[], quotas: readonly Quota[], count: number, youngest = 0): AgeSupply[] {
	const cuts = [...new Set([youngest, 16, 18, ...pool.map((p) => p.minAge ?? 0)])].filter((a) => a >= youngest).sort((a, b) => a - b);
	return cuts.map((from, k) => {
		const fit = pool.filter((p) => fitsAge(p, from));
		const ok = checkSupply(fit, quotas, count).ok;
		const blocked = !ok && new Assignment(fit, slotsOf([], count)).fill(false).failed != null;
		return { from, below: cuts[k + 1] ?? null, poolSize: fit.length, ok, blocked };
	});
}

/**
 * A taker's age in whole years for a round: on the day the round opens (Asia/Ho_Chi_Minh), so one
 * person draws from the same questions in every attempt of the round. No usable birth date: 0,
 * i.e. only questions fit for everyone (the safe side).
 */
export function takerAge(birthDate: string | null | undefined, roundOpensAt: number): number {
	if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return 0;
	const age = ageOn(birthDate, roundOpensAt);
	return Number.isFinite(age) && age > 0 ? age : 0;
}

/** Seedable generator for tests (mulberry32). Production uses crypto randomness. */
export function seededRng(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
