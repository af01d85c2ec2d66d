import { sql, type Kysely } from 'kysely';
import { idColumn, msType } from '../src/lib/server/db/schema';

/**
 * Personal data: a guardian's confirmation for children under 16 (name, phone, time), a marker
 * for accounts whose personal data was erased (results stay, anonymised), and participants'
 * deletion requests that an organiser confirms or rejects. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const ms = msType(db);
	await db.schema.alterTable('users').addColumn('guardian_name', 'text').execute();
	await db.schema.alterTable('users').addColumn('guardian_phone', 'text').execute();
	await db.schema.alterTable('users').addColumn('guardian_confirmed_at', ms).execute();
	await db.schema.alterTable('users').addColumn('anonymised_at', ms).execute();

	await db.schema
		.createTable('deletion_requests')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('requested_at', ms, (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('pending')
				.check(sql`status in ('pending','confirmed','rejected')`)
		)
		.addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('decided_at', ms)
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	// At most one pending request per person: a double click cannot file two.
	await sql`create unique index deletion_requests_pending_idx on deletion_requests (user_id) where status = 'pending'`.execute(db);
	await db.schema.createIndex('deletion_requests_status_idx').on('deletion_requests').columns(['status', 'requested_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('deletion_requests').ifExists().execute();
	await db.schema.alterTable('users').dropColumn('anonymised_at').execute();
	await db.schema.alterTable('users').dropColumn('guardian_confirmed_at').execute();
	await db.schema.alterTable('users').dropColumn('guardian_phone').execute();
	await db.schema.alterTable('users').dropColumn('guardian_name').execute();
}
