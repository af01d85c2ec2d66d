import { parseId, parseJsonText, TOO_LARGE_MESSAGE } from '../http';
import { z } from 'zod';
import { UNAUTHENTICATED_MESSAGE } from '../auth/guards';
import { LIVE_STATUS, type LiveAudience } from '../../live/protocol';
import * as live from '../live/service';
import { startStream } from '../live/stream';
import type { ApiAnswer, ApiCaller, BodyText } from './endpoints';

/**
 * The live hội thi's API (issue 14), written once like endpoints.ts: the SvelteKit routes under
 * src/routes/api/live/** mount it through api/sveltekit.ts, and api/node.ts answers the hot ones —
 * the answer POST, the event stream and the join, which 5,000 phones make at once — on bare
 * node:http. Every refusal is `{ message }` in Vietnamese (and `errors` per field for the join).
 */

const NO_STORE = { 'cache-control': 'no-store' };
const err = (status: number, message: string, extra: Record<string, unknown> = {}): ApiAnswer => ({
	status,
	body: { message, ...extra },
	headers: NO_STORE
});
const refusal = (r: live.Refusal): ApiAnswer => err(r.status, r.message, r.errors ? { errors: r.errors } : {});
const TOO_LARGE = err(413, TOO_LARGE_MESSAGE);

/** Any JSON object: the services check the fields themselves (zod, with Vietnamese messages). */
const AnyObject = z.record(z.string(), z.unknown());

function bodyOf(text: BodyText): { ok: true; data: unknown } | { ok: false; answer: ApiAnswer } {
	if (text === null) return { ok: false, answer: TOO_LARGE };
	const parsed = parseJsonText(text, AnyObject);
	if (!parsed.ok) return { ok: false, answer: err(parsed.status, parsed.message) };
	return { ok: true, data: parsed.data };
}

/** POST /api/live/:code/answers — an answer to the current question (LiveAnswerBody → LiveAnswerAck). */
export async function postAnswer(caller: ApiCaller, code: string, text: BodyText): Promise<ApiAnswer> {
	// The server clock at the request's arrival: what "before the close" is measured by.
	const receivedAt = caller.at ?? Date.now();
	const body = bodyOf(text);
	if (!body.ok) return body.answer;
	const res = await live.acceptAnswer({ code, deviceKey: caller.deviceId, user: caller.user, body: body.data, receivedAt });
	if (!res.ok) return refusal(res);
	return { status: 200, body: res.ack, headers: NO_STORE };
}

/** POST /api/live/:code/players — joins the room (LiveJoinBody → LiveJoinAck; 201 new, 200 the same player again). */
export async function postJoin(caller: ApiCaller, code: string, text: BodyText): Promise<ApiAnswer> {
	const body = bodyOf(text);
	if (!body.ok) return body.answer;
	const res = await live.joinGame({ code, deviceKey: caller.deviceId, user: caller.user, fields: body.data });
	if (!res.ok) return refusal(res);
	return { status: res.ack.created ? 201 : 200, body: res.ack, headers: NO_STORE };
}

const AUDIENCES: readonly LiveAudience[] = ['player', 'screen', 'host'];

/**
 * GET /api/live/:code/events?as=player|screen|host — the game's server-sent events. A player
 * needs a joined device (or account): else 401 with a message; the screen and the host need a
 * session that may host the game. `Last-Event-ID` (a reconnect) equal to the game's version gets
 * nothing until the next change.
 */
export async function getEvents(caller: ApiCaller, code: string, search: URLSearchParams, lastEventId: string | null): Promise<ApiAnswer> {
	const as = (search.get('as') ?? 'player') as LiveAudience;
	if (!AUDIENCES.includes(as)) return err(LIVE_STATUS.badInput, 'Tham số “as” phải là player, screen hoặc host.');
	const game = await live.gameByCode(code);
	if (!game) return err(LIVE_STATUS.noRoom, live.MESSAGES.noRoom);
	let playerId: number | null = null;
	if (as === 'player') {
		const p = await live.playerIdOf(game.id, caller.deviceId, caller.user);
		if (p == null) return err(LIVE_STATUS.notJoined, live.MESSAGES.notJoined);
		playerId = p;
	} else {
		if (!caller.user) return err(LIVE_STATUS.notJoined, UNAUTHENTICATED_MESSAGE);
		if (!live.canHost(caller.user, game)) return err(LIVE_STATUS.forbidden, live.MESSAGES.forbidden);
	}
	const last = lastEventId != null && /^\d{1,12}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : null;
	return {
		status: 200,
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// nginx in front: pass each event on at once.
			'x-accel-buffering': 'no'
		},
		stream: (sink) => startStream({ game, audience: as, playerId, lastEventId: last, sink })
	};
}

/** POST /api/live/games/:gameId/command — a host command (LiveHostBody → the host's LiveView). */
export async function postHostCommand(caller: ApiCaller, gameParam: string | undefined, text: BodyText): Promise<ApiAnswer> {
	if (!caller.user) return err(401, UNAUTHENTICATED_MESSAGE);
	const gameId = parseId(gameParam);
	if (gameId == null) return err(LIVE_STATUS.badInput, 'Mã hội thi không hợp lệ.');
	const body = bodyOf(text);
	if (!body.ok) return body.answer;
	const res = await live.hostCommand({ user: caller.user, gameId, body: body.data });
	if (!res.ok) return refusal(res);
	return { status: 200, body: res.view, headers: NO_STORE };
}

/** POST /api/live/judge/:token/scores — a judge's score (LiveJudgeBody → the team's shown score). */
export async function postJudgeScore(caller: ApiCaller, token: string, text: BodyText): Promise<ApiAnswer> {
	const body = bodyOf(text);
	if (!body.ok) return body.answer;
	const res = await live.scoreByJudge({ token, deviceKey: caller.deviceId, body: body.data });
	if (!res.ok) return refusal(res);
	return { status: 200, body: { shown: res.shown }, headers: NO_STORE };
}
