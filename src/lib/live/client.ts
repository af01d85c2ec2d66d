/**
 * The browser side of a live hội thi (issue 14): one server-sent-event stream per screen, a clock
 * that follows the server, and — on a player's phone — the answer POST that survives a lost network.
 * No framework here: the pages (player, big screen, host console) hand in callbacks.
 *
 * Reconnecting. EventSource reconnects by itself after a dropped stream and sends Last-Event-ID
 * (the view's version), so the server sends nothing new when nothing changed. It gives up for good
 * when the server answers with an error status, and it often does not notice a dead connection at
 * all — a phone that locked, a Wi-Fi switch (the old TCP connection just goes silent). So the stream
 * is opened anew (a) after EventSource gave up, with a growing, jittered delay (a hall of phones
 * must not come back in one burst), (b) when the browser says it is `online` again, (c) when the
 * page becomes visible after being hidden a while, and (d) when nothing (no view, no heartbeat) has
 * arrived for `silentMs`. A new EventSource starts without Last-Event-ID; the server then sends the
 * whole current view, which is what a phone back from the dark needs anyway.
 *
 * Answers. The first answer to a question is final (the server refuses a different one), and a
 * retry with the same `requestId` is acknowledged again without counting twice. So an answer is
 * written to localStorage with its requestId before it is sent, and sent again — same body, same
 * requestId — until the server acknowledges or refuses it: after a network failure, when the stream
 * reconnects, on `online`, and after a reload (the page restores the stored answer). It is dropped
 * once the view says the question is closed or shows the player's answer (the server has it).
 */
import { LIVE_STATUS, livePaths, type LiveAnswerAck, type LiveAnswerBody, type LiveAudience, type LiveView } from './protocol';

/** How a screen's stream is doing: `live` once a view arrived over the current connection. */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting';

/** Where the player's answer to the current question stands. */
export type AnswerState =
	| { kind: 'none' }
	| { kind: 'sending'; optionIds: string[] }
	/** Not acknowledged yet and the last try failed on the network: it is kept and sent again. */
	| { kind: 'waiting'; optionIds: string[] }
	| { kind: 'acked'; optionIds: string[] }
	| { kind: 'refused'; optionIds: string[]; message: string };

export interface EventSourceLike {
	readonly readyState: number;
	onopen: ((ev: unknown) => void) | null;
	onmessage: ((ev: { data: string; lastEventId?: string }) => void) | null;
	onerror: ((ev: unknown) => void) | null;
	addEventListener(type: string, listener: (ev: { data?: string }) => void): void;
	close(): void;
}

export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** What the client needs from the browser; tests hand in fakes. */
export interface LiveClientDeps {
	openStream: (url: string) => EventSourceLike;
	fetch: (
		url: string,
		init: { method: string; headers: Record<string, string>; body: string }
	) => Promise<{
		status: number;
		json(): Promise<unknown>;
	}>;
	storage: KeyValueStore | null;
	now: () => number;
	setTimeout: (fn: () => void, ms: number) => unknown;
	clearTimeout: (handle: unknown) => void;
	random: () => number;
	/** Subscribes to the browser's `online` and `visibilitychange`; returns the unsubscribe. */
	watch: (onOnline: () => void, onVisible: (visible: boolean) => void) => () => void;
}

export interface LiveClientOptions {
	code: string;
	as: LiveAudience;
	onView: (view: LiveView) => void;
	onConnection?: (state: LiveConnection) => void;
	onAnswer?: (state: AnswerState) => void;
	/**
	 * The server refused the stream or an answer outright (EventSource gave up: an error status such
	 * as 401 for a device that is not — or no longer — joined, 404 for a room that is gone). The page
	 * reloads its data to find out why; the client keeps trying meanwhile.
	 */
	onRefused?: () => void;
	deps?: Partial<LiveClientDeps>;
	/** Nothing received for this long → the stream is taken as dead and opened again. */
	silentMs?: number;
	/** A page hidden at least this long is reconnected when it becomes visible again. */
	hiddenMs?: number;
}

const CLOSED = 2;
/**
 * Heartbeats: SSE comments (`: ♥`) are invisible to EventSource, so only a named event such as
 * `event: ping` (with a `data:` line) tells the page that a quiet stream is still alive. With
 * comment heartbeats alone, a quiet phase (lobby, a long scoreboard) costs each phone a reconnect
 * every 30–39 s — harmless (the server sends the current view), but avoidable.
 */
const LIVE_HEARTBEAT_EVENTS = ['ping', 'heartbeat'] as const;

/**
 * The server's clock seen from the phone. Each view carries `serverNow`; `serverNow − local receipt
 * time` is the offset minus the network delay, so the largest of the recent samples is the best
 * estimate (the least delayed message). An acknowledged answer (a real round trip) refines it.
 * Only recent samples count, so a phone whose own clock is corrected follows within a few views.
 */
