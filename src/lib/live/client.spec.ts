import { describe, expect, it } from 'vitest';
import {
	LiveClient,
	StreamClock,
	secondsLeft,
	type AnswerState,
	type EventSourceLike,
	type KeyValueStore,
	type LiveClientDeps
} from './client';
import type { LiveView } from './protocol';

class FakeStream implements EventSourceLike {
	readyState = 0;
	onopen: ((ev: unknown) => void) | null = null;
	onmessage: ((ev: { data: string }) => void) | null = null;
	onerror: ((ev: unknown) => void) | null = null;
	closed = false;
	listeners = new Map<string, ((ev: { data?: string }) => void)[]>();
	constructor(readonly url: string) {}
	addEventListener(type: string, listener: (ev: { data?: string }) => void) {
		this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
	}
	close() {
		this.closed = true;
		this.readyState = 2;
	}
	open() {
		this.readyState = 1;
		this.onopen?.({});
	}
	send(view: LiveView) {
		this.onmessage?.({ data: JSON.stringify(view) });
	}
	emit(type: string) {
		for (const l of this.listeners.get(type) ?? []) l({ data: '' });
	}
	/** EventSource's own retry (still CONNECTING) or its giving up (CLOSED). */
	fail(giveUp: boolean) {
		this.readyState = giveUp ? 2 : 0;
		this.onerror?.({});
	}
}

type Call = { url: string; body: { position: number; optionIds: string[]; requestId: string } };

/** A browser in a box: manual clock and timers, a server that answers answer POSTs as told. */
function harness(opts: { as?: 'player' | 'screen' | 'host'; storage?: KeyValueStore } = {}) {
	let now = 1_000_000;
	const timers: { at: number; fn: () => void; id: number }[] = [];
	let nextId = 1;
	const streams: FakeStream[] = [];
	const calls: Call[] = [];
	/** What the server does with the next answer POSTs: 'ok', 'offline', or a status with a message. */
	const server: { mode: 'ok' | 'offline' | number; message?: string; accepted: Map<number, string> } = {
		mode: 'ok',
		accepted: new Map()
	};
	const watchers: { online?: () => void; visible?: (v: boolean) => void } = {};
	const map = new Map<string, string>();
	const storage: KeyValueStore = opts.storage ?? {
		getItem: (k) => map.get(k) ?? null,
		setItem: (k, v) => void map.set(k, v),
		removeItem: (k) => void map.delete(k)
	};
	const deps: LiveClientDeps = {
		openStream: (url) => {
			const s = new FakeStream(url);
			streams.push(s);
			return s;
		},
		fetch: async (url, init) => {
			const body = JSON.parse(init.body);
			calls.push({ url, body });
			if (server.mode === 'offline') throw new TypeError('Failed to fetch');
			if (server.mode === 'ok') {
				// The real server's rule: one answer per question; the same requestId is acknowledged again.
				const first = server.accepted.get(body.position);
				if (first && first !== body.requestId) return { status: 422, json: async () => ({ message: 'Bạn đã trả lời câu này.' }) };
				server.accepted.set(body.position, body.requestId);
				return {
					status: 200,
					json: async () => ({ accepted: true, position: body.position, optionIds: body.optionIds, receivedAt: now + 5_000 })
				};
			}
			return { status: server.mode, json: async () => ({ message: server.message }) };
		},
		storage,
		now: () => now,
		setTimeout: (fn, ms) => {
			const id = nextId++;
			timers.push({ at: now + ms, fn, id });
			return id;
		},
		clearTimeout: (h) => {
			const i = timers.findIndex((t) => t.id === h);
			if (i >= 0) timers.splice(i, 1);
		},
		random: () => 0.5,
		watch: (online, visible) => {
			watchers.online = online;
			watchers.visible = visible;
			return () => {
				watchers.online = watchers.visible = undefined;
			};
		}
	};
	const views: LiveView[] = [];
	const answers: AnswerState[] = [];
	const connections: string[] = [];
	let refused = 0;
	const client = new LiveClient({
		code: '123456',
		as: opts.as ?? 'player',
		onView: (v) => views.push(v),
		onAnswer: (a) => answers.push(a),
		onConnection: (c) => connections.push(c),
		onRefused: () => refused++,
		deps
	});
	const flush = () => new Promise((r) => setTimeout(r, 0));
	return {
		client,
		streams,
		calls,
		server,
		views,
		answers,
		connections,
		watchers,
		storage,
		get refused() {
			return refused;
		},
		get stream() {
			return streams[streams.length - 1];
		},
		flush,
		/** Moves the clock on and runs the timers that fall due, in order. */
		async advance(ms: number) {
			const end = now + ms;
			for (;;) {
				timers.sort((a, b) => a.at - b.at);
				const t = timers[0];
				if (!t || t.at > end) break;
				timers.shift();
				now = t.at;
				t.fn();
				await flush();
			}
			now = end;
			await flush();
		},
		get now() {
			return now;
		}
	};
}

