import { requireRole } from '$lib/server/auth/guards';
import * as questions from '$lib/server/questions/service';
import { parseFilter } from './filter.server';
import type { PageServerLoad } from './$types';

const PER_PAGE = 25;

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const { filter, page, raw } = parseFilter(event.url);
	const list = await questions.listQuestionsPage(filter, { offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
	return {
		items: list.items.map((q) => ({ ...q, stem: q.stem.length > 220 ? q.stem.slice(0, 220) + '…' : q.stem })),
		total: list.total,
		page,
		pages: Math.max(1, Math.ceil(list.total / PER_PAGE)),
		topics: list.topics.map((t) => ({ id: t.id, name: t.name })),
		filter: raw,
		deleted: event.url.searchParams.get('deleted') === '1',
		imported: event.url.searchParams.has('imported')
			? {
					created: Number(event.url.searchParams.get('imported')) || 0,
					skipped: Number(event.url.searchParams.get('skipped')) || 0,
					topics: Number(event.url.searchParams.get('topics')) || 0
				}
			: null
	};
}) satisfies PageServerLoad;
