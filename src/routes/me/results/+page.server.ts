import { requireUser } from '$lib/server/auth/guards';
import { listMyAttempts } from '$lib/server/attempts/service';
import { myKnowledgeMap } from '$lib/server/learning/service';
import { myCertificates } from '$lib/server/prizes/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event);
	// The knowledge map is the asking person's own, always: this page takes no one else's id.
	const [rows, knowledge, certificates] = await Promise.all([listMyAttempts(user.id), myKnowledgeMap(user.id), myCertificates(user.id)]);
	return {
		certificates,
		knowledge: knowledge.map((k) => ({
			topicId: k.topicId,
			topicName: k.topicName,
			answered: k.answered,
			correct: k.correct,
			share: k.share,
			roundAnswered: k.roundAnswered,
			practiceAnswered: k.practiceAnswered,
			liveAnswered: k.liveAnswered
		})),
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
