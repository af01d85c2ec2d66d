import * as live from '$lib/server/live/service';
import * as screens from '$lib/server/live/screens';
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
	const [view, players, parts] = await Promise.all([
		live.liveView(game, 'host'),
		screens.consolePlayers(game),
		screens.consoleParts(game.id)
	]);
	return {
		gameId: game.id,
		code: game.code,
		view,
		players,
		parts
	};
}) satisfies PageServerLoad;