export class StreamClock {
	private samples: number[] = [];
	private offset = 0;
	private synced = false;

	constructor(private readonly local: () => number = Date.now) {}

	sample(serverNow: number, receivedAt = this.local()): void {
		this.samples.push(serverNow - receivedAt);
		if (this.samples.length > 8) this.samples.shift();
		this.offset = Math.max(...this.samples);
		this.synced = true;
	}

	/** A request's round trip: the server's time is taken as the middle of it. */
	roundTrip(serverTime: number, sentAt: number, receivedAt: number): void {
		this.sample(serverTime - (receivedAt - sentAt) / 2, sentAt);
	}

	get ready(): boolean {
		return this.synced;
	}

	now(): number {
		return this.local() + this.offset;
	}

	/** Milliseconds left until a server deadline, never negative. */
	left(deadline: number): number {
		return Math.max(0, deadline - this.now());
	}
}

/** Whole seconds left for a countdown (rounded up: "1" until the very end). */
export function secondsLeft(view: Pick<LiveView, 'closesAt' | 'remainingMs' | 'paused'>, clock: StreamClock): number {
	if (view.paused) return Math.ceil(Math.max(0, view.remainingMs ?? 0) / 1000);
	if (view.closesAt == null) return 0;
	return Math.ceil(clock.left(view.closesAt) / 1000);
}

/** Whether the current question still takes answers, as far as the phone can tell. */
export function questionOpen(view: LiveView, clock: StreamClock): boolean {
	return view.phase === 'question' && !view.paused && view.closesAt != null && clock.left(view.closesAt) > 0;
}

interface StoredAnswer {
	position: number;
	optionIds: string[];
	requestId: string;
}

function newRequestId(random: () => number): string {
	const c = (globalThis as { crypto?: Crypto }).crypto;
	if (c?.randomUUID) return c.randomUUID();
	return Array.from({ length: 4 }, () => Math.floor(random() * 2 ** 32).toString(16)).join('-');
}

function browserDeps(): LiveClientDeps {
	return {
		openStream: (url) => new EventSource(url) as unknown as EventSourceLike,
		fetch: (url, init) => fetch(url, init),
		storage: (() => {
			try {
				return localStorage;
			} catch {
				return null;
			}
		})(),
		now: () => Date.now(),
		setTimeout: (fn, ms) => setTimeout(fn, ms),
		clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
		random: Math.random,
		watch: (onOnline, onVisible) => {
			const online = () => onOnline();
			const visible = () => onVisible(document.visibilityState === 'visible');
			window.addEventListener('online', online);
			document.addEventListener('visibilitychange', visible);
			return () => {
				window.removeEventListener('online', online);
				document.removeEventListener('visibilitychange', visible);
			};
		}
	};
}

export class LiveClient {
	readonly clock: StreamClock;
	view: LiveView | null = null;
	private readonly deps: LiveClientDeps;
	private readonly url: string;
	private readonly storeKey: string;
	private stream: EventSourceLike | null = null;
	private connection: LiveConnection = 'connecting';
	private retries = 0;
	private reconnectTimer: unknown = null;
	private silenceTimer: unknown = null;
	private answerTimer: unknown = null;
	private unwatch: (() => void) | null = null;
	private hiddenAt: number | null = null;
	private stopped = true;
	private answerState: AnswerState = { kind: 'none' };
	/** The question `answerState` is about. */
	private answerPosition: number | null = null;
	private stored: StoredAnswer | null = null;
	private inFlight = false;
	private answerRetries = 0;

	constructor(private readonly opts: LiveClientOptions) {
		this.deps = { ...browserDeps(), ...opts.deps };
		this.clock = new StreamClock(this.deps.now);
		this.url = `${livePaths.events(opts.code)}?as=${opts.as}`;
		this.storeKey = `hoithi:live:${opts.code}:answer`;
	}

	start(): void {
		if (!this.stopped) return;
		this.stopped = false;
		if (this.opts.as === 'player') {
			this.stored = this.readStored();
			if (this.stored) this.setAnswer({ kind: 'waiting', optionIds: this.stored.optionIds }, this.stored.position);
		}
		this.unwatch = this.deps.watch(
			() => {
				this.reopen();
				this.sendStored();
			},
			(visible) => {
				if (!visible) {
					this.hiddenAt = this.deps.now();
					return;
				}
				const hiddenFor = this.hiddenAt == null ? 0 : this.deps.now() - this.hiddenAt;
				this.hiddenAt = null;
				if (hiddenFor >= (this.opts.hiddenMs ?? 5_000) || this.stream?.readyState === CLOSED) this.reopen();
			}
		);
		this.open();
	}

