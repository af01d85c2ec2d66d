import { json, type RequestEvent } from '@sveltejs/kit';
import { clientIp } from '../auth/fingerprint';
import { readSmallBody } from '../http';
import type { ApiAnswer, ApiCaller, BodyText } from './endpoints';

/** The SvelteKit side of the attempt API (endpoints.ts): the caller, the body, the Response. */

export function callerOf(event: Pick<RequestEvent, 'locals' | 'getClientAddress' | 'platform'>, at?: number): ApiCaller {
	return { user: event.locals.user, deviceId: event.locals.deviceId || null, ip: clientIp(event), at };
}

/** A streamed answer as a Response whose body the stream writes into; the client going away (or `end`) closes it. */
function streamResponse(a: ApiAnswer, signal?: AbortSignal): Response {
	const encoder = new TextEncoder();
	const closers: (() => void)[] = [];
	let closed = false;
	const close = () => {
		if (closed) return;
		closed = true;
		for (const fn of closers) fn();
	};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			signal?.addEventListener('abort', () => {
				close();
				try {
					controller.close();
				} catch {
					/* closed already */
				}
			});
			a.stream!({
				write: (chunk) => {
					if (!closed) controller.enqueue(encoder.encode(chunk));
				},
				onClose: (fn) => {
					if (closed) fn();
					else closers.push(fn);
				},
				end: () => {
					close();
					controller.close();
				}
			});
		},
		cancel: close
	});
	return new Response(body, { status: a.status, headers: a.headers });
}

export function toResponse(a: ApiAnswer, signal?: AbortSignal): Response {
	if (a.stream) return streamResponse(a, signal);
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
