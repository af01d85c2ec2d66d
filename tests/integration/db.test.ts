import { describe, expect, it } from 'vitest';
import { toDollar } from '../../scripts/test-db.js';
import { onPostgres, testDb } from './db';

const db = testDb();

/** The tests' own database access (tests/integration/db.ts): the same answers on SQLite and PostgreSQL. */
describe('the test database helper', () => {
	it('answers counts, sums and the millisecond columns as numbers', async () => {
		const row = await db.get<{ n: unknown; total: unknown; newest: unknown; mean: unknown }>(
			'select count(*) as n, sum(id) as total, max(created_at) as newest, avg(id) as mean from users'
		);
		expect(typeof row?.n).toBe('number');
		expect(row!.n).toBeGreaterThan(0);
		expect(typeof row?.total).toBe('number');
		expect(typeof row?.mean).toBe('number');
		// A Date.now() of this century, stored in a bigint column on PostgreSQL.
		expect(row?.newest).toBeGreaterThan(1.7e12);
		expect(await db.get('select id from users where id = ?', -1)).toBeUndefined();
		expect(await db.all('select id from users where id = ?', -1)).toEqual([]);
	});

	it('numbers ? placeholders outside quotes, and counts what a write changed', async () => {
		expect(toDollar('select \'a?b\' as "c?" where x = ? and y = ? -- ?\nand z = ?')).toBe(
			'select \'a?b\' as "c?" where x = $1 and y = $2 -- ?\nand z = $3'
		);
		expect(await db.get("select 'a?b' as s, cast(? as integer) as x", 5)).toEqual({ s: 'a?b', x: 5 });
		const [first] = await db.all<{ id: number; title: string }>('select id, title from contests order by id limit 1');
		expect(await db.run('update contests set title = ? where id = ?', first.title, first.id)).toEqual({ changes: 1 });
		expect(await db.run('update contests set title = title where id = ?', -1)).toEqual({ changes: 0 });
	});

	it('is on the engine of the run', () => {
		expect(onPostgres()).toBe(process.env.TEST_ENGINE === 'postgres');
	});
});