	stop(): void {
		this.stopped = true;
		this.unwatch?.();
		this.unwatch = null;
		this.stream?.close();
		this.stream = null;
		for (const t of [this.reconnectTimer, this.silenceTimer, this.answerTimer]) if (t != null) this.deps.clearTimeout(t);
		this.reconnectTimer = this.silenceTimer = this.answerTimer = null;
	}

	/** The view the page was rendered with (before the stream's first message). */
	seed(view: LiveView): void {
		if (this.view && this.view.version >= view.version) return;
		this.view = view;
		this.reconcile(view);
	}

	get connectionState(): LiveConnection {
		return this.connection;
	}

	get answer(): AnswerState {
		return this.answerState;
	}

	/**
	 * Sends the player's answer to the current question. It is stored first, so a lost network, a
	 * reload or a locked phone do not lose it; the same requestId goes with every retry.
	 */
	submit(position: number, optionIds: string[]): void {
		// The first answer is final: one stored or acknowledged for this question is not replaced.
		if (this.stored?.position === position) return;
		if (this.answerPosition === position && this.answerState.kind === 'acked') return;
		this.stored = { position, optionIds: [...optionIds], requestId: newRequestId(this.deps.random) };
		this.writeStored();
		this.answerRetries = 0;
		this.setAnswer({ kind: 'sending', optionIds: this.stored.optionIds }, position);
		void this.sendStored();
	}

	private open(): void {
		if (this.stopped) return;
		this.setConnection(this.retries === 0 && !this.view ? 'connecting' : 'reconnecting');
		const es = this.deps.openStream(this.url);
		this.stream = es;
		es.onopen = () => {
			if (this.stream !== es) return;
			// Open again after EventSource's own retry: with Last-Event-ID the server sends nothing when
			// nothing changed, so the view in hand is current — the page is live, no message needed.
			if (this.view) {
				this.retries = 0;
				this.setConnection('live');
			}
			this.armSilence();
			void this.sendStored();
		};
		es.onmessage = (ev) => {
			if (this.stream !== es) return;
			this.receive(ev.data);
		};
		for (const name of LIVE_HEARTBEAT_EVENTS) {
			es.addEventListener(name, () => {
				if (this.stream === es) this.armSilence();
			});
		}
		es.onerror = () => {
			if (this.stream !== es) return;
			if (es.readyState === CLOSED) {
				// EventSource gave up (an error status, or a body that is not an event stream).
				this.stream = null;
				es.close();
				this.scheduleReopen();
				this.opts.onRefused?.();
			} else {
				this.setConnection('reconnecting');
			}
		};
		this.armSilence();
	}

	/** Closes the current stream (whatever state it believes it is in) and opens a new one now. */
	private reopen(): void {
		if (this.stopped) return;
		if (this.reconnectTimer != null) this.deps.clearTimeout(this.reconnectTimer);
		this.reconnectTimer = null;
		this.stream?.close();
		this.stream = null;
		this.open();
	}

	private scheduleReopen(): void {
		this.setConnection('reconnecting');
		if (this.reconnectTimer != null) return;
		const base = Math.min(15_000, 1_000 * 2 ** Math.min(this.retries, 4));
		this.retries++;
		const delay = base / 2 + this.deps.random() * (base / 2);
		this.reconnectTimer = this.deps.setTimeout(() => {
			this.reconnectTimer = null;
			this.reopen();
		}, delay);
	}

	private armSilence(): void {
		if (this.silenceTimer != null) this.deps.clearTimeout(this.silenceTimer);
		// Jittered (up to +30 %): a hall of phones that all went quiet together does not come back in one burst.
		this.silenceTimer = this.deps.setTimeout(
			() => {
				this.silenceTimer = null;
				this.reopen();
			},
			(this.opts.silentMs ?? 30_000) * (1 + 0.3 * this.deps.random())
		);
	}

	private receive(data: string): void {
		let view: LiveView;
		try {
			view = JSON.parse(data) as LiveView;
		} catch {
			return;
		}
		if (!view || typeof view.version !== 'number') return;
		this.clock.sample(view.serverNow);
		this.armSilence();
		this.retries = 0;
		this.setConnection('live');
		// An older view can arrive after a newer one across a reconnect (another server process).
		if (this.view && view.version < this.view.version && view.gameId === this.view.gameId) return;
		this.view = view;
		this.reconcile(view);
		this.opts.onView(view);
	}

