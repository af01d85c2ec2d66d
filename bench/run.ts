/**
 * npm run bench [-- --db bench/data/gen.db --duration 8 --connections 100 --only submit,... --workers 1]
 *
 * Runs each hot path with autocannon (100 connections, loopback) against the built app
 * (`node build`) and against bench/reference-server.js (same statements, bare node:http), each
 * on its own copy of the generated database, and writes bench/RESULTS.md: requests/s,
 * p50/p95/p99 latency, non-2xx answers, the server's peak RSS, and ours ÷ reference.
 * Generates the database first (npm run gen defaults) when it is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import os from 'node:os';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { serverArgs } from '../scripts/server-command.js';

const { values } = parseArgs({
	options: {
		db: { type: 'string', default: 'bench/data/gen.db' },
		duration: { type: 'string', default: '8' },
		warmup: { type: 'string', default: '2' },
		connections: { type: 'string', default: '100' },
		only: { type: 'string' },
		out: { type: 'string', default: 'bench/RESULTS.md' },
		label: { type: 'string', default: '' },
		gen: { type: 'string' }, // e.g. "200000,1000000" to (re)generate first
		// Server processes of ours (WORKERS; the reference is always one). RSS is then the sum of all.
		workers: { type: 'string', default: '1' }
	}
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);

if (values.gen || !fs.existsSync(values.db!)) {
	const [p, a] = (values.gen ?? '200000,1000000').split(',');
	const r = spawnSync(
		process.execPath,
		['node_modules/tsx/dist/cli.mjs', 'scripts/gen.ts', '--participants', p, '--attempts', a, '--out', values.db!],
		{ stdio: 'inherit' }
	);
	if (r.status !== 0) process.exit(1);
}
if (!fs.existsSync('build/index.js')) {
	console.error('No build/: run `npm run build` first.');
	process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(values.db + '.bench.json', 'utf8')) as {
	starters: string[];
	/** Participants with a result in the open round (their own rank is looked up on every poll). */
	watchers: string[];
	takers: { token: string; attemptId: number; questions: { id: number; options: string[] }[] }[];
	openRoundId: number;
	closedRoundId: number;
};
const counts = (() => {
	const d = new Database(values.db!, { readonly: true });
	const n = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
	const r = { users: n('select count(*) n from users'), attempts: n('select count(*) n from attempts') };
	d.close();
	return r;
})();

interface Target {
	name: 'ours' | 'reference';
	port: number;
	proc?: ChildProcess;
	peakRss: number;
}

const workPath = (name: string) => path.join(path.dirname(values.db!), `work-${name}.db`);

function copyDb(to: string) {
	for (const s of ['', '-wal', '-shm']) fs.rmSync(to + s, { force: true });
	fs.copyFileSync(values.db!, to);
}

