import type { AnswerFact, AttemptFact } from './facts';

/**
 * Groups who answer alike (issue 18 item 3). Random draws from a bank rarely give two people the
 * same sheet, so attempts are compared on the questions they share, and each agreement is weighed
 * by how likely it is for two independent people with those scores: a shared right answer is
 * expected of two good scorers (weak evidence), a shared wrong option that few chose is not
 * (strong evidence), and every question answered differently counts against.
 *
 * The weight is a log-likelihood ratio between "b copied a's choice with probability COPY" and
 * "b chose independently": ln((COPY·[same] + (1−COPY)·p) / p), p the chance b picks that option
 * (b's accuracy for the right one; (1 − accuracy) × the option's share among the round's other
 * wrong answers to that question). Averaged over both directions and summed over questions.
 * Only attempts that started AND handed in within a few minutes of each other are compared, so
 * a round of 20,000 attempts costs a few hundred comparisons per attempt, not 200 million.
 */

export interface AlikeGroup {
	userIds: number[];
	attemptIds: number[];
	/** Pairs compared and questions compared over all pairs. */
	pairs: number;
	compared: number;
	/** Same choice on a shared question: observed, and expected of independent people with their scores. */
	observedSame: number;
	expectedSame: number;
	/** The chance that independent people with their scores agree at least this often. */
	chance: number;
	/** Found by timing (together again and again) rather than by the answers alone. */
	timed: boolean;
	/** Of the observed agreements, how many were on the same wrong option. */
	sameWrong: number;
	/** Pairs with the same choice on every shared question (identical sheets are the extreme case). */
	identicalPairs: number;
	/** Sum of the pairs' log-likelihood ratios (nats). */
	evidence: number;
	maxStartGapMs: number;
	maxHandInGapMs: number;
	points: number;
}

export const ALIKE_RULES = {
	/** Started within … and handed in within … of each other. */
	maxStartGapMs: 5 * 60 * 1000,
	maxHandInGapMs: 5 * 60 * 1000,
	/** At most this many neighbours looked at per attempt (a crowded minute of a big round). */
	maxNeighbours: 300,
	/** The assumed copying rate of the alternative. */
	copy: 0.8,
	/** Two people are linked into a group from this much evidence over all their attempts (and few disagreements) … */
	pairEvidence: 4,
	/** … and an attempt pair counts as identical sheets from this many shared questions. */
	minShared: 3,
	/**
	 * People who started and handed in within a minute of each other from different networks in
	 * at least two sessions are a group by their timing alone (honest strangers coincide like that
	 * once by chance, not again and again; a class shares its network). Such a group, chosen
	 * without looking at the answers, is reported when independent people with their scores
	 * would agree that often with a chance of at most `timedGroupChance`.
	 */
	togetherMs: 60 * 1000,
	togetherSessions: 2,
	timedGroupChance: 0.01,
	/** Otherwise every member's own evidence with the rest of the group reaches this … */
	memberEvidence: 3,
	maxDisagreement: 0.2,
	/** … and a group is reported from this much evidence in total. */
	groupEvidence: 15
} as const;

/**
 * The chance of at least `k` agreements among independent questions agreeing with chances `ps`
 * (a Poisson-binomial tail, by dynamic programming; pairs in a group share members, so this
 * treats their questions as independent — it is the figure for comparison, not a proof).
 */
export function chanceOfAtLeast(ps: number[], k: number): number {
	let dist = [1];
	for (const p of ps) {
		const next = new Array<number>(dist.length + 1).fill(0);
		for (let i = 0; i < dist.length; i++) {
			next[i] += dist[i] * (1 - p);
			next[i + 1] += dist[i] * p;
		}
		dist = next;
	}
	return dist.slice(Math.max(0, k)).reduce((n, x) => n + x, 0);
}

type Counts = Map<number, { wrong: Map<string, number>; wrongTotal: number }>;

/** How often each wrong option was chosen, per question, over the whole round. */
function wrongCounts(attempts: AttemptFact[]): Counts {
	const m: Counts = new Map();
	for (const a of attempts)
		for (const x of a.answers) {
			if (!x.choice || x.correct) continue;
			let q = m.get(x.questionId);
			if (!q) m.set(x.questionId, (q = { wrong: new Map(), wrongTotal: 0 }));
			q.wrong.set(x.choice, (q.wrong.get(x.choice) ?? 0) + 1);
			q.wrongTotal++;
		}
	return m;
}

