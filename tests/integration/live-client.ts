import { randomUUID } from 'node:crypto';
import { livePaths, type LiveAnswerBody, type LiveJudgeBody } from '../../src/lib/live/protocol';
import { Client, loggedIn } from './client';
import { liveGameRow } from './live-fixture';

/** What the live tests do over HTTP (issue 14): join, answer, host commands, the event stream. */

export const paths = {
	join: livePaths.joinApi,
	answers: livePaths.answers,
	events: (code: string, as = 'player') => `${livePaths.events(code)}?as=${as}`,
	command: livePaths.hostCommand,
	judge: livePaths.judgeScore
};

/** A judge's score as the judge page sends it (wrong types allowed: the server must refuse them). */
export type JudgeBody = LiveJudgeBody | Record<string, unknown>;

export async function readJson(res: Response): Promise<any> {
	const text = await res.text();
	return text ? JSON.parse(text) : null;
}

/** A new phone joining the room; returns the client (its device cookie) and the answer. */
export async function joinAs(code: string, fields: Record<string, unknown> = { name: 'Nguyễn Thị Lan' }, client = new Client()) {
	const res = await client.json('POST', paths.join(code), fields);
	return { client, status: res.status, body: await readJson(res) };
}

export async function answer(client: Client, code: string, position: number, optionIds: string[], requestId = randomUUID()) {
	const body: LiveAnswerBody = { position, optionIds, requestId };
	const res = await client.json('POST', paths.answers(code), body);
	return { status: res.status, body: await readJson(res), requestId };
}

let organiser: Client | null = null;
export async function organiserClient(): Promise<Client> {
	organiser ??= await loggedIn('0900000002');
	return organiser;
}

/** A host command at the game's current version (read from the database unless given). */
export async function command(host: Client, gameId: number, action: string, extra: Record<string, unknown> = {}, version?: number) {
	const v = version ?? (await liveGameRow(gameId))!.version;
	const res = await host.json('POST', paths.command(gameId), { action, version: v, ...extra });
	return { status: res.status, body: await readJson(res) };
}

export interface SseEvent {
	id: string | null;
	data: any;
}

/** An open event stream: events as they come, `next()` the next one (or null after `ms`). */
export interface EventStream {
	status: number;
	headers: Headers;
	/** The raw text received so far (retry and heartbeat lines included). */
	raw: () => string;
	next(ms?: number): Promise<SseEvent | null>;
	/** The next event whose view satisfies `pred` (skipping others), or throws after `ms`. */
	until(pred: (view: any) => boolean, ms?: number): Promise<SseEvent>;
	close(): void;
	/** A JSON error body when the stream was refused. */
	body: any;
}

export async function openEvents(client: Client, code: string, as = 'player', lastEventId?: number | string): Promise<EventStream> {
	const abort = new AbortController();
	const headers: Record<string, string> = { accept: 'text/event-stream' };
	if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
	const res = await client.request('GET', paths.events(code, as), { headers, signal: abort.signal });
	if (res.status !== 200) {
		const body = await readJson(res);
		return {
			status: res.status,
			headers: res.headers,
			raw: () => '',
			next: async () => null,
			until: async () => Promise.reject(new Error('refused')),
			close: () => {},
			body
		};
	}
	const queue: SseEvent[] = [];
	const waiters: (() => void)[] = [];
	let text = '';
	let buffer = '';
	(async () => {
		const reader = res.body!.getReader();
		const decoder = new TextDecoder();
		try {
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				const chunk = decoder.decode(value, { stream: true });
				text += chunk;
				buffer += chunk;
				let i: number;
				while ((i = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, i);
					buffer = buffer.slice(i + 2);
					let id: string | null = null;
					let event = 'message';
					const data: string[] = [];
					for (const line of block.split('\n')) {
						if (line.startsWith('id: ')) id = line.slice(4);
						else if (line.startsWith('event: ')) event = line.slice(7);
						else if (line.startsWith('data: ')) data.push(line.slice(6));
					}
					// Views are plain messages; the heartbeat (`event: ping`) is not a view.
					if (data.length && event === 'message') {
						queue.push({ id, data: JSON.parse(data.join('\n')) });
						waiters.splice(0).forEach((w) => w());
					}
				}
			}
		} catch {
			/* aborted */
		}
	})();
	const next = async (ms = 3000): Promise<SseEvent | null> => {
		if (queue.length) return queue.shift()!;
		await new Promise<void>((resolve) => {
			const t = setTimeout(resolve, ms);
			waiters.push(() => {
				clearTimeout(t);
				resolve();
			});
		});
		return queue.shift() ?? null;
	};
	return {
		status: res.status,
		headers: res.headers,
		raw: () => text,
		next,
		async until(pred, ms = 5000) {
			const deadline = Date.now() + ms;
			for (;;) {
				const left = deadline - Date.now();
				if (left <= 0) throw new Error('no event matched in time; received: ' + text.slice(-2000));
				const e = await next(left);
				if (e && pred(e.data)) return e;
			}
		},
		close: () => abort.abort(),
		body: null
	};
}
