/**
 * npm run db:to-pg -- <sqlite-file> <postgres-url> — copies a hoithi SQLite database into an empty
 * PostgreSQL database: the way from the one-machine set-up to PostgreSQL (docs/deploy.md), and how
 * `npm run gen -- --database-url …` produces its PostgreSQL data sets.
 *
 * The PostgreSQL database is migrated by the app's own migrations, then every table is copied in
 * foreign-key order (parents before children, a unit's parent before the unit), ids as they are,
 * in batches of BATCH rows (`insert … select * from unnest($1::int[], $2::text[], …)`: one statement
 * per batch whatever its width), all in one transaction — a failed copy leaves the target empty.
 * Then each identity sequence is moved past the largest id and the tables are analysed. Stop the
 * server before copying a live database (the copy reads one snapshot of the file, but writes made
 * after it would be lost).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../src/lib/server/db';
import { redactUrl } from '../src/lib/server/db/dialect';
import { parseInt8, withoutNul } from '../src/lib/server/db/postgres';
import { createDatabase, databaseExists } from './pg-tools';

const BATCH = 20_000;
/** Tables a migration fills with defaults: replaced by the file's rows rather than refused. */
const SEEDED_BY_MIGRATIONS = ['participant_groups'];

interface Column {
	name: string;
	/** PostgreSQL's type of it, for the array its batch is sent as. */
	pgType: string;
}

/** Tables in an order where each comes after the ones it references. */
function foreignKeyOrder(lite: SQLite.Database, tables: string[]): string[] {
	const deps = new Map(
		tables.map((t) => [
			t,
			(lite.prepare('select "table" as ref from pragma_foreign_key_list(?)').all(t) as { ref: string }[])
				.map((r) => r.ref)
				.filter((r) => r !== t)
		])
	);
	const out: string[] = [];
	const visit = (t: string, path: string[]) => {
		if (out.includes(t)) return;
		if (path.includes(t)) throw new Error(`foreign keys go round in a circle: ${[...path, t].join(' → ')}`);
		for (const d of deps.get(t) ?? []) visit(d, [...path, t]);
		out.push(t);
	};
	for (const t of tables) visit(t, []);
	return out;
}

/** A table's rows in an order that inserts a referenced row of the same table first (units: parents first). */
function rowsOf(lite: SQLite.Database, table: string, columns: Column[]): Iterable<unknown[]> {
	const self = (
		lite.prepare('select "from" as col, "to" as target from pragma_foreign_key_list(?) where "table" = ?').all(table, table) as {
			col: string;
			target: string;
		}[]
	)[0];
	const list = columns.map((c) => `t."${c.name}"`).join(', ');
	const query = self
		? `with recursive depth(key, d) as (
				select "${self.target}", 0 from "${table}" where "${self.col}" is null
				union all select c."${self.target}", depth.d + 1 from "${table}" c join depth on c."${self.col}" = depth.key
			) select ${list} from "${table}" t join depth on depth.key = t."${self.target}" order by depth.d, t.rowid`
		: `select ${list} from "${table}" t`;
	return lite.prepare(query).raw(true).iterate() as Iterable<unknown[]>;
}

/** A SQLite value as PostgreSQL takes it in an array parameter (bytes as Buffers, text without NUL). */
function pgValue(v: unknown): unknown {
	if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v);
	if (typeof v === 'bigint') return v.toString();
	return withoutNul(v);
}

export interface CopyResult {
	tables: { table: string; rows: number }[];
	ms: number;
}

/**
 * Copies the SQLite database `file` into the PostgreSQL database `url` (created when missing; it must
 * hold no hoithi rows). Both end at the same migration.
 */
