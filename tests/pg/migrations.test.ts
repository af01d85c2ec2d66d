import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrations } from '../../migrations/index';
import { migrateToLatest, openDatabase, type Db } from '../../src/lib/server/db';
import { dialectOf } from '../../src/lib/server/db/dialect';
import { createDatabase, migratedDatabase } from './pg';

/** The migrations on PostgreSQL: the same tables and columns as on SQLite, types that hold what the app writes. */

async function sqliteColumns(): Promise<Map<string, string[]>> {
	const db = openDatabase(':memory:');
	await migrateToLatest(db);
	const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
	const out = new Map<string, string[]>();
	for (const t of tables.rows) {
		const cols = await sql<{ name: string }>`select name from pragma_table_info(${t.name})`.execute(db);
		out.set(t.name, cols.rows.map((c) => c.name).sort());
	}
	await db.destroy();
	return out;
}

async function postgresColumns(db: Db): Promise<Map<string, string[]>> {
	const r = await sql<{ table_name: string; column_name: string }>`
		select table_name, column_name from information_schema.columns where table_schema = 'public'`.execute(db);
	const out = new Map<string, string[]>();
	for (const c of r.rows) out.set(c.table_name, [...(out.get(c.table_name) ?? []), c.column_name]);
	for (const cols of out.values()) cols.sort();
	return out;
}

describe('migrations on PostgreSQL', () => {
	let pg: Awaited<ReturnType<typeof migratedDatabase>>;
	beforeAll(async () => {
		pg = await migratedDatabase('migrations');
	});
	afterAll(() => pg?.close());

	it('is PostgreSQL', () => {
		expect(dialectOf(pg.db)).toBe('postgres');
	});

	it('create the same tables with the same columns as on SQLite', async () => {
		const [lite, post] = [await sqliteColumns(), await postgresColumns(pg.db)];
		expect([...post.keys()].sort()).toEqual([...lite.keys()].sort());
		for (const [t, cols] of lite) expect(post.get(t), t).toEqual(cols);
	});

	it('store every time in milliseconds as bigint, ids as identity columns, the secret hash as bytea', async () => {
		const r = await sql<{ table_name: string; column_name: string; data_type: string; is_identity: string }>`
			select table_name, column_name, data_type, is_identity from information_schema.columns where table_schema = 'public'`.execute(pg.db);
		const type = (t: string, c: string) => r.rows.find((x) => x.table_name === t && x.column_name === c);
		// Every *_at column holds Date.now(): beyond int4.
		const times = r.rows.filter((x) => /_at$|^at$|_until$/.test(x.column_name) && x.table_name !== 'kysely_migration');
		expect(times.length).toBeGreaterThanOrEqual(34);
		for (const x of times) expect(`${x.table_name}.${x.column_name}:${x.data_type}`).toBe(`${x.table_name}.${x.column_name}:bigint`);
		expect(type('cache_events', 'origin')?.data_type).toBe('bigint');
		expect(type('sessions', 'secret_hash')?.data_type).toBe('bytea');
		for (const t of ['units', 'users', 'contests', 'topics', 'rounds', 'round_quotas', 'questions', 'question_versions', 'attempts'])
			expect(type(t, 'id')?.is_identity, t).toBe('YES');
		expect(type('cache_events', 'id')?.is_identity).toBe('YES');
		expect(type('attempts', 'score')?.data_type).toBe('integer');
	});

	it('keep the partial unique index of one open attempt per person and round', async () => {
		const r = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'attempts_one_open'`.execute(pg.db);
		expect(r.rows[0]?.indexdef).toMatch(/UNIQUE INDEX attempts_one_open .*\(round_id, user_id\) WHERE \(status = 'open'::text\)/);
	});

	it('do nothing when run a second time', async () => {
		expect(await migrateToLatest(pg.db)).toEqual([]);
	});
});

describe('migrations on PostgreSQL, up and down', () => {
	it('can be rolled back completely by the down migrations', async () => {
		const d = await createDatabase('down');
		const db = openDatabase(d.url);
		try {
			await migrateToLatest(db);
			for (const name of Object.keys(migrations).reverse()) await migrations[name].down?.(db);
			const r = await sql<{ table_name: string }>`
				select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(db);
			expect(r.rows).toEqual([]);
		} finally {
			await db.destroy();
			await d.drop();
		}
	});

	it('run once when several processes start at the same time (an advisory lock)', async () => {
		const d = await createDatabase('race');
		const dbs = Array.from({ length: 3 }, () => openDatabase(d.url));
		try {
			const applied = await Promise.all(dbs.map((db) => migrateToLatest(db)));
			expect(applied.flat().sort()).toEqual(Object.keys(migrations).sort());
			expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
		} finally {
			for (const db of dbs) await db.destroy();
			await d.drop();
		}
	});
});
