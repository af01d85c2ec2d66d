import { error, fail } from '@sveltejs/kit';
import * as live from '$lib/server/live/service';
import type { Actions, PageServerLoad } from './$types';

/**
 * A judge's page (issue 14 item 4): whoever holds the link, bound to the first device that opens
 * it (live.judgeByToken). It shows the part that is open for scoring, each team with the score
 * this judge sent. A bad link is a 404; a second device gets the server's message and no form.
 */
export const load = (async ({ params, locals }) => {
	const ctx = await live.judgeByToken(params.token, locals.deviceId);
	if (!ctx.ok) {
		if (ctx.status === 404) error(404, { message: ctx.message, title: 'Đường dẫn chấm điểm không hợp lệ' });
		return { title: 'Chấm điểm', judgeName: '', refusal: ctx.message, part: null, teams: [] };
	}
	const open = ctx.game.status === 'finished' ? undefined : ctx.parts.find((p) => p.status === 'open');
	return {
		title: ctx.game.title,
		judgeName: ctx.judge.name,
		refusal: null,
		part: open ? { id: open.id, title: open.title, scaleMax: open.scale_max } : null,
		teams: ctx.teams.map((t) => ({ id: t.id, name: t.name, sent: open ? (ctx.mine[`${open.id}:${t.id}`] ?? null) : null }))
	};
}) satisfies PageServerLoad;

/** A score as a judge types it: 7,5 (as Vietnamese write it) or 7.5; anything else goes to the server's check as typed. */
function scoreOf(raw: string): number | string {
	const n = raw === '' ? NaN : Number(raw.replace(',', '.'));
	return Number.isFinite(n) ? n : raw;
}

/** One team’s score; out of range, a closed part or another device get the server’s Vietnamese message. */
export const actions = {
	score: async ({ params, locals, request }) => {
		const form = Object.fromEntries(await request.formData());
		const teamId = Number(form.teamId);
		const raw = String(form.score ?? '').trim();
		const res = await live.scoreByJudge({
			token: params.token,
			deviceKey: locals.deviceId,
			body: { partId: Number(form.partId), teamId, score: scoreOf(raw) }
		});
		if (!res.ok) return fail(res.status, { ok: false, teamId, score: raw, message: res.message });
		return { ok: true, teamId, score: raw, message: null };
	}
} satisfies Actions;
