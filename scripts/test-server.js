#!/usr/bin/env node
/**
 * Starts the built app (scripts/serve.js, as in production) on a fresh, migrated, demo-seeded SQLite file, for the
 * integration tests (vitest global setup) and Playwright (webServer). Rate limits are off so a
 * test run from one address is not throttled; everything else is the production server.
 *
 *   node scripts/test-server.js --db test-results/e2e.db --port 4173
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverArgs } from './server-command.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * ORIGIN is set to the test URL as in a real deployment (strict origin check); `origin: false`
 * leaves it unset, as `npm start` does, so the app works at whatever address it is reached by.
 * `workers` (WORKERS; default 1, the server in one process) > 1 runs the cluster: a primary and
 * that many workers on the port. `seed: false` starts on the database as it is (a second server
 * on the same file). `output` collects what the server prints (e.g. the workers' pids).
 * @param {{ db: string, port: number, env?: Record<string, string>, origin?: boolean, workers?: number, seed?: boolean, output?: string[] }} opts
 * @returns {Promise<{ url: string, dbPath: string, pid: number, stop: () => Promise<unknown> }>}
 */
export async function startTestServer({ db, port, env = {}, origin = true, workers = 1, seed: fresh = true, output }) {
	const dbPath = path.resolve(root, db);
	fs.mkdirSync(path.dirname(dbPath), { recursive: true });
	if (fresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
	if (!fs.existsSync(path.join(root, 'build/index.js'))) throw new Error('No build/ — run `npm run build` first.');
	/** @type {Record<string, string | undefined>} */
	const baseEnv = { ...process.env, DATABASE_PATH: dbPath, ...env };
	if (!('ORIGIN' in env)) delete baseEnv.ORIGIN;
	if (fresh) {
		const seed = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/seed.ts'], {
			cwd: root,
			env: baseEnv,
			encoding: 'utf8'
		});
		if (seed.status !== 0) throw new Error('Seeding failed:\n' + seed.stdout + seed.stderr);
	}
	const url = `http://localhost:${port}`;
	const child = spawn(process.execPath, serverArgs(), {
		cwd: root,
		// `env` comes last so a test can turn the rate limits back on (HOITHI_DISABLE_RATE_LIMITS=0).
		env: {
			BODY_SIZE_LIMIT: '6M',
			...baseEnv,
			PORT: String(port),
			WORKERS: String(workers),
			...(origin ? { ORIGIN: url } : {}),
			HOITHI_DISABLE_RATE_LIMITS: '1',
			NODE_ENV: 'production',
			HOITHI_ALLOW_DEV_SECRET: '1',
			...env
		},
		stdio: ['ignore', output ? 'pipe' : 'inherit', 'inherit']
	});
	if (output && child.stdout) {
		child.stdout.setEncoding('utf8');
		let rest = '';
		child.stdout.on('data', (/** @type {string} */ d) => {
			const lines = (rest + d).split('\n');
			rest = lines.pop() ?? '';
			for (const l of lines) {
				output.push(l);
				process.stdout.write(l + '\n');
			}
		});
	}
	for (let i = 0; i < 200; i++) {
		try {
			const r = await fetch(url + '/api/rounds/current');
			if (r.ok) break;
		} catch {
			/* not up yet */
		}
		if (child.exitCode != null) throw new Error('Test server exited early');
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		dbPath,
		pid: /** @type {number} */ (child.pid),
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode != null) return resolve(undefined);
				child.once('exit', () => resolve(undefined));
				child.kill('SIGTERM');
			})
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	/** @param {string} name @param {string} def */
	const arg = (name, def) => {
		const i = process.argv.indexOf(name);
		return i > -1 ? process.argv[i + 1] : def;
	};
	const server = await startTestServer({ db: arg('--db', 'test-results/e2e.db'), port: Number(arg('--port', '4173')) });
	console.log(`test server on ${server.url}`);
	for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.stop().then(() => process.exit(0)));
}
