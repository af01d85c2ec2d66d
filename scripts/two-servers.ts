/**
 * npm run trial:two-servers — the several-machines shape of docs/deploy.md on this machine: two app
 * servers (the built `scripts/serve.js`, on ports P+1 and P+2) behind nginx (port P) on one fresh
 * PostgreSQL database, then, through nginx:
 *   1. 20 simultaneous registrations with one phone (exactly one may win),
 *   2. 50 simultaneous starts by one person (one open attempt) and 50 hand-ins of it (scored once),
 *   3. 16 clients registering, starting, autosaving and handing in without pause, a kill -9 of the
 *      first app server after 4 s, 5 s more on the second alone; then every write that got a
 *      success answer is looked up in the database.
 * Exits 1 if a check fails. Needs `npm run build`, Debian's nginx, and a PostgreSQL role that may
 * create databases (TEST_DATABASE_URL, default postgres://hoithi:hoithi@127.0.0.1:5432/postgres).
 *
 *   npm run trial:two-servers -- [--port 4570]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Client, freshPhone, registration } from '../tests/integration/client';
import { createDatabase, dropDatabase, withDatabase } from './pg-tools';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4570' } } });
const PORT = Number(values.port);
const ADMIN = process.env.TEST_DATABASE_URL || 'postgres://hoithi:hoithi@127.0.0.1:5432/postgres';
const URL_ = withDatabase(ADMIN, `${process.env.TEST_DATABASE_PREFIX || 'hoithi_tests_'}two_servers_${process.pid}`);
const BASE = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-two-servers-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const log = (m: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${m}`);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
	log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) failures.push(what);
};

const env = {
	...process.env,
	DATABASE_URL: URL_,
	NODE_ENV: 'production',
	HOITHI_ALLOW_DEV_SECRET: '1',
	HOITHI_DISABLE_RATE_LIMITS: '1',
	ORIGIN: BASE,
	// Two servers by hand on one database (README: Configuration).
	SERVER_PROCESSES: '2',
	WORKERS: '1',
	HOST: '127.0.0.1',
	BODY_SIZE_LIMIT: '6M'
};

fs.writeFileSync(
	path.join(dir, 'nginx.conf'),
	`worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
	log_format up '$upstream_addr $status $request_method $uri';
	access_log ${dir}/access.log up;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	upstream hoithi {
		server 127.0.0.1:${PORT + 1} max_fails=1 fail_timeout=10s;
		server 127.0.0.1:${PORT + 2} max_fails=1 fail_timeout=10s;
		keepalive 32;
	}
	server {
		listen 127.0.0.1:${PORT};
		client_max_body_size 6m;
		location / {
			proxy_pass http://hoithi;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
		}
	}
}
`
);

function run(cmd: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) =>
		spawn(cmd, args, { cwd: root, env, stdio: 'ignore' }).on('exit', (c) =>
			c === 0 ? resolve() : reject(new Error(`${cmd} ${args[0]} exited ${c}`))
		)
	);
}

function app(port: number): ChildProcess {
	return spawn(process.execPath, ['--max-old-space-size=192', 'scripts/serve.js'], {
		cwd: root,
		env: { ...env, PORT: String(port) },
		stdio: 'ignore'
	});
}

async function up(port: number) {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/api/rounds/current`)).ok) return;
		} catch {
			/* not yet */
		}
		await sleep(100);
	}
	throw new Error(`nothing answers on port ${port}`);
}

