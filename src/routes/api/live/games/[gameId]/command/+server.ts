import { postHostCommand } from '$lib/server/api/live';
import { bodyOf, callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** A host command of a live game (api/live.ts, live/service.ts hostCommand). */
export const POST: RequestHandler = async (event) => {
	const body = await bodyOf(event.request);
	return body instanceof Response ? body : toResponse(await postHostCommand(callerOf(event), event.params.gameId, body));
};