function view(over: Partial<LiveView> = {}): LiveView {
	return {
		version: 5,
		gameId: 1,
		code: '123456',
		title: 'Hội thi',
		status: 'running',
		phase: 'question',
		locked: false,
		paused: false,
		displayMode: 'projector',
		serverNow: 2_000_000,
		question: { position: 0, total: 3, kind: 'single', stem: null, options: [], revive: false },
		opensAt: 1_990_000,
		closesAt: 2_020_000,
		remainingMs: null,
		players: 3,
		answered: 0,
		reveal: null,
		board: null,
		judging: null,
		me: {
			playerId: 7,
			name: 'Lan',
			points: 0,
			rank: null,
			answer: null,
			lastCorrect: null,
			lastPoints: null,
			eliminated: false,
			removed: false
		},
		...over
	};
}

describe('StreamClock', () => {
	it('follows the server clock, taking the least delayed of the recent views', () => {
		let local = 5_000; // the phone's clock is far off
		const clock = new StreamClock(() => local);
		clock.sample(1_000_000, 5_000 + 300); // arrived 300 ms late
		clock.sample(1_001_000, 6_000 + 20); // 20 ms late: the better estimate
		expect(clock.now()).toBe(local + 995_000 - 20 + 0);
		local = 10_000;
		expect(clock.left(1_000_000 + 10_000)).toBe(1_000_000 + 10_000 - (10_000 + 994_980));
	});

	it('forgets old samples, so a corrected phone clock is followed', () => {
		let local = 0;
		const clock = new StreamClock(() => local);
		clock.sample(10_000, 0); // offset 10 s
		for (let i = 1; i <= 8; i++) clock.sample(10_000 + i * 1000, i * 1000 + 60_000); // the phone jumped a minute ahead
		local = 70_000;
		expect(clock.now()).toBe(20_000);
	});

	it('counts down whole seconds from closesAt on the server clock, and holds while paused', () => {
		const clock = new StreamClock(() => 0);
		clock.sample(100_000, 0);
		expect(secondsLeft({ closesAt: 110_500, remainingMs: null, paused: false }, clock)).toBe(11);
		expect(secondsLeft({ closesAt: 90_000, remainingMs: null, paused: false }, clock)).toBe(0);
		expect(secondsLeft({ closesAt: null, remainingMs: 4_200, paused: true }, clock)).toBe(5);
	});
});

