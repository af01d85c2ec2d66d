import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { audit } from '$lib/server/audit';
import { parseId } from '$lib/server/http';
import * as contests from '$lib/server/contests/contests';
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
	const id = contestIdOr404(event.params.contestId);
	const db = getDb();
	const [contest, rounds] = await Promise.all([contests.findContest(db, id), contests.listRounds(db, id)]);
	if (!contest) error(404, { message: 'Không tìm thấy cuộc thi.' });
	const attemptCounts = await Promise.all(rounds.map((r) => contests.countAttemptsInRound(db, r.id)));
	// The server owns time: the open/closed state is decided here, not by the browser's clock.
	const now = Date.now();
	return {
		contest: { id: contest.id, title: contest.title, rules: contest.rules, status: contest.status },
		rounds: rounds.map((r, i) => ({
			id: r.id,
			title: r.title,
			opensAt: r.opensAt,
			closesAt: r.closesAt,
			questionCount: r.questionCount,
			timeLimitMinutes: Math.round(r.timeLimitSeconds / 60),
			maxAttempts: r.maxAttempts,
			attempts: attemptCounts[i],
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
	const input = parsed.data;
	const found = await getDb()
		.transaction()
		.execute(async (trx) => {
			const before = await contests.findContest(trx, id);
			if (!before) return false;
			await contests.updateContest(trx, id, input);
			await audit(trx, {
				actorUserId: user.id,
				action: 'contest.update',
				entity: 'contest',
				entityId: id,
				details: { title: input.title, status: input.status, previousStatus: before.status }
			});
			return true;
		});
	if (!found) error(404, { message: 'Không tìm thấy cuộc thi.' });
	redirect(303, `/organiser/contests/${id}?saved=1`);
}

export const actions = { save } satisfies Actions;