/** Accuracy with a light prior, so a perfect sheet does not make a right answer certain. */
const accuracy = (a: AttemptFact) => (a.correctCount + 1) / (a.answered + 2);

interface PairScore {
	shared: number;
	same: number;
	expected: number;
	/** Per question compared: the chance that independent people with these scores agree. */
	chances: number[];
	sameWrong: number;
	llr: number;
}

/** An attempt's answered questions by question id, built once per attempt. */
function answeredOf(a: AttemptFact): Map<number, AnswerFact> {
	const m = new Map<number, AnswerFact>();
	for (const x of a.answers) if (x.choice) m.set(x.questionId, x);
	return m;
}

/** The comparison of two attempts on the questions they share; null when they share none (most pairs: nothing allocated). */
function comparePair(a: AttemptFact, mine: Map<number, AnswerFact>, b: AttemptFact, counts: Counts, rules = ALIKE_RULES): PairScore | null {
	let accA = 0;
	let accB = 0;
	let shared = 0;
	let same = 0;
	let expected = 0;
	let chances: number[] | null = null;
	let sameWrong = 0;
	let llr = 0;
	for (const y of b.answers) {
		if (!y.choice) continue;
		const x = mine.get(y.questionId);
		if (!x) continue;
		if (shared++ === 0) {
			accA = accuracy(a);
			accB = accuracy(b);
			chances = [];
		}
		const q = counts.get(y.questionId);
		// Leave the pair's own wrong answers out of the option shares: a group must not make its own choice look common.
		const ownOf = (c: string) => (x.choice === c && !x.correct ? 1 : 0) + (y.choice === c && !y.correct ? 1 : 0);
		const total = Math.max(0, (q?.wrongTotal ?? 0) - (x.correct ? 0 : 1) - (y.correct ? 0 : 1));
		const seen = q?.wrong.size ?? 0;
		const distinct = Math.max(3, seen);
		const share = (c: string) => (Math.max(0, (q?.wrong.get(c) ?? 0) - ownOf(c)) + 0.5) / (total + 0.5 * distinct);
		// Chance that two independent people with these accuracies agree: both right, or the same wrong option.
		let sumSq = 0;
		let mass = 0;
		for (const c of q?.wrong.keys() ?? []) {
			const sc = share(c);
			sumSq += sc * sc;
			mass += sc;
		}
		if (distinct > seen) sumSq += (1 - mass) ** 2 / (distinct - seen);
		const pSame = accA * accB + (1 - accA) * (1 - accB) * sumSq;
		expected += pSame;
		chances!.push(pSame);
		const p = (acc: number, c: string, correct: boolean) => (correct ? acc : (1 - acc) * share(c));
		const agree = x.choice === y.choice;
		const k = rules.copy;
		const pb = p(accB, y.choice, y.correct);
		const pa = p(accA, x.choice, x.correct);
		if (agree) {
			same++;
			if (!x.correct) sameWrong++;
			llr += (Math.log((k + (1 - k) * pb) / pb) + Math.log((k + (1 - k) * pa) / pa)) / 2;
		} else llr += Math.log(1 - k);
	}
	return chances ? { shared, same, expected, chances, sameWrong, llr } : null;
}

interface PeopleStats extends PairScore {
	u: number;
	v: number;
	pairs: number;
	identical: number;
	attempts: number[];
	maxStartGapMs: number;
	maxHandInGapMs: number;
	/** Attempt pairs started and handed in within `togetherMs` of each other, from different networks. */
	together: number;
}

/**
 * Finds groups. Random draws give two sheets only a few questions in common, so one pair of
 * attempts rarely proves anything; a group that shares answers in every session does, taken
 * together. So the evidence is summed per pair of PEOPLE over all their attempts that started
 * and were handed in near each other. Two ways make a group: (1) by timing — people together
 * (within `togetherMs`, from different networks) in `togetherSessions`+ sessions — named when
 * their agreement would come from independent people with a chance of at most
 * `timedGroupChance`; (2) by the answers alone — people linked by strong pairs, pruned of weak
 * members, named when the evidence over all their pairs reaches `groupEvidence`.
 */
