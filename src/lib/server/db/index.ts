import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	Migrator,
	SqliteDialect,
	type DatabaseConnection,
	type Driver,
	type QueryResult,
	type Transaction,
	type TransactionBuilder
} from 'kysely';
import { migrations } from '../../../../migrations/index';
import { config } from '../config';
import type { Database } from './types';
import { offloadedColumns, registerTarget } from './offload';
import { dialectOf, isPostgresUrl } from './dialect';
import type pg from 'pg';
import { HoithiPostgresDialect, openPool, withoutNul } from './postgres';
import { toDollar } from './placeholders';
import { asyncConn, asyncRun, runToEnd, synchronousConn, type Conn, type Program } from './program';
import { pgExclusive, pgWithConn, type TxHooks } from './pg-programs';
export { offloaded } from './offload';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Repository functions take either the database or a transaction first. */
export type Executor = Db | Trx;

/**
 * Everything engine-specific lives in this folder: SQLite's pragmas, file and dialect here,
 * PostgreSQL's pool in postgres.ts, the SQL that differs in sql.ts / dates.ts / like.ts / schema.ts /
 * errors.ts. The rest of the code speaks Kysely (or portable SQL) and runs on both.
 */
function openSqlite(file: string): SQLite.Database {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const sqlite = new SQLite(file);
	// Opening may meet another process setting up the same new file: wait for it here, at start.
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('journal_mode = WAL');
	// NORMAL in WAL: a commit survives a process crash (kill -9); only an OS crash or power
	// loss may roll back the last transactions. See README "Durability".
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('temp_store = MEMORY');
	// Then never wait inside SQLite: its busy handler sleeps (1, 2, 5 … ms) with the whole event
	// loop stopped while another process holds the write lock. A write that meets the lock answers
	// SQLITE_BUSY at once instead and is tried again after the event loop has had its turn (whenBusy).
	sqlite.pragma('busy_timeout = 0');
	return sqlite;
}

/**
 * Another process holds the write lock (WAL: one writer at a time; also SQLITE_BUSY_RECOVERY while
 * a process replays the WAL after a crash). A statement refused so did nothing: safe to run again.
 */
export function isBusy(e: unknown): boolean {
	return typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('SQLITE_BUSY');
}

/** How long a write waits for other processes' transactions before it gives up (SQLITE_BUSY, a 500). */
const BUSY_WAIT_MS = 5_000;
const BUSY = Symbol('busy');

const busyTooLong = () =>
	Object.assign(new Error(`database is locked (SQLITE_BUSY) for more than ${BUSY_WAIT_MS / 1000} s`), { code: 'SQLITE_BUSY' });
/** The pause before the next try: the event loop's other work first, then a millisecond. */
const pause = (tries: number, next: () => void) => (tries <= 3 ? setImmediate(next) : setTimeout(next, 1));

/**
 * Runs `attempt` again while it answers BUSY, after `pause`, for up to BUSY_WAIT_MS (then
 * SQLITE_BUSY). The process keeps serving meanwhile. For Kysely's statements and transactions
 * (the forms, the organiser's work); the hot path queues instead (exclusive).
 */
async function whenBusy<T>(attempt: () => Promise<T | typeof BUSY>): Promise<T> {
	const started = Date.now();
	for (let tries = 1; ; tries++) {
		await new Promise<void>((r) => pause(tries, r));
		const r = await attempt();
		if (r !== BUSY) return r;
		if (Date.now() - started > BUSY_WAIT_MS) throw busyTooLong();
	}
}

/**
 * Kysely's SQLite driver prepares every query anew; compiling the same SQL thousands of times a
 * second costs more than running it. Statements are cached by their SQL text (bounded, oldest
 * out first). Safe because Kysely runs one statement at a time on this connection and never
 * streams (a cached statement that is still iterating could not be reused).
 */
function withStatementCache(sqlite: SQLite.Database, max = 2000) {
	const cache = new Map<string, SQLite.Statement>();
	return {
		sqlite,
		close: () => sqlite.close(),
		prepare(sql: string) {
			let stmt = cache.get(sql);
			if (!stmt) {
				stmt = sqlite.prepare(sql);
				if (cache.size >= max) cache.delete(cache.keys().next().value!);
				cache.set(sql, stmt);
			}
			return stmt;
		}
	};
}

