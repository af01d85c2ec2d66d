#!/usr/bin/env node
/**
 * npm start — builds if the build is missing or older than the sources, migrates and seeds the
 * demo on an empty database, then serves the app on http://localhost:3000 (PORT to change).
 */
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serverArgs } from './server-command.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function newestMtime(p) {
	if (!fs.existsSync(p)) return 0;
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let m = 0;
	for (const e of fs.readdirSync(p)) m = Math.max(m, newestMtime(path.join(p, e)));
	return m;
}

const sources = Math.max(
	...['src', 'migrations', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'].map(newestMtime)
);
const built = fs.existsSync('build/index.js') ? fs.statSync('build/index.js').mtimeMs : 0;
const run = (cmd, args, env = {}) => {
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) process.exit(r.status ?? 1);
};
if (built < sources) {
	console.log('Building the app…');
	run(process.execPath, ['node_modules/vite/bin/vite.js', 'build']);
}

const port = process.env.PORT ?? '3000';
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/seed.ts', '--if-empty']);

console.log(`\nhoithi is starting on ${origin}  (database: ${process.env.DATABASE_PATH ?? 'data/hoithi.db'})\n`);
const server = spawn(process.execPath, serverArgs(), {
	stdio: 'inherit',
	// BODY_SIZE_LIMIT: question-bank uploads are up to 5 MB (adapter-node's default is 512 kB).
	env: { NODE_ENV: 'production', HOITHI_ALLOW_DEV_SECRET: '1', BODY_SIZE_LIMIT: '6M', ...process.env, PORT: port, ORIGIN: origin }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
