import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireApiUser } from '$lib/server/auth/guards';
import { jsonError, parseId, readJson } from '$lib/server/http';
import { SubmitSchema } from '$lib/schemas/attempt';
import * as attempts from '$lib/server/attempts/service';
import type { RequestHandler } from './$types';

/** Hands an attempt in. Idempotent: a repeat returns the stored result. */
export const POST: RequestHandler = async (event) => {
	const user = requireApiUser(event);
	const attemptId = parseId(event.params.attemptId);
	if (attemptId == null) return jsonError(400, 'Mã lượt thi không hợp lệ.');
	const body = await readJson(event.request, SubmitSchema);
	if (!body.ok) return body.response;
	const res = await attempts.submit(getDb(), user.id, attemptId, body.data.prediction ?? null);
	if (!res.ok) return jsonError(res.status, res.message);
	return json(res.result, { headers: { 'cache-control': 'no-store' } });
};
