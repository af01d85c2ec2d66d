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

/**
 * Assigns pool items to quota slots. Returns, per item of `order`, the index in `quotas` of the
 * quota holding it (-1 = free), or the index of the first quota that cannot be filled.
 */
function assignQuotas(order: readonly PoolItem[], quotas: readonly Quota[]): { owner: number[] } | { failed: number } {
	// Most specific quotas first, so "topic T, hard" is not starved by a broader "any hard".
	const ordered = quotas
		.map((q, i) => ({ q, i }))
		.sort(
			(a, b) =>
				Number(b.q.topicId != null) + Number(b.q.difficulty != null) - (Number(a.q.topicId != null) + Number(a.q.difficulty != null))
		);
	// owner[i]: index in `ordered` of the quota holding order[i], or -1 while free.
	const owner: number[] = new Array(order.length).fill(-1);
	// One slot of quota qi takes the first free matching item; failing that, it takes an item held by
	// another quota that can move to a different item (augmenting path), so overlapping quotas such as
	// "3 of topic 1" + "2 hard" are met whenever some assignment exists, not only when the first pick is lucky.
	const place = (qi: number, seen: Set<number>): boolean => {
		for (let i = 0; i < order.length; i++)
			if (owner[i] === -1 && quotaMatches(ordered[qi].q, order[i])) {
				owner[i] = qi;
				return true;
			}
		for (let i = 0; i < order.length; i++) {
			if (owner[i] === -1 || seen.has(i) || !quotaMatches(ordered[qi].q, order[i])) continue;
			seen.add(i);
			if (place(owner[i], seen)) {
				owner[i] = qi;
				return true;
			}
		}
		return false;
	};
	for (let qi = 0; qi < ordered.length; qi++)
		for (let n = 0; n < ordered[qi].q.count; n++) if (!place(qi, new Set())) return { failed: ordered[qi].i };
	return { owner: owner.map((o) => (o === -1 ? -1 : ordered[o].i)) };
}

export function drawQuestions(pool: readonly PoolItem[], quotas: readonly Quota[], count: number, rng: Rng): number[] {
	const quotaTotal = quotas.reduce((s, q) => s + q.count, 0);
	if (quotaTotal > count) throw new DrawError('Tổng hạn mức theo chủ đề/độ khó vượt quá số câu của đợt thi.');
	const order = shuffle(pool, rng);
	const assigned = assignQuotas(order, quotas);
	if ('failed' in assigned) throw new DrawError('Ngân hàng câu hỏi không đủ câu cho hạn mức của đợt thi.');
	const { owner } = assigned;
	const picked = order.filter((_, i) => owner[i] !== -1).map((p) => p.id);
	const rest = count - picked.length;
	const free = order.filter((_, i) => owner[i] === -1);
	if (free.length < rest) throw new DrawError('Ngân hàng câu hỏi không đủ câu cho đợt thi.');
	for (let i = 0; i < rest; i++) picked.push(free[i].id);
	return shuffle(picked, rng);
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
 * drawQuestions (which succeeds for every shuffle exactly when a full assignment exists).
 */
export function checkSupply(pool: readonly PoolItem[], quotas: readonly Quota[], count: number): SupplyReport {
	const quotaTotal = quotas.reduce((s, q) => s + q.count, 0);
	const assigned = quotaTotal <= count ? assignQuotas(pool, quotas) : { failed: -1 };
	const failedQuota = 'failed' in assigned ? assigned.failed : null;
	return {
		ok: failedQuota == null && pool.length >= count,
		poolSize: pool.length,
		questionCount: count,
		quotaTotal,
		failedQuota: failedQuota === -1 ? null : failedQuota,
		quotas: quotas.map((q) => {
			const available = pool.filter((p) => quotaMatches(q, p)).length;
			return { ...q, available, ok: available >= q.count };
		})
	};
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