describe('LiveClient stream', () => {
	it('opens the events path for its audience and hands over each view, ignoring an older one', async () => {
		const h = harness({ as: 'screen' });
		h.client.start();
		expect(h.stream.url).toBe('/api/live/123456/events?as=screen');
		h.stream.open();
		h.stream.send(view({ version: 5 }));
		h.stream.send(view({ version: 4 }));
		h.stream.send(view({ version: 6 }));
		expect(h.views.map((v) => v.version)).toEqual([5, 6]);
		expect(h.client.connectionState).toBe('live');
	});

	it('opens a new stream when nothing arrives for 30 s (plus jitter), but not while heartbeats come', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		for (let i = 0; i < 4; i++) {
			await h.advance(15_000);
			h.stream.emit('ping');
		}
		expect(h.streams).toHaveLength(1);
		await h.advance(30_000); // 30 s and the jitter (random 0.5: +15 %) not yet over
		expect(h.streams).toHaveLength(1);
		await h.advance(4_501);
		expect(h.streams).toHaveLength(2);
		expect(h.streams[0].closed).toBe(true);
	});

	it('reconnects at once when the browser comes back online, and after a long hidden spell', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.watchers.online!();
		expect(h.streams).toHaveLength(2);
		h.watchers.visible!(false);
		await h.advance(1_000);
		h.watchers.visible!(true);
		expect(h.streams).toHaveLength(2); // a glance away: the stream is kept
		h.watchers.visible!(false);
		await h.advance(20_000);
		h.watchers.visible!(true);
		expect(h.streams).toHaveLength(3);
		expect(h.streams[1].closed).toBe(true);
	});

	it('leaves a dropped stream to EventSource, and starts again itself (backing off) when it gave up', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.fail(false);
		await h.advance(5_000);
		expect(h.streams).toHaveLength(1);
		h.stream.fail(true);
		expect(h.refused).toBe(1);
		await h.advance(1_000);
		expect(h.streams).toHaveLength(2);
		h.stream.fail(true);
		await h.advance(1_000);
		expect(h.streams).toHaveLength(2); // the second wait is longer
		await h.advance(1_000);
		expect(h.streams).toHaveLength(3);
	});

	it('is live again as soon as EventSource reconnects, though an up-to-date stream sends nothing', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		h.stream.fail(false); // dropped; EventSource retries with Last-Event-ID
		expect(h.client.connectionState).toBe('reconnecting');
		h.stream.open();
		expect(h.client.connectionState).toBe('live');
		expect(h.connections).toEqual(['live', 'reconnecting', 'live']);
	});

	it('stops everything on stop()', async () => {
		const h = harness();
		h.client.start();
		h.client.stop();
		expect(h.stream.closed).toBe(true);
		await h.advance(120_000);
		expect(h.streams).toHaveLength(1);
	});
});

