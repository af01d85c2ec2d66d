import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import * as stats from '$lib/server/stats/service';
import { FLAG_LABELS, ITEM_RULES } from '$lib/server/stats/rules';
import type { PageServerLoad } from './$types';

/** Questions per page: each card shows its option table, so a whole bank on one page is ~60,000 px. */
const PAGE_SIZE = 50;

/** Item analysis of a contest or round: facility, discrimination, option choices, review flags. */
export const load = (async (event) => {
	requireRole(event, 'organiser');
	const resolved = await stats.findScope(event.url.searchParams);
	if (!resolved) error(404, { message: 'Chưa có cuộc thi nào để thống kê.' });
	const { items, rounds } = await stats.itemAnalysis(resolved);
	const flaggedOnly = event.url.searchParams.get('flagged') === '1';
	const shown = flaggedOnly ? items.filter((i) => i.flags.length > 0) : items;
	const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
	// A page past the end (the list got shorter, a hand-edited URL) shows the last one.
	const page = Math.min(pages, Math.max(1, Math.trunc(Number(event.url.searchParams.get('page'))) || 1));
	return {
		contest: { id: resolved.contest.id, title: resolved.contest.title },
		round: resolved.round && { id: resolved.round.id, title: resolved.round.title },
		rounds: rounds.map((r) => ({ id: r.id, title: r.title })),
		flaggedOnly,
		flaggedCount: items.filter((i) => i.flags.length > 0).length,
		total: shown.length,
		page,
		pages,
		pageSize: PAGE_SIZE,
		rules: ITEM_RULES,
		items: shown
			.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
			.map(({ flags, ...i }) => ({ ...i, flagLabels: flags.map((f) => FLAG_LABELS[f]) }))
	};
}) satisfies PageServerLoad;
