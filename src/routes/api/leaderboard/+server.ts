import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { hasRole } from '$lib/server/auth/guards';
import * as contests from '$lib/server/contests/contests';
import { boardView, getBoard, resolveScope } from '$lib/server/stats/dashboards';
import type { RequestHandler } from './$types';

/**
 * Public board for polling: ?round= or ?contest=, optional ?kind= (unit level). The ranking
 * comes from a cache refreshed at most every few seconds, whoever asks; only the viewer's own
 * row is looked up per request.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const db = getDb();
	const resolved = await resolveScope(db, url);
	if (!resolved || resolved.contest.status === 'draft') error(404, { message: 'Không tìm thấy bảng xếp hạng.' });
	const kind = url.searchParams.get('kind')?.slice(0, 40) || null;
	const board = await getBoard(db, resolved.scope, kind);
	const view = await boardView(db, board, locals.user?.id ?? null, hasRole(locals.user, 'organiser'));
	const open = resolved.round ? Date.now() < resolved.round.closesAt : (await contests.listOpenRounds(db, Date.now())).some((r) => r.contestId === resolved.contest.id);
	return json({ ...view, open }, { headers: { 'cache-control': 'private, no-store' } });
};
