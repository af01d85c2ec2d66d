export type RoundPhase = 'upcoming' | 'open' | 'closed';

/**
 * Where a round stands at `now`: upcoming before its opening time, open from the opening time up
 * to (not including) the closing time, closed from then on. The one definition of a round's
 * phase, for the server (which owns time: pass its clock) and for pages given the server's `now`.
 */
export function roundPhase(round: { opensAt: number; closesAt: number }, now: number): RoundPhase {
	if (now < round.opensAt) return 'upcoming';
	if (now >= round.closesAt) return 'closed';
	return 'open';
}

/**
 * The first moment after `now` at which one of `rounds` changes phase (opens or closes), or null
 * when none will: until then, a page made of these rounds' phases reads the same.
 */
export function nextPhaseChange(rounds: readonly { opensAt: number; closesAt: number }[], now: number): number | null {
	let next: number | null = null;
	for (const r of rounds) for (const t of [r.opensAt, r.closesAt]) if (t > now && (next === null || t < next)) next = t;
	return next;
}
