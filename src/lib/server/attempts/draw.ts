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

export function drawQuestions(pool: readonly PoolItem[], quotas: readonly Quota[], count: number, rng: Rng): number[] {
	const quotaTotal = quotas.reduce((s, q) => s + q.count, 0);
	if (quotaTotal > count) throw new DrawError('Tổng hạn mức theo chủ đề/độ khó vượt quá số câu của đợt thi.');
	const order = shuffle(pool, rng);
	const matches = (q: Quota, p: PoolItem) =>
		(q.topicId == null || p.topicId === q.topicId) && (q.difficulty == null || p.difficulty === q.difficulty);
	// Most specific quotas first, so "topic T, hard" is not starved by a broader "any hard".
	const ordered = quotas
		.slice()
		.sort((a, b) => Number(b.topicId != null) + Number(b.difficulty != null) - (Number(a.topicId != null) + Number(a.difficulty != null)));
	// owner[i]: index in `ordered` of the quota holding order[i], or -1 while free.
	const owner: number[] = new Array(order.length).fill(-1);
	// One slot of quota qi takes the first free matching item; failing that, it takes an item held by
	// another quota that can move to a different item (augmenting path), so overlapping quotas such as
	// "3 of topic 1" + "2 hard" are met whenever some assignment exists, not only when the first pick is lucky.
	const place = (qi: number, seen: Set<number>): boolean => {
		for (let i = 0; i < order.length; i++)
			if (owner[i] === -1 && matches(ordered[qi], order[i])) {
				owner[i] = qi;
				return true;
			}
		for (let i = 0; i < order.length; i++) {
			if (owner[i] === -1 || seen.has(i) || !matches(ordered[qi], order[i])) continue;
			seen.add(i);
			if (place(owner[i], seen)) {
				owner[i] = qi;
				return true;
			}
		}
		return false;
	};
	for (let qi = 0; qi < ordered.length; qi++)
		for (let n = 0; n < ordered[qi].count; n++)
			if (!place(qi, new Set())) throw new DrawError('Ngân hàng câu hỏi không đủ câu cho hạn mức của đợt thi.');
	const picked = order.filter((_, i) => owner[i] !== -1).map((p) => p.id);
	const rest = count - picked.length;
	const free = order.filter((_, i) => owner[i] === -1);
	if (free.length < rest) throw new DrawError('Ngân hàng câu hỏi không đủ câu cho đợt thi.');
	for (let i = 0; i < rest; i++) picked.push(free[i].id);
	return shuffle(picked, rng);
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
