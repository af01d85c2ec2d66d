#!/usr/bin/env node
/**
 * npm run test:pg — the integration suite against PostgreSQL: both integration projects (the HTTP
 * tests against one built server, then the race tests against a cluster of two workers), the crash
 * test, the PostgreSQL twin of the query-plan test and the pg-core project (tests/pg: migrations,
 * the same answers on both engines, backup/restore with pg_dump), with every test server on a
 * fresh database of its own (scripts/test-db.js), dropped afterwards. Needs `npm run build` first,
 * like `npm test`'s integration tests.
 *
 * TEST_DATABASE_URL: a role that may create databases (default
 * postgres://hoithi:hoithi@127.0.0.1:5432/postgres; .ci/run shows how to set up a local server with that
 * role). TEST_DATABASE_PREFIX (default hoithi_tests_) and a run id start every database name.
 * Further arguments go to vitest: `npm run test:pg -- tests/integration/auth.test.ts`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEFAULT_TEST_DATABASE_URL, databasesLike, dropTestDatabase } from './test-db.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const admin = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
const shown = admin.replace(/\/\/[^@/]*@/, '//');

if (!fs.existsSync(path.join(root, 'build/index.js'))) {
	console.error('No build/ — run `npm run build` first.');
	process.exit(2);
}
const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5_000 });
try {
	await client.connect();
	const { rows } = await client.query('select current_setting($1)::int as v, version() as text', ['server_version_num']);
	if (rows[0].v < 130000) throw new Error(`${rows[0].text}: the tests need PostgreSQL 13 or newer (drop database … with (force))`);
	console.log(`test:pg on ${rows[0].text.split(',')[0]} at ${shown}`);
} catch (e) {
	console.error(`Cannot use PostgreSQL at ${shown}: ${e instanceof Error ? e.message : e}`);
	console.error('Set TEST_DATABASE_URL to a role that may create databases (.ci/run sets up a local server with one).');
	process.exit(2);
} finally {
	await client.end().catch(() => {});
}

// Every database of this run is named with the prefix and a run id of its own: two runs on one
// server (two checkouts, two CI jobs) never create, use or drop each other's databases.
const prefix = `${process.env.TEST_DATABASE_PREFIX || 'hoithi_tests_'}${process.pid.toString(36)}${(Date.now() % 1296).toString(36)}_`;
const env = { ...process.env, TEST_ENGINE: 'postgres', TEST_DATABASE_URL: admin, TEST_DATABASE_PREFIX: prefix };
const projects = ['integration', 'integration-2-workers', 'pg-core'].flatMap((p) => ['--project', p]);
const args = [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...projects];
const vitest = spawn(process.execPath, [...args, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(sig, () => vitest.kill(sig));
const code = await new Promise((resolve) => vitest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));

// A test that failed half-way may have left its database behind: none of this run's survives it.
const left = await databasesLike(admin, prefix);
for (const name of left) await dropTestDatabase(admin, name);
if (left.length) console.log(`Dropped ${left.length} test database(s) left behind: ${left.join(', ')}`);
process.exit(code);
