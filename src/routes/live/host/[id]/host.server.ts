import { error, type RequestEvent } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as live from '$lib/server/live/service';

/**
 * The guard of the host's pages (console and big screen): logged in (else to the login page and
 * back), and allowed to host this game (live.canHost: organisers and admins any game, a district
 * lead only their own unit's). A game that does not exist and one the person may not host answer
 * differently (404 / 403) — the id is no secret, and "not yours" is the clearer message.
 */
export async function hostedGame(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireUser(event);
	const id = parseId((event.params as { id?: string }).id ?? '');
	const game = id == null ? null : await live.gameById(id);
	if (!game) error(404, { message: 'Không tìm thấy hội thi.' });
	if (!live.canHost(user, game)) error(403, { message: live.MESSAGES.forbidden });
	return { user, game };
}
