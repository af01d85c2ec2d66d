import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
	CompiledQuery,
	Kysely,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type QueryResult
} from 'kysely';
import type { Database } from './types';
import type { Db } from './index';
import { withoutNul } from './postgres';
import { toDollar } from './placeholders';

/**
 * Heavy read-only queries (dashboards, reports, item analysis, closed-round rankings) run on a
 * second, read-only connection in a worker thread.
 *
 * SQLite: better-sqlite3 is synchronous: run on the main thread, a 20-second aggregate over ten
 * million answers would freeze every participant's autosave for 20 seconds. In WAL mode the worker
 * reads a consistent snapshot while the main thread keeps writing.
 *
 * PostgreSQL: the queries do not block, but receiving a closed round's 200,000 ranked rows as
 * objects costs the main thread tens of milliseconds — the worker parses them instead (the rank
 * order comes back as columns, moved without copying). Its pool is read-only and connects to
 * DATABASE_REPLICA_URL when there is one (a streaming replica: the primary does only the writes and
 * the hot reads), else to the primary.
 */
const SQLITE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
const statements = new Map();
parentPort.on('message', (m) => {
	try {
		let st = statements.get(m.sql);
		if (!st) {
			st = db.prepare(m.sql);
			if (statements.size > 500) statements.clear();
			statements.set(m.sql, st);
		}
		if (!st.reader) throw new Error('read-only connection: ' + m.sql.slice(0, 40));
		if (!m.columns) return parentPort.postMessage({ id: m.id, rows: st.all(m.params) });
		// Columnar: one Float64Array per column, filled row by row (no array of rows is ever held)
		// and moved, not copied, to the main thread.
		const n = st.columns().length;
		let cap = 1024;
		let cols = Array.from({ length: n }, () => new Float64Array(cap));
		let len = 0;
		try {
			for (const row of st.raw(true).iterate(m.params)) {
				if (len === cap) {
					cap *= 2;
					cols = cols.map((c) => { const g = new Float64Array(cap); g.set(c); return g; });
				}
				for (let j = 0; j < n; j++) cols[j][len] = row[j] ?? NaN;
				len++;
			}
		} finally {
			st.raw(false);
		}
		cols = cols.map((c) => c.slice(0, len));
		parentPort.postMessage({ id: m.id, columns: cols }, cols.map((c) => c.buffer));
	} catch (e) {
		parentPort.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
	}
});`;

/**
 * The PostgreSQL worker: a read-only pool with the same type parsers as postgres.ts (int8 and
 * numeric as numbers, int8 beyond 2^53 refused) — written out again here, as the worker runs from
 * this text.
 */
const POSTGRES_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.driver);
const int8 = (t) => {
	const n = Number(t);
	if (!Number.isSafeInteger(n)) throw new RangeError("PostgreSQL bigint " + t + " is beyond JavaScript's exact integers (2^53)");
	return n;
};
const types = { getTypeParser: (oid, format) => (oid === 20 ? int8 : oid === 1700 ? Number : pg.types.getTypeParser(oid, format)) };
const pool = new pg.Pool({
	connectionString: workerData.url,
	types,
	max: workerData.max,
	idleTimeoutMillis: 30000,
	connectionTimeoutMillis: 10000,
	statement_timeout: workerData.statementTimeoutMs,
	application_name: 'hoithi-' + process.pid + '-reads',
	keepAlive: true,
	allowExitOnIdle: true,
	options: '-c default_transaction_read_only=on'
});
pool.on('error', (e) => console.error('[hoithi] an idle PostgreSQL connection of the heavy reads failed:', e.message));
parentPort.on('message', async (m) => {
	try {
		if (!m.columns) {
			const r = await pool.query(m.sql, m.params);
			return parentPort.postMessage({ id: m.id, rows: r.rows });
		}
		const r = await pool.query({ text: m.sql, values: m.params, rowMode: 'array' });
		const cols = r.fields.map(() => new Float64Array(r.rows.length));
		for (let i = 0; i < r.rows.length; i++) {
			const row = r.rows[i];
			for (let j = 0; j < cols.length; j++) cols[j][i] = row[j] == null ? NaN : Number(row[j]);
		}
		parentPort.postMessage({ id: m.id, columns: cols }, cols.map((c) => c.buffer));
	} catch (e) {
		parentPort.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e), code: e && e.code });
	}
});`;

/** Where the heavy reads of a database go: its SQLite file, or a PostgreSQL URL (the replica's, if any). */
export type Target = { sqlite: string } | { postgres: string; poolMax?: number };

/** A statement on PostgreSQL may run this long on the heavy-read connection (item analysis over millions of answers). */
const HEAVY_STATEMENT_TIMEOUT_MS = 5 * 60_000;

class WorkerDriver implements Driver {
	private worker: Worker | null = null;
	private seq = 0;
	private pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();

	constructor(private readonly target: Target) {}