/**
 * The one SQLite connection, used synchronously: the hot attempt paths (start, autosave, submit,
 * session lookup) run their few statements back to back as prepared statements, without the
 * per-query cost of building, compiling and awaiting a Kysely query. They are statement programs
 * (program.ts), run only through `exclusive` / `withConn`, which hold Kysely's connection lock, so
 * these statements never interleave with a Kysely transaction that is awaiting between its statements.
 */
export { plain, valueList, valueRows, type Conn, type Program } from './program';

/**
 * Kysely's SQLite driver with a count of connections handed out. Kysely holds the one connection
 * from acquire to release — across the awaits of a transaction — so while the count is 0 nothing
 * of Kysely's is in flight on it, and synchronous work can run at once (see `withConn`).
 */
class TrackedDriver implements Driver {
	held = 0;
	constructor(private readonly inner: Driver) {}
	init() {
		return this.inner.init();
	}
	async acquireConnection(): Promise<DatabaseConnection> {
		const c = await this.inner.acquireConnection();
		this.held++;
		// A statement that meets another process's write lock is run again (whenBusy) instead of
		// failing. Inside a transaction (begin immediate: the lock is held) none does.
		return {
			executeQuery: <R>(q: CompiledQuery) => {
				// better-sqlite3 runs the statement (and throws) synchronously, inside executeQuery.
				const once = (): Promise<QueryResult<R> | typeof BUSY> => {
					try {
						return c.executeQuery<R>(q);
					} catch (e) {
						if (isBusy(e)) return Promise.resolve(BUSY);
						return Promise.reject(e);
					}
				};
				return once().then((r) => (r === BUSY ? whenBusy(once) : r));
			},
			streamQuery: (q, chunkSize) => c.streamQuery(q, chunkSize)
		};
	}
	async releaseConnection(c: DatabaseConnection) {
		this.held--;
		return this.inner.releaseConnection(c);
	}
	/**
	 * `begin immediate` instead of Kysely's deferred `begin`: the transaction takes the write lock at
	 * once. With several processes on one file, a deferred transaction that has read and then writes
	 * fails with SQLITE_BUSY at once (without waiting) when another process committed in between —
	 * its snapshot is stale and cannot become a write. Taking the lock first makes it wait its turn
	 * (whenBusy) instead. With one process nothing changes: the one connection serialises anyway.
	 */
	async beginTransaction(c: DatabaseConnection) {
		await c.executeQuery(CompiledQuery.raw('begin immediate'));
	}
	commitTransaction(c: DatabaseConnection) {
		return this.inner.commitTransaction(c);
	}
	rollbackTransaction(c: DatabaseConnection) {
		return this.inner.rollbackTransaction(c);
	}
	savepoint(...a: Parameters<NonNullable<Driver['savepoint']>>) {
		return this.inner.savepoint!(...a);
	}
	rollbackToSavepoint(...a: Parameters<NonNullable<Driver['rollbackToSavepoint']>>) {
		return this.inner.rollbackToSavepoint!(...a);
	}
	releaseSavepoint(...a: Parameters<NonNullable<Driver['releaseSavepoint']>>) {
		return this.inner.releaseSavepoint!(...a);
	}
	destroy() {
		return this.inner.destroy();
	}
}

class TrackedSqliteDialect extends SqliteDialect {
	driver?: TrackedDriver;
	createDriver(): Driver {
		return (this.driver = new TrackedDriver(super.createDriver()));
	}
}

const conns = new WeakMap<
	Db,
	{ conn: Conn; exec: (sql: string) => void; sqlite: SQLite.Database; dialect: TrackedSqliteDialect; scope: TxScope; waiting: Waiting[] }
>();
/** The pool of a PostgreSQL database, and how its statement programs open a transaction's scope. */
const pools = new WeakMap<Db, { pool: pg.Pool; hooks: TxHooks }>();
/** The database a connection or a transaction belongs to (databaseOf). */
const owners = new WeakMap<Trx | Conn, Db>();

/**
 * Work a write defers until its transaction has ended (afterTransaction). One scope per open
 * transaction: a Kysely transaction gets its own; `exclusive` reuses its connection's, so that an
 * autosave, which defers nothing, allocates nothing.
 */
class TxScope {
	open = false;
	private pending: ((committed: boolean) => void)[] = [];
	/** Writes to make just before COMMIT (beforeCommit), by key: one per key per transaction. */
	private closing: Map<string, (c: Conn) => Program<void>> | null = null;

	defer(fn: (committed: boolean) => void): void {
		this.pending.push(fn);
	}

	deferWrite(key: string, fn: (c: Conn) => Program<void>): void {
		(this.closing ??= new Map()).set(key, fn);
	}

