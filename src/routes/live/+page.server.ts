import { fail, redirect } from '@sveltejs/kit';
import * as live from '$lib/server/live/service';
import { normaliseCode } from '$lib/schemas/live';
import { livePaths } from '$lib/live/protocol';
import type { Actions, PageServerLoad } from './$types';

/** `/live?code=123456` (a link or a typed address) goes straight to the room. */
export const load = (async ({ url }) => {
	const code = normaliseCode(url.searchParams.get('code') ?? '');
	if (code && (await live.gameByCode(code))) redirect(303, livePaths.player(code));
	return {};
}) satisfies PageServerLoad;

/** The code form: a malformed or unknown code gets a clear message and keeps what was typed. */
export const actions = {
	default: async ({ request }) => {
		const typed = String((await request.formData()).get('code') ?? '').slice(0, 20);
		const code = normaliseCode(typed);
		if (!code) return fail(400, { code: typed, message: live.MESSAGES.badCode });
		const game = await live.gameByCode(code);
		if (!game) return fail(404, { code: typed, message: live.MESSAGES.noRoom });
		redirect(303, livePaths.player(code));
	}
} satisfies Actions;
