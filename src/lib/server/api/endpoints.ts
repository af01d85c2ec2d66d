import { getDb } from '../db';
import { UNAUTHENTICATED_MESSAGE } from '../auth/guards';
import * as boards from '../leaderboards/service';
import type { SessionUser } from '../auth/sessions';
import {
	attemptStartByIp,
	attemptStartByUser,
	attemptWriteByIp,
	attemptWriteByUser,
	charge,
	retryAfterSeconds,
	takeAll
} from '../auth/limits';
import type { Limit } from '../auth/rate-limit';
import { fingerprint } from '../auth/fingerprint';
import { parseId, parseJsonText, TOO_LARGE_MESSAGE } from '../http';
import { SaveAnswerSchema, SubmitSchema } from '../../schemas/attempt';
import * as attempts from '../attempts/service';
import type { StreamSink } from '../live/stream';
export type { StreamSink };

/**
 * The attempt API — start/resume, autosave, hand in — written once, free of any web framework.
 * Two thin adapters serve it: the SvelteKit routes under src/routes/api (dev server, and any
 * path the hot server does not take) and api/node.ts, which answers these paths in production
 * before SvelteKit sees them (the load when a round opens is almost entirely these three).
 */

export interface ApiCaller {
	user: SessionUser | null;
	/** The device id from the device cookie and the client's IP address (hashed before use). */
	deviceId: string | null;
	ip: string | null;
	/** When the request arrived (server clock), taken by the adapter before anything else: the live answers' "before the close". */
	at?: number;
}

/** What an endpoint answers: a status and a JSON body (none for 204; or JSON text already made) plus extra headers. */
export interface ApiAnswer {
	status: number;
	body?: unknown;
	json?: string;
	headers?: Record<string, string>;
	/** A stream instead of a body (server-sent events): started with a sink over the response once the headers are out. */
	stream?: (sink: StreamSink) => void;
}

/** A request body as the adapters read it: the text, or null when it was over the size limit. */
export type BodyText = string | null;

const NO_STORE = { 'cache-control': 'no-store' };
const err = (status: number, message: string, extra: Record<string, unknown> = {}): ApiAnswer => ({ status, body: { message, ...extra } });
const UNAUTHENTICATED: ApiAnswer = err(401, UNAUTHENTICATED_MESSAGE);

function tooMany(waitMs: number): ApiAnswer {
	return {
		...err(429, 'Bạn thao tác quá nhanh. Vui lòng đợi vài giây rồi thử lại.'),
		headers: { 'retry-after': retryAfterSeconds(waitMs) }
	};
}

/** A refusal of the attempt service as an answer. */
function refusal(res: attempts.ServiceError | attempts.Throttled): ApiAnswer {
	return res.status === 429 ? tooMany(res.waitMs) : err(res.status, res.message);
}

/** The limits as the attempt service charges them: inside its own write transaction (one commit). */
const chargeOf =
	(checks: [Limit, string][]): attempts.Charge =>
	(c) =>
		takeAll(c, checks);

/**
 * POST /api/rounds/:roundId/attempts — starts an attempt (201) or resumes the open one (200).
 * With `?resume=1` it only resumes (409 when nothing is in progress): the attempt page resumes by
 * itself on load, but starts a new attempt only when the person has said so.
 */
export async function startAttempt(caller: ApiCaller, roundParam: string | undefined, search?: URLSearchParams): Promise<ApiAnswer> {
	const user = caller.user;
	if (!user) return UNAUTHENTICATED;
	const roundId = parseId(roundParam);
	if (roundId == null) return err(400, 'Mã đợt thi không hợp lệ.');
	const fp = fingerprint(caller.deviceId, caller.ip);
	const limits = chargeOf([
		[attemptStartByUser, String(user.id)],
		[attemptStartByIp, fp.ipHash ?? '']
	]);
	const resumeOnly = search?.get('resume') === '1';
	const res = await attempts.startOrResume(getDb(), user.id, roundId, Date.now(), attempts.cryptoRng, fp, { resumeOnly, charge: limits });
	if (!res.ok) return refusal(res);
	return { status: res.resumed ? 200 : 201, body: res.view, headers: NO_STORE };
}

