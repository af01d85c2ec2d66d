#!/usr/bin/env node
// @ts-nocheck — a plain-JS load script (node runs it without a build step); checked by its own assertions.
/**
 * Crash safety: runs the built server on a file database, lets many clients over loopback
 * register, start attempts, autosave and hand in without pause, SIGKILLs the server at a random
 * moment while that load is running (never on an idle server), restarts it, and checks that every
 * write that got a success response is there exactly once and that PRAGMA integrity_check is ok.
 * On PostgreSQL (TEST_ENGINE=postgres, as `npm run test:pg` sets it; scripts/test-db.js) the server
 * runs on a fresh database of its own instead; the kill takes the app, never PostgreSQL, and the
 * integrity check is amcheck's of every index against its table.
 * With `--workers N` (> 1) the server is a cluster: the kill takes the primary and every worker
 * (`--kill server`), or one worker only (`--kill worker`: the primary starts it again while the
 * others keep answering; no restart of the server is needed then).
 *
 *   npm run test:crash -- [--runs 5] [--clients 40] [--port 4575] [--min-acked 300] [--window 3000] [--workers 1] [--kill server]
 *
 * Exported as runCrash() for the short version in tests/integration/crash.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverArgs } from './server-command.js';
import {
	assertMigratedOnPostgres,
	createTestDatabase,
	dropTestDatabase,
	integrityCheck,
	openTestDatabase,
	postgresAdminUrl,
	testDatabaseName,
	withDatabase
} from './test-db.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const REQUEST_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 15_000;

function startServer(target, port, workers) {
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, serverArgs(), {
		cwd: root,
		env: {
			...withDatabase(process.env, target),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			HOITHI_DISABLE_RATE_LIMITS: '1',
			NODE_ENV: 'production',
			HOITHI_ALLOW_DEV_SECRET: '1',
			BODY_SIZE_LIMIT: '6M',
			WORKERS: String(workers)
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (d) => (stderr += d));
	// The cluster primary names every worker it starts: [hoithi] worker 2 started (pid 1234).
	const workerPids = [];
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (d) => {
		for (const m of d.matchAll(/worker \d+ started \(pid (\d+)\)/g)) workerPids.push(Number(m[1]));
	});
	return { child, url, stderr: () => stderr, workerPids };
}

/** Whether a process is still there (and not a zombie nobody has reaped). */
function alive(pid) {
	try {
		return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

async function waitUp(url, child) {
	for (let i = 0; i < 200; i++) {
		if (child.exitCode != null) throw new Error('server exited early');
		try {
			if ((await fetch(url + '/api/rounds/current')).ok) return;
		} catch {
			/* not yet */
		}
		await sleep(50);
	}
	throw new Error('server did not start');
}

/** Logs in a new account through the registration form; the session cookie is all a client needs. */
async function register(url, phone) {
	const form = new URLSearchParams({
		fullName: 'Người Thử Tải',
		birthDate: '1990-01-01',
		gender: 'female',
		phone,
		email: '',
		nationalId: '',
		unitCode: '005',
		groupId: '1',
		password: 'mat-khau-du-dai',
		consent: 'on'
	});
	const res = await fetch(url + '/register', {
		method: 'POST',
		body: form,
		redirect: 'manual',
		headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('hoithi_session='));
	return cookie ? { ok: true, cookie } : { ok: false, status: res.status, text: (await res.text()).slice(0, 200) };
}

const MAX_ATTEMPTS = 3; // the demo's open round allows 3 attempts per person

/**
 * One run: seed a fresh file database, start the built server, and let `clients` clients write
 * without pause — register, start an attempt, autosave (changing answers as people do), hand in,
 * start the next attempt, and register a fresh account when the round's attempts are used up —
 * until the server is killed. The kill comes once at least `minAcked` writes were acknowledged,
 * at a random moment `0…windowMs` later, so it always lands in the middle of the load; the
 * requests outstanding at that moment are counted (`inFlightAtKill`).
 *
 * After a restart on the same file every acknowledged write must be there exactly once: an
 * autosave's row holds its options (or those of a later write to the same question), a hand-in
 * its score, time and attempt number, a started attempt its row and number, a registration its
 * account. A write whose answer never arrived may or may not be there; a refused one must not.
 *
 * `sabotage` (for the test of this check): between the kill and the restart, delete one
 * acknowledged autosave and one acknowledged attempt from the file; `sabotaged` names them, and
 * they must show up in `missing`.
 *
 * `postgres` (an admin URL; by default TEST_DATABASE_URL when TEST_ENGINE=postgres): the same on a
 * fresh PostgreSQL database `hoithi_tests_crash_<port>`, dropped afterwards.
 */
export async function runCrash({
	clients = 40,
	port = 4575,
	minAcked = 300,
	windowMs = 3000,
	sabotage = false,
	workers = 1,
	kill = /** @type {'server' | 'worker'} */ ('server'),
	dbPath = path.join(root, `test-results/crash-${port}.db`),
	postgres = postgresAdminUrl(),
	log = /** @type {(r: object) => void} */ (() => {})
} = {}) {
	if (kill === 'worker' && workers < 2) throw new Error('--kill worker needs --workers 2 or more');
	const pgName = testDatabaseName(`crash_${port}`);
	const target = { dbPath, url: postgres ? await createTestDatabase(postgres, pgName) : undefined };
	const database = target.url ?? dbPath;
	const removeDatabase = async () => {
		if (postgres) await dropTestDatabase(postgres, pgName);
		else for (const s of ['', '-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
	};
	if (!postgres) {
		fs.mkdirSync(path.dirname(dbPath), { recursive: true });
		await removeDatabase();
	}
	const seed = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/seed.ts'], {
		cwd: root,
		env: withDatabase(process.env, target),
		encoding: 'utf8'
	});
	if (seed.status !== 0) {
		await removeDatabase();
		throw new Error('seed failed: ' + seed.stderr);
	}
	if (target.url) await assertMigratedOnPostgres(target.url);

	let server = startServer(target, port, workers);
	await waitUp(server.url, server.child);
	const url = server.url;
	const roundId = (await (await fetch(url + '/api/rounds/current')).json()).rounds[0].id;

	/** Every write fired: { kind, key, state: 'acked' | 'unknown' (no answer: in flight at the kill) | 'refused', …what was acknowledged }. */
	const writes = [];
	const pending = new Set();
	const refused = [];
	let ackedCount = 0;
	let stop = false;
	/** Fires one write; `send` returns the acknowledged fields, or { refused } for a non-2xx answer. */
	async function write(rec, send) {
		writes.push(rec);
		pending.add(rec);
		try {
			const res = await send();
			if (res.refused) {
				rec.state = 'refused';
				refused.push(`${rec.key}: ${res.refused}`);
				return null;
			}
			Object.assign(rec, res, { state: 'acked' });
			ackedCount++;
			return rec;
		} catch {
			rec.state = 'unknown'; // the server died under us: sent, never acknowledged
			return null;
		} finally {
			pending.delete(rec);
		}
	}
	let phones = 0;
	const newAccount = () => {
		const phone = '097' + String(++phones).padStart(7, '0');
		return write({ kind: 'registration', key: `registration ${phone}`, phone }, async () => {
			const r = await register(url, phone);
			return r.ok ? { cookie: r.cookie, attemptsUsed: 0 } : { refused: `${r.status} ${r.text}` };
		});
	};
	// Each request of the load gives up after REQUEST_TIMEOUT_MS: a request that never got an answer
	// (one handed to a worker at the moment it was killed) is unacknowledged, not a hung test.
	const json = (cookie, body) => ({
		body: JSON.stringify(body),
		headers: { cookie, origin: url, 'content-type': 'application/json' },
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
	});
	const pick = (n) => Math.floor(Math.random() * n);

	// Accounts first, so every client has work from the first millisecond of the load.
	const accounts = await Promise.all(Array.from({ length: clients }, newAccount));
	if (accounts.some((a) => !a)) throw new Error('registration failed: ' + refused.join('; '));
	const loadStart = Date.now();
	const ackedBeforeLoad = ackedCount;

	async function client(account) {
		while (!stop) {
			if (account.attemptsUsed >= MAX_ATTEMPTS) {
				account = await newAccount();
				if (!account) return;
				continue;
			}
			const attemptNo = account.attemptsUsed + 1;
			/** @type {any} */
			let view = null;
			const start = await write(
				{ kind: 'start', key: `start ${account.phone} #${attemptNo}`, phone: account.phone, attemptNo },
				async () => {
					const r = await fetch(`${url}/api/rounds/${roundId}/attempts`, { method: 'POST', ...json(account.cookie, {}) });
					if (r.status !== 201) return { refused: `${r.status} ${await r.text()}` };
					view = await r.json();
					return { attemptId: view.attemptId };
				}
			);
			if (!start || stop) return;
			account.attemptsUsed++;
			// 8–23 autosaves, on questions picked at random: most are answered, some changed again.
			for (let n = 8 + pick(16); n > 0; n--) {
				const q = view.questions[pick(view.questions.length)];
				const optionIds = [q.options[pick(q.options.length)].id];
				const ok = await write(
					{ kind: 'answer', key: `answer ${view.attemptId}/${q.id}`, attemptId: view.attemptId, questionId: q.id, optionIds },
					async () => {
						const r = await fetch(`${url}/api/attempts/${view.attemptId}/answers`, {
							method: 'PUT',
							...json(account.cookie, { questionId: q.id, optionIds })
						});
						return r.status === 204 ? {} : { refused: `${r.status} ${await r.text()}` };
					}
				);
				if (!ok || stop) return;
			}
			const prediction = 100 + pick(900);
			const submitted = await write(
				{ kind: 'submit', key: `submit ${view.attemptId}`, attemptId: view.attemptId, phone: account.phone, cookie: account.cookie },
				async () => {
					const r = await fetch(`${url}/api/attempts/${view.attemptId}/submit`, {
						method: 'POST',
						...json(account.cookie, { prediction })
					});
					return r.ok ? { result: await r.json() } : { refused: `${r.status} ${await r.text()}` };
				}
			);
			if (!submitted) return;
		}
	}
	const work = accounts.map(client);

	// Kill in the middle of the load: after `minAcked` acknowledged writes, then at a random moment.
	while (ackedCount - ackedBeforeLoad < minAcked) {
		if (Date.now() - loadStart > 30_000)
			throw new Error(`only ${ackedCount - ackedBeforeLoad} writes acknowledged in 30 s (refused: ${refused.slice(0, 3).join('; ')})`);
		if (!pending.size) throw new Error('the load stopped before the kill: ' + refused.slice(0, 3).join('; '));
		await sleep(2);
	}
	const ackedBeforeWindow = ackedCount - ackedBeforeLoad;
	await sleep(pick(windowMs + 1));
	// Counted in the same tick as the kill: requests sent whose answer this process has not seen.
	const inFlight = [...pending];
	const ackedAtKill = ackedCount - ackedBeforeLoad;
	const killAtMs = Date.now() - loadStart;
	let ackedAfterKill = 0;
	let restartedWorker = false;
	if (kill === 'worker') {
		// One worker dies; the primary starts it again and the others keep answering meanwhile.
		const victim = server.workerPids[pick(server.workerPids.length)];
		const started = server.workerPids.length;
		process.kill(victim, 'SIGKILL');
		await sleep(1000);
		ackedAfterKill = ackedCount - ackedBeforeLoad - ackedAtKill;
		stop = true;
		await Promise.allSettled(work);
		for (let i = 0; i < 100 && server.workerPids.length === started; i++) await sleep(50);
		restartedWorker = server.workerPids.length > started && alive(server.workerPids.at(-1));
	} else {
		// The whole server at once: the primary and every worker (as the kernel's OOM killer or a crash would).
		for (const pid of server.workerPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
		server.child.kill('SIGKILL');
		stop = true;
		await Promise.allSettled(work);
		await new Promise((r) => (server.child.exitCode != null || server.child.signalCode ? r(null) : server.child.once('exit', r)));
		for (let i = 0; i < 100 && server.workerPids.some(alive); i++) await sleep(20);
	}
	const acked = writes.filter((w) => w.state === 'acked');

	const sabotaged = [];
	if (sabotage) {
		const db = openTestDatabase(database);
		if (db.engine === 'sqlite') await db.run('pragma foreign_keys = ON');
		const start = acked.find((w) => w.kind === 'start');
		const answer = acked.findLast((w) => w.kind === 'answer' && w.attemptId !== start.attemptId);
		await db.run('delete from attempt_answers where attempt_id = ? and question_id = ?', answer.attemptId, answer.questionId);
		await db.run('delete from attempts where id = ?', start.attemptId); // its questions and answers go with it
		await db.close();
		sabotaged.push(answer.key, start.key);
	}

	// Restart on the same database: SQLite recovers from the WAL; the server must come up and serve.
	// (After one worker's death the server is still up: it goes on with the same one.)
	if (kill === 'server') {
		server = startServer(target, port, workers);
		await waitUp(server.url, server.child);
	}
	const problems = [];
	// A repeated hand-in returns the stored result: it must be the one acknowledged before the kill.
	for (const s of acked.filter((w) => w.kind === 'submit').slice(0, 10)) {
		const r = await fetch(`${url}/api/attempts/${s.attemptId}/submit`, { method: 'POST', ...json(s.cookie, {}) });
		const again = r.ok ? await r.json() : { status: r.status };
		if (again.score !== s.result.score || again.submittedAt !== s.result.submittedAt)
			problems.push(`${s.key}: hand-in again after restart returned ${JSON.stringify(again)}, acknowledged ${JSON.stringify(s.result)}`);
	}
	await new Promise((r) => {
		const stuck = setTimeout(() => {
			console.error(`crash test: the server did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; killing it`);
			for (const pid of server.workerPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
			server.child.kill('SIGKILL');
		}, STOP_TIMEOUT_MS);
		server.child.once('exit', () => {
			clearTimeout(stuck);
			r(null);
		});
		server.child.kill('SIGTERM');
	});

	const verdict = await verify(database, roundId, writes);
	problems.push(...verdict.problems);
	const count = (list, kind) => list.filter((w) => w.kind === kind).length;
	const result = {
		killAtMs,
		ackedBeforeWindow,
		ackedAtKill,
		ackedAfterKill,
		restartedWorker,
		inFlightAtKill: inFlight.length,
		inFlightKinds: Object.fromEntries(['registration', 'start', 'answer', 'submit'].map((k) => [k, count(inFlight, k)])),
		fired: writes.length,
		acknowledged: acked.length,
		ackRegistrations: count(acked, 'registration'),
		ackStarts: count(acked, 'start'),
		ackAnswers: count(acked, 'answer'),
		ackSubmits: count(acked, 'submit'),
		acked: acked.map((w) => w.key),
		found: verdict.found,
		missing: verdict.missing,
		wrong: verdict.wrong,
		refused,
		sabotaged,
		integrity: verdict.integrity,
		problems
	};
	log(result);
	await removeDatabase();
	return result;
}

/**
 * Reads the database after the restart and checks each acknowledged write against it. `found` and
 * `missing` list write keys (`missing`: the row is not there); `wrong` lists writes whose row is
 * there but holds something else than was acknowledged, or is there more than once.
 */
async function verify(database, roundId, writes) {
	const db = openTestDatabase(database, { readonly: true });
	const integrity = await integrityCheck(db);
	const found = [];
	const missing = [];
	const wrong = [];
	const problems = [];
	if (integrity !== 'ok') problems.push('integrity check: ' + integrity);
	const miss = (w) => (missing.push(w.key), problems.push(`${w.key}: acknowledged, missing after restart`));
	const bad = (w, what) => (wrong.push(w.key), problems.push(`${w.key}: ${what}`));

	const users = (phone) => db.all('select id from users where phone = ?', phone);
	const attempt = (id) =>
		db.get(
			'select a.round_id, a.attempt_no, a.status, a.score, a.submitted_at, a.duration_ms, u.phone from attempts a join users u on u.id = a.user_id where a.id = ?',
			id
		);
	const sameNo = (round, phone, no) =>
		db.get(
			'select count(*) as n from attempts a join users u on u.id = a.user_id where a.round_id = ? and u.phone = ? and a.attempt_no = ?',
			round,
			phone,
			no
		);
	const answers = (attemptId, questionId) =>
		db.all('select option_ids_json from attempt_answers where attempt_id = ? and question_id = ?', attemptId, questionId);
	const intl = (phone) => '+84' + phone.slice(1);
	// Writes to one question of one attempt, in the order they were fired (each client waits for
	// its answer before the next write, so fired order is commit order).
	const byKey = new Map();
	for (const w of writes) if (w.kind === 'answer') byKey.set(w.key, [...(byKey.get(w.key) ?? []), w]);

	for (const w of writes) {
		if (w.state !== 'acked') continue;
		if (w.kind === 'registration') {
			const n = (await users(intl(w.phone))).length;
			if (n === 0) miss(w);
			else if (n > 1) bad(w, `${n} accounts`);
			else found.push(w.key);
		} else if (w.kind === 'start') {
			const row = await attempt(w.attemptId);
			if (!row) miss(w);
			else if (row.round_id !== roundId || row.phone !== intl(w.phone) || row.attempt_no !== w.attemptNo)
				bad(w, `stored ${JSON.stringify(row)}, acknowledged attempt ${w.attemptNo} of ${w.phone}`);
			else if ((await sameNo(roundId, intl(w.phone), w.attemptNo)).n !== 1) bad(w, `attempt number ${w.attemptNo} stored more than once`);
			else found.push(w.key);
		} else if (w.kind === 'submit') {
			const row = await attempt(w.attemptId);
			const r = w.result;
			if (!row) miss(w);
			else if (
				row.status !== 'submitted' ||
				row.score !== r.score ||
				row.duration_ms !== r.durationMs ||
				new Date(row.submitted_at).toISOString() !== r.submittedAt ||
				row.attempt_no !== r.attemptNo
			)
				bad(w, `stored ${JSON.stringify(row)}, acknowledged ${JSON.stringify(r)}`);
			else found.push(w.key);
		} else {
			const rows = await answers(w.attemptId, w.questionId);
			// Acceptable: this write's options, or those of a later write to the same question that was
			// acknowledged or never answered (in flight at the kill) — not of an earlier or refused one.
			const later = byKey.get(w.key);
			const ok = later
				.slice(later.indexOf(w))
				.filter((x) => x.state !== 'refused')
				.map((x) => JSON.stringify(x.optionIds));
			if (rows.length === 0) miss(w);
			else if (rows.length > 1) bad(w, `${rows.length} rows`);
			else if (!ok.includes(rows[0].option_ids_json))
				bad(w, `stored ${rows[0].option_ids_json}, acknowledged ${JSON.stringify(w.optionIds)}`);
			else found.push(w.key);
		}
	}
	const maxPerPerson = (
		await db.get('select max(n) as m from (select count(*) as n from attempts where round_id = ? group by user_id) as per_person', roundId)
	).m;
	if (maxPerPerson > MAX_ATTEMPTS) problems.push(`a person has ${maxPerPerson} attempts in a round allowing ${MAX_ATTEMPTS}`);
	await db.close();
	return { integrity, found, missing, wrong, problems };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const arg = (name, def) => {
		const i = process.argv.lastIndexOf(name); // the last wins: `npm run test:crash -- --runs 3` overrides the script's --runs 10
		return i > -1 ? Number(process.argv[i + 1]) : def;
	};
	if (!fs.existsSync(path.join(root, 'build/index.js'))) {
		console.error('No build/ — run `npm run build` first.');
		process.exit(2);
	}
	const runs = arg('--runs', 5);
	const totals = { acknowledged: 0, found: 0, inFlight: 0 };
	let failed = 0;
	for (let r = 1; r <= runs; r++) {
		const killArg = process.argv.lastIndexOf('--kill');
		const kill = killArg > -1 ? process.argv[killArg + 1] : 'server';
		const res = await runCrash({
			clients: arg('--clients', 40),
			port: arg('--port', 4575),
			minAcked: arg('--min-acked', 300),
			windowMs: arg('--window', 3000),
			workers: arg('--workers', 1),
			kill
		});
		totals.acknowledged += res.acknowledged;
		totals.found += res.found.length;
		totals.inFlight += res.inFlightAtKill;
		const kinds = Object.entries(res.inFlightKinds)
			.map(([k, n]) => `${n} ${k}`)
			.join(', ');
		console.log(
			`run ${r}/${runs}: killed ${res.killAtMs} ms into the load, ${res.ackedAtKill} writes acknowledged by then, ${res.inFlightAtKill} in flight (${kinds}) · ` +
				`acknowledged ${res.acknowledged} (${res.ackRegistrations} registrations, ${res.ackStarts} attempts started, ${res.ackAnswers} autosaves, ${res.ackSubmits} hand-ins) · ` +
				`found after restart ${res.found.length}, missing ${res.missing.length}, wrong ${res.wrong.length} · integrity ${res.integrity}`
		);
		if (kill === 'worker')
			console.log(
				`  one worker killed: ${res.ackedAfterKill} writes acknowledged in the second after it; worker started again: ${res.restartedWorker}`
			);
		if (kill === 'worker' && (!res.restartedWorker || res.ackedAfterKill === 0)) failed++;
		for (const p of res.problems) console.log('  PROBLEM ' + p);
		for (const p of res.refused) console.log('  REFUSED ' + p);
		if (res.inFlightAtKill === 0) console.log('  PROBLEM killed an idle server');
		if (res.problems.length || res.refused.length || res.inFlightAtKill === 0) failed++;
	}
	console.log(
		`\n${runs} runs: acknowledged ${totals.acknowledged}, found after restart ${totals.found}, ${totals.inFlight} requests in flight at the kills; ${failed} run(s) with problems`
	);
	process.exit(failed ? 1 : 0);
}
