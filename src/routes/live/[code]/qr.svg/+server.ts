import { error } from '@sveltejs/kit';
import * as live from '$lib/server/live/service';
import { qrSvg } from '$lib/server/live/qr';
import { livePaths } from '$lib/live/protocol';
import { joinOrigin } from '../../join-address.server';
import type { RequestHandler } from './$types';

/**
 * The room's QR code (issue 14 items 1, 7): an SVG of the player page's address, made by hoithi
 * itself (a hall may have no internet). The address is the one phones can reach (join-address.ts).
 * Public: the code is on the big screen anyway.
 */
export const GET = (async ({ params, url }) => {
	const game = await live.gameByCode(params.code);
	if (!game) error(404, { message: live.MESSAGES.noRoom });
	const svg = await qrSvg(joinOrigin(url) + livePaths.player(game.code));
	return new Response(svg, {
		headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'private, max-age=300' }
	});
}) satisfies RequestHandler;
