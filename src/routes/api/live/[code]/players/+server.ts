import { postJoin } from '$lib/server/api/live';
import { bodyOf, callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** Joins a live room (api/live.ts). In production api/node.ts answers first. */
export const POST: RequestHandler = async (event) => {
	const body = await bodyOf(event.request);
	return body instanceof Response ? body : toResponse(await postJoin(callerOf(event), event.params.code, body));
};
