import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import * as contests from '$lib/server/contests/contests';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const db = getDb();
	const list = await contests.listContests(db);
	const withRounds = await Promise.all(
		list.map(async (c) => ({
			id: c.id,
			title: c.title,
			rounds: (await contests.listRounds(db, c.id)).map((r) => ({ id: r.id, title: r.title, opensAt: r.opensAt, closesAt: r.closesAt }))
		}))
	);
	return { contests: withRounds, now: Date.now() };
}) satisfies PageServerLoad;
