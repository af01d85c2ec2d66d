import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db';
import { sweep } from './sweep';

let db: Db;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
});
afterEach(() => db.destroy());

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

describe('the sweep', () => {
	it('deletes the shared state that has run out, and keeps the rest', async () => {
		await db
			.insertInto('rate_buckets')
			.values([
				{ bucket: 'login-ip', key: 'refilled long ago', tokens: 0, refilled_at: NOW - HOUR },
				{ bucket: 'login-ip', key: 'in use', tokens: 3, refilled_at: NOW - 1_000 }
			])
			.execute();
		await db
			.insertInto('backoff_locks')
			.values([
				{ name: 'login-pair', key: 'quiet for an hour', failures: 9, last_fail_at: NOW - HOUR, locked_until: NOW - HOUR + 60_000 },
				{ name: 'login-pair', key: 'recent', failures: 9, last_fail_at: NOW - 60_000, locked_until: NOW + 60_000 }
			])
			.execute();
		await db
			.insertInto('cache_events')
			.values([120_000, 90_000, 1_000].map((ago) => ({ topic: 'units', detail: '{}', origin: 1, at: NOW - ago })))
			.execute();
		expect(await sweep(db, NOW)).toEqual({ expired: 0, pruned: { limits: 2, imports: 0, events: 2 } });
		expect(await db.selectFrom('rate_buckets').select('key').execute()).toEqual([{ key: 'in use' }]);
		expect(await db.selectFrom('backoff_locks').select('key').execute()).toEqual([{ key: 'recent' }]);
		expect(await db.selectFrom('cache_events').select('id').execute()).toEqual([{ id: 3 }]);
	});

	it('does nothing while another process holds its lease', async () => {
		await db
			.insertInto('leases')
			.values({ name: 'sweep', holder: 'another process', expires_at: NOW + 60_000 })
			.execute();
		await db
			.insertInto('rate_buckets')
			.values({ bucket: 'login-ip', key: 'refilled long ago', tokens: 0, refilled_at: NOW - HOUR })
			.execute();
		expect(await sweep(db, NOW)).toBeNull();
		expect(await db.selectFrom('rate_buckets').select('key').execute()).toHaveLength(1);
		// Its holder stopped renewing it: this process takes over.
		expect(await sweep(db, NOW + 60_000)).toMatchObject({ pruned: { limits: 1 } });
	});
});
