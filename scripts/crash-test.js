#!/usr/bin/env node
// @ts-nocheck — a plain-JS load script (node runs it without a build step); checked by its own assertions.
/**
 * Crash safety: runs the built server on a file database, fires autosaves and submissions from
 * many clients over loopback, SIGKILLs the server mid-load, restarts it, and checks that every
 * write that got a success response is there exactly once and that PRAGMA integrity_check is ok.
 *
 *   npm run test:crash -- [--runs 5] [--clients 40] [--port 4575]
 *
 * Exported as runCrash() for the short version in tests/integration/crash.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { serverArgs } from './server-command.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startServer(dbPath, port) {
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, serverArgs(), {
		cwd: root,
		env: { ...process.env, DATABASE_PATH: dbPath, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, HOITHI_DISABLE_RATE_LIMITS: '1', NODE_ENV: 'production', HOITHI_ALLOW_DEV_SECRET: '1', BODY_SIZE_LIMIT: '6M' },
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (d) => (stderr += d));
	return { child, url, stderr: () => stderr };
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

/** Cookie-jar-less client: the session cookie is all we need. */
async function register(url, i) {
	const phone = '097' + String(1000000 + i).slice(-7);
	const form = new URLSearchParams({ fullName: 'Người Thử Tải', birthDate: '1990-01-01', gender: 'female', phone, email: '', nationalId: '', unitCode: '005', password: 'mat-khau-du-dai', consent: 'on' });
	const res = await fetch(url + '/register', { method: 'POST', body: form, redirect: 'manual', headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true', accept: 'application/json' } });
	const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('hoithi_session='));
	if (!cookie) throw new Error('registration failed: ' + (await res.text()));
	return cookie;
}

/**
 * One run. Returns the numbers; `problems` lists every acknowledged write not found (or found
 * twice, or changed) after the restart.
 */
export async function runCrash({ clients = 40, port = 4575, killAfterMs = /** @type {number | null} */ (null), dbPath = path.join(root, `test-results/crash-${port}.db`), log = () => {} } = {}) {
	fs.mkdirSync(path.dirname(dbPath), { recursive: true });
	for (const s of ['', '-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
	const seed = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/seed.ts'], { cwd: root, env: { ...process.env, DATABASE_PATH: dbPath }, encoding: 'utf8' });
	if (seed.status !== 0) throw new Error('seed failed: ' + seed.stderr);

	let server = startServer(dbPath, port);
	await waitUp(server.url, server.child);
	const url = server.url;
	const roundId = (await (await fetch(url + '/api/rounds/current')).json()).rounds[0].id;
	const cookies = await Promise.all(Array.from({ length: clients }, (_, i) => register(url, i + port * 1000)));
	const startAttempt = async (cookie) => {
		const r = await fetch(`${url}/api/rounds/${roundId}/attempts`, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'application/json' } });
		if (r.status !== 200 && r.status !== 201) throw new Error('start failed ' + r.status);
		return r.json();
	};
	// First attempts before the load, so every client has work from the first millisecond.
	const starts = await Promise.all(cookies.map(startAttempt));
	const acked = { answers: [], submits: [], starts: [] };
	let fired = 0;
	let stop = false;
	/**
	 * Each client answers some of its questions one after another (each once: a stored answer can
	 * only be the acknowledged one), then submits — client i after i % 6 + 1 answers, so that
	 * submissions are in flight all through the load.
	 */
	const work = starts.map(async (first, i) => {
		const cookie = cookies[i];
		// Up to the round's 3 attempts each: start (except the first), answer, submit.
		for (let n = 0; n < 3 && !stop; n++) {
			let view = first;
			if (n > 0) {
				fired++;
				try {
					view = await startAttempt(cookie);
					acked.starts.push(view.attemptId);
				} catch {
					return;
				}
			}
			if (await runAttempt(view, i, cookie)) return;
		}
	});
	async function runAttempt(view, i, cookie) {
		for (const q of view.questions.slice(0, (i % 6) + 1)) {
			if (stop) return true;
			const optionIds = [q.options[(i + q.id) % q.options.length].id];
			fired++;
			try {
				const r = await fetch(`${url}/api/attempts/${view.attemptId}/answers`, { method: 'PUT', body: JSON.stringify({ questionId: q.id, optionIds }), headers: { cookie, origin: url, 'content-type': 'application/json' } });
				if (r.status === 204) acked.answers.push({ attemptId: view.attemptId, questionId: q.id, optionIds });
			} catch {
				return true; // the server died under us: this write was never acknowledged
			}
		}
		if (stop) return true;
		fired++;
		try {
			const r = await fetch(`${url}/api/attempts/${view.attemptId}/submit`, { method: 'POST', body: JSON.stringify({ prediction: 100 + i }), headers: { cookie, origin: url, 'content-type': 'application/json' } });
			if (r.ok) acked.submits.push({ attemptId: view.attemptId, user: i, ...(await r.json()) });
		} catch {
			return true; // not acknowledged
		}
		return false;
	}
	const killAt = killAfterMs ?? 150 + Math.floor(Math.random() * 450);
	await sleep(killAt);
	server.child.kill('SIGKILL');
	stop = true;
	await Promise.allSettled(work);
	await new Promise((r) => (server.child.exitCode != null || server.child.signalCode ? r() : server.child.once('exit', r)));

	// Restart on the same file: SQLite recovers from the WAL; the server must come up and serve.
	server = startServer(dbPath, port);
	await waitUp(server.url, server.child);
	const problems = [];
	// A repeated submit returns the stored result: it must be the one acknowledged before the kill.
	for (const s of acked.submits.slice(0, 10)) {
		const r = await fetch(`${url}/api/attempts/${s.attemptId}/submit`, { method: 'POST', body: '{}', headers: { cookie: cookies[s.user], origin: url, 'content-type': 'application/json' } });
		const again = await r.json();
		if (again.score !== s.score || again.submittedAt !== s.submittedAt) problems.push(`attempt ${s.attemptId}: resubmit after restart returned ${JSON.stringify(again)}, acknowledged ${JSON.stringify(s)}`);
	}
	await new Promise((r) => {
		server.child.once('exit', r);
		server.child.kill('SIGTERM');
	});

	const db = new SQLite(dbPath, { readonly: true });
	const integrity = db.pragma('integrity_check', { simple: true });
	if (integrity !== 'ok') problems.push('integrity_check: ' + integrity);
	const answer = db.prepare('select option_ids_json from attempt_answers where attempt_id = ? and question_id = ?');
	const countAnswers = db.prepare('select count(*) as n from attempt_answers where attempt_id = ? and question_id = ?');
	let answersFound = 0;
	for (const a of acked.answers) {
		const n = countAnswers.get(a.attemptId, a.questionId).n;
		const row = answer.get(a.attemptId, a.questionId);
		if (n !== 1) problems.push(`answer ${a.attemptId}/${a.questionId}: found ${n} times`);
		else if (row.option_ids_json !== JSON.stringify(a.optionIds)) problems.push(`answer ${a.attemptId}/${a.questionId}: stored ${row.option_ids_json}, acknowledged ${JSON.stringify(a.optionIds)}`);
		else answersFound++;
	}
	const attempt = db.prepare('select status, score, submitted_at, user_id, round_id from attempts where id = ?');
	const sameNo = db.prepare('select count(*) as n from attempts where user_id = ? and round_id = ? and attempt_no = ?');
	const attemptNo = db.prepare('select attempt_no from attempts where id = ?');
	let submitsFound = 0;
	for (const s of acked.submits) {
		const row = attempt.get(s.attemptId);
		if (!row || row.status !== 'submitted' || row.score !== s.score || new Date(row.submitted_at).toISOString() !== s.submittedAt) {
			problems.push(`submit ${s.attemptId}: stored ${JSON.stringify(row)}, acknowledged ${JSON.stringify(s)}`);
			continue;
		}
		if (sameNo.get(row.user_id, row.round_id, attemptNo.get(s.attemptId).attempt_no).n !== 1 || s.attemptNo !== attemptNo.get(s.attemptId).attempt_no)
			problems.push(`submit ${s.attemptId}: attempt number ${s.attemptNo} not stored exactly once`);
		else submitsFound++;
	}
	let startsFound = 0;
	for (const id of acked.starts) {
		if (attempt.get(id)) startsFound++;
		else problems.push(`started attempt ${id}: missing after restart`);
	}
	const maxPerPerson = db.prepare('select max(n) as m from (select count(*) as n from attempts where round_id = ? group by user_id)').get(roundId).m;
	if (maxPerPerson > 3) problems.push(`a person has ${maxPerPerson} attempts in a round allowing 3`);
	db.close();
	const result = { killAtMs: killAt, fired, acknowledged: acked.answers.length + acked.submits.length + acked.starts.length, ackAnswers: acked.answers.length, ackSubmits: acked.submits.length, ackStarts: acked.starts.length, found: answersFound + submitsFound + startsFound, integrity, problems };
	log(result);
	for (const s of ['', '-wal', '-shm']) fs.rmSync(dbPath + s, { force: true });
	return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	const arg = (name, def) => {
		const i = process.argv.indexOf(name);
		return i > -1 ? Number(process.argv[i + 1]) : def;
	};
	if (!fs.existsSync(path.join(root, 'build/index.js'))) {
		console.error('No build/ — run `npm run build` first.');
		process.exit(2);
	}
	const runs = arg('--runs', 5);
	const totals = { fired: 0, acknowledged: 0, found: 0 };
	let failed = 0;
	for (let r = 1; r <= runs; r++) {
		const res = await runCrash({ clients: arg('--clients', 40), port: arg('--port', 4575) });
		totals.fired += res.fired;
		totals.acknowledged += res.acknowledged;
		totals.found += res.found;
		console.log(`run ${r}/${runs}: killed after ${res.killAtMs} ms · fired ${res.fired} · acknowledged ${res.acknowledged} (${res.ackAnswers} autosaves, ${res.ackSubmits} submits, ${res.ackStarts} new attempts) · found after restart ${res.found} · integrity ${res.integrity}`);
		for (const p of res.problems) console.log('  PROBLEM ' + p);
		if (res.problems.length) failed++;
	}
	console.log(`\n${runs} runs: fired ${totals.fired}, acknowledged ${totals.acknowledged}, found after restart ${totals.found}; ${failed} run(s) with problems`);
	process.exit(failed ? 1 : 0);
}
