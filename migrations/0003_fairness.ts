import { sql, type Kysely } from 'kysely';
import { idColumn, msType } from '../src/lib/server/db/schema';

/**
 * Fairness: where accounts are created and used from (keyed hashes of a first-party device id
 * and of the IP — never the IP itself), organisers' decisions on possible duplicate people,
 * the reason a person was disqualified and which account a merged duplicate was folded into.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const ms = msType(db);
	await db.schema
		.createTable('access_events')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('at', ms, (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('register','login','attempt_start')`))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('round_id', 'integer')
		.addColumn('attempt_id', 'integer')
		.addColumn('device_hash', 'text')
		.addColumn('ip_hash', 'text')
		.execute();
	await db.schema.createIndex('access_events_user_idx').on('access_events').columns(['user_id', 'kind']).execute();
	await db.schema.createIndex('access_events_device_idx').on('access_events').columns(['device_hash', 'at']).execute();
	await db.schema.createIndex('access_events_ip_idx').on('access_events').columns(['ip_hash', 'at']).execute();
	await db.schema.createIndex('access_events_round_idx').on('access_events').columns(['round_id', 'at']).execute();

	// One decision per unordered pair of people (user_low < user_high).
	await db.schema
		.createTable('duplicate_reviews')
		.addColumn('user_low', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('user_high', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('dismissed','merged')`))
		.addColumn('kept_user_id', 'integer')
		.addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('decided_at', ms, (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('duplicate_reviews_pk', ['user_low', 'user_high'])
		.addCheckConstraint('duplicate_reviews_order', sql`user_low < user_high`)
		.execute();

	await db.schema.alterTable('users').addColumn('disqualify_reason', 'text').execute();
	// Plain integer (no REFERENCES) so that the down migration can drop it in SQLite.
	await db.schema.alterTable('users').addColumn('merged_into', 'integer').execute();
	await db.schema.createIndex('users_dup_unit_idx').on('users').columns(['name_folded', 'unit_id', 'birth_date']).execute();

	await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'at']).execute();
	await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audit_log_entity_idx').ifExists().execute();
	await db.schema.dropIndex('audit_log_action_idx').ifExists().execute();
	await db.schema.dropIndex('users_dup_unit_idx').ifExists().execute();
	await db.schema.alterTable('users').dropColumn('merged_into').execute();
	await db.schema.alterTable('users').dropColumn('disqualify_reason').execute();
	await db.schema.dropTable('duplicate_reviews').ifExists().execute();
	await db.schema.dropTable('access_events').ifExists().execute();
}
