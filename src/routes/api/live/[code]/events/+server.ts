import { getEvents } from '$lib/server/api/live';
import { callerOf, toResponse } from '$lib/server/api/sveltekit';
import type { RequestHandler } from './$types';

/** The live game's server-sent events (api/live.ts). In production api/node.ts answers first. */
export const GET: RequestHandler = async (event) =>
	toResponse(
		await getEvents(callerOf(event), event.params.code, event.url.searchParams, event.request.headers.get('last-event-id')),
		event.request.signal
	);
