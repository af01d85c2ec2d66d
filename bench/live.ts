/**
 * npm run bench:live [-- --players 5000 --questions 3 --seconds 12 --configs ref,1,2 --out bench/results]
 *
 * A live hội thi room under load (issue 14, "Speed and scale"): starts the BUILT server
 * (scripts/serve.js) on a fresh seeded database, opens a room, and lets N players (default 5,000)
 * join over real HTTP and hold real server-sent-event streams from one driver process
 * (bench/live-driver.ts: raw sockets, only `id:` lines parsed). Then, for each question, the host's
 * "next" and the time until 50/95/99 % of the players' streams carry the new version; every player
 * answers at a random moment of the window, a share of them in a burst just before the close; the
 * answers accepted per second in that burst and whether every answer sent before the close was
 * acknowledged; then "reveal" (a second broadcast, timed the same way). Server RSS (VmRSS of the
 * server and its workers, sampled every 200 ms) and every error are reported.
 *
 * The same scenario runs against bench/live-reference.js (bare node:http, the game in memory, one
 * SQLite INSERT per answer) in the same run: the ratio basis. `--configs`: `ref` (the reference),
 * `1` (ours, WORKERS=1), `2` (ours, the default 2-worker cluster), in that order.
 *
 * Prints a table and writes bench/results/live-<time>.json. Needs `npm run build`. Not in npm test
 * (tests/integration/bench-smoke.test.ts runs it with 50 players).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client, Stream, cookiesOf, now, percentile, pool, sleep, type Reply } from './live-driver';
import { startTestServer } from '../scripts/test-server.js';
import { makeLiveGame } from '../tests/integration/live-fixture';
import { livePaths } from '../src/lib/live/protocol';
import { rssOf } from './proc';

const { values } = parseArgs({
	options: {
		players: { type: 'string', default: '5000' },
		questions: { type: 'string', default: '3' },
		seconds: { type: 'string', default: '12' },
		/** Share of the answers sent in the last `burst-ms` before the close. */
		'burst-share': { type: 'string', default: '0.3' },
		'burst-ms': { type: 'string', default: '600' },
		configs: { type: 'string', default: 'ref,1,2' },
		'port-base': { type: 'string', default: process.env.BENCH_LIVE_PORT ?? '6000' },
		out: { type: 'string', default: 'bench/results' },
		label: { type: 'string', default: '' },
		/** Runs every configuration this many times, interleaved (ref, 1, 2, ref, 1, 2…): one row per run. */
		repeat: { type: 'string', default: '1' },
		/** Joins and stream connections at a time. */
		concurrency: { type: 'string', default: '100' },
		/** KEEP_ALIVE_TIMEOUT (s) of ours (scripts/serve.js); unset: node's default, 5 s. */
		'keep-alive': { type: 'string' },
		/** Answer connections (keep-alive) at most: phones each have their own. */
		'answer-sockets': { type: 'string', default: '2000' },
		quiet: { type: 'boolean', default: false }
	}
});
const PLAYERS = Number(values.players);
const QUESTIONS = Number(values.questions);
const SECONDS = Number(values.seconds);
const BURST_SHARE = Number(values['burst-share']);
const BURST_MS = Number(values['burst-ms']);
const CONCURRENCY = Number(values.concurrency);
const PORT_BASE = Number(values['port-base']);
const HOST = '127.0.0.1';
const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const log = (...a: unknown[]) => values.quiet || console.log(...a);

/**
 * File descriptors: every player holds one socket here and one in the server, and the answers open
 * more. When the soft limit is too low for that, run again under `ulimit -n <hard limit>`.
 */
