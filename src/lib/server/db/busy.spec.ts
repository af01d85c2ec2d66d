import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exclusive, type Db } from './index';
import { scratchDatabase } from './scratch';
import { createSession, SESSION_TTL_MS, validateSessionToken } from '../auth/sessions';

/** Several server processes on one file: another connection holding the write lock is another process. */
let file: string;
let db: Db;
let dispose: () => Promise<void>;
beforeEach(async () => {
	({ db, file, dispose } = await scratchDatabase('busy'));
});
afterEach(() => dispose());

const unit = (code: string) => ({ code, name: `Đơn vị ${code}`, kind: 'ward', created_at: 0 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('writes while another process holds the write lock', () => {
	it('wait their turn without stopping the event loop, then all go through', async () => {
		const other = new SQLite(file);
		other.exec('BEGIN IMMEDIATE');
		other.prepare("insert into units (code, name, kind, created_at) values ('A', 'Đơn vị A', 'ward', 0)").run();
		let ticks = 0;
		const timer = setInterval(() => ticks++, 5);
		const writes = Promise.all([
			// The hot path's transactions, Kysely's transactions and its single statements.
			exclusive(db, (c) => c.run("insert into units (code, name, kind, created_at) values ('B', 'Đơn vị B', 'ward', 0)")),
			db.transaction().execute((trx) => trx.insertInto('units').values(unit('C')).execute()),
			db.insertInto('units').values(unit('D')).execute()
		]);
		await sleep(150);
		// This process went on meanwhile, and wrote nothing yet.
		expect(ticks).toBeGreaterThan(10);
		expect(other.prepare('select code from units').all()).toEqual([{ code: 'A' }]);
		other.exec('COMMIT');
		await writes;
		clearInterval(timer);
		const codes = other.prepare('select code from units order by code').all() as { code: string }[];
		expect(codes.map((u) => u.code)).toEqual(['A', 'B', 'C', 'D']);
		other.close();
	});

	it('still roll back on an error of their own after waiting', async () => {
		const other = new SQLite(file);
		other.exec('BEGIN IMMEDIATE');
		const failing = exclusive(db, function* (c) {
			yield* c.run("insert into units (code, name, kind, created_at) values ('E', 'Đơn vị E', 'ward', 0)");
			throw new Error('abandoned');
		});
		await sleep(20);
		other.exec('COMMIT');
		await expect(failing).rejects.toThrow('abandoned');
		expect(other.prepare('select count(*) as n from units').get()).toEqual({ n: 0 });
		other.close();
	});

	it('leave a session’s sliding expiry for a later request instead of failing the request', async () => {
		const u = await db.insertInto('units').values(unit('S')).returning('id').executeTakeFirstOrThrow();
		const person = {
			full_name: 'Người Thử',
			name_folded: 'nguoi thu',
			birth_date: '1990-01-01',
			gender: 'female' as const,
			phone: '+84900000201',
			unit_id: u.id,
			password_hash: 'x',
			consent_at: 0,
			consent_version: 'v1',
			created_at: 0
		};
		const user = await db.insertInto('users').values(person).returning('id').executeTakeFirstOrThrow();
		const { token, session } = await createSession(db, user.id);
		const late = session.expiresAt - SESSION_TTL_MS / 4; // due for extension
		const other = new SQLite(file);
		other.exec('BEGIN IMMEDIATE');
		const busy = await validateSessionToken(db, token, late);
		expect(busy).toMatchObject({ extended: false, user: { id: user.id } });
		other.exec('COMMIT');
		expect(await validateSessionToken(db, token, late)).toMatchObject({ extended: true });
		other.close();
	});
});

describe('the hot path waiting for another process', () => {
	it('keeps its transactions in order, and each one on its own', async () => {
		const other = new SQLite(file);
		other.exec('BEGIN IMMEDIATE');
		const order: string[] = [];
		const writes = ['F', 'G', 'H'].map((code) =>
			exclusive(db, function* (c) {
				yield* c.run('insert into units (code, name, kind, created_at) values (?, ?, ?, 0)', code, `Đơn vị ${code}`, 'ward');
				order.push(code);
				if (code === 'G') throw new Error('G fails alone');
			})
		);
		await sleep(30);
		other.exec('COMMIT');
		const settled = await Promise.allSettled(writes);
		expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(order).toEqual(['F', 'G', 'H']);
		expect((other.prepare('select code from units order by code').all() as { code: string }[]).map((u) => u.code)).toEqual(['F', 'H']);
		other.close();
	});
});
