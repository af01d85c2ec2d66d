import { error } from '@sveltejs/kit';
import * as results from '$lib/server/live/results';
import { hostedGame } from '../../game.server';
import type { PageServerLoad } from './$types';

/** A live game's results: only its hosts see them (names included), as the guard says. */
export const load = (async (event) => {
	const { game } = await hostedGame(event);
	const r = await results.gameResults(game.id);
	if (!r) error(404, { message: 'Không tìm thấy hội thi.' });
	return r;
}) satisfies PageServerLoad;
