/**
 * The load driver of `npm run bench:live`: thousands of players, each with a real HTTP join, a
 * real server-sent-event stream and real answer POSTs, from one process. Kept cheap so that the
 * driver is not what is measured: an event stream is a raw TCP socket (node:net) with a hand-written
 * GET and a parser that looks only for `id:` lines (the game's version) and stamps the first time
 * each version arrived; joins, answers and host commands are node:http requests over keep-alive
 * agents. Times are wall-clock milliseconds with sub-millisecond resolution
 * (`performance.timeOrigin + performance.now()`), comparable with the server's clock on this machine.
 */
import http from 'node:http';
import net from 'node:net';

export const now = () => performance.timeOrigin + performance.now();

export interface Reply {
	status: number;
	/** The parsed JSON body (null when it is not JSON). */
	body: unknown;
	headers: http.IncomingHttpHeaders;
	/** When the request was made (a player's tap), when it had been written to the socket (handed to the OS: later when a new connection waits for the server to accept it), and when its answer had fully arrived. */
	startedAt: number;
	sentAt: number;
	doneAt: number;
	/** Set when no answer came: a network error or the timeout. */
	error?: string;
}

/** A keep-alive HTTP client for one server. */
export class Client {
	readonly agent: http.Agent;
	/** The Origin header of writes (the server's ORIGIN when it has one). */
	readonly origin: string;
	constructor(
		readonly host: string,
		readonly port: number,
		maxSockets = 256,
		origin?: string,
		readonly timeoutMs = 15_000
	) {
		// Every idle connection is kept (node keeps 256 by default): each phone keeps its own.
		this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
		this.origin = origin ?? `http://${host}:${port}`;
	}
	request(method: string, path: string, opts: { body?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
		const payload =
			opts.form !== undefined ? new URLSearchParams(opts.form).toString() : opts.body !== undefined ? JSON.stringify(opts.body) : undefined;
		const headers: Record<string, string> = { origin: this.origin, accept: 'application/json', ...opts.headers };
		if (payload !== undefined) {
			headers['content-type'] = opts.form !== undefined ? 'application/x-www-form-urlencoded' : 'application/json';
			headers['content-length'] = String(Buffer.byteLength(payload));
		}
		return new Promise<Reply>((resolve) => {
			const startedAt = now();
			let sentAt = startedAt;
			const fail = (error: string) => resolve({ status: 0, body: null, headers: {}, startedAt, sentAt, doneAt: now(), error });
			const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
				const parts: Buffer[] = [];
				res.on('data', (c: Buffer) => parts.push(c));
				res.on('error', (e) => fail(e.message));
				res.on('end', () => {
					const text = Buffer.concat(parts).toString('utf8');
					let body: unknown;
					try {
						body = text ? JSON.parse(text) : null;
					} catch {
						body = text.slice(0, 300);
					}
					resolve({ status: res.statusCode ?? 0, body, headers: res.headers, startedAt, sentAt, doneAt: now() });
				});
			});
			req.on('finish', () => (sentAt = now()));
			req.setTimeout(this.timeoutMs, () => req.destroy(new Error('timeout')));
			req.on('error', (e) => fail(e.message));
			req.end(payload);
		});
	}
	close() {
		this.agent.destroy();
	}
}

/** The `name=value` pairs of a response's Set-Cookie headers, as one Cookie header. */
export function cookiesOf(reply: Reply, keep: (name: string) => boolean = () => true): string {
	const set = reply.headers['set-cookie'] ?? [];
	return set
		.map((c) => c.split(';')[0])
		.filter((c) => keep(c.split('=')[0]))
		.join('; ');
}

/**
 * One player's event stream over a raw socket. Records, per version (`id:`), the first time it
 * arrived; reconnects (as a browser's EventSource does) with Last-Event-ID after a drop, counting
 * the drop.
 */
export class Stream {
	/** version → first arrival. */
	readonly seen = new Map<number, number>();
	lastId = 0;
	status = 0;
	drops = 0;
	/** Why the stream failed for good (a refusal), if it did. */
	failure: string | null = null;
	private socket: net.Socket | null = null;
	private tail = '';
	private head = true;
	private closed = false;
	private onFirst: (() => void) | null = null;

	constructor(
		readonly host: string,
		readonly port: number,
		readonly path: string,
		readonly cookie: string
	) {}

	/** Connects; resolves on the first `id:` (the current view) or on failure. */
	open(timeoutMs = 30_000): Promise<boolean> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.failure ??= 'no first view within timeout';
				resolve(false);
			}, timeoutMs);
			this.onFirst = () => {
				clearTimeout(timer);
				resolve(this.failure === null);
			};
			this.connect();
		});
	}

	private connect() {
		this.head = true;
		this.tail = '';
		const s = net.connect({ host: this.host, port: this.port });
		this.socket = s;
		s.setNoDelay(true);
		s.setEncoding('latin1');
		s.on('connect', () => {
			s.write(
				`GET ${this.path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nAccept: text/event-stream\r\nCache-Control: no-store\r\n` +
					(this.cookie ? `Cookie: ${this.cookie}\r\n` : '') +
					(this.lastId ? `Last-Event-ID: ${this.lastId}\r\n` : '') +
					'\r\n'
			);
		});
		s.on('data', (chunk: string) => this.onData(chunk));
		s.on('error', () => {});
		s.on('close', () => {
			this.socket = null;
			if (this.closed) return;
			this.drops++;
			if (this.failure) return this.settle();
			setTimeout(() => !this.closed && this.connect(), 1000);
		});
	}

	private settle() {
		const f = this.onFirst;
		this.onFirst = null;
		f?.();
	}

	private onData(chunk: string) {
		const at = now();
		let text = this.tail + chunk;
		let from = this.tail.length;
		if (this.head) {
			const end = text.indexOf('\r\n\r\n');
			if (end < 0) {
				this.tail = text;
				return;
			}
			this.status = Number(text.slice(9, 12));
			this.head = false;
			if (this.status !== 200) {
				this.failure = `HTTP ${this.status}: ${text.slice(end + 4, end + 200).replace(/\s+/g, ' ')}`;
				this.socket?.destroy();
				return;
			}
			text = text.slice(end + 2); // keep the \r\n: a first `id:` line follows a line end
			from = 0;
		}
		ID.lastIndex = 0;
		let m: RegExpExecArray | null;
		while ((m = ID.exec(text))) {
			if (ID.lastIndex <= from) continue; // wholly in the tail: counted with the previous chunk
			const v = Number(m[1]);
			if (!this.seen.has(v)) this.seen.set(v, at);
			if (v > this.lastId) this.lastId = v;
			this.settle();
		}
		this.tail = text.slice(-24);
	}

	/** When this stream first had a version ≥ `version`, or null. */
	receivedAt(version: number): number | null {
		let best: number | null = null;
		for (const [v, at] of this.seen) if (v >= version && (best === null || at < best)) best = at;
		return best;
	}

	close() {
		this.closed = true;
		this.socket?.destroy();
	}
}
const ID = /\nid: ?(\d+)\r?\n/g;

/** Runs `task(i)` for i < n with at most `concurrency` at a time. */
export async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
	const out: T[] = new Array(n);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(n, concurrency) }, async () => {
			while (next < n) {
				const i = next++;
				out[i] = await task(i);
			}
		})
	);
	return out;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** The p-th percentile (nearest rank) of the values, or null when there are none. */
export function percentile(values: number[], p: number): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
