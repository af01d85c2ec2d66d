import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import { containsText, escapeLike } from './like';

type Db = { people: { name: string } };
let db: Kysely<Db>;
beforeAll(async () => {
	db = new Kysely<Db>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
	await sql`create table people (name text not null)`.execute(db);
	await db
		.insertInto('people')
		.values(['nguyen van a', 'tran thi b', 'giam 50% hoc phi', 'ma_so_1', 'c:\\duong\\dan'].map((name) => ({ name })))
		.execute();
});
afterAll(() => db.destroy());

const find = async (text: string) =>
	(
		await db
			.selectFrom('people')
			.select('name')
			.where(containsText(db, 'name', text))
			.orderBy('name')
			.execute()
	).map((r) => r.name);

describe('LIKE search on typed text', () => {
	it('escapes the wildcards and the escape character', () => {
		expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
	});

	it('takes "%" and "_" literally instead of matching everyone', async () => {
		expect(await find('%')).toEqual(['giam 50% hoc phi']);
		expect(await find('_')).toEqual(['ma_so_1']);
		expect(await find('\\')).toEqual(['c:\\duong\\dan']);
		expect(await find('n_u')).toEqual([]);
	});

	it('still finds a fragment anywhere in the text', async () => {
		expect(await find('thi')).toEqual(['tran thi b']);
		expect(await find('')).toHaveLength(5);
	});
});
