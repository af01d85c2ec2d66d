import * as contests from '$lib/server/contests/service';
import { nextPhaseChange, roundPhase } from '$lib/contests/phase';
import { attemptsByRound } from '$lib/server/attempts/service';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	const now = Date.now();
	const featured = await contests.featured();
	if (!featured) return { now, contest: null, rounds: [], next: null };
	const { contest, rounds } = featured;
	// A round opening or closing changes this page: a shared rendering of it ends then (pages/shared.ts).
	locals.changesAt = nextPhaseChange(rounds, now);
	const next = rounds.find((r) => roundPhase(r, now) === 'upcoming');
	const mine = locals.user ? await attemptsByRound(locals.user.id) : new Map<number, { used: number; open: boolean }>();
	return {
		now,
		contest: { id: contest.id, title: contest.title, rules: contest.rules },
		rounds: rounds.map((r) => ({
			id: r.id,
			title: r.title,
			opensAt: r.opensAt,
			closesAt: r.closesAt,
			questionCount: r.questionCount,
			timeLimitSeconds: r.timeLimitSeconds,
			maxAttempts: r.maxAttempts,
			revealPolicy: r.revealPolicy,
			used: mine.get(r.id)?.used ?? 0,
			inProgress: mine.get(r.id)?.open ?? false,
			phase: roundPhase(r, now)
		})),
		next: next ? { title: next.title, opensAt: next.opensAt } : null
	};
}) satisfies PageServerLoad;
