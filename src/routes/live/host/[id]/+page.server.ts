import * as live from '$lib/server/live/service';
import { partsOf } from '$lib/server/live/repo';
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
	const [view, snapshot, parts] = await Promise.all([live.liveView(game, 'host'), live.currentSnapshot(game), partsOf(getDb(), game.id)]);
	const players = [...snapshot.me.values()]
		.map((m) => ({ id: m.playerId, name: m.name, points: m.points, rank: m.rank, removed: m.removed, eliminated: m.eliminated }))
		.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.name.localeCompare(b.name, 'vi'));
	return {
		gameId: game.id,
		code: game.code,
		view,
		players,
		parts: parts.map((p) => ({ id: p.id, title: p.title, scaleMax: p.scale_max, status: p.status }))
	};
}) satisfies PageServerLoad;