const needFds = PLAYERS * 2 + 1000;
const softLimit = Number(spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim());
if (Number.isFinite(softLimit) && softLimit < needFds && !process.env.BENCH_LIVE_RAISED) {
	const r = spawnSync(
		'sh',
		['-c', 'ulimit -n "$(ulimit -Hn)" && exec "$0" "$@"', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
		{
			stdio: 'inherit',
			env: { ...process.env, BENCH_LIVE_RAISED: '1' }
		}
	);
	process.exit(r.status ?? 1);
}
if (Number.isFinite(softLimit) && softLimit < needFds)
	console.warn(`! ulimit -n is ${softLimit} (hard limit reached); ${PLAYERS} players need about ${needFds}: some streams will fail`);

/** What the scenario needs of a server: how to start it, open a room, join, command. */
interface Target {
	name: string;
	label: string;
	port: number;
	proc?: ChildProcess;
	/** The server's ORIGIN, when it checks one. */
	origin?: string;
	/** The server's process (with a cluster: the primary; RSS adds its workers). */
	pid?: number;
	code: string;
	gameId: number;
	/** Cookie header of the host's session (ours: an organiser's login). */
	hostCookie: string;
	start(): Promise<void>;
	/** One player's join: the Cookie header that identifies the player afterwards. */
	join(client: Client, i: number): Promise<{ cookie: string } | { error: string }>;
	/**
	 * The stream the scenario reads in full (the question's window and options, the version to act
	 * on): ours, the big screen's; the reference's, one more player's (not counted among the players).
	 */
	watcher(client: Client): Promise<{ path: string; cookie: string }>;
	/** The host's command. */
	command(client: Client, action: string, version: number): Promise<Reply>;
	stop(): Promise<void>;
}

/**
 * The kernel's count of connections dropped because a listening socket's accept queue was full
 * (TcpExt ListenOverflows, this network namespace): a server too busy to accept drops new
 * connections, and the phone tries again a second later.
 */
function listenOverflows(): number {
	try {
		const lines = fs
			.readFileSync('/proc/net/netstat', 'utf8')
			.split('\n')
			.filter((l) => l.startsWith('TcpExt:'));
		const names = lines[0].split(/\s+/);
		return Number(lines[1].split(/\s+/)[names.indexOf('ListenOverflows')]);
	} catch {
		return 0;
	}
}

async function waitUp(port: number, proc: ChildProcess, pathname = '/api/health') {
	for (let i = 0; i < 600; i++) {
		if (proc.exitCode !== null) throw new Error(`server on ${port} exited (${proc.exitCode})`);
		try {
			const r = await fetch(`http://${HOST}:${port}${pathname}`);
			if (r.status < 500) return;
		} catch {
			/* not yet */
		}
		await sleep(100);
	}
	throw new Error(`server on ${port} did not start`);
}

async function stopProc(proc: ChildProcess | undefined) {
	if (!proc || proc.exitCode !== null || proc.signalCode) return;
	const exited = new Promise((r) => proc.once('exit', r));
	proc.kill('SIGTERM');
	const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(t);
}

function freshFile(file: string) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
}

/** bench/live-reference.js: the bare floor. */
function referenceTarget(port: number): Target {
	const code = '123456';
	const t: Target = {
		name: 'reference',
		label: 'reference (bare node:http, SQLite, 1 process)',
		port,
		code,
		gameId: 1,
		hostCookie: '',
		async start() {
			const db = 'bench/data/live-reference.db';
			freshFile(db);
			t.proc = spawn(process.execPath, ['bench/live-reference.js'], {
				env: { ...process.env, DATABASE_PATH: db, PORT: String(port), HOST, LIVE_CODE: code, LIVE_SECONDS: String(SECONDS) },
				stdio: ['ignore', 'ignore', 'inherit']
			});
			await waitUp(port, t.proc);
			t.pid = t.proc.pid;
		},
		async join(client, i) {
			const r = await client.request('POST', `/api/live/${code}/join`, { body: { name: `Người chơi ${i + 1}` } });
			const cookie = r.headers['set-cookie']?.map((c) => c.split(';')[0]).join('; ');
			return r.status === 200 && cookie ? { cookie } : { error: `${r.status} ${r.error ?? JSON.stringify(r.body)}` };
		},
		async watcher(client) {
			const j = await t.join(client, -1);
			if ('error' in j) throw new Error(`watcher join: ${j.error}`);
			return { path: `/api/live/${code}/events?as=player`, cookie: j.cookie };
		},
		command: (client, action, version) => client.request('POST', `/api/live/games/1/command`, { body: { action, version } }),
		stop: () => stopProc(t.proc)
	};
	return t;
}