	/** Runs the writes deferred to the end of the transaction, still inside it. */
	*close(c: Conn): Program<void> {
		if (!this.closing) return;
		const run = this.closing;
		this.closing = null;
		for (const fn of run.values()) yield* fn(c);
	}

	/** Closes the scope and runs what was deferred, in order (every one, even if one throws). */
	end(committed: boolean): void {
		this.open = false;
		this.closing = null;
		if (this.pending.length === 0) return;
		const run = this.pending;
		this.pending = [];
		let failure: unknown = null;
		for (const fn of run) {
			try {
				fn(committed);
			} catch (e) {
				failure ??= e;
			}
		}
		if (failure) throw failure;
	}
}

/** The open scope of a Kysely transaction (by its Transaction) or of `exclusive` (by its Conn). */
const scopes = new WeakMap<Trx | Conn, TxScope>();

/**
 * Runs `fn` once the transaction that `via` belongs to has ended — committed (`true`) or rolled back
 * (`false`) — or at once when `via` is not inside a transaction (the database itself, a `withConn`
 * connection, null): such a write is committed already. For work that must not see, or let others
 * see, a state before its commit: clearing caches (cache.ts). `via` is what the write went through:
 * a Transaction from `db.transaction().execute`, the Conn of `exclusive`, or the database.
 */
export function afterTransaction(via: Executor | Conn | null, fn: (committed: boolean) => void): void {
	const scope = via ? scopes.get(via as Trx | Conn) : undefined;
	if (scope?.open) return scope.defer(fn);
	if (!scope && via && 'isTransaction' in via && via.isTransaction)
		throw new Error('afterTransaction(): a transaction not opened by db.transaction().execute() of openDatabase()');
	fn(true);
}

/**
 * Runs the write `fn` inside the transaction that `via` belongs to, just before it commits — once
 * per `key` however often it is asked for in that transaction — so that it commits or rolls back
 * with the writes that asked for it (the cache events of cache.ts: other processes must see an
 * invalidation exactly when they can see what it is about). Outside a transaction it runs at once
 * on its own: on `via` itself when that is a connection (`withConn`), on the database's connection
 * when `via` is the database (as soon as Kysely releases it; a failure is logged), not at all for
 * null (no database).
 */
export function beforeCommit(via: Executor | Conn | null, key: string, fn: (c: Conn) => Program<void>): void {
	if (!via) return;
	const scope = scopes.get(via as Trx | Conn);
	if (scope?.open) return scope.deferWrite(key, fn);
	if ('isTransaction' in via) {
		if (via.isTransaction)
			throw new Error('beforeCommit(): not inside a transaction opened by db.transaction().execute() of openDatabase()');
		exclusive(via as Db, fn).catch((e) => console.error('[hoithi] a write after the commit failed', e));
		return;
	}
	// A connection of withConn on PostgreSQL: its statements are awaited, so the write goes on its own.
	const db = owners.get(via);
	if (db && pools.has(db)) {
		exclusive(db, fn).catch((e) => console.error('[hoithi] a write after the commit failed', e));
		return;
	}
	runToEnd(fn(via));
}

/** The database that `via` (a connection, a transaction or the database itself) writes to. */
export function databaseOf(via: Executor | Conn): Db {
	const db = 'isTransaction' in via && !via.isTransaction ? (via as Db) : owners.get(via as Trx | Conn);
	if (!db) throw new Error('databaseOf(): not a database opened by openDatabase(), nor one of its connections or transactions');
	return db;
}

/**
 * The database handle: Kysely, whose transactions (`transaction().execute`) keep a scope of work
 * deferred until they end (afterTransaction).
 */
class AppDatabase extends Kysely<Database> {
	override transaction(): TransactionBuilder<Database> {
		const builder = super.transaction();
		const execute = builder.execute.bind(builder);
		builder.execute = async <T>(fn: (trx: Trx) => Promise<T>): Promise<T> => {
			const scope = new TxScope();
			let out: T;
			try {
				out = await execute(async (trx) => {
					scope.open = true;
					scopes.set(trx, scope);
					owners.set(trx, this);
					const result = await fn(trx);
					// SQLite: Kysely holds the one connection until COMMIT, so its transaction is open on it now.
					if (dialectOf(this) === 'sqlite') runToEnd(scope.close(connFor(this).conn));
					else await runOnTransaction(trx, (c) => scope.close(c));
					return result;
				});
			} catch (e) {
				scope.end(false);
				throw e;
			}
			scope.end(true);
			return out;
		};
		return builder;
	}
}

