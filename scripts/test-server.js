#!/usr/bin/env node
/**
 * Starts the built app (scripts/serve.js, as in production) on a fresh, migrated, demo-seeded SQLite file, for the
 * integration tests (vitest global setup) and Playwright (webServer). Rate limits are off so a
 * test run from one address is not throttled; everything else is the production server.
 *
 * On PostgreSQL (`npm run test:pg`: TEST_ENGINE=postgres, TEST_DATABASE_URL) the server runs on a
 * fresh database instead, named after the file (`test-results/integration.db` →
 * `hoithi_tests_integration`), created for it and dropped when it stops (scripts/test-db.js).
 *
 *   node scripts/test-server.js --db test-results/e2e.db --port 4173 [--postgres [admin-url]]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverArgs } from './server-command.js';
import {
	DEFAULT_TEST_DATABASE_URL,
	assertMigratedOnPostgres,
	createTestDatabase,
	databaseUrl,
	dropTestDatabase,
	postgresAdminUrl,
	testDatabaseName,
	withDatabase
} from './test-db.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * ORIGIN is set to the test URL as in a real deployment (strict origin check); `origin: false`
 * leaves it unset, as `npm start` does, so the app works at whatever address it is reached by.
 * `workers` (WORKERS; default 1, the server in one process) > 1 runs the cluster: a primary and
 * that many workers on the port. `seed: false` starts on the database as it is (a second server
 * on the same file). `output` collects what the server prints (e.g. the workers' pids).
 * `postgres` (an admin URL; by default TEST_DATABASE_URL when TEST_ENGINE=postgres) runs the server
 * on a PostgreSQL database named after `db` instead of the file: created afresh (or, with
 * `seed: false`, the one another server runs on), dropped by `stop()` of the server that created it.
 * `database` is what the tests open (tests/integration/db.ts): the file's path or the database's URL.
 * @param {{ db: string, port: number, env?: Record<string, string>, origin?: boolean, workers?: number, seed?: boolean, output?: string[], postgres?: string }} opts
 * @returns {Promise<{ url: string, dbPath: string, database: string, pid: number, stop: (opts?: { keepDatabase?: boolean }) => Promise<unknown>, dropDatabase: () => Promise<void> }>}
 */
export async function startTestServer({
	db,
	port,
	env = {},
	origin = true,
	workers = 1,
	seed: fresh = true,
	output,
	postgres = postgresAdminUrl()
}) {
	const dbPath = path.resolve(root, db);
	if (!fs.existsSync(path.join(root, 'build/index.js'))) throw new Error('No build/ — run `npm run build` first.');
	const pgName = postgres ? testDatabaseName(path.basename(dbPath, '.db')) : undefined;
	/** @type {string | undefined} */
	let pgUrl;
	if (postgres && pgName) {
		pgUrl = fresh ? await createTestDatabase(postgres, pgName) : databaseUrl(postgres, pgName);
	} else {
		fs.mkdirSync(path.dirname(dbPath), { recursive: true });
		if (fresh) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
	}
	const dropDatabase = async () => {
		if (postgres && pgName && fresh) await dropTestDatabase(postgres, pgName);
	};
	/** @type {Record<string, string | undefined>} */
	const baseEnv = withDatabase({ ...process.env, ...env }, { dbPath, url: pgUrl });
	if (!('ORIGIN' in env)) delete baseEnv.ORIGIN;
	if (fresh) {
		const seed = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/seed.ts'], {
			cwd: root,
			env: baseEnv,
			encoding: 'utf8'
		});
		if (seed.status !== 0) {
			await dropDatabase();
			throw new Error(`Seeding ${pgUrl ? 'PostgreSQL database ' + pgName : dbPath} failed:\n` + seed.stdout + seed.stderr);
		}
		if (pgUrl) await assertMigratedOnPostgres(pgUrl);
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
		if (child.exitCode != null) {
			await dropDatabase();
			throw new Error('Test server exited early');
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const stopped = () =>
		new Promise((resolve) => {
			if (child.exitCode != null || child.signalCode != null) return resolve(undefined);
			child.once('exit', () => resolve(undefined));
			child.kill('SIGTERM');
		});
	return {
		url,
		dbPath,
		database: pgUrl ?? dbPath,
		pid: /** @type {number} */ (child.pid),
		/** Stops the server, then drops its PostgreSQL database unless `keepDatabase` (for a look at it afterwards: call dropDatabase()). */
		stop: async ({ keepDatabase = false } = {}) => {
			await stopped();
			if (!keepDatabase) await dropDatabase();
		},
		dropDatabase
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
	/** @param {string} name @param {string} def */
	const arg = (name, def) => {
		const i = process.argv.indexOf(name);
		return i > -1 ? process.argv[i + 1] : def;
	};
	const pgAt = process.argv.indexOf('--postgres');
	const postgres =
		pgAt === -1
			? undefined
			: /^postgres(ql)?:/.test(process.argv[pgAt + 1] ?? '')
				? process.argv[pgAt + 1]
				: process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
	const server = await startTestServer({
		db: arg('--db', 'test-results/e2e.db'),
		port: Number(arg('--port', '4173')),
		...(postgres ? { postgres } : {})
	});
	console.log(`test server on ${server.url} (database ${server.database.replace(/\/\/[^@/]*@/, '//')})`);
	for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.stop().then(() => process.exit(0)));
}
