import pg from 'pg';
import { CompiledQuery, PostgresDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/**
 * PostgreSQL through node-postgres (`pg`): the pool, the type parsers and the one rule on text
 * parameters. Everything PostgreSQL-specific about connecting lives here (dialect selection is in
 * index.ts, the SQL that differs in sql.ts, schema.ts and errors.ts).
 */

/** PostgreSQL's type ids (pg_type.oid) of the types answered as strings by default. */
const INT8 = 20;
const NUMERIC = 1700;

/**
 * int8 (bigint columns — the millisecond timestamps — count(*), sum(), row_number()) as a JS number:
 * pg answers a string by default, and `"41" + 1` is "411". A value beyond 2^53 would lose digits
 * silently as a number: it is refused instead (no id, count or millisecond comes near it).
 */
export function parseInt8(text: string): number {
	const n = Number(text);
	if (!Number.isSafeInteger(n)) throw new RangeError(`PostgreSQL bigint ${text} is beyond JavaScript's exact integers (2^53)`);
	return n;
}

/** numeric (avg(), `x * 1.0 / y`, sum of a bigint) as a JS number, as SQLite answers it (a double). */
function parseNumeric(text: string): number {
	return Number(text);
}

/** Per pool, not pg's global `types`: tests and scripts that use pg for other things keep its defaults. */
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === INT8 ? parseInt8 : oid === NUMERIC ? parseNumeric : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

export interface PoolOptions {
	/** At most this many connections (default DATABASE_POOL_MAX, 8): workers × max must stay under the server's max_connections. */
	max?: number;
	/** Every transaction read-only (the heavy-read connection, a replica). */
	readOnly?: boolean;
	/** A statement running longer is cancelled (default 30 s; the heavy reads take longer). */
	statementTimeoutMs?: number;
	applicationName?: string;
}

/** A pool on `url` with the type parsers above and the session settings every connection gets. */
export function openPool(url: string, o: PoolOptions = {}): pg.Pool {
	const pool = new pg.Pool({
		connectionString: url,
		types,
		max: o.max ?? 8,
		idleTimeoutMillis: 30_000,
		// Waiting longer for a free connection than this is a failure to report, not a hang.
		connectionTimeoutMillis: 10_000,
		statement_timeout: o.statementTimeoutMs ?? 30_000,
		// A process stalled inside a transaction must not hold its row locks for ever.
		idle_in_transaction_session_timeout: 60_000,
		application_name: o.applicationName ?? `hoithi-${process.pid}`,
		keepAlive: true,
		// A script that has finished exits even while idle connections are still open.
		allowExitOnIdle: true,
		...(o.readOnly ? { options: '-c default_transaction_read_only=on' } : {})
	});
	// An idle connection that fails (the server restarts) emits 'error' on the pool; unhandled, it
	// would end the process. The pool drops that connection and opens another when one is needed.
	pool.on('error', (e) => console.error('[hoithi] an idle PostgreSQL connection failed:', e.message));
	return pool;
}

/**
 * PostgreSQL refuses the character NUL (U+0000) in text ("invalid byte sequence for encoding UTF8:
 * 0x00": a 500), where SQLite stores it. Nobody types one on purpose — it comes from fuzzing, a
 * broken client or a pasted binary — so it is dropped from every text parameter on its way in,
 * whatever the query and whoever forgot to clean the field. (Stored text is NFC and NUL-free from
 * then on; a search for "a\0b" looks for "ab".)
 */
export function withoutNul(value: unknown): unknown {
	if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
	if (Array.isArray(value)) return value.some((v) => typeof v === 'string' && v.includes('\u0000')) ? value.map(withoutNul) : value;
	return value;
}

function cleanParameters(q: CompiledQuery): CompiledQuery {
	const p = q.parameters;
	for (let i = 0; i < p.length; i++) if (withoutNul(p[i]) !== p[i]) return { ...q, parameters: p.map(withoutNul) } as CompiledQuery;
	return q;
}

/** Kysely's PostgreSQL driver whose statements go out with their text parameters NUL-free (withoutNul). */
class CleanDriver implements Driver {
	constructor(private readonly inner: Driver) {}
	init() {
		return this.inner.init();
	}
	async acquireConnection(): Promise<DatabaseConnection> {
		const c = await this.inner.acquireConnection();
		const clean: DatabaseConnection = {
			executeQuery: <R>(q: CompiledQuery): Promise<QueryResult<R>> => c.executeQuery<R>(cleanParameters(q)),
			streamQuery: (q, chunkSize) => c.streamQuery(cleanParameters(q), chunkSize)
		};
		this.wrapped.set(clean, c);
		return clean;
	}
	// Kysely hands the connection it acquired back to the driver's own methods: unwrap it there.
	private readonly wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();
	beginTransaction(...a: Parameters<Driver['beginTransaction']>) {
		return this.inner.beginTransaction(this.unwrap(a[0]), a[1]);
	}
	commitTransaction(c: DatabaseConnection) {
		return this.inner.commitTransaction(this.unwrap(c));
	}
	rollbackTransaction(c: DatabaseConnection) {
		return this.inner.rollbackTransaction(this.unwrap(c));
	}
	savepoint(...a: Parameters<NonNullable<Driver['savepoint']>>) {
		return this.inner.savepoint!(this.unwrap(a[0]), a[1], a[2]);
	}
	rollbackToSavepoint(...a: Parameters<NonNullable<Driver['rollbackToSavepoint']>>) {
		return this.inner.rollbackToSavepoint!(this.unwrap(a[0]), a[1], a[2]);
	}
	releaseSavepoint(...a: Parameters<NonNullable<Driver['releaseSavepoint']>>) {
		return this.inner.releaseSavepoint!(this.unwrap(a[0]), a[1], a[2]);
	}
	releaseConnection(c: DatabaseConnection) {
		return this.inner.releaseConnection(this.unwrap(c));
	}
	destroy() {
		return this.inner.destroy();
	}
	private unwrap(c: DatabaseConnection): DatabaseConnection {
		return this.wrapped.get(c) ?? c;
	}
}

/** Kysely's PostgreSQL dialect on `pool`, with NUL-free text parameters. */
export class HoithiPostgresDialect extends PostgresDialect {
	constructor(readonly pool: pg.Pool) {
		super({ pool });
	}
	override createDriver(): Driver {
		return new CleanDriver(super.createDriver());
	}
}
