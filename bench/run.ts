/**
 * npm run bench [-- --db bench/data/gen.db --duration 8 --connections 100 --only submit,... --workers 1]
 * npm run bench:engines -- --db bench/data/engines.db --database-url postgres://…/hoithi_bench_gen [--repeat 2]
 *
 * Runs each hot path with autocannon (100 connections, loopback) against the built app
 * (`node build`) and against bench/reference-server.js (same statements, bare node:http), each
 * on its own copy of the generated database, and writes bench/RESULTS.md: requests/s,
 * p50/p95/p99 latency, non-2xx answers, the server's peak RSS, and ours ÷ reference.
 * Generates the database first (npm run gen defaults) when it is missing.
 *
 * `--configs` runs ours in several configurations side by side, each against the same reference
 * (the bare server on SQLite, one process) measured in the same run: `sqlite:1,sqlite:N,pg:N`
 * (engine:workers; N = cores). PostgreSQL configurations run on a fresh copy of `--database-url`
 * (the same data set: `npm run gen -- --database-url …`), as SQLite ones do on a copy of the file.
 * `--repeat R` runs every configuration and the reference R times, interleaved (reference, then
 * each configuration, then again), and reports each figure as the range over the runs. `--engines`
 * is the issue-13 set: those three configurations, start, autosave, submit, the people-tab poll and
 * the anonymous round page, twice.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import Database from 'better-sqlite3';
import { serverArgs } from '../scripts/server-command.js';
import { cloneDatabase, databaseExists, databaseName, dropDatabase, withDatabase } from '../scripts/pg-tools';
import { redactUrl } from '../src/lib/server/db/dialect';
import { rssOf } from './proc';

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
		workers: { type: 'string', default: '1' },
		configs: { type: 'string' },
		'database-url': { type: 'string' },
		repeat: { type: 'string' },
		engines: { type: 'boolean', default: false }
	}
});
const CORES = os.availableParallelism();
/** The scenarios of the engines comparison (issue 13): the hot paths, the poll and the crowd page. */
const ENGINE_SCENARIOS = ['start', 'autosave', 'submit', 'leaderboard poll', 'round leaderboard page, anonymous viewers (one shared'];
if (values.engines) {
	values.configs ??= 'sqlite:1,sqlite:N,pg:N';
	values.repeat ??= '2';
}
const REPEAT = Number(values.repeat ?? '1');
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

/** A way of running ours: the engine and how many server processes (WORKERS). */
interface Config {
	engine: 'sqlite' | 'postgres';
	workers: number;
	/**
	 * PostgreSQL without waiting for the WAL flush at each commit (`pg-async:N`: synchronous_commit
	 * off on the copy): for comparison only — what SQLite's synchronous = NORMAL does.
	 */
	asyncCommit?: boolean;
}
const configs: Config[] = (values.configs ?? `sqlite:${values.workers}`).split(',').map((c) => {
	const [engine, w] = c.trim().split(':');
	if (engine !== 'sqlite' && engine !== 'pg' && engine !== 'pg-async')
		throw new Error(`--configs: engine "${engine}" is none of sqlite, pg, pg-async`);
	const workers = w === 'N' || w === undefined ? CORES : Number(w);
	if (!Number.isInteger(workers) || workers < 1) throw new Error(`--configs: "${c}" needs a whole number of workers (or N)`);
	return { engine: engine === 'sqlite' ? 'sqlite' : 'postgres', workers, asyncCommit: engine === 'pg-async' };
});
const sourceUrl = values['database-url'];
if (configs.some((c) => c.engine === 'postgres')) {
	if (!sourceUrl) throw new Error('--configs with pg needs --database-url (a data set from `npm run gen -- --database-url …`)');
	if (!(await databaseExists(sourceUrl)))
		throw new Error(`${redactUrl(sourceUrl)} does not exist: npm run gen -- --out ${values.db} --database-url ${redactUrl(sourceUrl)}`);
}
const configLabel = (c: Config) =>
	`${c.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${c.workers} worker${c.workers === 1 ? '' : 's'}${c.asyncCommit ? ', synchronous_commit off' : ''}`;

interface Target {
	/** A file-name-safe id: "reference", "sqlite-1", "postgres-2". */
	name: string;
	/** Ours in this configuration; none for the reference. */
	config?: Config;
	port: number;
	proc?: ChildProcess;
	peakRss: number;
}

const workPath = (name: string) => path.join(path.dirname(values.db!), `work-${name}.db`);

function copyDb(to: string) {
	for (const s of ['', '-wal', '-shm']) fs.rmSync(to + s, { force: true });
	fs.copyFileSync(values.db!, to);
}

/** The PostgreSQL database a PostgreSQL configuration runs on: a fresh copy of the source per run. */
const workUrl = (t: Target) => withDatabase(sourceUrl!, `${databaseName(sourceUrl!)}_${t.name.replaceAll('-', '_')}`);

async function onDatabase<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		return await fn(c);
	} finally {
		await c.end();
	}
}

