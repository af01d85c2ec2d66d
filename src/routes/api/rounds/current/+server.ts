import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as contests from '$lib/server/contests/contests';
import type { RequestHandler } from './$types';

/** Rounds open right now (public). */
export const GET: RequestHandler = async () => {
	const rounds = await contests.listOpenRounds(getDb(), Date.now());
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
