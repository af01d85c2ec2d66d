import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/service';
import { roundPhase } from '$lib/contests/phase';
import { ContestSchema } from '$lib/schemas/contest';
import { fieldErrors } from '$lib/schemas/form';
import { keepContestValues } from '../../form-values.server';
import type { Actions, PageServerLoad } from './$types';

function contestIdOr404(param: string): number {
	const id = parseId(param);
	if (id == null) error(404, { message: 'Không tìm thấy cuộc thi.' });
	return id;
}

export const load = (async (event) => {
	requireRole(event, 'organiser');
	const overview = await contests.contestOverview(contestIdOr404(event.params.contestId));
	if (!overview) error(404, { message: 'Không tìm thấy cuộc thi.' });
	const { contest, rounds } = overview;
	// The server owns time: the open/closed state is decided here, not by the browser's clock.
	const now = Date.now();
	return {
		contest: {
			id: contest.id,
			title: contest.title,
			rules: contest.rules,
			status: contest.status,
			practiceHidesOpenRounds: contest.practiceHidesOpenRounds
		},
		rounds: rounds.map((r) => ({
			id: r.id,
			title: r.title,
			opensAt: r.opensAt,
			closesAt: r.closesAt,
			questionCount: r.questionCount,
			timeLimitMinutes: Math.round(r.timeLimitSeconds / 60),
			maxAttempts: r.maxAttempts,
			attempts: r.attempts,
			state: roundPhase(r, now)
		})),
		saved: event.url.searchParams.get('saved') === '1'
	};
}) satisfies PageServerLoad;

async function save(event: Parameters<Actions['save']>[0]) {
	const user = requireRole(event, 'organiser');
	const id = contestIdOr404(event.params.contestId);
	const raw = Object.fromEntries(await event.request.formData());
	const parsed = ContestSchema.safeParse(raw);
	if (!parsed.success) return fail(400, { values: keepContestValues(raw), errors: fieldErrors(parsed.error) });
	if (!(await contests.updateContest(user.id, id, parsed.data))) error(404, { message: 'Không tìm thấy cuộc thi.' });
	redirect(303, `/organiser/contests/${id}?saved=1`);
}

export const actions = { save } satisfies Actions;