describe('LiveClient answers', () => {
	it('sends an answer once and reports it acknowledged', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		h.client.submit(0, ['b']);
		await h.flush();
		expect(h.calls).toHaveLength(1);
		expect(h.calls[0].url).toBe('/api/live/123456/answers');
		expect(h.calls[0].body).toMatchObject({ position: 0, optionIds: ['b'] });
		expect(h.client.answer).toEqual({ kind: 'acked', optionIds: ['b'] });
		h.client.submit(0, ['c']); // the first answer is final
		await h.flush();
		expect(h.calls).toHaveLength(1);
	});

	it('keeps an answer sent offline and delivers it, with the same requestId, when the network returns', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		h.server.mode = 'offline';
		h.client.submit(0, ['a']);
		await h.flush();
		expect(h.client.answer.kind).toBe('waiting');
		await h.advance(3_000); // a couple of retries into the dark
		const tries = h.calls.length;
		expect(tries).toBeGreaterThan(1);
		h.server.mode = 'ok';
		h.watchers.online!();
		await h.flush();
		expect(h.client.answer).toEqual({ kind: 'acked', optionIds: ['a'] });
		expect(new Set(h.calls.map((c) => c.body.requestId)).size).toBe(1);
		expect(h.server.accepted.size).toBe(1);
		// Nothing left to send: no more POSTs later.
		const after = h.calls.length;
		await h.advance(60_000);
		expect(h.calls.length).toBe(after);
	});

	it('survives a reload: the stored answer is sent again with its requestId and counted once', async () => {
		const first = harness();
		first.client.start();
		first.stream.open();
		first.stream.send(view());
		first.server.mode = 'offline';
		first.client.submit(0, ['c']);
		await first.flush();
		const requestId = first.calls[0].body.requestId;
		first.client.stop(); // the page goes away

		const again = harness({ storage: first.storage });
		again.client.start();
		expect(again.client.answer).toEqual({ kind: 'waiting', optionIds: ['c'] });
		again.stream.open();
		await again.flush();
		expect(again.calls.map((c) => c.body)).toEqual([{ position: 0, optionIds: ['c'], requestId }]);
		expect(again.client.answer.kind).toBe('acked');
		// An acknowledged answer leaves nothing in storage.
		const third = harness({ storage: first.storage });
		third.client.start();
		expect(third.client.answer.kind).toBe('none');
	});

	it('a retry after a lost acknowledgement is the same request, and the server counts it once', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		// The server accepts, but the acknowledgement never reaches the phone.
		h.server.accepted.set(0, 'pending');
		h.server.mode = 'offline';
		h.client.submit(0, ['d']);
		await h.flush();
		const requestId = h.calls[0].body.requestId;
		h.server.accepted.set(0, requestId);
		h.server.mode = 'ok';
		await h.advance(1_000);
		expect(h.client.answer).toEqual({ kind: 'acked', optionIds: ['d'] });
		expect(h.calls.every((c) => c.body.requestId === requestId)).toBe(true);
	});

	it('drops an answer the server refuses (closed question) and says why', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		h.server.mode = 422;
		h.server.message = 'Câu hỏi đã đóng.';
		h.client.submit(0, ['a']);
		await h.flush();
		expect(h.client.answer).toEqual({ kind: 'refused', optionIds: ['a'], message: 'Câu hỏi đã đóng.' });
		await h.advance(30_000);
		expect(h.calls).toHaveLength(1);
	});

	it('gives up an undelivered answer once the view shows the question closed, and tells the player', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		h.server.mode = 'offline';
		h.client.submit(0, ['a']);
		await h.flush();
		h.stream.send(view({ version: 6, phase: 'reveal' }));
		expect(h.client.answer.kind).toBe('refused');
		const n = h.calls.length;
		await h.advance(30_000);
		expect(h.calls.length).toBe(n);
		// The next question starts clean.
		h.stream.send(view({ version: 7, question: { position: 1, total: 3, kind: 'single', stem: null, options: [], revive: false } }));
		expect(h.client.answer.kind).toBe('none');
	});

	it('takes the answer from the view when the server already has it (another tab, cleared storage)', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		const v = view();
		h.stream.send({ ...v, me: { ...v.me!, answer: ['b'] } });
		expect(h.client.answer).toEqual({ kind: 'acked', optionIds: ['b'] });
		h.client.submit(0, ['a']);
		await h.flush();
		expect(h.calls).toHaveLength(0);
	});

	it('resends a waiting answer as soon as the stream is back', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		h.server.mode = 'offline';
		h.client.submit(0, ['a']);
		await h.flush();
		h.server.mode = 'ok';
		h.stream.fail(true);
		await h.advance(1_000);
		h.stream.open();
		await h.flush();
		expect(h.client.answer.kind).toBe('acked');
	});

	it('refines the clock from the acknowledgement round trip', async () => {
		const h = harness();
		h.client.start();
		h.stream.open();
		h.stream.send(view({ serverNow: h.now - 10_000 })); // a badly delayed view
		h.client.submit(0, ['a']);
		await h.flush();
		// The fake server stamps receivedAt = now + 5 s: the offset follows it.
		expect(h.client.clock.now()).toBe(h.now + 5_000);
	});

	it('a screen never sends or restores answers', async () => {
		const h = harness({ as: 'screen' });
		h.storage.setItem('hoithi:live:123456:answer', JSON.stringify({ position: 0, optionIds: ['a'], requestId: 'x' }));
		h.client.start();
		h.stream.open();
		h.stream.send(view());
		await h.flush();
		expect(h.calls).toHaveLength(0);
		expect(h.client.answer.kind).toBe('none');
	});
});
