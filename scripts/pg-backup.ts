/**
 * Backup and restore when the app runs on PostgreSQL (DATABASE_URL): `npm run backup` and
 * `npm run restore` call these instead of their SQLite steps. Both use PostgreSQL's own tools,
 * pg_dump and pg_restore (Debian: postgresql-client; their major version must be at least the
 * server's), in the custom archive format.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { redactUrl } from '../src/lib/server/db/dialect';
import { parseInt8 } from '../src/lib/server/db/postgres';
import { createDatabase, databaseExists, databaseName, dropDatabase, otherSessions, renameDatabase, withDatabase } from './pg-tools';

/**
 * The URL without its password, and the environment that carries the password instead: a password
 * on a command line is visible to everyone on the machine (`ps`).
 */
function connection(url: string): { uri: string; env: NodeJS.ProcessEnv } {
	const u = new URL(url);
	const password = decodeURIComponent(u.password);
	u.password = '';
	return { uri: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Fails with a clear message when a PostgreSQL client tool is not installed. */
function requireTool(tool: 'pg_dump' | 'pg_restore'): string {
	const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
	if (r.error || r.status !== 0)
		throw new Error(
			`${tool} is not installed (Debian/Ubuntu: apt-get install postgresql-client; it must be the server's major version or newer)`
		);
	return r.stdout.trim();
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
		let err = '';
		child.stderr.on('data', (d) => (err += d));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (${code}): ${err.trim()}`))));
	});
}

/** The tables of hoithi listed in an archive (pg_restore --list), or an error when it is not one. */
function archiveTables(file: string): string[] {
	const r = spawnSync('pg_restore', ['--list', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0) throw new Error(`not a pg_dump archive: ${(r.stderr || '').trim().split('\n')[0]}`);
	return [...r.stdout.matchAll(/^\d+; \d+ \d+ TABLE public (\S+) /gm)].map((m) => m[1]);
}

/**
 * pg_dump of the database at `url` into `dest` (custom format), while the server keeps running: the
 * dump reads one snapshot, exported by a transaction of ours, and the counts printed are that
 * snapshot's. Written to `<dest>.partial`, checked with pg_restore --list, then renamed.
 */
export async function backupPostgres(url: string, dest: string): Promise<string> {
	requireTool('pg_dump');
	requireTool('pg_restore');
	const started = Date.now();
	fs.mkdirSync(path.dirname(dest), { recursive: true });
	const partial = dest + '.partial';
	fs.rmSync(partial, { force: true });
	const client = new pg.Client({
		connectionString: url,
		types: { getTypeParser: (oid: number) => (oid === 20 ? parseInt8 : pg.types.getTypeParser(oid)) } as never
	});
	await client.connect();
	let counts: { users: number; attempts: number };
	try {
		await client.query('begin isolation level repeatable read read only');
		const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0].id;
		counts = (
			await client.query<{ users: number; attempts: number }>(
				'select (select count(*) from users) as users, (select count(*) from attempts) as attempts'
			)
		).rows[0];
		const { uri, env } = connection(url);
		// The snapshot stays valid while this transaction is open: until the dump has finished.
		await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${uri}`], env);
		await client.query('commit');
	} finally {
		await client.end();
	}
	const tables = archiveTables(partial);
	if (!tables.includes('kysely_migration') || !tables.includes('attempts'))
		throw new Error(`the archive lacks hoithi's tables; kept as ${partial} for inspection`);
	fs.renameSync(partial, dest);
	const mb = (fs.statSync(dest).size / 1024 / 1024).toFixed(1);
	return `Backup written: ${dest} (pg_dump of ${redactUrl(url)}, ${mb} MB, ${counts.users} accounts, ${counts.attempts} attempts, ${tables.length} tables, ${Date.now() - started} ms)`;
}

/**
 * Puts the archive `file` back as the database of `url`: restored into a new database first (one
 * transaction, stops at the first error), which then takes the name — the old database is kept,
 * renamed `<name>_before_restore_<time>`. Refuses while anybody is connected to the database (a
 * running server): stop it first.
 */
/**
 * `name` + `suffix` as a database name: PostgreSQL cuts names at 63 bytes, and the suffix (the time)
 * is what tells two kept databases apart — so the name is shortened, never the suffix.
 */
function besideName(name: string, suffix: string): string {
	let head = name;
	while (Buffer.byteLength(head + suffix) > 63) head = head.slice(0, -1);
	return head + suffix;
}

export async function restorePostgres(url: string, file: string): Promise<string[]> {
	requireTool('pg_restore');
	const tables = archiveTables(file);
	if (!tables.includes('kysely_migration')) throw new Error('not a hoithi backup (no kysely_migration table in the archive)');
	const name = databaseName(url);
	const exists = await databaseExists(url);
	if (exists && (await otherSessions(url)) > 0)
		throw new Error(`${name} is in use (is the server running?). Stop it, then run the restore again.`);
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').toLowerCase();
	const restoring = withDatabase(url, besideName(name, `_restoring_${stamp}`));
	await createDatabase(restoring);
	const { uri, env } = connection(restoring);
	try {
		await run('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', `--dbname=${uri}`, file], env);
	} catch (e) {
		await dropDatabase(restoring);
		throw e;
	}
	const lines: string[] = [];
	if (exists) {
		const kept = besideName(name, `_before_restore_${stamp}`);
		await renameDatabase(url, kept);
		lines.push(`Current database kept as ${kept}`);
	}
	await renameDatabase(restoring, name);
	lines.push(`Restored ${file} → ${redactUrl(url)}. Start the server again; it applies any newer migrations.`);
	return lines;
}