export function findAlikeGroups(attempts: AttemptFact[], rules = ALIKE_RULES): AlikeGroup[] {
	const counts = wrongCounts(attempts);
	const list = [...attempts].sort((x, y) => x.startedAt - y.startedAt);
	const answered = list.map(answeredOf);
	const stats = new Map<number, PeopleStats>();
	for (let i = 0; i < list.length; i++) {
		const a = list[i];
		for (let j = i + 1, seen = 0; j < list.length && seen < rules.maxNeighbours; j++, seen++) {
			const b = list[j];
			if (b.startedAt - a.startedAt > rules.maxStartGapMs) break;
			if (a.userId === b.userId || Math.abs(b.submittedAt - a.submittedAt) > rules.maxHandInGapMs) continue;
			const together =
				b.startedAt - a.startedAt <= rules.togetherMs &&
				Math.abs(b.submittedAt - a.submittedAt) <= rules.togetherMs &&
				a.ipHash !== b.ipHash;
			const sc = comparePair(a, answered[i], b, counts, rules);
			if (!sc && !together) continue;
			const [u, v] = a.userId < b.userId ? [a.userId, b.userId] : [b.userId, a.userId];
			const k = u * 2 ** 26 + v; // user ids below 67 million: one number, no string per pair
			let st = stats.get(k);
			if (!st) {
				st = {
					u,
					v,
					shared: 0,
					same: 0,
					expected: 0,
					chances: [],
					sameWrong: 0,
					llr: 0,
					pairs: 0,
					identical: 0,
					attempts: [],
					maxStartGapMs: 0,
					maxHandInGapMs: 0,
					together: 0
				};
				stats.set(k, st);
			}
			if (together) st.together++;
			if (sc) {
				st.shared += sc.shared;
				st.same += sc.same;
				st.expected += sc.expected;
				for (const c of sc.chances) st.chances.push(c);
				st.sameWrong += sc.sameWrong;
				st.llr += sc.llr;
				if (sc.same === sc.shared && sc.shared >= rules.minShared) st.identical++;
			}
			st.pairs++;
			st.attempts.push(a.attemptId, b.attemptId);
			st.maxStartGapMs = Math.max(st.maxStartGapMs, b.startedAt - a.startedAt);
			st.maxHandInGapMs = Math.max(st.maxHandInGapMs, Math.abs(b.submittedAt - a.submittedAt));
		}
	}
	const adjacent = new Map<number, PeopleStats[]>();
	for (const st of stats.values())
		for (const x of [st.u, st.v]) {
			let l = adjacent.get(x);
			if (!l) adjacent.set(x, (l = []));
			l.push(st);
		}
	const inside = (members: Set<number>) =>
		[...members].flatMap((m) => (adjacent.get(m) ?? []).filter((st) => st.u === m && members.has(st.v)));

	const out: AlikeGroup[] = [];
	const taken = new Set<number>();
	// 1. Groups by timing, chosen without looking at the answers: their agreement is then judged
	//    by its chance (no member is dropped for disagreeing, which would make the chance a lie).
	const togetherLinks = [...stats.values()].filter((st) => st.together >= rules.togetherSessions);
	for (const members of components(togetherLinks)) {
		pruneByTiming(members, togetherLinks);
		if (members.size < 2) continue;
		const g = describe(members, inside(members), true, rules);
		if (g.observedSame > g.expectedSame && g.chance <= rules.timedGroupChance) {
			out.push(g);
			for (const m of members) taken.add(m);
		}
	}
	// 2. Groups by the answers alone (one session is enough when the evidence is large): linked by
	//    strong pairs, pruned of weak members, reported when the total evidence is large.
	const strong = [...stats.values()].filter(
		(st) => st.llr >= rules.pairEvidence && st.shared - st.same <= rules.maxDisagreement * st.shared && !taken.has(st.u) && !taken.has(st.v)
	);
	for (const members of components(strong)) {
		prune(members, adjacent, rules);
		if (members.size < 2) continue;
		const g = describe(members, inside(members), false, rules);
		if (g.evidence >= rules.groupEvidence) out.push(g);
	}
	return out.sort((x, y) => y.evidence - x.evidence);
}