async function startTarget(t: Target) {
	const dbPath = workPath(t.name);
	copyDb(dbPath);
	const env = {
		...process.env,
		DATABASE_PATH: dbPath,
		PORT: String(t.port),
		ORIGIN: `http://localhost:${t.port}`,
		HOITHI_DISABLE_RATE_LIMITS: '1',
		NODE_ENV: 'production',
		HOITHI_ALLOW_DEV_SECRET: '1',
		WORKERS: values.workers!
	};
	t.proc = spawn(process.execPath, t.name === 'ours' ? serverArgs() : ['bench/reference-server.js'], {
		env,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 300; i++) {
		try {
			await fetch(`http://localhost:${t.port}/`);
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error(`${t.name} did not start`);
}

/** The resident memory of a process and its children (a cluster's workers). */
function rssOf(pid: number): number {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
		return (m ? Number(m[1]) * 1024 : 0) + children.reduce((sum, c) => sum + rssOf(c), 0);
	} catch {
		return 0;
	}
}

interface Result {
	/** The hand-ins running meanwhile, when the scenario has them. */
	background?: Result;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	non2xx: number;
	total: number;
	peakRss: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pct = (sorted: number[], p: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

/** One autocannon run; latencies collected per response so p95 is exact. */
async function load(
	t: Target,
	request: (i: number) => { method: string; path: string; headers?: Record<string, string>; body?: string },
	connections = CONNECTIONS,
	duration = DURATION,
	/** Offered load in requests/s over all connections (open loop); unset = as fast as answered. */
	rate?: number
): Promise<Result> {
	let i = 0;
	const latencies: number[] = [];
	let non2xx = 0;
	let peakRss = 0;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(t.proc!.pid!))), 200);
	const instance = autocannon({
		url: `http://localhost:${t.port}`,
		connections,
		duration,
		...(rate ? { overallRate: rate } : {}),
		requests: [
			{
				setupRequest: (req: Record<string, unknown>) => {
					const r = request(i++);
					return { ...req, method: r.method, path: r.path, headers: { ...(r.headers ?? {}) }, body: r.body };
				}
			}
		]
	});
	instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
		latencies.push(responseTime);
		if (statusCode < 200 || statusCode >= 300) non2xx++;
	});
	const res = await instance;
	clearInterval(sampler);
	latencies.sort((a, b) => a - b);
	t.peakRss = Math.max(t.peakRss, peakRss);
	return {
		rps: latencies.length / (res.duration || duration),
		p50: round1(pct(latencies, 50)),
		p95: round1(pct(latencies, 95)),
		p99: round1(pct(latencies, 99)),
		max: round1(latencies.at(-1) ?? 0),
		non2xx,
		total: latencies.length,
		peakRss
	};
}

/** Who polls the leaderboard: people with a result in the round (older data sets: starters). */
const viewers = manifest.watchers?.length ? manifest.watchers : manifest.starters;

/**
 * Every hand-in uses an attempt that is still open (a fresh one per request, across all scenarios
 * of a target), so no figure is flattered by repeated submits that only return a stored result.
 */
let takerCursor = 0;
let wrapped = false;
function freshTaker() {
	if (takerCursor >= manifest.takers.length && !wrapped) {
		wrapped = true;
		console.warn(`! all ${manifest.takers.length} open attempts used: later hand-ins are repeats (generate more with --bench-users)`);
	}
	return manifest.takers[takerCursor++ % manifest.takers.length];
}

// Browsers carry the device cookie too (set on their first visit); its id is any 32-char base32 string.
const cookie = (token: string) => ({ cookie: `hoithi_session=${token}; hoithi_device=${token.split('.')[0]}` });
/** What every browser sends with a page request (the shared pages are stored gzipped too). */
const browser = { 'accept-encoding': 'gzip, deflate, br' };
/** A browser without a session: most of the crowd on a results page (a device cookie from an earlier visit to the login page). */
const withoutSession = (token: string) => ({ cookie: `hoithi_device=${token.split('.')[0]}` });
const anonymous = (token: string) => ({ ...withoutSession(token), ...browser });
/** What a browser's fetch from our own page sends with every API write (the server refuses writes without both). */
const json = (t: Target) => ({ 'content-type': 'application/json', origin: `http://localhost:${t.port}` });

/**
 * Hand-ins per second in the background of the leaderboard scenarios: a fixed rate (60,000 a minute,
 * the whole city handing in at once), so both servers carry the same write load while their polls
 * are measured.
 */
const WRITER_RATE = 1000;

/**
 * Viewers GET `path` (100 connections, as fast as answered) while 20 connections hand in fresh
 * attempts at WRITER_RATE; the viewers' figures, with the hand-ins' as `background`. Viewers are
 * logged in (the participants with a result: own rank looked up) or anonymous.
 */
