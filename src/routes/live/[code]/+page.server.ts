import { error, fail, redirect } from '@sveltejs/kit';
import * as live from '$lib/server/live/service';
import * as screens from '$lib/server/live/screens';
import * as users from '$lib/server/users/service';
import { livePaths } from '$lib/live/protocol';
import type { Actions, PageServerLoad } from './$types';

/**
 * The player's page. A device (or account) that has joined gets the game's current view — its
 * points and its answer to the current question included — so a reload, a phone back from the
 * lock screen or another Wi-Fi is back in the game at once; the stream takes over from there.
 * Otherwise the join form: name, and the unit or team the game's team mode asks for.
 */
export const load = (async ({ params, locals, depends }) => {
	depends('live:player');
	const game = await live.gameByCode(params.code);
	if (!game) error(404, { message: live.MESSAGES.noRoom, title: 'Không tìm thấy phòng thi' });
	const player = await live.playerForDevice(game.id, locals.deviceId, locals.user);
	const base = { code: game.code, title: game.title };
	if (player) {
		// A removed player sees the removal (the view's `me` says so), never the join form again.
		const view = await live.liveView(game, 'player', player.id);
		return { ...base, view, closed: null, teamMode: game.team_mode, units: [], teams: [], openTeams: false, account: null };
	}
	const closed = game.status === 'finished' ? live.MESSAGES.finished : game.locked === 1 ? live.MESSAGES.locked : null;
	const [units, teams] = closed ? [[], []] : await Promise.all([users.listSelectableUnits(), screens.joinTeams(game.id)]);
	// Unit teams: the units the host set up, when there are any; else every unit of the list.
	const unitTeams = teams.filter((t) => t.unitId != null);
	return {
		...base,
		view: null,
		closed,
		teamMode: game.team_mode,
		units:
			game.team_mode === 'unit' && unitTeams.length > 0
				? unitTeams.map((t) => ({ id: t.unitId!, name: t.name }))
				: units.map((u) => ({ id: u.id, name: u.name })),
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		// Custom teams: a typed name makes a team only while the host has defined none.
		openTeams: game.team_mode === 'custom' && teams.length === 0,
		account: locals.user?.fullName ?? null
	};
}) satisfies PageServerLoad;

export const actions = {
	join: async ({ params, request, locals }) => {
		const form = Object.fromEntries(await request.formData());
		const values: Record<string, string> = {};
		for (const k of ['name', 'unitId', 'teamId', 'teamName', 'affiliation']) if (typeof form[k] === 'string') values[k] = String(form[k]);
		if (values.teamId === 'new') delete values.teamId;
		// "Tham gia bằng tài khoản hoithi": the account's name and unit (joinGame fills them in).
		const asAccount = form.asAccount === '1' && locals.user != null;
		const res = await live.joinGame({
			code: params.code,
			deviceKey: locals.deviceId,
			user: asAccount ? locals.user : null,
			fields: asAccount ? {} : values
		});
		if (!res.ok) {
			const errors = res.errors && Object.keys(res.errors).some((k) => k !== 'code') ? res.errors : { form: res.message };
			return fail(res.status, { values, errors });
		}
		redirect(303, livePaths.player(res.ack.code));
	}
} satisfies Actions;
