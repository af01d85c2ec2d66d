import { startAttempt } from '$lib/server/api/endpoints';
import { callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** Starts an attempt (201) or resumes the open one (200; only that with ?resume=1). In production api/node.ts answers first. */
export const POST: RequestHandler = async (event) =>
	toResponse(await startAttempt(callerOf(event), event.params.roundId, event.url.searchParams));