async function duringHandIns(t: Target, path: string, viewer: (token: string) => Record<string, string> = cookie): Promise<Result> {
	const writers = load(
		t,
		() => {
			const a = freshTaker();
			return {
				method: 'POST',
				path: `/api/attempts/${a.attemptId}/submit`,
				headers: { ...cookie(a.token), ...json(t) },
				body: '{"prediction":5}'
			};
		},
		20,
		DURATION,
		WRITER_RATE
	);
	const viewing = load(t, (i) => ({ method: 'GET', path, headers: viewer(viewers[i % viewers.length]) }));
	const [r, w] = await Promise.all([viewing, writers]);
	return { ...r, background: w };
}

type Scenario = { name: string; budget: string; run: (t: Target) => Promise<Result> };
const scenarios: Scenario[] = [
	{
		name: 'framework floor: GET /api/health (no database)',
		budget: '—',
		run: (t) => load(t, () => ({ method: 'GET', path: '/api/health' }))
	},
	{ name: 'home page (SSR)', budget: '≥ 1,500/s', run: (t) => load(t, () => ({ method: 'GET', path: '/' })) },
	{
		name: 'attempt page (SSR, logged in)',
		budget: '≥ 1,500/s',
		run: (t) =>
			load(t, (i) => ({
				method: 'GET',
				path: `/rounds/${manifest.openRoundId}/attempt`,
				headers: cookie(manifest.takers[i % manifest.takers.length].token)
			}))
	},
	{
		name: 'start attempt (distinct people)',
		budget: '≥ 1,500/s',
		run: (t) =>
			load(t, (i) => ({
				method: 'POST',
				path: `/api/rounds/${manifest.openRoundId}/attempts`,
				headers: { ...cookie(manifest.starters[i % manifest.starters.length]), ...json(t) }
			}))
	},
	{
		name: 'autosave answer',
		budget: '≥ 3,000/s, p99 < 100 ms',
		run: (t) =>
			load(t, (i) => {
				const a = manifest.takers[i % manifest.takers.length];
				const q = a.questions[Math.floor(i / manifest.takers.length) % a.questions.length];
				return {
					method: 'PUT',
					path: `/api/attempts/${a.attemptId}/answers`,
					headers: { ...cookie(a.token), ...json(t) },
					body: JSON.stringify({ questionId: q.id, optionIds: [q.options[i % q.options.length]] })
				};
			})
	},
	{
		name: 'submit attempt (distinct attempts)',
		budget: '≥ 3,000/s, p99 < 100 ms',
		run: (t) =>
			load(t, (i) => {
				const a = freshTaker();
				return {
					method: 'POST',
					path: `/api/attempts/${a.attemptId}/submit`,
					headers: { ...cookie(a.token), ...json(t) },
					body: JSON.stringify({ prediction: 1000 + (i % 5000) })
				};
			})
	},
	{
		name: 'leaderboard poll: top 50 + own rank (people tab, viewers ranked anywhere), while 1,000 hand-ins/s run',
		budget: 'p95 < 20 ms, ≥ 2,000/s',
		run: (t) => duringHandIns(t, `/api/leaderboard?round=${manifest.openRoundId}&units=0`)
	},
	{
		name: 'unit ranking poll: all units + top 50 + own rank (units tab), while 1,000 hand-ins/s run',
		budget: 'p95 < 20 ms, ≥ 2,000/s',
		run: (t) => duringHandIns(t, `/api/leaderboard?round=${manifest.openRoundId}`)
	},
	{
		name: 'round leaderboard page, anonymous viewers (one shared rendering), while 1,000 hand-ins/s run',
		budget: '≥ 2,000/s, p95 < 50 ms, RSS < 300 MB',
		run: (t) => duringHandIns(t, `/rounds/${manifest.openRoundId}/leaderboard`, anonymous)
	},
	{
		name: 'round leaderboard page, anonymous viewers without Accept-Encoding (27 kB uncompressed), while 1,000 hand-ins/s run',
		budget: '— (for comparison)',
		run: (t) => duringHandIns(t, `/rounds/${manifest.openRoundId}/leaderboard`, withoutSession)
	},
	{
		name: 'home page, anonymous viewers (one shared rendering), while 1,000 hand-ins/s run',
		budget: '≥ 2,000/s, p95 < 50 ms, RSS < 300 MB',
		run: (t) => duringHandIns(t, '/', anonymous)
	},
	{
		name: 'round leaderboard page, logged-in viewers (own render, own row), while 1,000 hand-ins/s run',
		budget: '— (for comparison)',
		run: (t) => duringHandIns(t, `/rounds/${manifest.openRoundId}/leaderboard`, (token) => ({ ...cookie(token), ...browser }))
	}
];
const wanted = values.only?.split(',');
const selected = scenarios.filter((s) => !wanted || wanted.some((w) => s.name.startsWith(w)));

