import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointInBackground, exclusive, openDatabase, withConn } from '../../src/lib/server/db';

/** WAL checkpoints run on a worker thread, never inside a participant's commit (db/checkpoint.ts). */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-ckpt-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('background checkpoints', () => {
	it('turn automatic checkpoints off on the server connection and copy the whole WAL back', async () => {
		const file = path.join(dir, 'c.db');
		const db = openDatabase(file);
		await exclusive(db, (c) => c.run('create table t (x text)'));
		const cp = checkpointInBackground(db, file, 60_000)!;
		expect(await withConn(db, (c) => c.get<{ wal_autocheckpoint: number }>('pragma wal_autocheckpoint'))).toEqual({ wal_autocheckpoint: 0 });
		// Far more than the 1,000 pages after which SQLite would have checkpointed inside a commit.
		for (let i = 0; i < 1500; i++) await exclusive(db, (c) => c.run('insert into t values (?)', 'x'.repeat(3000)));
		expect(fs.statSync(file + '-wal').size).toBeGreaterThan(1000 * 4096);
		const s = await cp.now();
		expect(s.errors).toBe(0);
		expect(s.log).toBeGreaterThan(1000);
		expect(s.checkpointed).toBe(s.log);
		// Writers go on while it runs, and the next write after a full checkpoint starts the WAL over.
		await exclusive(db, (c) => c.run('insert into t values (?)', 'y'));
		expect((await cp.now()).log).toBeLessThan(10);
		expect(await withConn(db, (c) => c.get<{ n: number }>('select count(*) as n from t'))).toEqual({ n: 1501 });
		await cp.stop();
		expect(await withConn(db, (c) => c.get<{ wal_autocheckpoint: number }>('pragma wal_autocheckpoint'))).toEqual({ wal_autocheckpoint: 1000 });
		await db.destroy();
	});

	it('is not used for in-memory databases', () => {
		expect(checkpointInBackground(openDatabase(':memory:'), ':memory:')).toBeNull();
	});
});
