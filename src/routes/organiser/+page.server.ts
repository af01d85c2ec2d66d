import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import * as contests from '$lib/server/contests/contests';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const list = await contests.listContests(getDb());
	return {
		contests: list.map((c) => ({ id: c.id, title: c.title, status: c.status, roundCount: c.roundCount }))
	};
}) satisfies PageServerLoad;
