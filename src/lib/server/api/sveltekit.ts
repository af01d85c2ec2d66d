import { json, type RequestEvent } from '@sveltejs/kit';
import { clientIp } from '../auth/fingerprint';
import { readSmallBody } from '../http';
import type { ApiAnswer, ApiCaller, BodyText } from './endpoints';

/** The SvelteKit side of the attempt API (endpoints.ts): the caller, the body, the Response. */

export function callerOf(event: Pick<RequestEvent, 'locals' | 'getClientAddress' | 'platform'>): ApiCaller {
	return { user: event.locals.user, deviceId: event.locals.deviceId || null, ip: clientIp(event) };
}

export function toResponse(a: ApiAnswer): Response {
	if (a.json !== undefined)
		return new Response(a.json, { status: a.status, headers: { ...a.headers, 'content-type': 'application/json' } });
	if (a.body === undefined) return new Response(null, { status: a.status, headers: a.headers });
	return json(a.body, { status: a.status, headers: a.headers });
}

/** The body text (null when too large), or a 400 response when it could not be read. */
export async function bodyOf(request: Request): Promise<BodyText | Response> {
	const text = await readSmallBody(request);
	return text === undefined ? json({ message: 'Không đọc được dữ liệu gửi lên.' }, { status: 400 }) : text;
}
