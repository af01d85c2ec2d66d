import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireApiUser } from '$lib/server/auth/guards';
import { jsonError, jsonTooMany, parseId } from '$lib/server/http';
import { attemptStartByIp, attemptStartByUser, takeAll } from '$lib/server/auth/limits';
import { fingerprintOf } from '$lib/server/fairness/fingerprint';
import * as attempts from '$lib/server/attempts/service';
import type { RequestHandler } from './$types';

/** Starts an attempt (201) or resumes the open one (200). */
export const POST: RequestHandler = async (event) => {
	const user = requireApiUser(event);
	const roundId = parseId(event.params.roundId);
	if (roundId == null) return jsonError(400, 'Mã đợt thi không hợp lệ.');
	const fp = fingerprintOf(event);
	const wait = takeAll([
		[attemptStartByUser, String(user.id)],
		[attemptStartByIp, fp.ipHash ?? '']
	]);
	if (wait > 0) return jsonTooMany(wait);
	const res = await attempts.startOrResume(getDb(), user.id, roundId, Date.now(), attempts.cryptoRng, fp);
	if (!res.ok) return jsonError(res.status, res.message);
	return json(res.view, { status: res.resumed ? 200 : 201, headers: { 'cache-control': 'no-store' } });
};

