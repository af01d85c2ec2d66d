import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { registeredClient } from './client';

const root = path.resolve(import.meta.dirname, '../..');
const dir = path.join(root, 'test-results/backup-test');

function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
			cwd: root,
			env: { ...process.env, ...env }
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('exit', (code) => resolve({ code: code ?? 1, out }));
	});
}

const STABLE = ['units', 'contests', 'rounds', 'topics', 'questions', 'question_versions', 'kysely_migration'];

describe('backup and restore', () => {
	it('takes an online backup under load that opens, passes integrity_check and matches the live database', async () => {
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		const live = inject('dbPath');
		// Load: participants autosaving as fast as they can while the backup runs.
		const people = await Promise.all(Array.from({ length: 6 }, () => registeredClient()));
		const current = (await (await people[0].client.get('/api/rounds/current')).json()) as { rounds: { id: number }[] };
		const views = await Promise.all(
			people.map(
				async (p) =>
					(await (await p.client.json('POST', `/api/rounds/${current.rounds[0].id}/attempts`)).json()) as {
						attemptId: number;
						questions: { id: number; options: { id: string }[] }[];
					}
			)
		);
		let stop = false;
		let saves = 0;
		const load = people.map(async (p, i) => {
			for (let k = 0; !stop; k++) {
				const q = views[i].questions[k % views[i].questions.length];
				const r = await p.client.json('PUT', `/api/attempts/${views[i].attemptId}/answers`, {
					questionId: q.id,
					optionIds: [q.options[k % q.options.length].id]
				});
				if (r.status === 204) saves++;
			}
		});
		await new Promise((r) => setTimeout(r, 200));
		const file = path.join(dir, 'hoithi-backup.db');
		const res = await run('scripts/backup.ts', [file], { DATABASE_PATH: live });
		stop = true;
		await Promise.all(load);
		expect(res.code, res.out).toBe(0);
		expect(res.out).toMatch(/integrity ok/);
		expect(saves).toBeGreaterThan(20);
		console.log(`backup under load: ${saves} autosaves acknowledged meanwhile; ${res.out.trim()}`);

		const b = new SQLite(file, { readonly: true });
		const l = new SQLite(live, { readonly: true });
		try {
			expect(b.pragma('integrity_check', { simple: true })).toBe('ok');
			const schema = (db: SQLite.Database) =>
				db.prepare("select type, name, sql from sqlite_master where name not like 'sqlite_%' order by name").all();
			expect(schema(b)).toEqual(schema(l));
			// Tables the load does not touch are identical; the rest hold at most what is live now.
			for (const t of STABLE)
				expect(b.prepare(`select * from ${t} order by rowid`).all(), t).toEqual(l.prepare(`select * from ${t} order by rowid`).all());
			for (const t of ['users', 'attempts', 'attempt_answers', 'audit_log']) {
				const nb = (b.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
				const nl = (l.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
				expect(nb, t).toBeGreaterThan(0);
				expect(nb, t).toBeLessThanOrEqual(nl);
			}
			const ids = b.prepare('select id, phone from users order by id').all();
			const liveIds = l
				.prepare(`select id, phone from users where id <= ? order by id`)
				.all((b.prepare('select max(id) as m from users').get() as { m: number }).m);
			expect(ids).toEqual(liveIds);
		} finally {
			b.close();
			l.close();
		}
	}, 60_000);

	it('refuses to restore over a database the server is using, and restores into a stopped one', async () => {
		const file = path.join(dir, 'hoithi-backup.db');
		const refused = await run('scripts/restore.ts', [file], { DATABASE_PATH: inject('dbPath') });
		expect(refused.code).toBe(1);
		expect(refused.out).toMatch(/in use/);

		const target = path.join(dir, 'restored.db');
		fs.writeFileSync(target, '');
		const empty = new SQLite(target);
		empty.exec('create table old (x)');
		empty.close();
		const ok = await run('scripts/restore.ts', [file], { DATABASE_PATH: target });
		expect(ok.code, ok.out).toBe(0);
		expect(fs.readdirSync(dir).some((f) => f.startsWith('restored.db.before-restore-'))).toBe(true);
		const r = new SQLite(target, { readonly: true });
		const b = new SQLite(file, { readonly: true });
		try {
			expect(r.pragma('integrity_check', { simple: true })).toBe('ok');
			expect(r.prepare('select count(*) as n from attempt_answers').get()).toEqual(
				b.prepare('select count(*) as n from attempt_answers').get()
			);
		} finally {
			r.close();
			b.close();
		}
	});

	it('refuses a file that is not a hoithi backup', async () => {
		const junk = path.join(dir, 'junk.db');
		fs.writeFileSync(junk, 'not a database at all');
		const res = await run('scripts/restore.ts', [junk], { DATABASE_PATH: path.join(dir, 'other.db') });
		expect(res.code).toBe(1);
		expect(fs.existsSync(path.join(dir, 'other.db'))).toBe(false);
	});
});
