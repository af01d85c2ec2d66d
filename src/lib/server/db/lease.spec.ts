import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exclusive, migrateToLatest, openDatabase, type Db } from './index';
import { tryLease } from './lease';

let db: Db;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
});
afterEach(() => db.destroy());

const take = (holder: string, now: number) => exclusive(db, (c) => tryLease(c, 'sweep', holder, now, 90_000));

describe('a lease', () => {
	it('is held by one holder at a time, renewed by it, and taken over once it has expired', async () => {
		expect(await take('worker 1', 0)).toBe(true);
		expect(await take('worker 2', 1_000)).toBe(false);
		expect(await take('worker 1', 30_000)).toBe(true);
		// Renewed at 30 s: still held at 100 s, free from 120 s on.
		expect(await take('worker 2', 100_000)).toBe(false);
		expect(await take('worker 2', 120_000)).toBe(true);
		expect(await take('worker 1', 121_000)).toBe(false);
	});
});