function connFor(db: Db) {
	const c = conns.get(db);
	if (!c) throw new Error('exclusive()/withConn() need a database opened by openDatabase()');
	return c;
}

/**
 * Runs a program inside a Kysely transaction on PostgreSQL (the writes deferred to its end by
 * beforeCommit: the cache events), each statement through the transaction's connection.
 */
function runOnTransaction<T>(trx: Trx, fn: (c: Conn) => Program<T>): Promise<T> {
	const c = asyncConn();
	owners.set(c, databaseOf(trx));
	return asyncRun(fn(c), async (sql, params) => {
		const r = await trx.executeQuery(CompiledQuery.raw(toDollar(sql), params.map(withoutNul)));
		return { rows: r.rows, rowCount: r.numAffectedRows === undefined ? null : Number(r.numAffectedRows) };
	});
}

/**
 * Runs `fn` on the connection: at once when Kysely holds no connection (JavaScript being single-
 * threaded, synchronous code cannot interleave with anything then), otherwise after taking
 * Kysely's lock — never in the middle of a Kysely transaction that is awaiting between statements.
 */
function onConnection<T>(db: Db, fn: () => T): Promise<T> {
	const { dialect } = connFor(db);
	if (dialect.driver && dialect.driver.held === 0) {
		try {
			return Promise.resolve(fn());
		} catch (e) {
			return Promise.reject(e);
		}
	}
	return db.connection().execute(async () => fn());
}

/**
 * Runs the program `fn` on the connection (no transaction: reads; a write here throws SQLITE_BUSY
 * at once while another process writes — isBusy — so writes belong in `exclusive`, which waits its
 * turn, unless skipping one is fine, like a session's sliding expiry).
 */
export function withConn<T>(db: Db, fn: (c: Conn) => Program<T>): Promise<T> {
	const onPg = pools.get(db);
	if (onPg) return pgWithConn(onPg.pool, fn, (c) => owners.set(c, db));
	const { conn } = connFor(db);
	return onConnection(db, () => runToEnd(fn(conn)));
}

/**
 * Runs the program `fn` in one write transaction (BEGIN IMMEDIATE … COMMIT, rolled back if it
 * throws) on the connection. On SQLite the program runs synchronously to its end: nothing else can
 * run on the connection meanwhile. Never call it from inside a Kysely transaction (that holds the
 * lock: it would wait for itself). While another process holds the write lock it waits without
 * stopping this one (whenBusy), then runs `fn`.
 */
export function exclusive<T>(db: Db, fn: (c: Conn) => Program<T>): Promise<T> {
	const onPg = pools.get(db);
	if (onPg) return pgExclusive(onPg.pool, fn, onPg.hooks);
	const q = connFor(db).waiting;
	const wait = () =>
		new Promise<T>((resolve, reject) => {
			q.push({ fn, resolve: resolve as (v: unknown) => void, reject, since: Date.now() });
			if (q.length === 1) pause(1, () => takeTurns(db, q, 2));
		});
	// Behind the ones already waiting for another process's lock: in order.
	if (q.length) return wait();
	return exclusiveOnce(db, fn).then((r) => (r === BUSY ? wait() : r));
}

interface Waiting {
	fn: (c: Conn) => Program<unknown>;
	resolve: (v: unknown) => void;
	reject: (e: unknown) => void;
	since: number;
}

/**
 * The transactions of this process waiting for another's write lock, in a line: only the first
 * tries (after `pause`); once it has run, the next tries at once. One try per process, not one per
 * waiting request — those would burn the CPU the lock holder needs. Measured with two workers on
 * one file (saturated autosave / hand-in; 2 cores shared with the load generator and other work):
 * every request retrying on its own took 425–491 / 777–990 µs of CPU a request, SQLite's busy
 * handler (sleeping 1, 2, 5 … ms with the event loop stopped) 357–387 / 746–754, this line
 * 353–368 / 794–806 at the same throughput as the busy handler — without stopping the process.
 */
function takeTurns(db: Db, q: Waiting[], tries: number): void {
	const head = q[0];
	if (!head) return;
	const next = (settle: () => void) => {
		q.shift();
		settle();
		if (q.length) takeTurns(db, q, 0);
	};
	exclusiveOnce(db, head.fn).then(
		(r) => {
			if (r !== BUSY) return next(() => head.resolve(r));
			if (Date.now() - head.since > BUSY_WAIT_MS) return next(() => head.reject(busyTooLong()));
			pause(tries, () => takeTurns(db, q, tries + 1));
		},
		(e) => next(() => head.reject(e))
	);
}

