import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { copySqliteToPostgres } from '../../scripts/sqlite-to-pg';
import { migrateToLatest } from '../../src/lib/server/db';
import { databaseExists, dropDatabase, withDatabase } from '../../scripts/pg-tools';
import { ADMIN_URL, createDatabase } from './pg';

/** npm run backup / restore with DATABASE_URL: a pg_dump archive made while writes go on, put back with pg_restore. */

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-pg-backup-'));
let target: Awaited<ReturnType<typeof createDatabase>>;
const kept: string[] = [];

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
			cwd: root,
			env: { ...process.env, DATABASE_PATH: path.join(dir, 'unused.db'), ...env }
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('exit', (code) => resolve({ code: code ?? 1, out }));
	});
}

async function counts(url: string): Promise<Record<string, number>> {
	const db = openDatabase(url);
	try {
		const out: Record<string, number> = {};
		for (const t of ['users', 'attempts', 'attempt_answers', 'round_best', 'questions', 'kysely_migration'])
			out[t] = (await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0].n;
		return out;
	} finally {
		await db.destroy();
	}
}

beforeAll(async () => {
	const file = path.join(dir, 'demo.db');
	const seeded = openDatabase(file);
	await migrateToLatest(seeded);
	await seedDemo(seeded, Date.now(), 20);
	await seeded.destroy();
	target = await createDatabase('backup');
	await copySqliteToPostgres(file, target.url);
}, 120_000);

afterAll(async () => {
	await target?.drop();
	for (const name of kept) await dropDatabase(withDatabase(ADMIN_URL, name));
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore on PostgreSQL', () => {
	it('dumps one snapshot while writes go on, and restores it, keeping the replaced database', async () => {
		const before = await counts(target.url);
		expect(before.attempts).toBeGreaterThan(20);
		// Writes during the dump: new audit rows as fast as one connection can insert them.
		const writer = new pg.Client({ connectionString: target.url });
		await writer.connect();
		let stop = false;
		let written = 0;
		const load = (async () => {
			while (!stop) {
				await writer.query(`insert into audit_log (at, action, entity, details_json) values ($1, 'test.load', 'test', '{}')`, [Date.now()]);
				written++;
			}
		})();
		const file = path.join(dir, 'hoithi.dump');
		const backup = await run('scripts/backup.ts', [file], { DATABASE_URL: target.url });
		stop = true;
		await load;
		expect(backup.code, backup.out).toBe(0);
		expect(backup.out).toMatch(
			new RegExp(`pg_dump of postgres://[^ ]*\\*\\*\\*@[^ ]+, [\\d.]+ MB, ${before.users} accounts, ${before.attempts} attempts`)
		);
		expect(backup.out).not.toContain('hoithi:hoithi@');
		expect(written).toBeGreaterThan(0);
		expect(fs.existsSync(file + '.partial')).toBe(false);

		// Changes after the backup: gone once it is restored.
		await writer.query('delete from attempt_answers');
		await writer.query(`insert into topics (code, name) values ('sau-sao-luu', 'Sau sao lưu')`);

		// A running server (any session on the database): refused, nothing touched.
		const refused = await run('scripts/restore.ts', [file], { DATABASE_URL: target.url });
		expect(refused.code).toBe(1);
		expect(refused.out).toContain('is in use');
		await writer.end();

		const restore = await run('scripts/restore.ts', [file], { DATABASE_URL: target.url });
		expect(restore.code, restore.out).toBe(0);
		const name = /kept as (\S+)/.exec(restore.out)?.[1];
		// The whole time, even where the name had to be shortened to fit PostgreSQL's 63 bytes.
		expect(name).toMatch(/_before_restore_\d{8}t\d{6}$/);
		expect(target.name.startsWith(name!.replace(/_before_restore_\d{8}t\d{6}$/, ''))).toBe(true);
		expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(63);
		kept.push(name!);
		expect(await databaseExists(withDatabase(ADMIN_URL, name!))).toBe(true);

		const after = await counts(target.url);
		expect(after).toEqual(before);
		const db = openDatabase(target.url);
		try {
			expect(await db.selectFrom('topics').select('id').where('code', '=', 'sau-sao-luu').executeTakeFirst()).toBeUndefined();
			// The audit rows written during the dump after its snapshot are not in it; ids go on after the restored ones.
			const { id } = await db.insertInto('topics').values({ code: 'moi', name: 'Mới' }).returning('id').executeTakeFirstOrThrow();
			const max = await db
				.selectFrom('topics')
				.select((e) => e.fn.max('id').as('m'))
				.executeTakeFirstOrThrow();
			expect(id).toBe(max.m);
		} finally {
			await db.destroy();
		}
	});

	it('refuses a file that is not a pg_dump archive of hoithi, and leaves the database alone', async () => {
		const bogus = path.join(dir, 'not-a-dump.db');
		fs.writeFileSync(bogus, 'SQLite format 3\0 nothing else');
		const before = await counts(target.url);
		const r = await run('scripts/restore.ts', [bogus], { DATABASE_URL: target.url });
		expect(r.code).toBe(1);
		expect(r.out).toContain('not a pg_dump archive');
		expect(await counts(target.url)).toEqual(before);
	});
});
