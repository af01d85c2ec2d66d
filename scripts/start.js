#!/usr/bin/env node
/**
 * npm start — builds if the build is missing or older than the sources, migrates and seeds the
 * demo on an empty database, then serves the app on port 3000 (PORT to change) and, once it
 * listens, prints every address it can be reached at and the demo accounts — last, so they do not
 * scroll away. The build's own output is kept back (shown only if the build fails).
 *
 * ORIGIN is not set here: without it the app takes its origin from each request's Host header, so
 * the demo works at localhost, at 127.0.0.1 and at the machine's LAN address from a phone on the
 * same Wi-Fi (scripts/serve.js). A deployment sets ORIGIN, and then only that address works.
 */
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { serverArgs } from './server-command.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

/** @param {string} p @returns {number} */
function newestMtime(p) {
	if (!fs.existsSync(p)) return 0;
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let m = 0;
	for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
	return m;
}

/**
 * Runs a step with its output held back; prints it only when the step fails.
 * @param {string} label @param {string} cmd @param {string[]} args
 */
function quietly(label, cmd, args) {
	const started = Date.now();
	process.stdout.write(`${label}… `);
	const r = spawnSync(cmd, args, { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0) {
		console.log('failed:\n');
		process.stdout.write(r.stdout ?? '');
		process.stderr.write(r.stderr ?? '');
		process.exit(r.status ?? 1);
	}
	console.log(`done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	return r.stdout ?? '';
}

const sources = Math.max(...['src', 'migrations', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'].map(newestMtime));
const built = fs.existsSync('build/index.js') ? fs.statSync('build/index.js').mtimeMs : 0;
if (built < sources) quietly('Building the app', process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']);

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '0.0.0.0';
const seedOutput = quietly('Preparing the database', process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts', '--if-empty']);

/** Where people can open the app: [address, note]. */
function addresses() {
	if (process.env.ORIGIN) return [[process.env.ORIGIN.replace(/\/+$/, ''), '']];
	if (host !== '0.0.0.0' && host !== '::') return [[`http://${host.includes(':') ? `[${host}]` : host}:${port}`, '']];
	const lan = Object.values(os.networkInterfaces())
		.flat()
		.filter(
			/** @param {os.NetworkInterfaceInfo | undefined} a @returns {a is os.NetworkInterfaceInfo} */ (a) =>
				a !== undefined && a.family === 'IPv4' && !a.internal
		)
		.map((a) => [`http://${a.address}:${port}`, '← from a phone or another computer on the same network']);
	return [[`http://localhost:${port}`, ''], [`http://127.0.0.1:${port}`, ''], ...lan];
}

function banner() {
	const line = '─'.repeat(72);
	const out = ['', line, ' hoithi is running. Open it in a browser at:', ''];
	const urls = addresses();
	const width = Math.max(...urls.map(([u]) => u.length));
	for (const [u, note] of urls) out.push(`   ${u.padEnd(width)}   ${note}`.trimEnd());
	if (process.env.ORIGIN) out.push('', ` ORIGIN is set: forms work only at ${urls[0][0]}.`);
	const seed = seedOutput.split('\n').filter((l) => l.trim());
	if (seed.length) out.push('', ...seed.map((l) => ' ' + l));
	// A PostgreSQL URL is shown without its password.
	const database = process.env.DATABASE_URL
		? process.env.DATABASE_URL.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')
		: (process.env.DATABASE_PATH ?? 'data/hoithi.db');
	out.push('', ` Database: ${database} · stop with Ctrl+C`, line, '');
	console.log(out.join('\n'));
}

const server = spawn(process.execPath, serverArgs(), {
	stdio: ['inherit', 'pipe', 'inherit'],
	// BODY_SIZE_LIMIT: question-bank uploads are up to 5 MB (adapter-node's default is 512 kB).
	env: { NODE_ENV: 'production', HOITHI_ALLOW_DEV_SECRET: '1', BODY_SIZE_LIMIT: '6M', ...process.env, PORT: port }
});
// The server's own lines pass through; the addresses come right after it says it listens.
readline.createInterface({ input: server.stdout }).on('line', (l) => {
	console.log(l);
	if (l.startsWith('Listening on ')) banner();
});
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
