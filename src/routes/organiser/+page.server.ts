import { requireRole } from '$lib/server/auth/guards';
import * as contests from '$lib/server/contests/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const list = await contests.listContests();
	return {
		contests: list.map((c) => ({ id: c.id, title: c.title, status: c.status, roundCount: c.roundCount }))
	};
}) satisfies PageServerLoad;