/**
 * Checks shared by autosave and hand-in: signed in, a valid id; and the write limits, which the
 * attempt service charges inside its own transaction (`charge`).
 */
function writeGuard(
	caller: ApiCaller,
	attemptParam: string | undefined
): { answer: ApiAnswer } | { userId: number; attemptId: number; checks: [Limit, string][] } {
	if (!caller.user) return { answer: UNAUTHENTICATED };
	const attemptId = parseId(attemptParam);
	if (attemptId == null) return { answer: err(400, 'Mã lượt thi không hợp lệ.') };
	const checks: [Limit, string][] = [
		[attemptWriteByUser, String(caller.user.id)],
		[attemptWriteByIp, fingerprint(null, caller.ip).ipHash ?? '']
	];
	return { userId: caller.user.id, attemptId, checks };
}

/**
 * A body refused before the service sees it (too large, malformed) still counts against the write
 * limits, charged on its own; over them, the answer is 429 as it would be for a good body.
 */
async function badBody(checks: [Limit, string][], p: { status: number; message: string; field?: string }): Promise<ApiAnswer> {
	const wait = await charge(getDb(), checks);
	if (wait > 0) return tooMany(wait);
	return err(p.status, p.message, p.field === undefined ? {} : { field: p.field });
}

const TOO_LARGE = { status: 413, message: TOO_LARGE_MESSAGE };

/** PUT /api/attempts/:attemptId/answers — autosave of one answer (204); the last write wins. */
export async function saveAnswer(caller: ApiCaller, attemptParam: string | undefined, text: BodyText): Promise<ApiAnswer> {
	const g = writeGuard(caller, attemptParam);
	if ('answer' in g) return g.answer;
	if (text === null) return badBody(g.checks, TOO_LARGE);
	const body = parseJsonText(text, SaveAnswerSchema);
	if (!body.ok) return badBody(g.checks, body);
	const res = await attempts.saveAnswer(
		getDb(),
		g.userId,
		g.attemptId,
		body.data.questionId,
		body.data.optionIds,
		Date.now(),
		chargeOf(g.checks)
	);
	if (!res.ok) return refusal(res);
	return { status: 204 };
}

/** POST /api/attempts/:attemptId/submit — hands an attempt in; a repeat returns the stored result. */
export async function submitAttempt(caller: ApiCaller, attemptParam: string | undefined, text: BodyText): Promise<ApiAnswer> {
	const g = writeGuard(caller, attemptParam);
	if ('answer' in g) return g.answer;
	if (text === null) return badBody(g.checks, TOO_LARGE);
	const body = parseJsonText(text, SubmitSchema);
	if (!body.ok) return badBody(g.checks, body);
	const res = await attempts.submit(getDb(), g.userId, g.attemptId, body.data.prediction ?? null, Date.now(), chargeOf(g.checks));
	if (!res.ok) return refusal(res);
	return { status: 200, body: res.result, headers: NO_STORE };
}

/**
 * GET /api/leaderboard?round= | ?contest= [&kind=] [&units=0] — the public board for polling. The ranking
 * comes from a board shared by all viewers and refreshed at most every few seconds; only the
 * viewer's own row is looked up per request (cached too), and the shared part is serialised once.
 */
export async function leaderboardPoll(caller: ApiCaller, search: URLSearchParams): Promise<ApiAnswer> {
	const kind = search.get('kind')?.slice(0, 40) || null;
	// The people tab polls with units=0: the unit ranking is most of the payload.
	const json = await boards.pollJson(search, caller.user, { kind, withUnits: search.get('units') !== '0' });
	if (json == null) return err(404, 'Không tìm thấy bảng xếp hạng.');
	return { status: 200, json, headers: { 'cache-control': 'private, no-store' } };
}
