import { rankPeople, type RankedResult } from '../leaderboards/order';

/**
 * Winner proposals: pure rules over a ranking, unit-tested in propose.spec.ts. The order is the
 * official round order (leaderboards/order.ts: score → closest prediction → shortest time →
 * earliest hand-in → attempt id); the prediction tie-break applies because a proposal is made only
 * once the round has closed and its actual figure is settled.
 */

export interface Tier {
	name: string;
	count: number;
}

export interface Candidate extends RankedResult {
	userId: number;
	total: number;
	/** A disqualified person (or attempt) never wins: left out before the ranking. */
	disqualified?: boolean;
}

export interface RankedCandidate extends Candidate {
	/** 1-based place in the official ranking (disqualified people left out). */
	rank: number;
	/** |prediction − actual|, null without a prediction or a settled figure. */
	distance: number | null;
}

export interface ProposedPrize extends RankedCandidate {
	tier: number;
	tierName: string;
	position: number;
}

/** Distance of a prediction from the actual figure, as published (null when either is missing). */
export function predictionDistance(prediction: number | null, actual: number | null): number | null {
	return prediction == null || actual == null ? null : Math.abs(prediction - actual);
}

/** Each person once (their best attempt), disqualified ones left out, in the official order. */
export function officialRanking(results: readonly Candidate[], actual: number | null): RankedCandidate[] {
	const counted = results.filter((r) => !r.disqualified);
	return rankPeople(counted, actual).map((r, i) => ({ ...r, rank: i + 1, distance: predictionDistance(r.prediction, actual) }));
}

/**
 * The proposed winners: tiers filled in order (Nhất first) from the top of the ranking, one prize per
 * person. Fewer people than prizes leaves the lower tiers short, never fills them twice.
 */
export function proposeWinners(results: readonly Candidate[], actual: number | null, tiers: readonly Tier[]): ProposedPrize[] {
	const ranking = officialRanking(results, actual);
	const out: ProposedPrize[] = [];
	let i = 0;
	tiers.forEach((t, tier) => {
		for (let k = 0; k < t.count && i < ranking.length; k++, i++)
			out.push({ ...ranking[i], tier, tierName: t.name, position: out.length + 1 });
	});
	return out;
}

/** The next person in rank not already on the list (any status): a substitute, or undefined. */
export function nextInRank(ranking: readonly RankedCandidate[], taken: ReadonlySet<number>): RankedCandidate | undefined {
	return ranking.find((r) => !taken.has(r.userId));
}

/** A unit as the unit prizes see it (leaderboards/units.ts unitRanking). */
export interface UnitCandidate {
	unitId: number;
	code: string;
	participants: number;
	target: number | null;
}

export interface ProposedUnitPrize {
	category: 'participants' | 'rate';
	unitId: number;
	participants: number;
	target: number | null;
	rank: number;
	tier: number;
	tierName: string;
	position: number;
}

const rateOf = (u: UnitCandidate) => (u.target && u.target > 0 ? u.participants / u.target : null);

/**
 * Unit prizes of a contest: by number of participants (most first; ties by rate, then code) and by
 * participation rate (participants ÷ target; units without a target cannot take part; ties by
 * participants, then code). A unit may win in both categories, once in each. Units nobody from took
 * part in win nothing.
 */
export function proposeUnitPrizes(
	units: readonly UnitCandidate[],
	plan: { participants: readonly Tier[]; rate: readonly Tier[] }
): ProposedUnitPrize[] {
	const active = units.filter((u) => u.participants > 0);
	const byCount = [...active].sort(
		(a, b) => b.participants - a.participants || (rateOf(b) ?? -1) - (rateOf(a) ?? -1) || a.code.localeCompare(b.code)
	);
	const byRate = active
		.filter((u) => rateOf(u) != null)
		.sort((a, b) => rateOf(b)! - rateOf(a)! || b.participants - a.participants || a.code.localeCompare(b.code));
	const out: ProposedUnitPrize[] = [];
	const fill = (category: 'participants' | 'rate', ranked: UnitCandidate[], tiers: readonly Tier[]) => {
		let i = 0;
		tiers.forEach((t, tier) => {
			for (let k = 0; k < t.count && i < ranked.length; k++, i++) {
				const u = ranked[i];
				out.push({
					category,
					unitId: u.unitId,
					participants: u.participants,
					target: u.target,
					rank: i + 1,
					tier,
					tierName: t.name,
					position: out.length + 1
				});
			}
		});
	};
	fill('participants', byCount, plan.participants);
	fill('rate', byRate, plan.rate);
	return out;
}
