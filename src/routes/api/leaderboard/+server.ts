import { leaderboardPoll } from '$lib/server/api/endpoints';
import { callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** Public board for polling (?round= or ?contest=, optional ?kind=). In production api/node.ts answers first. */
export const GET: RequestHandler = async (event) => toResponse(await leaderboardPoll(callerOf(event), event.url.searchParams));
