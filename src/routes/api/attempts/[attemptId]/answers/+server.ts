import { saveAnswer } from '$lib/server/api/endpoints';
import { bodyOf, callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** Autosave of one answer; idempotent (the last write for a question wins). In production api/node.ts answers first. */
export const PUT: RequestHandler = async (event) => {
	const body = await bodyOf(event.request);
	return body instanceof Response ? body : toResponse(await saveAnswer(callerOf(event), event.params.attemptId, body));
};