const results: { scenario: Scenario; ours: Result; ref: Result }[] = [];
const targets: Target[] = [
	{ name: 'ours', port: Number(process.env.BENCH_PORT_OURS ?? 4600), peakRss: 0 },
	{ name: 'reference', port: Number(process.env.BENCH_PORT_REF ?? 4601), peakRss: 0 }
];
const byTarget = new Map<string, Result[]>();
for (const t of targets) {
	takerCursor = 0;
	wrapped = false;
	await startTarget(t);
	const rs: Result[] = [];
	for (const s of selected) {
		if (Number(values.warmup) > 0) await load(t, () => ({ method: 'GET', path: '/' }), 10, Number(values.warmup)); // warm-up
		const r = await s.run(t);
		console.log(
			`${t.name.padEnd(9)} ${s.name.padEnd(58)} ${r.rps.toFixed(0).padStart(6)}/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  max ${r.max} ms  non-2xx ${r.non2xx}/${r.total}  rss ${(r.peakRss / 1e6).toFixed(0)} MB`
		);
		if (r.background)
			console.log(
				`${''.padEnd(10)}meanwhile hand-ins: ${r.background.rps.toFixed(0)}/s, p99 ${r.background.p99} ms, non-2xx ${r.background.non2xx}/${r.background.total}`
			);
		rs.push(r);
	}
	byTarget.set(t.name, rs);
	t.proc!.kill('SIGTERM');
	await new Promise((r) => t.proc!.once('exit', r));
}
selected.forEach((scenario, i) => results.push({ scenario, ours: byTarget.get('ours')![i], ref: byTarget.get('reference')![i] }));

const mb = (n: number) => (n / 1e6).toFixed(0);
const lines = [
	`### ${values.label || 'Run'} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
	'',
	`Database: ${counts.users.toLocaleString('en')} users, ${counts.attempts.toLocaleString('en')} attempts · ${CONNECTIONS} connections · ${DURATION} s per run · load generator on the same ${os.cpus().length}-core machine.`,
	'',
	'| path | budget | ours req/s | p50 / p95 / p99 ms | non-2xx | reference req/s | ref p50 / p95 / p99 ms | ours ÷ ref | peak RSS ours |',
	'|---|---|---:|---|---:|---:|---|---:|---:|',
	...results.map(
		({ scenario, ours, ref }) =>
			`| ${scenario.name} | ${scenario.budget} | ${ours.rps.toFixed(0)} | ${ours.p50} / ${ours.p95} / ${ours.p99} | ${ours.non2xx} | ${ref.rps.toFixed(0)} | ${ref.p50} / ${ref.p95} / ${ref.p99} | ${(ours.rps / ref.rps).toFixed(2)} | ${mb(ours.peakRss)} MB |`
	),
	''
];
fs.mkdirSync(path.dirname(values.out!), { recursive: true });
const header = '# Benchmark results\n\nWritten by `npm run bench` (bench/run.ts). Newest run first.\n\n';
const previous = fs.existsSync(values.out!) ? fs.readFileSync(values.out!, 'utf8').replace(header, '') : '';
fs.writeFileSync(values.out!, header + lines.join('\n') + '\n' + previous);
console.log(lines.join('\n'));
for (const s of ['', '-wal', '-shm']) for (const t of targets) fs.rmSync(workPath(t.name) + s, { force: true });
