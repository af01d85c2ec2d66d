import { json } from '@sveltejs/kit';
import * as contests from '$lib/server/contests/service';
import type { RequestHandler } from './$types';

/** Rounds open right now (public). */
export const GET: RequestHandler = async () => {
	const rounds = await contests.listOpenRounds(Date.now());
	return json(
		{
			rounds: rounds.map((r) => ({
				id: r.id,
				contestId: r.contestId,
				title: r.title,
				opensAt: new Date(r.opensAt).toISOString(),
				closesAt: new Date(r.closesAt).toISOString(),
				questionCount: r.questionCount,
				timeLimitSeconds: r.timeLimitSeconds,
				maxAttempts: r.maxAttempts,
				prediction: r.predictionKind ? { question: r.predictionQuestion ?? '' } : null
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