	/** What the view says about the answer: the server has it, or it can no longer be given. */
	private reconcile(view: LiveView): void {
		if (this.opts.as !== 'player') return;
		const s = this.stored;
		const pos = view.question?.position ?? null;
		if (s && pos != null && pos < s.position) return; // a view from before the question (another process lagging)
		if (view.me?.answer && pos != null) {
			// The server has this player's answer (sent from here, or before a reload/cleared storage).
			if (s && s.position <= pos) this.clearStored();
			this.setAnswer({ kind: 'acked', optionIds: view.me.answer }, pos);
			return;
		}
		if (s) {
			if (view.phase === 'question' && pos === s.position) {
				if (!this.inFlight) void this.sendStored();
				return;
			}
			this.clearStored();
			if (pos === s.position) {
				// Closed before the answer got through: it is not counted, and the player is told so.
				this.setAnswer(
					{
						kind: 'refused',
						optionIds: s.optionIds,
						message: 'Câu trả lời chưa kịp gửi đến máy chủ trước khi câu hỏi đóng, nên không được tính.'
					},
					pos
				);
				return;
			}
		}
		// A different question (or none): the last one's state no longer applies. The same question
		// keeps its state — a view made just before the server recorded the answer says nothing new.
		if (this.answerPosition !== pos && this.answerState.kind !== 'none') this.setAnswer({ kind: 'none' }, pos);
	}

	private async sendStored(): Promise<void> {
		const s = this.stored;
		if (!s || this.inFlight || this.stopped) return;
		if (this.answerTimer != null) {
			this.deps.clearTimeout(this.answerTimer);
			this.answerTimer = null;
		}
		this.inFlight = true;
		if (this.answerState.kind !== 'sending') this.setAnswer({ kind: 'sending', optionIds: s.optionIds }, s.position);
		const body: LiveAnswerBody = { position: s.position, optionIds: s.optionIds, requestId: s.requestId };
		const sentAt = this.deps.now();
		let status = 0;
		let payload: unknown = null;
		try {
			const res = await this.deps.fetch(livePaths.answers(this.opts.code), {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify(body)
			});
			status = res.status;
			payload = await res.json().catch(() => null);
		} catch {
			/* no answer from the server: status stays 0 */
		}
		this.inFlight = false;
		if (this.stored !== s) return; // replaced meanwhile (a new question), nothing to settle
		if (status >= 200 && status < 300) {
			const ack = payload as LiveAnswerAck | null;
			if (ack && typeof ack.receivedAt === 'number') this.clock.roundTrip(ack.receivedAt, sentAt, this.deps.now());
			this.clearStored();
			this.setAnswer({ kind: 'acked', optionIds: ack?.optionIds ?? s.optionIds }, s.position);
			return;
		}
		const message = (payload as { message?: string } | null)?.message;
		if (
			status === LIVE_STATUS.badInput ||
			status === LIVE_STATUS.refused ||
			status === LIVE_STATUS.noRoom ||
			status === LIVE_STATUS.forbidden
		) {
			this.clearStored();
			this.setAnswer({ kind: 'refused', optionIds: s.optionIds, message: message ?? 'Câu trả lời không được chấp nhận.' }, s.position);
			return;
		}
		if (status === LIVE_STATUS.staleVersion) {
			// Another answer to this question was accepted first (another tab): the view will show it.
			this.clearStored();
			this.setAnswer({ kind: 'refused', optionIds: s.optionIds, message: message ?? 'Bạn đã trả lời câu này rồi.' }, s.position);
			return;
		}
		// No answer (offline), 401 (the device is not joined: the page finds out why), 429, 5xx: keep it and try again.
		if (status === LIVE_STATUS.notJoined) this.opts.onRefused?.();
		this.setAnswer({ kind: 'waiting', optionIds: s.optionIds }, s.position);
		const delay = Math.min(8_000, 500 * 2 ** Math.min(this.answerRetries, 4)) * (0.75 + this.deps.random() / 2);
		this.answerRetries++;
		this.answerTimer = this.deps.setTimeout(() => {
			this.answerTimer = null;
			void this.sendStored();
		}, delay);
	}

	private setConnection(state: LiveConnection): void {
		if (state === this.connection) return;
		this.connection = state;
		this.opts.onConnection?.(state);
	}

	private setAnswer(state: AnswerState, position: number | null): void {
		this.answerState = state;
		this.answerPosition = position;
		this.opts.onAnswer?.(state);
	}

	private readStored(): StoredAnswer | null {
		try {
			const raw = this.deps.storage?.getItem(this.storeKey);
			if (!raw) return null;
			const s = JSON.parse(raw) as StoredAnswer;
			if (typeof s.position !== 'number' || !Array.isArray(s.optionIds) || typeof s.requestId !== 'string') return null;
			return s;
		} catch {
			return null;
		}
	}

	private writeStored(): void {
		try {
			this.deps.storage?.setItem(this.storeKey, JSON.stringify(this.stored));
		} catch {
			/* private mode or full storage: the retries in memory still work */
		}
	}

	private clearStored(): void {
		this.stored = null;
		if (this.answerTimer != null) {
			this.deps.clearTimeout(this.answerTimer);
			this.answerTimer = null;
		}
		try {
			this.deps.storage?.removeItem(this.storeKey);
		} catch {
			/* ignore */
		}
	}
}
