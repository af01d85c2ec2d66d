import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import { localDay } from './dates';

let db: Kysely<object>;
beforeAll(() => {
	db = new Kysely<object>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
});
afterAll(() => db.destroy());

const dayOf = async (ms: number) => (await sql<{ day: string }>`select ${localDay(db, sql`${ms}`)} as day`.execute(db)).rows[0].day;

describe('localDay', () => {
	it('gives the Hanoi calendar day of a UTC instant', async () => {
		expect(await dayOf(Date.UTC(2026, 11, 1, 9, 30))).toBe('2026-12-01');
	});

	it('counts an evening in UTC that is already the next morning in Hanoi as the next day', async () => {
		expect(await dayOf(Date.UTC(2026, 11, 1, 17, 0))).toBe('2026-12-02');
		expect(await dayOf(Date.UTC(2026, 11, 1, 16, 59, 59))).toBe('2026-12-01');
	});

	it('turns the year at midnight in Hanoi', async () => {
		expect(await dayOf(Date.UTC(2026, 11, 31, 17, 0))).toBe('2027-01-01');
	});
});