	async init(): Promise<void> {}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		const t = this.target;
		const resolve = createRequire(import.meta.url).resolve;
		// Its own heap cap: an oversized report fails that query (the worker is started afresh for
		// the next one) instead of growing the process past its memory budget.
		const w = new Worker('sqlite' in t ? SQLITE_WORKER : POSTGRES_WORKER, {
			eval: true,
			workerData:
				'sqlite' in t
					? { driver: resolve('better-sqlite3'), file: t.sqlite }
					: { driver: resolve('pg'), url: t.postgres, max: t.poolMax ?? 8, statementTimeoutMs: HEAVY_STATEMENT_TIMEOUT_MS },
			resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 }
		});
		w.on('message', (m: { id: number; rows?: unknown[]; columns?: Float64Array[]; error?: string; code?: string }) => {
			const p = this.pending.get(m.id);
			if (!p) return;
			this.pending.delete(m.id);
			if (this.pending.size === 0) w.unref();
			if (m.error) p.reject(Object.assign(new Error(m.error), m.code ? { code: m.code } : {}));
			else p.resolve(m.columns ?? m.rows ?? []);
		});
		const fail = (e: unknown) => {
			for (const p of this.pending.values()) p.reject(e instanceof Error ? e : new Error(String(e)));
			this.pending.clear();
			this.worker = null;
		};
		w.on('error', fail);
		w.on('exit', (code) => code !== 0 && fail(new Error(`query worker exited with ${code}`)));
		// Referenced only while a query is pending: an idle worker must never keep a shutting-down
		// server alive, but a script awaiting a result must not exit under it either. (Unref after
		// the listeners: adding a 'message' listener refs the port again.)
		w.unref();
		this.worker = w;
		return w;
	}

	private run(query: CompiledQuery): Promise<unknown[]> {
		return this.send({ sql: query.sql, params: query.parameters }) as Promise<unknown[]>;
	}

	/** A numeric query answered column by column (see `columns`). */
	columns(sql: string, params: readonly unknown[]): Promise<Float64Array[]> {
		return this.send({ sql, params, columns: true }) as Promise<Float64Array[]>;
	}

	private send(message: { sql: string; params: readonly unknown[]; columns?: boolean }): Promise<unknown> {
		const id = ++this.seq;
		if ('postgres' in this.target) message = { ...message, params: message.params.map(withoutNul) };
		return new Promise((resolve, reject) => {
			const w = this.ensureWorker();
			this.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
			w.ref();
			w.postMessage({ id, ...message });
		});
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		return {
			executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => ({ rows: (await this.run(query)) as R[] }),
			streamQuery: () => {
				throw new Error('streaming is not supported on the report connection');
			}
		};
	}

	async beginTransaction(): Promise<void> {
		throw new Error('the report connection is read-only');
	}
	async commitTransaction(): Promise<void> {}
	async rollbackTransaction(): Promise<void> {}
	async releaseConnection(): Promise<void> {}

	async destroy(): Promise<void> {
		await this.worker?.terminate();
		this.worker = null;
	}
}

/** Kysely's SQL, adapter and introspection of the engine, with the worker as its driver. */
class WorkerDialect implements Dialect {
	readonly driver: WorkerDriver;
	private readonly postgres: boolean;
	constructor(target: Target) {
		this.driver = new WorkerDriver(target);
		this.postgres = 'postgres' in target;
	}
	createDriver(): Driver {
		return this.driver;
	}
	/** A statement written with `?` placeholders, as this engine takes it. */
	placeholders(sql: string): string {
		return this.postgres ? toDollar(sql) : sql;
	}
	createQueryCompiler() {
		return this.postgres ? new PostgresQueryCompiler() : new SqliteQueryCompiler();
	}
	createAdapter() {
		return this.postgres ? new PostgresAdapter() : new SqliteAdapter();
	}
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	createIntrospector(db: Kysely<any>) {
		return this.postgres ? new PostgresIntrospector(db) : new SqliteIntrospector(db);
	}
}

const dialects = new WeakMap<Db, WorkerDialect>();

/**
 * A read query whose columns are all numbers, answered as one Float64Array per column (NULL → NaN),
 * run on the worker connection and moved to the main thread without copying: large result sets
 * (a whole round's ranking order) then cost the main thread nothing to receive. In-memory databases
 * (tests) run it in place.
 */
export async function offloadedColumns(
	db: Db,
	sql: string,
	params: readonly unknown[],
	inline: () => Promise<Float64Array[]>
): Promise<Float64Array[]> {
	const dialect = offloaded(db) === db ? undefined : dialects.get(db);
	return dialect ? dialect.driver.columns(dialect.placeholders(sql), params) : inline();
}

const reportDbs = new WeakMap<Db, Db>();
const targets = new WeakMap<Db, Target>();

/** Remembers where a database instance's heavy reads go (set by openDatabase). */
export function registerTarget(db: Db, target: Target): void {
	targets.set(db, target);
}

/**
 * The read-only worker-backed twin of `db` for heavy reads. In-memory databases (tests) have no
 * file a second connection could open: they get `db` itself; so does every database with
 * HOITHI_INLINE_REPORTS=1.
 */
export function offloaded(db: Db): Db {
	const target = targets.get(db);
	if (!target || ('sqlite' in target && target.sqlite === ':memory:') || process.env.HOITHI_INLINE_REPORTS === '1') return db;
	let twin = reportDbs.get(db);
	if (!twin) {
		const dialect = new WorkerDialect(target);
		twin = new Kysely<Database>({ dialect });
		reportDbs.set(db, twin);
		dialects.set(db, dialect);
	}
	return twin;
}