/**
 * Ours: the built server (scripts/serve.js through scripts/test-server.js: a fresh database seeded
 * with the demo, rate limits off as in the other benchmarks — 5,000 players from one address would
 * otherwise be one NAT'd hall times fifty), a room made by the integration tests' fixture, the host
 * logged in as the demo organiser.
 */
function oursTarget(workers: number, port: number): Target {
	let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
	const t: Target = {
		name: `ours-${workers}`,
		label: `hoithi, SQLite, ${workers} worker${workers === 1 ? '' : 's'}`,
		port,
		code: '',
		gameId: 0,
		hostCookie: '',
		async start() {
			server = await startTestServer({
				db: `bench/data/live-${workers}.db`,
				port,
				workers,
				output: [],
				env: values['keep-alive'] ? { KEEP_ALIVE_TIMEOUT: values['keep-alive'] } : {}
			});
			t.pid = server.pid;
			const game = await makeLiveGame(
				{ questions: Math.max(QUESTIONS, 1), secondsPerQuestion: SECONDS, title: 'Hội thi trực tiếp (đo tải)' },
				server.database
			);
			t.code = game.code;
			t.gameId = game.gameId;
			t.origin = server.url;
			const c = new Client(HOST, port, 1, t.origin);
			const r = await c.request('POST', '/login', {
				form: { identifier: '0900000002', password: 'hoithi-demo-2026' },
				headers: { 'x-sveltekit-action': 'true' }
			});
			c.close();
			t.hostCookie = cookiesOf(r, (n) => n === 'hoithi_session');
			if (!t.hostCookie) throw new Error(`host login: HTTP ${r.status} ${JSON.stringify(r.body)?.slice(0, 200)}`);
		},
		async join(client, i) {
			const r = await client.request('POST', livePaths.joinApi(t.code), { body: { name: `Người chơi ${i + 1}` } });
			const cookie = cookiesOf(r);
			return (r.status === 201 || r.status === 200) && cookie ? { cookie } : { error: `${r.status} ${r.error ?? JSON.stringify(r.body)}` };
		},
		watcher: async () => ({ path: `${livePaths.events(t.code)}?as=screen`, cookie: t.hostCookie }),
		command: (client, action, version) =>
			client.request('POST', livePaths.hostCommand(t.gameId), { body: { action, version }, headers: { cookie: t.hostCookie } }),
		async stop() {
			await server?.stop();
		}
	};
	return t;
}

interface Broadcast {
	action: string;
	version: number;
	/** Streams that had the new version within the wait. */
	received: number;
	/** Milliseconds from sending the command to the stream having the version. */
	p50: number | null;
	p95: number | null;
	p99: number | null;
	max: number | null;
	/** The command's own answer time. */
	commandMs: number;
	commandStatus: number;
}

interface QuestionResult {
	next: Broadcast;
	reveal: Broadcast | null;
	/** Answers a player sent (tapped) before the question's close (server clock). */
	sentBeforeClose: number;
	acknowledged: number;
	/** Sent before the close and not acknowledged: refused (by status) or no answer at all. */
	unacknowledged: number;
	/** Of those sent before the close, how many were on the wire only after it (a new connection waiting to be accepted). */
	onTheWireLate: number;
	refusals: Record<string, number>;
	/** The burst at the close: answers, acknowledged per second (first send → last ack), ack latency. */
	burst: {
		answers: number;
		offeredPerSecond: number;
		perSecond: number;
		ackP50: number | null;
		ackP95: number | null;
		ackP99: number | null;
	};
	ackP95: number | null;
}

