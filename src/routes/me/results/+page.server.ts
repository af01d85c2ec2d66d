import { requireUser } from '$lib/server/auth/guards';
import { listMyAttempts } from '$lib/server/attempts/service';
import { myCertificates } from '$lib/server/prizes/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event);
	const [rows, certificates] = await Promise.all([listMyAttempts(user.id), myCertificates(user.id)]);
	return {
		certificates,
		attempts: rows.map((r) => ({
			id: r.id,
			roundId: r.round_id,
			roundTitle: r.round_title,
			contestTitle: r.contest_title,
			attemptNo: r.attempt_no,
			status: r.status,
			startedAt: r.started_at,
			durationMs: r.duration_ms,
			score: r.score,
			total: r.total,
			disqualified: r.disqualified_at != null
		}))
	};
}) satisfies PageServerLoad;
