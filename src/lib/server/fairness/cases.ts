import type { AlikeGroup } from './alike';
import type { DuplicatePair, OriginCluster } from './detectors';
import type { NetworkCluster } from './networks';
import type { SpeedFinding } from './speed';

/**
 * One list of cases (issue 18 item 1): every reason the detectors found, joined per person.
 *
 * Scoring, in one paragraph: each reason carries points, roughly the log-odds it adds that
 * something is wrong (a shared phone 1, a perfect sheet near the reading floor 2, answers all
 * saved within one second 3, an account farm 3–5, …; the detectors say why). Independent
 * evidence multiplies odds, so points of different KINDS of reason add up; repeating the same
 * kind (fast in two rounds) adds only half a point each. A person is named when their points
 * reach CASE_POINTS = 3: one strong reason, or two weaker independent ones — one weak reason
 * alone never names anyone. Named people linked by a shared reason (a group, a farm, a pair of
 * accounts) form one case; cases are ordered by the points of their strongest member.
 */
export const CASE_POINTS = 3;

export type Reason = { roundId: number | null; points: number } & (
	| { kind: 'network'; network: NetworkCluster }
	| { kind: 'alike'; group: AlikeGroup }
	| { kind: 'speed'; speed: SpeedFinding }
	| { kind: 'device'; device: OriginCluster }
	| { kind: 'duplicate'; duplicate: DuplicateEvidence }
);
export type ReasonKind = Reason['kind'];

export type Corroboration = 'same_device' | 'same_network' | 'registered_together' | 'both_took_part' | 'answers_alike';

/** A possible duplicate pair with what corroborates it. */
export interface DuplicateEvidence extends DuplicatePair {
	corroboration: Corroboration[];
}

const CORROBORATION_POINTS: Record<Corroboration, number> = {
	same_device: 1.5,
	same_network: 0.5,
	registered_together: 1,
	both_took_part: 1.5,
	answers_alike: 1.5
};

/**
 * The same full name and birth date is 1.5 points, any looser match 1 — weak alone, namesakes
 * exist (two "Nguyễn Thị Hương" born in 1990 in one ward are common); each corroborating fact
 * raises it.
 */
export function duplicatePoints(d: DuplicateEvidence): number {
	const base = d.reasons.includes('name_birth_date') ? 1.5 : 1;
	return base + d.corroboration.reduce((n, c) => n + CORROBORATION_POINTS[c], 0);
}

/** Two accounts on one device is a family sharing a phone (weak); four or more is a farm by itself. */
export function devicePoints(c: OriginCluster): number {
	return c.userIds.length >= 4 ? 3 : c.userIds.length === 3 ? 2 : 1;
}

export function usersOf(r: Reason): number[] {
	switch (r.kind) {
		case 'network':
			return r.network.userIds;
		case 'alike':
			return r.group.userIds;
		case 'speed':
			return [r.speed.userId];
		case 'device':
			return r.device.userIds;
		case 'duplicate':
			return [r.duplicate.low, r.duplicate.high];
	}
}

export interface Case {
	userIds: number[];
	/** Points of each named person. */
	points: Record<number, number>;
	/** The case's order: its strongest member's points. */
	score: number;
	reasons: Reason[];
	kinds: ReasonKind[];
}

/** A person's points: the best reason of each kind, plus half a point for each further one (at most one more). */
export function personPoints(reasons: Reason[]): number {
	const byKind = new Map<ReasonKind, number[]>();
	for (const r of reasons) {
		if (r.points <= 0) continue;
		let l = byKind.get(r.kind);
		if (!l) byKind.set(r.kind, (l = []));
		l.push(r.points);
	}
	let total = 0;
	for (const l of byKind.values()) total += Math.max(...l) + Math.min(1, 0.5 * (l.length - 1));
	return total;
}

/** Joins reasons into cases: named people, linked by the reasons they share, strongest first. */
export function buildCases(reasons: Reason[], threshold = CASE_POINTS): Case[] {
	const ofUser = new Map<number, Reason[]>();
	for (const r of reasons) {
		if (r.points <= 0) continue;
		for (const u of usersOf(r)) {
			let l = ofUser.get(u);
			if (!l) ofUser.set(u, (l = []));
			l.push(r);
		}
	}
	const points = new Map<number, number>();
	for (const [u, rs] of ofUser) {
		const p = personPoints(rs);
		if (p >= threshold) points.set(u, p);
	}
	// Named people sharing a reason are one case.
	const parent = new Map<number, number>([...points.keys()].map((u) => [u, u]));
	const find = (u: number): number => {
		const p = parent.get(u)!;
		if (p === u) return u;
		const r = find(p);
		parent.set(u, r);
		return r;
	};
	for (const r of reasons) {
		const named = usersOf(r).filter((u) => points.has(u));
		for (let i = 1; i < named.length; i++) parent.set(find(named[i]), find(named[0]));
	}
	const groups = new Map<number, number[]>();
	for (const u of points.keys()) {
		const root = find(u);
		let g = groups.get(root);
		if (!g) groups.set(root, (g = []));
		g.push(u);
	}
	const out: Case[] = [];
	for (const members of groups.values()) {
		const set = new Set(members);
		const rs = reasons.filter((r) => r.points > 0 && usersOf(r).some((u) => set.has(u)));
		rs.sort((a, b) => b.points - a.points);
		out.push({
			userIds: members.sort((a, b) => a - b),
			points: Object.fromEntries(members.map((u) => [u, points.get(u)!])),
			score: Math.max(...members.map((u) => points.get(u)!)),
			reasons: rs,
			kinds: [...new Set(rs.map((r) => r.kind))]
		});
	}
	return out.sort((a, b) => b.score - a.score || b.userIds.length - a.userIds.length || a.userIds[0] - b.userIds[0]);
}

/** The people the report names: everyone in a case. What the fairness evaluation counts. */
export function namedUserIds(cases: Case[]): Set<number> {
	return new Set(cases.flatMap((c) => c.userIds));
}
