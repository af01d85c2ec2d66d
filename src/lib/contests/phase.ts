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