function exclusiveOnce<T>(db: Db, fn: (c: Conn) => Program<T>): Promise<T | typeof BUSY> {
	const { conn, sqlite, scope, exec } = connFor(db);
	return onConnection(db, () => {
		try {
			exec('BEGIN IMMEDIATE');
		} catch (e) {
			if (isBusy(e)) return BUSY;
			throw e;
		}
		scope.open = true;
		let out: T;
		try {
			out = runToEnd(fn(conn));
			runToEnd(scope.close(conn));
			exec('COMMIT');
		} catch (e) {
			try {
				if (sqlite.inTransaction) exec('ROLLBACK');
			} finally {
				scope.end(false);
			}
			throw e;
		}
		scope.end(true);
		return out;
	});
}

/**
 * A read whose columns are all numbers, as one Float64Array per column (NULL → NaN): on the worker
 * connection for files (the arrays are moved, not copied, to this thread), in place for `:memory:`.
 * For large orderings (a round's ranking), where a row object per person would cost the main
 * thread tens of milliseconds to receive.
 */
export function numericColumns(db: Db, sql: string, params: readonly unknown[]): Promise<Float64Array[]> {
	return offloadedColumns(db, sql, params, async () => {
		const pool = pools.get(db)?.pool;
		if (pool) {
			const r = await pool.query<unknown[]>({ text: toDollar(sql), values: params.map(withoutNul), rowMode: 'array' });
			const cols = r.fields.map(() => new Float64Array(r.rows.length));
			r.rows.forEach((row, i) => row.forEach((v, j) => (cols[j][i] = v == null ? Number.NaN : Number(v))));
			return cols;
		}
		const { sqlite } = connFor(db);
		const st = sqlite.prepare(sql);
		const rows = st.raw(true).all(...params) as unknown[][];
		const cols = Array.from({ length: st.columns().length }, () => new Float64Array(rows.length));
		rows.forEach((r, i) => r.forEach((v, j) => (cols[j][i] = v == null ? Number.NaN : Number(v))));
		return cols;
	});
}

export interface OpenOptions {
	/** PostgreSQL: the replica the heavy reads use (default: `target` itself). */
	replicaUrl?: string;
	/** PostgreSQL: connections per pool (default 8). */
	poolMax?: number;
}

/**
 * The database at `target`: a PostgreSQL URL (`postgres://…`), or a SQLite file (`:memory:` for
 * tests). Nothing connects to PostgreSQL until the first query.
 */
export function openDatabase(target: string, options: OpenOptions = {}): Db {
	if (isPostgresUrl(target)) {
		const pool = openPool(target, { max: options.poolMax });
		const db = new AppDatabase({ dialect: new HoithiPostgresDialect(pool) });
		pools.set(db, {
			pool,
			hooks: {
				begin(c) {
					const scope = new TxScope();
					scope.open = true;
					scopes.set(c, scope);
					owners.set(c, db);
					return scope;
				}
			}
		});
		registerTarget(db, { postgres: options.replicaUrl ?? target, poolMax: options.poolMax });
		return db;
	}
	const file = target;
	const cached = withStatementCache(openSqlite(file));
	const dialect = new TrackedSqliteDialect({ database: cached });
	const db = new AppDatabase({ dialect });
	const conn = synchronousConn(cached.prepare);
	const exec = (sql: string) => void cached.prepare(sql).run();
	const scope = new TxScope();
	scopes.set(conn, scope);
	owners.set(conn, db);
	conns.set(db, { conn, exec, sqlite: cached.sqlite, dialect, scope, waiting: [] });
	registerTarget(db, { sqlite: file });
	return db;
}

let instance: Db | null = null;

/**
 * The app's database: PostgreSQL when DATABASE_URL is set, else the SQLite file DATABASE_PATH.
 * Opened lazily: `vite build` imports server modules and must not create a database file.
 */
export function getDb(): Db {
	if (!instance) {
		const c = config();
		instance = c.DATABASE_URL
			? openDatabase(c.DATABASE_URL, { replicaUrl: c.DATABASE_REPLICA_URL, poolMax: c.DATABASE_POOL_MAX })
			: openDatabase(c.DATABASE_PATH);
	}
	return instance;
}

export async function migrateToLatest(db: Db): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations }
	});
	const { error, results } = await migrator.migrateToLatest();
	if (error) throw error;
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