export async function copySqliteToPostgres(file: string, url: string, log: (line: string) => void = () => {}): Promise<CopyResult> {
	const started = Date.now();
	const lite = new SQLite(file, { readonly: true, fileMustExist: true });
	if (!(await databaseExists(url))) await createDatabase(url);
	const db = openDatabase(url);
	const client = new pg.Client({
		connectionString: url,
		types: { getTypeParser: (oid: number) => (oid === 20 ? parseInt8 : pg.types.getTypeParser(oid)) } as never
	});
	try {
		const liteMigrations = (lite.prepare('select name from kysely_migration order by name').pluck().all() as string[]).join(',');
		await migrateToLatest(db);
		const pgMigrations = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows
			.map((r) => r.name)
			.join(',');
		if (liteMigrations !== pgMigrations)
			throw new Error(
				`${file} is at migrations [${liteMigrations}], this version at [${pgMigrations}]: migrate the file first (npm run migrate)`
			);

		const tables = lite
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name"
			)
			.pluck()
			.all() as string[];
		const types = await sql<{ table_name: string; column_name: string; udt_name: string; is_identity: string }>`
			select table_name, column_name, udt_name, is_identity from information_schema.columns where table_schema = 'public'`.execute(db);
		const columnsOf = (t: string): Column[] =>
			(lite.prepare('select name from pragma_table_info(?) order by cid').pluck().all(t) as string[]).map((name) => {
				const c = types.rows.find((r) => r.table_name === t && r.column_name === name);
				if (!c) throw new Error(`PostgreSQL has no column ${t}.${name}`);
				return { name, pgType: c.udt_name };
			});

		await client.connect();
		await client.query('begin');
		for (const t of tables) {
			const { rows } = await client.query<{ n: number }>(`select count(*) as n from "${t}"`);
			if (rows[0].n === 0) continue;
			// Rows a migration writes (the default participant groups of 0012): the file went through
			// the same migration, so its own rows (as its organisers edited them) replace them.
			if (SEEDED_BY_MIGRATIONS.includes(t)) await client.query(`delete from "${t}"`);
			else throw new Error(`the PostgreSQL database already holds rows in ${t}: copy only into an empty database`);
		}
		const copied: CopyResult['tables'] = [];
		for (const t of foreignKeyOrder(lite, tables)) {
			const columns = columnsOf(t);
			const names = columns.map((c) => `"${c.name}"`).join(', ');
			const arrays = columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ');
			const insert = `insert into "${t}" (${names}) select * from unnest(${arrays})`;
			let n = 0;
			let batch: unknown[][] = columns.map(() => []);
			let size = 0;
			const flush = async () => {
				if (size === 0) return;
				await client.query(insert, batch);
				n += size;
				batch = columns.map(() => []);
				size = 0;
			};
			for (const row of rowsOf(lite, t, columns)) {
				row.forEach((v, j) => batch[j].push(pgValue(v)));
				if (++size === BATCH) await flush();
			}
			await flush();
			copied.push({ table: t, rows: n });
			log(`  ${t}: ${n.toLocaleString('en')} rows`);
		}
		// The next id handed out comes after the copied ones.
		for (const c of types.rows.filter((r) => r.is_identity === 'YES'))
			await client.query(
				`select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${c.column_name}") from "${c.table_name}"), 0) + 1, false)`,
				[`"${c.table_name}"`, c.column_name]
			);
		await client.query('commit');
		await client.query('analyze');
		return { tables: copied, ms: Date.now() - started };
	} catch (e) {
		await client.query('rollback').catch(() => {});
		throw e;
	} finally {
		lite.close();
		await client.end().catch(() => {});
		await db.destroy();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const [file, url] = process.argv.slice(2);
	if (!file || !url || !/^postgres(ql)?:\/\//.test(url)) {
		console.error('Usage: npm run db:to-pg -- <sqlite-file> <postgres://user:password@host:5432/database>');
		process.exit(2);
	}
	console.log(`Copying ${file} → ${redactUrl(url)}`);
	try {
		const r = await copySqliteToPostgres(file, url, console.log);
		console.log(`Done: ${r.tables.reduce((s, t) => s + t.rows, 0).toLocaleString('en')} rows in ${(r.ms / 1000).toFixed(1)} s.`);
	} catch (e) {
		console.error(`Copy failed, nothing was written: ${(e as Error).message}`);
		process.exit(1);
	}
}
