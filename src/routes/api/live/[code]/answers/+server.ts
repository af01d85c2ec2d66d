import { postAnswer } from '$lib/server/api/live';
import { bodyOf, callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** An answer to the live game's current question (api/live.ts). In production api/node.ts answers first. */
export const POST: RequestHandler = async (event) => {
	const at = Date.now();
	const body = await bodyOf(event.request);
	return body instanceof Response ? body : toResponse(await postAnswer(callerOf(event, at), event.params.code, body));
};
