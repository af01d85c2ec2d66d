import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { Migrator, sql } from 'kysely';
import { migrations } from './index';
import { migrateToLatest, openDatabase } from '../src/lib/server/db';

const dir = fileURLToPath(new URL('.', import.meta.url));

/** Numbered migration files on disk, without their extension, in name order. */
const files = fs
	.readdirSync(dir)
	.filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.spec.ts'))
	.map((f) => f.replace(/\.ts$/, ''))
	.sort();

const expectedTables = [
	'units',
	'users',
	'sessions',
	'contests',
	'rounds',
	'topics',
	'questions',
	'question_versions',
	'attempts',
	'attempt_answers',
	'audit_log',
	'access_events',
	'duplicate_reviews',
	'deletion_requests',
	'rate_buckets',
	'backoff_locks',
	'pending_imports',
	'cache_events',
	'leases',
	'question_check_acceptances',
	'practice_answers',
	'password_resets'
];

describe('migration files', () => {
	it('are all named NNNN_description', () => {
		expect(files.length).toBeGreaterThan(0);
		for (const f of files) expect(f).toMatch(/^\d{4}_[a-z0-9_]+$/);
	});

	// Numbers are handed out to parallel branches before they merge, so a branch may lack one
	// in between for a while; what must hold is a distinct, strictly ascending order from 0001.
	it('have distinct, ascending numbers starting at 0001', () => {
		const numbers = files.map((f) => Number(f.slice(0, 4)));
		expect(numbers[0]).toBe(1);
		for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThan(numbers[i - 1]);
	});

	it('are every one listed in index.ts under the same name, in ascending order', () => {
		expect(Object.keys(migrations)).toEqual(files);
	});

	it('each export an up and a down function', () => {
		for (const m of Object.values(migrations)) {
			expect(typeof m.up).toBe('function');
			expect(typeof m.down).toBe('function');
		}
	});
});

describe('migrateToLatest', () => {
	it('migrates a fresh in-memory database and creates the schema', async () => {
		const db = openDatabase(':memory:');
		try {
			const applied = await migrateToLatest(db);
			expect(applied[0]).toBe('0001_init');
			expect(applied).toEqual(files);

			const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
			const tables = rows.map((r) => r.name);
			for (const t of expectedTables) expect(tables).toContain(t);
		} finally {
			await db.destroy();
		}
	});

	// The migrations are frozen: editing one (as for PostgreSQL, db/schema.ts) must leave the schema
	// an existing SQLite database was built with exactly as it was. sqlite-schema.json is that schema
	// as the migrations produced it before they were written for both engines: 0001–0007 (the later
	// ones were written for both from the start, and change the schema on their own).
	it('produce on SQLite, byte for byte, the schema they produced before PostgreSQL', async () => {
		const db = openDatabase(':memory:');
		try {
			const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('0007_shared_state');
			if (error) throw error;
			const { rows } = await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`
				select type, name, tbl_name, sql from sqlite_master order by type, name`.execute(db);
			const snapshot = JSON.parse(fs.readFileSync(new URL('./sqlite-schema.json', import.meta.url), 'utf8'));
			expect(rows).toEqual(snapshot);
		} finally {
			await db.destroy();
		}
	});

	it('does nothing when run a second time', async () => {
		const db = openDatabase(':memory:');
		try {
			await migrateToLatest(db);
			expect(await migrateToLatest(db)).toEqual([]);
		} finally {
			await db.destroy();
		}
	});

	it('turns on foreign keys for the connection', async () => {
		const db = openDatabase(':memory:');
		try {
			const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
			expect(rows[0].foreign_keys).toBe(1);
		} finally {
			await db.destroy();
		}
	});

	it('can be rolled back completely by the down migrations', async () => {
		const db = openDatabase(':memory:');
		try {
			await migrateToLatest(db);
			for (const name of [...files].reverse()) await migrations[name].down?.(db);
			const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
			const left = rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_') && !n.startsWith('sqlite_'));
			expect(left).toEqual([]);
		} finally {
			await db.destroy();
		}
	});
});