/** CPU time (ms) of a process, from /proc (the PostgreSQL server runs on this machine). */
function cpuMs(pid: number): number {
	try {
		const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
	} catch {
		return 0;
	}
}

/**
 * What PostgreSQL did for a scenario: commits, and the CPU time of the server processes serving the
 * work database (its backends; the WAL writer and checkpointer not counted), read before and after.
 */
async function pgCounters(t: Target): Promise<{ commits: number; cpu: number }> {
	return onDatabase(workUrl(t), async (c) => {
		const r = await c.query<{ commits: string; pids: number[] }>(
			`select (select xact_commit from pg_stat_database where datname = current_database()) as commits,
			        array(select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) as pids`
		);
		return { commits: Number(r.rows[0].commits), cpu: r.rows[0].pids.reduce((sum, p) => sum + cpuMs(p), 0) };
	});
}

async function startTarget(t: Target) {
	const dbPath = workPath(t.name);
	const { DATABASE_URL: _inherited, ...inherited } = process.env;
	const onPostgres = t.config?.engine === 'postgres';
	if (onPostgres) {
		await cloneDatabase(sourceUrl!, workUrl(t));
		if (t.config!.asyncCommit)
			await onDatabase(workUrl(t), (c) => c.query(`alter database ${databaseName(workUrl(t))} set synchronous_commit = off`));
	} else copyDb(dbPath);
	const env = {
		...inherited,
		...(onPostgres ? { DATABASE_URL: workUrl(t) } : {}),
		DATABASE_PATH: dbPath,
		PORT: String(t.port),
		ORIGIN: `http://localhost:${t.port}`,
		HOITHI_DISABLE_RATE_LIMITS: '1',
		NODE_ENV: 'production',
		HOITHI_ALLOW_DEV_SECRET: '1',
		WORKERS: String(t.config?.workers ?? 1)
	};
	t.proc = spawn(process.execPath, t.config ? serverArgs() : ['bench/reference-server.js'], {
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
const wanted = values.only?.split(',') ?? (values.engines ? ENGINE_SCENARIOS : undefined);
const selected = scenarios.filter((s) => !wanted || wanted.some((w) => s.name.startsWith(w)));

const oursPort = Number(process.env.BENCH_PORT_OURS ?? 4600);
const reference: Target = { name: 'reference', port: Number(process.env.BENCH_PORT_REF ?? 4601), peakRss: 0 };
const targets: Target[] = [
	...configs.map((config) => ({
		name: `${config.engine}-${config.workers}${config.asyncCommit ? '-async' : ''}`,
		config,
		port: oursPort,
		peakRss: 0
	})),
	reference
];
if (new Set(targets.map((t) => t.name)).size < targets.length) throw new Error('--configs names a configuration twice');

/** Every scenario on one target (a fresh copy of the data, fresh attempts to hand in); the figures in scenario order. */
async function runTarget(t: Target, run: number): Promise<Result[]> {
	takerCursor = 0;
	wrapped = false;
	t.peakRss = 0;
	await startTarget(t);
	const tag = (t.config ? configLabel(t.config) : 'reference') + (REPEAT > 1 ? ` #${run + 1}` : '');
	const rs: Result[] = [];
	try {
		for (const s of selected) {
			if (Number(values.warmup) > 0) await load(t, () => ({ method: 'GET', path: '/' }), 10, Number(values.warmup)); // warm-up
			const before = t.config?.engine === 'postgres' ? await pgCounters(t) : undefined;
			const r = await s.run(t);
			console.log(
				`${tag.padEnd(24)} ${s.name.slice(0, 58).padEnd(58)} ${r.rps.toFixed(0).padStart(6)}/s  p50 ${r.p50} ms  p95 ${r.p95} ms  p99 ${r.p99} ms  max ${r.max} ms  non-2xx ${r.non2xx}/${r.total}  rss ${(r.peakRss / 1e6).toFixed(0)} MB`
			);
			if (r.background)
				console.log(
					`${''.padEnd(25)}meanwhile hand-ins: ${r.background.rps.toFixed(0)}/s, p99 ${r.background.p99} ms, non-2xx ${r.background.non2xx}/${r.background.total}`
				);
			if (before) {
				await new Promise((resolve) => setTimeout(resolve, 1000)); // statistics are sent at most once a second
				const after = await pgCounters(t);
				const requests = r.total + (r.background?.total ?? 0);
				console.log(
					`${''.padEnd(25)}PostgreSQL: ${((after.commits - before.commits) / requests).toFixed(2)} transactions (read-only ones included) and ${((after.cpu - before.cpu) / requests).toFixed(3)} ms of backend CPU per request`
				);
			}
			rs.push(r);
		}
	} finally {
		t.proc!.kill('SIGTERM');
		await new Promise((r) => t.proc!.once('exit', r));
		for (const s of ['', '-wal', '-shm']) fs.rmSync(workPath(t.name) + s, { force: true });
		if (t.config?.engine === 'postgres') await dropDatabase(workUrl(t));
	}
	return rs;
}

/** runs[r].get(target name)[scenario index]: the reference first in each run, then the configurations. */
const runs: Map<string, Result[]>[] = [];
for (let r = 0; r < REPEAT; r++) {
	const byTarget = new Map<string, Result[]>();
	for (const t of [reference, ...targets.filter((x) => x.config)]) byTarget.set(t.name, await runTarget(t, r));
	runs.push(byTarget);
}

const mb = (n: number) => (n / 1e6).toFixed(0);
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const database = `Database: ${counts.users.toLocaleString('en')} users, ${counts.attempts.toLocaleString('en')} attempts · ${CONNECTIONS} connections · ${DURATION} s per run · load generator on the same ${os.cpus().length}-core machine`;
let lines: string[];
if (configs.length === 1 && REPEAT === 1) {
	const byTarget = runs[0];
	const ours = byTarget.get(targets[0].name)!;
	const ref = byTarget.get('reference')!;
	lines = [
		`### ${values.label || 'Run'} — ${when} UTC`,
		'',
		database + '.',
		'',
		'| path | budget | ours req/s | p50 / p95 / p99 ms | non-2xx | reference req/s | ref p50 / p95 / p99 ms | ours ÷ ref | peak RSS ours |',
		'|---|---|---:|---|---:|---:|---|---:|---:|',
		...selected.map(
			(scenario, i) =>
				`| ${scenario.name} | ${scenario.budget} | ${ours[i].rps.toFixed(0)} | ${ours[i].p50} / ${ours[i].p95} / ${ours[i].p99} | ${ours[i].non2xx} | ${ref[i].rps.toFixed(0)} | ${ref[i].p50} / ${ref[i].p95} / ${ref[i].p99} | ${(ours[i].rps / ref[i].rps).toFixed(2)} | ${mb(ours[i].peakRss)} MB |`
		),
		''
	];
} else {
	/** The range of a figure over the runs: "3,410–3,520", or one number when they agree. */
	const range = (xs: number[], f: (n: number) => string) => {
		const lo = f(Math.min(...xs));
		const hi = f(Math.max(...xs));
		return lo === hi ? lo : `${lo}–${hi}`;
	};
	const int = (n: number) => Math.round(n).toLocaleString('en');
	const ms = (n: number) => String(round1(n));
	const ratio = (n: number) => n.toFixed(2);
	const of = (name: string, i: number) => runs.map((byTarget) => byTarget.get(name)![i]);
	const row = (scenario: Scenario, i: number, t: Target) => {
		const rs = of(t.name, i);
		const refs = of('reference', i);
		const bg = rs.map((r) => r.background).filter((b) => b !== undefined);
		return [
			scenario.name,
			scenario.budget,
			t.config ? configLabel(t.config) : 'reference (bare node:http, SQLite, 1 process)',
			range(
				rs.map((r) => r.rps),
				int
			),
			`${range(
				rs.map((r) => r.p50),
				ms
			)} / ${range(
				rs.map((r) => r.p95),
				ms
			)} / ${range(
				rs.map((r) => r.p99),
				ms
			)}`,
			range(
				rs.map((r) => r.non2xx),
				int
			),
			bg.length
				? `${range(
						bg.map((b) => b.rps),
						int
					)} (non-2xx ${range(
						bg.map((b) => b.non2xx),
						int
					)})`
				: '—',
			`${range(
				rs.map((r) => r.peakRss / 1e6),
				(n) => n.toFixed(0)
			)} MB`,
			t.config
				? range(
						rs.map((r, k) => r.rps / refs[k].rps),
						ratio
					)
				: '1'
		];
	};
	lines = [
		`### ${values.label || 'Engines side by side'} — ${when} UTC`,
		'',
		`${database}; ${REPEAT} run${REPEAT === 1 ? '' : 's'} of every configuration, interleaved, each figure the range over them. The reference is always the bare server on SQLite in one process (measured in the same run as each ratio); PostgreSQL ${sourceUrl ? 'runs on the same machine, its server sharing the cores, with the same data (a fresh copy per run); its RSS is not in the peak RSS column' : 'was not run'}.`,
		'',
		'| path | budget | configuration | req/s | p50 / p95 / p99 ms | non-2xx | hand-ins meanwhile /s | peak RSS | ÷ reference |',
		'|---|---|---|---:|---|---:|---:|---:|---:|',
		...selected.flatMap((scenario, i) =>
			[...targets.filter((t) => t.config), reference].map((t) => `| ${row(scenario, i, t).join(' | ')} |`)
		),
		''
	];
}
fs.mkdirSync(path.dirname(values.out!), { recursive: true });
const header = '# Benchmark results\n\nWritten by `npm run bench` (bench/run.ts). Newest run first.\n\n';
const previous = fs.existsSync(values.out!) ? fs.readFileSync(values.out!, 'utf8').replace(header, '') : '';
fs.writeFileSync(values.out!, header + lines.join('\n') + '\n' + previous);
console.log(lines.join('\n'));