/** Connected sets of people, linked by the given pairs. */
function components(links: PeopleStats[]): Set<number>[] {
	const parent = new Map<number, number>();
	const find = (x: number): number => {
		const p = parent.get(x) ?? x;
		if (p === x) return x;
		const r = find(p);
		parent.set(x, r);
		return r;
	};
	for (const st of links) {
		for (const x of [st.u, st.v]) if (!parent.has(x)) parent.set(x, x);
		parent.set(find(st.u), find(st.v));
	}
	const out = new Map<number, Set<number>>();
	for (const x of parent.keys()) {
		const r = find(x);
		let c = out.get(r);
		if (!c) out.set(r, (c = new Set()));
		c.add(x);
	}
	return [...out.values()];
}

/**
 * A group by timing is people each together with at least half of the others: chance
 * coincidences chain strangers (a colleague who also answers at lunch every day), a group that
 * meets to answer is together with nearly all of itself. Drops the least connected until then.
 */
function pruneByTiming(members: Set<number>, links: PeopleStats[]): void {
	for (;;) {
		const degree = new Map<number, number>([...members].map((m) => [m, 0]));
		for (const st of links)
			if (members.has(st.u) && members.has(st.v)) {
				degree.set(st.u, degree.get(st.u)! + 1);
				degree.set(st.v, degree.get(st.v)! + 1);
			}
		let worst: number | null = null;
		for (const [m, d] of degree) if (d < (members.size - 1) / 2 && (worst == null || d < degree.get(worst)!)) worst = m;
		if (worst == null) return;
		members.delete(worst);
	}
}

/**
 * Drops, one at a time, the weakest member until every member's own evidence with the others
 * reaches `memberEvidence` and they disagree with the others on at most `maxDisagreement` of the
 * questions they share: a chance agreement with one copier does not make a member, and a clique
 * of independent people picked for agreeing a little still disagrees half the time. Each
 * member's totals are kept and updated as others leave (no pass over all pairs).
 */
function prune(members: Set<number>, adjacent: Map<number, PeopleStats[]>, rules: typeof ALIKE_RULES): void {
	const totals = new Map<number, { sum: number; shared: number; same: number }>();
	for (const m of members) totals.set(m, { sum: 0, shared: 0, same: 0 });
	for (const m of members)
		for (const st of adjacent.get(m) ?? []) {
			if (!members.has(st.u === m ? st.v : st.u)) continue;
			const t = totals.get(m)!;
			t.sum += st.llr;
			t.shared += st.shared;
			t.same += st.same;
		}
	for (;;) {
		let worst: number | null = null;
		let worstSum = Infinity;
		for (const [m, t] of totals) {
			const weak = t.sum < rules.memberEvidence || t.shared - t.same > rules.maxDisagreement * t.shared;
			if (weak && t.sum < worstSum) [worst, worstSum] = [m, t.sum];
		}
		if (worst == null) return;
		totals.delete(worst);
		members.delete(worst);
		for (const st of adjacent.get(worst) ?? []) {
			const t = totals.get(st.u === worst ? st.v : st.u);
			if (!t) continue;
			t.sum -= st.llr;
			t.shared -= st.shared;
			t.same -= st.same;
		}
	}
}

function describe(members: Set<number>, inside: PeopleStats[], timed: boolean, rules: typeof ALIKE_RULES): AlikeGroup {
	const sum = (f: (st: PeopleStats) => number) => inside.reduce((n, st) => n + f(st), 0);
	const observedSame = sum((st) => st.same);
	const evidence = sum((st) => st.llr);
	return {
		userIds: [...members].sort((x, y) => x - y),
		attemptIds: [...new Set(inside.flatMap((st) => st.attempts))].sort((x, y) => x - y),
		pairs: sum((st) => st.pairs),
		compared: sum((st) => st.shared),
		observedSame,
		expectedSame: sum((st) => st.expected),
		chance: chanceOfAtLeast(
			inside.flatMap((st) => st.chances),
			observedSame
		),
		timed,
		sameWrong: sum((st) => st.sameWrong),
		identicalPairs: sum((st) => st.identical),
		evidence,
		maxStartGapMs: Math.max(0, ...inside.map((st) => st.maxStartGapMs)),
		maxHandInGapMs: Math.max(0, ...inside.map((st) => st.maxHandInGapMs)),
		points: timed && evidence >= rules.groupEvidence ? 4 : 3
	};
}
