import type { AttemptFact } from './facts';

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
	/** A pair links two people into a group from this much evidence on at least `minShared` questions. */
	pairEvidence: 4,
	minShared: 3,
	/** A group is reported from this much evidence in total. */
	groupEvidence: 9
} as const;

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
	sameWrong: number;
	llr: number;
}

function comparePair(a: AttemptFact, b: AttemptFact, counts: Counts, rules = ALIKE_RULES): PairScore {
	const mine = new Map<number, { choice: string; correct: boolean }>();
	for (const x of a.answers) if (x.choice) mine.set(x.questionId, x);
	const accA = accuracy(a);
	const accB = accuracy(b);
	let shared = 0;
	let same = 0;
	let expected = 0;
	let sameWrong = 0;
	let llr = 0;
	for (const y of b.answers) {
		if (!y.choice) continue;
		const x = mine.get(y.questionId);
		if (!x) continue;
		shared++;
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
		expected += accA * accB + (1 - accA) * (1 - accB) * sumSq;
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
	return { shared, same, expected, sameWrong, llr };
}

/**
 * Finds groups: pairs of different people's attempts in each other's time neighbourhood whose
 * evidence reaches `pairEvidence` are linked; linked attempts form a group, kept when the
 * evidence over all compared pairs inside it reaches `groupEvidence`.
 */
export function findAlikeGroups(attempts: AttemptFact[], rules = ALIKE_RULES): AlikeGroup[] {
	const counts = wrongCounts(attempts);
	const list = [...attempts].sort((x, y) => x.startedAt - y.startedAt);
	const parent = list.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	const scored = new Map<string, PairScore & { i: number; j: number }>();
	for (let i = 0; i < list.length; i++) {
		const a = list[i];
		for (let j = i + 1, seen = 0; j < list.length && seen < rules.maxNeighbours; j++, seen++) {
			const b = list[j];
			if (b.startedAt - a.startedAt > rules.maxStartGapMs) break;
			if (a.userId === b.userId || Math.abs(b.submittedAt - a.submittedAt) > rules.maxHandInGapMs) continue;
			const s = comparePair(a, b, counts, rules);
			if (s.shared === 0) continue;
			scored.set(`${i}-${j}`, { ...s, i, j });
			if (s.llr >= rules.pairEvidence && s.shared >= rules.minShared) parent[find(i)] = find(j);
		}
	}
	const groups = new Map<number, number[]>();
	for (let i = 0; i < list.length; i++) {
		const r = find(i);
		let g = groups.get(r);
		if (!g) groups.set(r, (g = []));
		g.push(i);
	}
	const out: AlikeGroup[] = [];
	for (const members of groups.values()) {
		if (members.length < 2) continue;
		const inGroup = new Set(members);
		let pairs = 0;
		let compared = 0;
		let observedSame = 0;
		let expectedSame = 0;
		let sameWrong = 0;
		let identicalPairs = 0;
		let evidence = 0;
		let maxStartGapMs = 0;
		let maxHandInGapMs = 0;
		for (const s of scored.values()) {
			if (!inGroup.has(s.i) || !inGroup.has(s.j)) continue;
			pairs++;
			compared += s.shared;
			observedSame += s.same;
			expectedSame += s.expected;
			sameWrong += s.sameWrong;
			evidence += s.llr;
			if (s.same === s.shared && s.shared >= rules.minShared) identicalPairs++;
			maxStartGapMs = Math.max(maxStartGapMs, Math.abs(list[s.j].startedAt - list[s.i].startedAt));
			maxHandInGapMs = Math.max(maxHandInGapMs, Math.abs(list[s.j].submittedAt - list[s.i].submittedAt));
		}
		if (evidence < rules.groupEvidence) continue;
		const attemptsOf = members.map((i) => list[i]);
		out.push({
			userIds: [...new Set(attemptsOf.map((a) => a.userId))].sort((x, y) => x - y),
			attemptIds: attemptsOf.map((a) => a.attemptId).sort((x, y) => x - y),
			pairs,
			compared,
			observedSame,
			expectedSame,
			sameWrong,
			identicalPairs,
			evidence,
			maxStartGapMs,
			maxHandInGapMs,
			points: evidence >= 2 * rules.groupEvidence ? 4 : 3
		});
	}
	return out.sort((x, y) => y.evidence - x.evidence);
}
