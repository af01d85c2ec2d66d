import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as attempts from '$lib/server/attempts/service';
import type { PageServerLoad } from './$types';

/** Result of one attempt, for its owner only (others get the same 404 as a missing attempt). */
export const load = (async (event) => {
	const user = requireUser(event);
	const id = parseId(event.params.attemptId);
	const result = id == null ? null : await attempts.getResult(user.id, id);
	if (!result) error(404, { message: 'Không tìm thấy lượt thi.' });
	return result;
}) satisfies PageServerLoad;
