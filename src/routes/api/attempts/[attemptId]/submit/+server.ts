import { submitAttempt } from '$lib/server/api/endpoints';
import { bodyOf, callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** Hands an attempt in. Idempotent: a repeat returns the stored result. In production api/node.ts answers first. */
export const POST: RequestHandler = async (event) => {
	const body = await bodyOf(event.request);
	return body instanceof Response ? body : toResponse(await submitAttempt(callerOf(event), event.params.attemptId, body));
};
