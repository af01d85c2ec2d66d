import type { Kysely } from 'kysely';
import { idColumn, msType } from '../src/lib/server/db/schema';

/**
 * The season around the rounds (issue 16, items 2, 3 and 7):
 * - pending_unit_imports: a validated unit sheet waiting for its uploader's "confirm" (units/pending.ts),
 *   like pending_imports for questions, kept apart so neither confirm can take the other's plan;
 * - participant_groups: the plan's target audiences, edited by organisers; a group in use is hidden,
 *   never deleted (users.group_id references it). users.group_id null = "chưa khai báo";
 * - settings: small organiser settings by key (the reports' data cut-offs), JSON values.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const ms = msType(db);
	await db.schema
		.createTable('pending_unit_imports')
		.addColumn('token', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('payload', 'text', (c) => c.notNull())
		.addColumn('expires_at', ms, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('pending_unit_imports_user_idx').on('pending_unit_imports').column('user_id').execute();

	await db.schema
		.createTable('participant_groups')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', ms, (c) => c.notNull())
		.execute();
	const now = Date.now();
	await db
		.insertInto('participant_groups')
		.values(
			['Hội viên phụ nữ', 'Học sinh', 'Sinh viên', 'Cán bộ, công chức, viên chức', 'Người dân'].map((name, i) => ({
				name,
				position: i + 1,
				hidden: 0,
				created_at: now
			}))
		)
		.execute();
	await db.schema
		.alterTable('users')
		.addColumn('group_id', 'integer', (c) => c.references('participant_groups.id'))
		.execute();
	await db.schema.createIndex('users_group_idx').on('users').column('group_id').execute();

	await db.schema
		.createTable('settings')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('updated_at', ms, (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('settings').execute();
	await db.schema.dropIndex('users_group_idx').execute();
	await db.schema.alterTable('users').dropColumn('group_id').execute();
	await db.schema.dropTable('participant_groups').execute();
	await db.schema.dropTable('pending_unit_imports').execute();
}