await createDatabase(URL_);
const children: ChildProcess[] = [];
const db = new pg.Client({ connectionString: URL_ });
try {
	await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts']);
	const [a, b] = [app(PORT + 1), app(PORT + 2)];
	children.push(a, b);
	await Promise.all([up(PORT + 1), up(PORT + 2)]);
	const nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: 'inherit' });
	children.push(nginx);
	await up(PORT);
	await db.connect();
	const count = async (q: string, ...params: unknown[]) => (await db.query<{ n: number }>(q, params)).rows[0].n;
	log(`seeded; app servers on ${PORT + 1} (pid ${a.pid}) and ${PORT + 2} (pid ${b.pid}), nginx on ${PORT}`);
	const round = ((await (await fetch(BASE + '/api/rounds/current')).json()).rounds as { id: number }[])[0].id;

	const phone = freshPhone();
	const regs = await Promise.all(Array.from({ length: 20 }, () => new Client(BASE).action('/register', registration({ phone }))));
	check(
		regs.filter((r) => r.body?.type === 'redirect').length === 1 &&
			(await count('select count(*)::int as n from users where phone = $1', '+84' + phone.slice(1))) === 1,
		'20 simultaneous registrations with one phone: one account'
	);

	const me = new Client(BASE);
	await me.action('/register', registration({ phone: freshPhone() }));
	const starts = await Promise.all(
		Array.from({ length: 50 }, async () => {
			const r = await me.json('POST', `/api/rounds/${round}/attempts`);
			return { ok: r.ok, id: r.ok ? ((await r.json()) as { attemptId: number }).attemptId : null };
		})
	);
	const ids = new Set(starts.map((s) => s.id));
	check(starts.every((s) => s.ok) && ids.size === 1, '50 simultaneous starts by one person: one attempt, every answer its view');
	const attemptId = [...ids][0]!;
	const subs = await Promise.all(
		Array.from({ length: 50 }, async () => {
			const r = await me.json('POST', `/api/attempts/${attemptId}/submit`, { prediction: 5 });
			return { ok: r.ok, body: await r.text() };
		})
	);
	check(
		subs.every((s) => s.ok) &&
			new Set(subs.map((s) => s.body)).size === 1 &&
			(await count("select count(*)::int as n from attempts where id = $1 and status = 'submitted'", attemptId)) === 1,
		'50 simultaneous hand-ins of it: scored once, the same answer to all'
	);

	const acked = { reg: [] as string[], start: [] as number[], save: [] as [number, number, string][], submit: [] as number[] };
	let stop = false;
	let failed = 0;
	const total = () => acked.reg.length + acked.start.length + acked.save.length + acked.submit.length;
	async function participant() {
		while (!stop) {
			try {
				const c = new Client(BASE);
				const p = freshPhone();
				if ((await c.action('/register', registration({ phone: p }))).body?.type !== 'redirect') {
					failed++;
					continue;
				}
				acked.reg.push('+84' + p.slice(1));
				const s = await c.json('POST', `/api/rounds/${round}/attempts`);
				if (!s.ok) {
					failed++;
					continue;
				}
				const v = (await s.json()) as { attemptId: number; questions: { id: number; options: { id: string }[] }[] };
				acked.start.push(v.attemptId);
				for (const q of v.questions.slice(0, 3)) {
					const w = await c.json('PUT', `/api/attempts/${v.attemptId}/answers`, { questionId: q.id, optionIds: [q.options[0].id] });
					if (w.status === 204) acked.save.push([v.attemptId, q.id, JSON.stringify([q.options[0].id])]);
					else failed++;
				}
				if ((await c.json('POST', `/api/attempts/${v.attemptId}/submit`, { prediction: 3 })).ok) acked.submit.push(v.attemptId);
				else failed++;
			} catch {
				failed++;
			}
		}
	}
	const load = Array.from({ length: 16 }, participant);
	await sleep(4000);
	a.kill('SIGKILL');
	log(`kill -9 of the app server on ${PORT + 1} after ${total()} acknowledged writes`);
	await sleep(5000);
	stop = true;
	await Promise.all(load);
	let missing = 0;
	for (const p of acked.reg) if ((await count('select count(*)::int as n from users where phone = $1', p)) !== 1) missing++;
	for (const id of acked.start) if ((await count('select count(*)::int as n from attempts where id = $1', id)) !== 1) missing++;
	for (const [id, q, o] of acked.save)
		if (
			(await count(
				'select count(*)::int as n from attempt_answers where attempt_id = $1 and question_id = $2 and option_ids_json = $3',
				id,
				q,
				o
			)) !== 1
		)
			missing++;
	for (const id of acked.submit)
		if ((await count("select count(*)::int as n from attempts where id = $1 and status = 'submitted' and score is not null", id)) !== 1)
			missing++;
	log(
		`load: ${total()} acknowledged writes (${acked.reg.length} registrations, ${acked.start.length} starts, ` +
			`${acked.save.length} autosaves, ${acked.submit.length} hand-ins); ${failed} refused or cut (in flight on the killed server)`
	);
	const served = fs
		.readFileSync(path.join(dir, 'access.log'), 'utf8')
		.split('\n')
		.filter(Boolean)
		.reduce<Record<string, number>>((m, l) => ((m[l.split(' ')[0]] = (m[l.split(' ')[0]] ?? 0) + 1), m), {});
	log(`requests per upstream (nginx): ${JSON.stringify(served)}`);
	check(missing === 0, `every acknowledged write is in the database (missing: ${missing})`);
} finally {
	for (const c of children) c.kill('SIGTERM');
	await db.end().catch(() => {});
	await sleep(500);
	await dropDatabase(URL_);
	fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failures.length ? 1 : 0);
