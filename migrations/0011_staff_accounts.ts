import type { Kysely } from 'kysely';
import { idColumn, msType } from '../src/lib/server/db/schema';

/**
 * Staff accounts and forgotten passwords (issue 16, items 1 and 4). Frozen once shipped.
 *
 * - users.deactivated_at: an account switched off by an admin (or an organiser, for a district
 *   lead). It cannot log in and holds no session; everything it did stays, and it can be switched
 *   on again. Null: active.
 * - password_resets: one row per one-time reset — an officer's code (`code`) or an emailed link
 *   (`link`). Only the SHA-256 of the secret is stored (the secret has ≥ 128 random bits, so a slow
 *   hash adds nothing); `used_at` makes it single use, `expires_at` is 30 minutes after issue.
 *   `issued_by` names the officer of a code (null for a link the person asked for themselves).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const ms = msType(db);
	await db.schema.alterTable('users').addColumn('deactivated_at', ms).execute();
	await db.schema
		.createTable('password_resets')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('secret_hash', 'text', (c) => c.notNull().unique())
		.addColumn('issued_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', ms, (c) => c.notNull())
		.addColumn('expires_at', ms, (c) => c.notNull())
		.addColumn('used_at', ms)
		.execute();
	await db.schema.createIndex('password_resets_user_idx').on('password_resets').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('password_resets').execute();
	await db.schema.alterTable('users').dropColumn('deactivated_at').execute();
}
