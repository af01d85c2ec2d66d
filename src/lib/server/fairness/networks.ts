import { isPerfect, median, type AttemptFact } from './facts';

/**
 * Accounts behind one network (IP hash) described by what tells a proxy or account farm apart
 * from a class in a computer room (issue 18 item 2). Schools, offices and mobile carriers put many
 * honest people behind one address, so sharing an address is never a reason by itself; what is:
 * attempts strictly one after another, each account starting on a device it had never used,
 * perfect sheets, a sign-in immediately followed by a start, accounts registered shortly before.
 */

export interface NetworkCluster {
	ipHash: string;
	userIds: number[];
	attemptIds: number[];
	from: number;
	to: number;
	/** Share of attempts that overlapped in time with another attempt of the cluster (side by side). */
	overlapShare: number;
	layout: 'side_by_side' | 'one_after_another' | 'mixed';
	/** For one-after-another clusters: median gap from one hand-in to the next start. */
	medianHandoverMs: number | null;
	/** Accounts whose attempt started on a device first seen at that sign-in. */
	freshDevices: number;
	perfectShare: number;
	meanScoreShare: number;
	medianSignInGapMs: number | null;
	/** Accounts registered within `registeredWithinMs` before their first attempt here. */
	registeredShortlyBefore: number;
	/** Points (see cases.ts) and whether the pattern is that of a proxy/farm. */
	points: number;
	farm: boolean;
}

const NETWORK_RULES = {
	/** An attempt joins the cluster when it starts within this long of the cluster's last hand-in. */
	chainGapMs: 30 * 60 * 1000,
	/** Fewer accounts than this on one address is a household, not a network worth describing. */
	minAccounts: 3,
	/** At most this share of attempts overlapping: one after another. */
	maxSequentialOverlap: 0.2,
	/** At least this share overlapping: side by side. */
	minSideBySideOverlap: 0.5,
	/** A "high" share of fresh devices, perfect sheets, fresh registrations. */
	highShare: 0.5,
	registeredWithinMs: 48 * 60 * 60 * 1000
} as const;

/**
 * Groups the round's attempts by the network they were started from into chains (each start
 * within `chainGapMs` of the chain's latest hand-in) and describes every chain with 3+ accounts.
 * A chain is a farm when its attempts ran one after another and at least two of: most accounts on
 * fresh devices, most sheets perfect, most accounts registered shortly before.
 */
export function describeNetworks(attempts: AttemptFact[], rules = NETWORK_RULES): NetworkCluster[] {
	const byIp = new Map<string, AttemptFact[]>();
	for (const a of attempts) {
		if (!a.ipHash) continue;
		let l = byIp.get(a.ipHash);
		if (!l) byIp.set(a.ipHash, (l = []));
		l.push(a);
	}
	const out: NetworkCluster[] = [];
	for (const [ipHash, list] of byIp) {
		list.sort((x, y) => x.startedAt - y.startedAt);
		let chain: AttemptFact[] = [];
		let lastEnd = -Infinity;
		const flush = () => {
			const c = describeChain(ipHash, chain, rules);
			if (c) out.push(c);
			chain = [];
		};
		for (const a of list) {
			if (chain.length && a.startedAt - lastEnd > rules.chainGapMs) flush();
			chain.push(a);
			lastEnd = chain.length === 1 ? a.submittedAt : Math.max(lastEnd, a.submittedAt);
		}
		flush();
	}
	return out.sort((x, y) => y.points - x.points || y.userIds.length - x.userIds.length || x.from - y.from);
}

function describeChain(ipHash: string, chain: AttemptFact[], rules: typeof NETWORK_RULES): NetworkCluster | null {
	const users = [...new Set(chain.map((a) => a.userId))].sort((a, b) => a - b);
	if (users.length < rules.minAccounts) return null;
	// chain is sorted by start: an attempt overlaps when it starts before an earlier one ended.
	const overlapping = new Set<number>();
	let maxEnd = -Infinity;
	let maxEndIdx = -1;
	const handovers: number[] = [];
	chain.forEach((a, i) => {
		if (a.startedAt < maxEnd) {
			overlapping.add(i);
			overlapping.add(maxEndIdx);
		} else if (i > 0) handovers.push(a.startedAt - maxEnd);
		if (a.submittedAt > maxEnd) {
			maxEnd = a.submittedAt;
			maxEndIdx = i;
		}
	});
	const overlapShare = overlapping.size / chain.length;
	const layout =
		overlapShare <= rules.maxSequentialOverlap
			? 'one_after_another'
			: overlapShare >= rules.minSideBySideOverlap
				? 'side_by_side'
				: 'mixed';
	const firstOf = new Map<number, AttemptFact>();
	for (const a of chain) if (!firstOf.has(a.userId)) firstOf.set(a.userId, a);
	const firsts = [...firstOf.values()];
	const freshDevices = firsts.filter((a) => a.freshDevice).length;
	const registeredShortlyBefore = firsts.filter((a) => a.startedAt - a.registeredAt <= rules.registeredWithinMs).length;
	const perfectShare = chain.filter(isPerfect).length / chain.length;
	const meanScoreShare = chain.reduce((n, a) => n + (a.questions ? a.correctCount / a.questions : 0), 0) / chain.length;
	const signs = [
		freshDevices / users.length >= rules.highShare,
		perfectShare >= rules.highShare,
		registeredShortlyBefore / users.length >= rules.highShare
	].filter(Boolean).length;
	const sequential = layout === 'one_after_another';
	const farm = sequential && signs >= 2;
	// A farm is a case by itself; one after another with one sign needs another reason.
	const points = farm ? 3 + (signs - 2) + (users.length >= 5 ? 1 : 0) : sequential && signs === 1 ? 1.5 : 0;
	return {
		ipHash,
		userIds: users,
		attemptIds: chain.map((a) => a.attemptId),
		from: chain[0].startedAt,
		to: Math.max(...chain.map((a) => a.submittedAt)),
		overlapShare,
		layout,
		medianHandoverMs: sequential ? median(handovers) : null,
		freshDevices,
		perfectShare,
		meanScoreShare,
		medianSignInGapMs: median(chain.map((a) => a.signInGapMs).filter((x): x is number => x != null)),
		registeredShortlyBefore,
		points,
		farm
	};
}