interface RunResult {
	target: string;
	label: string;
	players: number;
	joined: number;
	joinErrors: string[];
	joinsPerSecond: number;
	connected: number;
	streamFailures: string[];
	connectSeconds: number;
	questions: QuestionResult[];
	/** Stream reconnections during the run. */
	drops: number;
	peakRssMb: number;
	endRssMb: number;
	/** How late the driver's own event loop ran (ms): what it adds to every figure. */
	driverLagP99: number;
	driverLagMax: number;
	/** The machine's load average (1 min) when the run started: other work on the cores. */
	loadBefore: number;
	/** New connections the kernel dropped during the run because the server's accept queue was full. */
	listenOverflows: number;
	errors: string[];
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Waits until `share` of the streams have `version` (or the timeout) and times it from `t0`. */
async function timeBroadcast(streams: Stream[], version: number, t0: number, action: string, reply: Reply): Promise<Broadcast> {
	const deadline = now() + 10_000;
	const count = () => streams.reduce((n, s) => n + (s.receivedAt(version) !== null ? 1 : 0), 0);
	while (count() < streams.length && now() < deadline) await sleep(20);
	const lat = streams.map((s) => s.receivedAt(version)).flatMap((at) => (at === null ? [] : [at - t0]));
	return {
		action,
		version,
		received: lat.length,
		p50: round1(percentile(lat, 50)),
		p95: round1(percentile(lat, 95)),
		p99: round1(percentile(lat, 99)),
		max: round1(percentile(lat, 100)),
		commandMs: round1(reply.doneAt - reply.sentAt)!,
		commandStatus: reply.status
	};
}

/** The view a stream carries, read in full (one stream per run: the answers need its window and options). */
class Watcher {
	view: {
		version: number;
		phase: string;
		closesAt: number | null;
		question: { position: number; options: { id: string }[] } | null;
	} | null = null;
	private buf = '';
	private req: import('node:http').ClientRequest | null = null;
	constructor(
		readonly port: number,
		readonly path: string,
		readonly cookie: string
	) {}
	async open() {
		const http = await import('node:http');
		await new Promise<void>((resolve, reject) => {
			this.req = http.get(
				{ host: HOST, port: this.port, path: this.path, headers: { cookie: this.cookie, accept: 'text/event-stream' } },
				(res) => {
					if (res.statusCode !== 200) return reject(new Error(`watcher stream: HTTP ${res.statusCode}`));
					res.setEncoding('utf8');
					res.on('data', (c: string) => {
						this.buf += c;
						let end;
						while ((end = this.buf.indexOf('\n\n')) >= 0) {
							const msg = this.buf.slice(0, end);
							this.buf = this.buf.slice(end + 2);
							// The heartbeat (`event: ping`) is not a view.
							if (msg.split('\n').some((l) => l.startsWith('event:') && l.slice(6).trim() !== 'message')) continue;
							const data = msg
								.split('\n')
								.filter((l) => l.startsWith('data:'))
								.map((l) => l.slice(5).trimStart())
								.join('\n');
							if (data) {
								try {
									this.view = JSON.parse(data);
									resolve();
								} catch {
									/* a comment or partial line */
								}
							}
						}
					});
				}
			);
			this.req.on('error', reject);
		});
	}
	async until(pred: (v: NonNullable<Watcher['view']>) => boolean, ms = 10_000) {
		const end = now() + ms;
		while (!(this.view && pred(this.view))) {
			if (now() > end) throw new Error(`watcher: the view did not change as expected (now ${JSON.stringify(this.view)?.slice(0, 200)})`);
			await sleep(5);
		}
		return this.view!;
	}
	close() {
		this.req?.destroy();
	}
}

async function run(t: Target): Promise<RunResult> {
	const errors: string[] = [];
	const loadBefore = os.loadavg()[0];
	const overflowsBefore = listenOverflows();
	log(`\n— ${t.label}: starting (load average ${loadBefore.toFixed(2)})`);
	await t.start();
	let peakRss = 0;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, t.pid ? rssOf(t.pid) : 0)), 200);
	const api = new Client(HOST, t.port, CONCURRENCY, t.origin);
	const answers = new Client(HOST, t.port, Number(values['answer-sockets']), t.origin);

	// Joins: real HTTP, as many at a time as --concurrency.
	let t1 = now();
	const joins = await pool(PLAYERS, CONCURRENCY, (i) => t.join(api, i));
	const joinSeconds = (now() - t1) / 1000;
	const cookies = joins.flatMap((j) => ('cookie' in j ? [j.cookie] : []));
	const joinErrors = joins.flatMap((j) => ('error' in j ? [j.error] : []));
	log(
		`  ${cookies.length} joined in ${joinSeconds.toFixed(1)} s${joinErrors.length ? `, ${joinErrors.length} refused: ${joinErrors[0]}` : ''}`
	);

	// Streams: one raw socket per player.
	t1 = now();
	const eventsPath = `/api/live/${t.code}/events?as=player`;
	const streams = cookies.map((c) => new Stream(HOST, t.port, eventsPath, c));
	const opened = await pool(streams.length, CONCURRENCY, (i) => streams[i].open());
	const connectSeconds = (now() - t1) / 1000;
	const live = streams.filter((_, i) => opened[i]);
	const streamFailures = streams.flatMap((s) => (s.failure ? [s.failure] : []));
	log(
		`  ${live.length} streams open in ${connectSeconds.toFixed(1)} s${streamFailures.length ? `, ${streamFailures.length} failed: ${streamFailures[0]}` : ''}`
	);

	const lag = monitorEventLoopDelay({ resolution: 10 });
	lag.enable();
	const watch = await t.watcher(api);
	const watcher = new Watcher(t.port, watch.path, watch.cookie);
	await watcher.open();
	const questions: QuestionResult[] = [];
	const players = live.map((s) => s.cookie);

	for (let q = 0; q < QUESTIONS; q++) {
		// The host's "next" (the first: "start").
		const before = watcher.view!.version;
		const action = q === 0 && watcher.view!.phase === 'lobby' ? 'start' : 'next';
		const t0 = now();
		const reply = await t.command(api, action, before);
		if (reply.status !== 200) throw new Error(`${action}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
		const view = await watcher.until((v) => v.version > before && v.phase === 'question' && v.closesAt !== null);
		// Timed while the answers go out (a player answers once the question is on the phone).
		const timing = timeBroadcast(live, view.version, t0, action, reply);

		// Answers: at random moments of the window, a share in a burst just before the close.
		const closesAt = view.closesAt!;
		const position = view.question!.position;
		const optionIds = view.question!.options.map((o) => o.id);
		const start = now() + 200;
		const burstFrom = closesAt - BURST_MS;
		const sends: Promise<{ reply: Reply; burst: boolean }>[] = players.map((cookie) => {
			const burst = Math.random() < BURST_SHARE;
			const at = burst ? burstFrom + Math.random() * (BURST_MS - 50) : start + Math.random() * Math.max(0, burstFrom - 300 - start);
			const body = { position, optionIds: [optionIds[Math.floor(Math.random() * optionIds.length)]], requestId: crypto.randomUUID() };
			return sleep(at - now()).then(async () => ({
				reply: await answers.request('POST', `/api/live/${t.code}/answers`, { body, headers: { cookie } }),
				burst
			}));
		});
		const next = await timing;
		log(
			`  question ${q + 1}: ${action} reached ${next.received}/${live.length}: p50 ${next.p50} ms, p95 ${next.p95} ms, p99 ${next.p99} ms`
		);
		const sent = await Promise.all(sends);
		const before_ = sent.filter((s) => s.reply.startedAt < closesAt);
		const acked = before_.filter((s) => s.reply.status === 200);
		const refusals: Record<string, number> = {};
		for (const s of before_)
			if (s.reply.status !== 200) {
				const k = s.reply.status ? `HTTP ${s.reply.status}` : (s.reply.error ?? 'no answer');
				refusals[k] = (refusals[k] ?? 0) + 1;
				if (Object.keys(refusals).length <= 3 && refusals[k] === 1)
					errors.push(`answer ${k}: ${JSON.stringify(s.reply.body)?.slice(0, 200)}`);
			}
		const burst = acked.filter((s) => s.burst);
		const burstSpan = burst.length
			? (Math.max(...burst.map((s) => s.reply.doneAt)) - Math.min(...burst.map((s) => s.reply.startedAt))) / 1000
			: 0;
		// What a phone sees: from the tap to the acknowledgement.
		const ackLat = (list: typeof sent) => list.map((s) => s.reply.doneAt - s.reply.startedAt);

		// The host reveals once the window is over: the second broadcast.
		await sleep(closesAt - now() + 100);
		const v2 = watcher.view!.version;
		const t2 = now();
		const r2 = await t.command(api, 'reveal', v2);
		let reveal: Broadcast | null = null;
		if (r2.status === 200) {
			const rv = await watcher.until((v) => v.version > v2);
			reveal = await timeBroadcast(live, rv.version, t2, 'reveal', r2);
		} else errors.push(`reveal: HTTP ${r2.status} ${JSON.stringify(r2.body)?.slice(0, 200)}`);
		const result: QuestionResult = {
			next,
			reveal,
			sentBeforeClose: before_.length,
			acknowledged: acked.length,
			unacknowledged: before_.length - acked.length,
			onTheWireLate: before_.filter((s) => s.reply.sentAt >= closesAt).length,
			refusals,
			burst: {
				answers: burst.length,
				offeredPerSecond: Math.round(sent.filter((s) => s.burst).length / ((BURST_MS - 50) / 1000)),
				perSecond: burstSpan ? Math.round(burst.length / burstSpan) : 0,
				ackP50: round1(percentile(ackLat(burst), 50)),
				ackP95: round1(percentile(ackLat(burst), 95)),
				ackP99: round1(percentile(ackLat(burst), 99))
			},
			ackP95: round1(percentile(ackLat(acked), 95))
		};
		questions.push(result);
		log(
			`  answers: ${acked.length}/${before_.length} sent before the close acknowledged (${result.onTheWireLate} on the wire only after it); burst ${burst.length} at ${result.burst.perSecond}/s (ack p95 ${result.burst.ackP95} ms); reveal p95 ${reveal?.p95} ms`
		);
	}

	lag.disable();
	const endRss = t.pid ? rssOf(t.pid) : 0;
	clearInterval(sampler);
	const drops = streams.reduce((n, s) => n + s.drops, 0);
	watcher.close();
	for (const s of streams) s.close();
	api.close();
	answers.close();
	await t.stop();
	return {
		target: t.name,
		label: t.label,
		players: PLAYERS,
		joined: cookies.length,
		joinErrors: joinErrors.slice(0, 10),
		joinsPerSecond: Math.round(cookies.length / joinSeconds),
		connected: live.length,
		streamFailures: streamFailures.slice(0, 10),
		connectSeconds: round1(connectSeconds)!,
		questions,
		drops,
		peakRssMb: Math.round(Math.max(peakRss, endRss) / 1048576),
		endRssMb: Math.round(endRss / 1048576),
		driverLagP99: round1(lag.percentile(99) / 1e6)!,
		driverLagMax: round1(lag.max / 1e6)!,
		loadBefore: round1(loadBefore)!,
		listenOverflows: listenOverflows() - overflowsBefore,
		errors
	};
}

const targets: Target[] = values.configs.split(',').map((c) => {
	const k = c.trim();
	if (k === 'ref') return referenceTarget(PORT_BASE + 1);
	if (/^\d+$/.test(k)) return oursTarget(Number(k), PORT_BASE + 10 + Number(k));
	throw new Error(`--configs: unknown "${k}" (ref, 1, 2)`);
});

const REPEAT = Number(values.repeat);
const results: (RunResult & { run: number })[] = [];
for (let k = 1; k <= REPEAT; k++)
	for (const t of targets) {
		try {
			results.push({ ...(await run(t)), run: k });
		} catch (e) {
			await t.stop();
			throw e;
		}
	}

/**
 * One row per run: the median and the worst question (of --questions), ratios to the reference's
 * run of the same round.
 */
const worst = (r: RunResult, f: (q: QuestionResult) => number | null) => Math.max(...r.questions.map((q) => f(q) ?? Infinity));
const least = (r: RunResult, f: (q: QuestionResult) => number) => Math.min(...r.questions.map(f));
const median = (r: RunResult, f: (q: QuestionResult) => number | null) =>
	percentile(
		r.questions.map((q) => f(q) ?? Infinity),
		50
	) ?? Infinity;
const fmt = (n: number) => (Number.isFinite(n) ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(n) : '—');
const ratio = (a: number, b: number | undefined) => (b && Number.isFinite(a) && Number.isFinite(b) ? (a / b).toFixed(2) : '—');
const header = [
	'configuration',
	'players joined',
	'streams',
	'next p50 ms',
	'next p95 ms (median q. / worst q.)',
	'next p99 ms',
	'reveal p95 ms',
	'answers acked / sent before close',
	'burst offered/s',
	'burst accepted/s',
	'burst ack p95 ms',
	'peak RSS MB',
	'errors',
	'SYNs dropped',
	'driver lag p99 ms',
	'p95 ÷ ref',
	'accepted/s ÷ ref'
];
const rows = results.map((r) => {
	const ref = results.find((x) => x.target === 'reference' && x.run === r.run);
	const p95 = worst(r, (q) => q.next.p95);
	const rate = least(r, (q) => q.burst.perSecond);
	const acked = r.questions.reduce((n, q) => n + q.acknowledged, 0);
	const sent = r.questions.reduce((n, q) => n + q.sentBeforeClose, 0);
	const errs = r.joinErrors.length + r.streamFailures.length + r.drops + (sent - acked) + r.errors.length;
	return [
		REPEAT > 1 ? `${r.label} (run ${r.run})` : r.label,
		`${fmt(r.joined)} / ${fmt(r.players)}`,
		fmt(r.connected),
		fmt(worst(r, (q) => q.next.p50)),
		`${fmt(median(r, (q) => q.next.p95))} / ${fmt(p95)}`,
		fmt(worst(r, (q) => q.next.p99)),
		fmt(worst(r, (q) => q.reveal?.p95 ?? null)),
		`${fmt(acked)} / ${fmt(sent)}`,
		fmt(least(r, (q) => q.burst.offeredPerSecond)),
		fmt(rate),
		fmt(worst(r, (q) => q.burst.ackP95)),
		fmt(r.peakRssMb),
		fmt(errs),
		fmt(r.listenOverflows),
		fmt(r.driverLagP99),
		r === ref ? '1' : ratio(p95, ref && worst(ref, (q) => q.next.p95)),
		r === ref ? '1' : ratio(rate, ref && least(ref, (q) => q.burst.perSecond))
	];
});
const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
	'\n'
);
const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
const meta = {
	at: new Date().toISOString(),
	label: values.label,
	players: PLAYERS,
	questions: QUESTIONS,
	seconds: SECONDS,
	burstShare: BURST_SHARE,
	burstMs: BURST_MS,
	node: process.version,
	cores: os.availableParallelism()
};
console.log(
	`\nLive room, ${fmt(PLAYERS)} players, ${QUESTIONS} questions of ${SECONDS} s (${Math.round(BURST_SHARE * 100)} % of the answers in the last ${BURST_MS} ms); each figure the worst of the questions unless marked${REPEAT > 1 ? `; ${REPEAT} runs of each, interleaved` : ''}\n`
);
console.log(table);
fs.mkdirSync(values.out, { recursive: true });
const file = path.join(values.out, `live-${stamp}${values.label ? '-' + values.label.replace(/[^\w-]+/g, '_') : ''}.json`);
fs.writeFileSync(file, JSON.stringify({ ...meta, table, results }, null, '\t') + '\n');
console.log(`\nwritten: ${file}`);
process.exit(0); // PostgreSQL pools of the fixture, keep-alive sockets: nothing else to wait for
