import { postJudgeScore } from '$lib/server/api/live';
import { bodyOf, callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** A judge's score through their judge link (api/live.ts, live/service.ts scoreByJudge). */
export const POST: RequestHandler = async (event) => {
	const body = await bodyOf(event.request);
	return body instanceof Response ? body : toResponse(await postJudgeScore(callerOf(event), event.params.token, body));
};
