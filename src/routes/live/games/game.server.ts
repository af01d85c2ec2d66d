import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as setup from '$lib/server/live/setup';

/**
 * The game of a /live/games/[id] request, for someone who may host it: organisers and admins any
 * game, a district lead only a game of their own unit (403 otherwise, never another unit's data);
 * participants and anonymous visitors never (403 / log in).
 */
export async function hostedGame(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireRole(event, 'organiser', 'district_lead');
	const id = parseId((event.params as { id?: string }).id);
	if (id == null) error(404, { message: 'Không tìm thấy hội thi.' });
	const found = await setup.access(user, id);
	if (!found.ok)
		error(found.status, { message: found.status === 404 ? 'Không tìm thấy hội thi.' : 'Bạn chỉ được tổ chức hội thi của đơn vị mình.' });
	return { user, game: found.game };
}
