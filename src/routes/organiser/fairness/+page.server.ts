import { requireRole } from '$lib/server/auth/guards';
import * as contests from '$lib/server/contests/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const list = await contests.listContestsWithRounds();
	return {
		contests: list.map((c) => ({
			id: c.id,
			title: c.title,
			rounds: c.rounds.map((r) => ({ id: r.id, title: r.title, opensAt: r.opensAt, closesAt: r.closesAt }))
		}))
	};
}) satisfies PageServerLoad;
