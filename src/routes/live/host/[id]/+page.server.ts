import * as live from '$lib/server/live/service';
import { partsOf, playerTotals } from '$lib/server/live/repo';
import { getDb } from '$lib/server/db';
import { hostedGame } from './host.server';
import type { PageServerLoad } from './$types';

/**
 * The host console (phone or laptop): the game's host view, the players (for "Mời ra") and the
 * judged parts. Reloaded (`live:host`) when players join or leave and after a refused command.
 * The commands themselves go to the host-command endpoint (live/host.ts), as the big screen's keys do.
 */
export const load = (async (event) => {
	event.depends('live:host');
	const { game } = await hostedGame(event);
	// The players read now (one query): joins do not change the game's version, so a snapshot may predate them.
	const [view, totals, parts] = await Promise.all([
		live.liveView(game, 'host'),
		playerTotals(getDb(), game.id, game.position),
		partsOf(getDb(), game.id)
	]);
	const players = totals
		.map((p) => ({
			id: p.id,
			name: p.name,
			detail: p.unitName ?? p.affiliation ?? '',
			points: p.points,
			removed: p.removed,
			eliminated: p.eliminatedAt != null
		}))
		.sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'vi'));
	return {
		gameId: game.id,
		code: game.code,
		view,
		players,
		parts: parts.map((p) => ({ id: p.id, title: p.title, scaleMax: p.scale_max, status: p.status }))
	};
}) satisfies PageServerLoad;
