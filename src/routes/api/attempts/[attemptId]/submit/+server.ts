import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireApiUser } from '$lib/server/auth/guards';
import { jsonError, jsonTooMany, parseId, readJson } from '$lib/server/http';
import { attemptWriteByIp, attemptWriteByUser, takeAll } from '$lib/server/auth/limits';
import { fingerprintOf } from '$lib/server/fairness/fingerprint';
import { SubmitSchema } from '$lib/schemas/attempt';
import * as attempts from '$lib/server/attempts/service';
import type { RequestHandler } from './$types';

/** Hands an attempt in. Idempotent: a repeat returns the stored result. */
export const POST: RequestHandler = async (event) => {
	const user = requireApiUser(event);
	const attemptId = parseId(event.params.attemptId);
	if (attemptId == null) return jsonError(400, 'Mã lượt thi không hợp lệ.');
	const wait = takeAll([
		[attemptWriteByUser, String(user.id)],
		[attemptWriteByIp, fingerprintOf(event).ipHash ?? '']
	]);
	if (wait > 0) return jsonTooMany(wait);
	const body = await readJson(event.request, SubmitSchema);
	if (!body.ok) return body.response;
	const res = await attempts.submit(getDb(), user.id, attemptId, body.data.prediction ?? null);
	if (!res.ok) return jsonError(res.status, res.message);
	return json(res.result, { headers: { 'cache-control': 'no-store' } });
};
