import { SqliteAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { msType, rowIdColumn } from '../src/lib/server/db/schema';

/**
 * State that every server process must agree on, moved out of process memory (issue "Every core
 * and more than one machine"): rate limits and login back-off (a limit holds whichever process
 * answers), validated question-bank uploads waiting for "confirm", the cache invalidations one
 * process sends the others, and a lease naming the one process that runs the periodic sweep.
 * Frozen once shipped.
 *
 * Written for SQLite and PostgreSQL alike (plain types, upserts with `on conflict`); the one
 * per-dialect difference: on SQLite the two limit tables are `without rowid` — a table keyed by
 * its primary key is then one B-tree instead of a table plus an index, i.e. one page written per
 * change instead of two (an account's write limit is charged on every autosave). PostgreSQL has
 * no such option and needs none.
 */
function keyedByPrimaryKey<T extends string, C extends string>(db: Kysely<any>, t: CreateTableBuilder<T, C>): CreateTableBuilder<T, C> {
	return db.getExecutor().adapter instanceof SqliteAdapter ? t.modifyEnd(sql`without rowid`) : t;
}

export async function up(db: Kysely<any>): Promise<void> {
	const ms = msType(db);
	// Token buckets (auth/rate-limit.ts): `bucket` names the limit, `key` what it counts (an IP
	// hash, a device hash, an account id). A row whose bucket has refilled completely is the same
	// as no row: the sweep deletes those.
	await keyedByPrimaryKey(
		db,
		db.schema
			.createTable('rate_buckets')
			.addColumn('bucket', 'text', (c) => c.notNull())
			.addColumn('key', 'text', (c) => c.notNull())
			.addColumn('tokens', 'integer', (c) => c.notNull())
			.addColumn('refilled_at', ms, (c) => c.notNull())
			.addPrimaryKeyConstraint('rate_buckets_pk', ['bucket', 'key'])
	).execute();

	// Failed-login back-off (auth/backoff.ts), per lock name and key; forgotten after a quiet hour.
	await keyedByPrimaryKey(
		db,
		db.schema
			.createTable('backoff_locks')
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('key', 'text', (c) => c.notNull())
			.addColumn('failures', 'integer', (c) => c.notNull())
			.addColumn('last_fail_at', ms, (c) => c.notNull())
			.addColumn('locked_until', ms, (c) => c.notNull())
			.addPrimaryKeyConstraint('backoff_locks_pk', ['name', 'key'])
	).execute();

	// A validated upload waiting for its uploader's "confirm" (questions/pending-imports.ts): the
	// plan as JSON, taken once (delete … returning), for 30 minutes.
	await db.schema
		.createTable('pending_imports')
		.addColumn('token', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('expires_at', ms, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('pending_imports_user_idx').on('pending_imports').column('user_id').execute();

	// Cache invalidations (cache.ts), written in the transaction of the write that caused them;
	// every process reads the ones after the last it saw and applies the others' to its caches.
	// The id is the order: on SQLite one writer at a time makes commit order id order, and
	// `integer primary key` without autoincrement hands out max + 1 (no gaps; the sweep always
	// keeps the newest row, so an id is never handed out twice).
	await db.schema
		.createTable('cache_events')
		.addColumn('id', 'integer', rowIdColumn(db))
		.addColumn('topic', 'text', (c) => c.notNull())
		.addColumn('detail', 'text', (c) => c.notNull())
		// The writing process, so that it skips its own events (it applied them already).
		.addColumn('origin', ms, (c) => c.notNull())
		.addColumn('at', ms, (c) => c.notNull())
		.execute();

	// Work only one process should do at a time (the 30 s sweep): held by `holder` until `expires_at`.
	await db.schema
		.createTable('leases')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('holder', 'text', (c) => c.notNull())
		.addColumn('expires_at', ms, (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['leases', 'cache_events', 'pending_imports', 'backoff_locks', 'rate_buckets'])
		await db.schema.dropTable(t).ifExists().execute();
}
