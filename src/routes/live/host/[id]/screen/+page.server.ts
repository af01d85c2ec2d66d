import * as live from '$lib/server/live/service';
import { hostedGame } from '../host.server';
import { joinOrigin } from '../../../join-address.server';
import type { PageServerLoad } from './$types';

/**
 * The big screen (a projector, 1920×1080): the host's own screen, so only someone who may host
 * the game opens it (it sends the host's commands from the keyboard). The join address it shows
 * is one phones can reach (join-address.server.ts).
 */
export const load = (async (event) => {
	const { game } = await hostedGame(event);
	const view = await live.liveView(game, 'screen');
	return { gameId: game.id, code: game.code, view, joinHost: joinOrigin(event.url).replace(/^https?:\/\//, '') };
}) satisfies PageServerLoad;
