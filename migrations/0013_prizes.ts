import type { Kysely } from 'kysely';
import { idColumn, msType } from '../src/lib/server/db/schema';

/**
 * Prizes and certificates (issue 16 items 5 and 6).
 *
 * - prize_plans: what a round (`round:ID`) or a contest (`contest:ID`, unit prizes) awards, and
 *   whether it gives participation certificates.
 * - prize_lists: one list per round or contest, proposed from the ranking, reviewed, then frozen
 *   (frozen_hash: SHA-256 of its canonical content, prizes/canonical.ts) and published.
 * - prize_entries: one row per proposed winner; a person wins at most one prize per list
 *   (unique list_id + user_id), a unit at most one per category.
 * - prize_amendments: every change after the freeze, with its reason and the list's hash after it.
 * - certificates: the short codes printed (and QR-coded) on the PDFs, verified at /v/{code}.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('prize_plans')
		.addColumn('scope_key', 'text', (c) => c.primaryKey())
		.addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
		.addColumn('round_id', 'integer', (c) => c.references('rounds.id'))
		.addColumn('tiers_json', 'text', (c) => c.notNull())
		.addColumn('participation_certificates', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.addColumn('updated_at', msType(db), (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('prize_lists')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('scope_key', 'text', (c) => c.notNull().unique())
		.addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
		.addColumn('round_id', 'integer', (c) => c.references('rounds.id'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('actual', msType(db))
		.addColumn('proposed_by', 'integer', (c) => c.references('users.id'))
		.addColumn('proposed_at', msType(db), (c) => c.notNull())
		.addColumn('frozen_by', 'integer', (c) => c.references('users.id'))
		.addColumn('frozen_at', msType(db))
		.addColumn('frozen_hash', 'text')
		.addColumn('current_hash', 'text')
		.addColumn('published_at', msType(db))
		.execute();

	await db.schema
		.createTable('prize_entries')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('list_id', 'integer', (c) => c.notNull().references('prize_lists.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('category', 'text', (c) => c.notNull())
		.addColumn('tier', 'integer', (c) => c.notNull())
		.addColumn('tier_name', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('unit_id', 'integer', (c) => c.references('units.id'))
		.addColumn('rank', 'integer', (c) => c.notNull())
		.addColumn('score', 'integer')
		.addColumn('total', 'integer')
		.addColumn('duration_ms', msType(db))
		.addColumn('submitted_at', msType(db))
		.addColumn('prediction', msType(db))
		.addColumn('distance', msType(db))
		.addColumn('participants', 'integer')
		.addColumn('target', 'integer')
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('review_json', 'text')
		.addColumn('decision_reason', 'text')
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decided_at', msType(db))
		.addColumn('replaces_entry_id', 'integer')
		.addColumn('created_at', msType(db), (c) => c.notNull())
		.execute();
	await db.schema.createIndex('prize_entries_person_idx').unique().on('prize_entries').columns(['list_id', 'user_id']).execute();
	await db.schema.createIndex('prize_entries_unit_idx').unique().on('prize_entries').columns(['list_id', 'category', 'unit_id']).execute();
	await db.schema.createIndex('prize_entries_user_idx').on('prize_entries').column('user_id').execute();

	await db.schema
		.createTable('prize_amendments')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('list_id', 'integer', (c) => c.notNull().references('prize_lists.id'))
		.addColumn('entry_id', 'integer')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('hash_after', 'text', (c) => c.notNull())
		.addColumn('details_json', 'text', (c) => c.notNull().defaultTo('{}'))
		.addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('at', msType(db), (c) => c.notNull())
		.execute();
	await db.schema.createIndex('prize_amendments_list_idx').on('prize_amendments').columns(['list_id', 'id']).execute();

	await db.schema
		.createTable('certificates')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('scope_key', 'text', (c) => c.notNull())
		.addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id'))
		.addColumn('round_id', 'integer', (c) => c.references('rounds.id'))
		.addColumn('entry_id', 'integer')
		// What a certificate is for, once: `entry:ID` (a prize) or `participation:SCOPE:USER`.
		.addColumn('subject_key', 'text', (c) => c.notNull().unique())
		.addColumn('user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('unit_id', 'integer', (c) => c.references('units.id'))
		.addColumn('issued_at', msType(db), (c) => c.notNull())
		.addColumn('revoked_at', msType(db))
		.addColumn('revoke_reason', 'text')
		.execute();
	await db.schema.createIndex('certificates_user_idx').on('certificates').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('certificates').execute();
	await db.schema.dropTable('prize_amendments').execute();
	await db.schema.dropTable('prize_entries').execute();
	await db.schema.dropTable('prize_lists').execute();
	await db.schema.dropTable('prize_plans').execute();
}
