import { requireRole } from '$lib/server/auth/guards';
import * as setup from '$lib/server/live/setup';
import type { PageServerLoad } from './$types';

/** The live games the person may host: all for organisers, their unit's for a district lead. */
export const load = (async (event) => {
	const user = requireRole(event, 'organiser', 'district_lead');
	const page = Math.max(1, Math.min(10_000, Number(event.url.searchParams.get('page')) || 1));
	const list = await setup.listGamesFor(user, page);
	return {
		page: list.page,
		pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
		total: list.total,
		games: list.items.map((g) => ({
			id: g.id,
			code: g.code,
			title: g.title,
			status: g.status,
			unitName: g.unitName,
			ownerName: g.ownerName,
			questions: g.questions,
			players: g.players,
			createdAt: g.createdAt
		}))
	};
}) satisfies PageServerLoad;
