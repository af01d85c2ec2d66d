import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CompiledQuery, Kysely, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { Database } from './types';
import type { Db } from './index';

/**
 * Heavy read-only queries (dashboards, reports, item analysis, closed-round rankings) run on a
 * second, read-only SQLite connection in a worker thread. better-sqlite3 is synchronous: run on
 * the main thread, a 20-second aggregate over ten million answers would freeze every participant's
 * autosave for 20 seconds. In WAL mode the worker reads a consistent snapshot while the main
 * thread keeps writing. SQLite-specific, hence here in db/.
 */
const WORKER_SOURCE = `
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

class WorkerDriver implements Driver {
	private worker: Worker | null = null;
	private seq = 0;
	private pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();

	constructor(private readonly file: string) {}

	async init(): Promise<void> {}

	private ensureWorker(): Worker {
		if (this.worker) return this.worker;
		const driver = createRequire(import.meta.url).resolve('better-sqlite3');
		// Its own heap cap: an oversized report fails that query (the worker is started afresh for
		// the next one) instead of growing the process past its memory budget.
		const w = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: { driver, file: this.file },
			resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 }
		});
		w.on('message', (m: { id: number; rows?: unknown[]; columns?: Float64Array[]; error?: string }) => {
			const p = this.pending.get(m.id);
			if (!p) return;
			this.pending.delete(m.id);
			if (this.pending.size === 0) w.unref();
			if (m.error) p.reject(new Error(m.error));
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

class WorkerDialect extends SqliteDialect {
	readonly driver: WorkerDriver;
	constructor(file: string) {
		super({
			database: {
				close() {},
				prepare: () => {
					throw new Error('unused');
				}
			} as never
		});
		this.driver = new WorkerDriver(file);
	}
	override createDriver(): Driver {
		return this.driver;
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
	inline: () => Float64Array[]
): Promise<Float64Array[]> {
	const dialect = offloaded(db) === db ? undefined : dialects.get(db);
	return dialect ? dialect.driver.columns(sql, params) : inline();
}

const reportDbs = new WeakMap<Db, Db>();
const files = new WeakMap<Db, string>();

/** Remembers which file a database instance was opened on (set by openDatabase). */
export function registerFile(db: Db, file: string): void {
	files.set(db, file);
}

/**
 * The read-only worker-backed twin of `db` for heavy reads. In-memory databases (tests) have no
 * file a second connection could open: they get `db` itself.
 */
export function offloaded(db: Db): Db {
	const file = files.get(db);
	if (!file || file === ':memory:' || process.env.HOITHI_INLINE_REPORTS === '1') return db;
	let twin = reportDbs.get(db);
	if (!twin) {
		const dialect = new WorkerDialect(file);
		twin = new Kysely<Database>({ dialect });
		reportDbs.set(db, twin);
		dialects.set(db, dialect);
	}
	return twin;
}
