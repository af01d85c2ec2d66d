import { type Kysely } from 'kysely';

/**
 * Dashboards: whether each drawn question was answered correctly (set when the attempt is scored,
 * so the knowledge-gap map and item analysis are plain aggregates), and indexes for the
 * per-day, per-period and per-unit queries. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempt_questions').addColumn('correct', 'integer').execute();
	await db.schema.createIndex('attempts_submitted_idx').on('attempts').columns(['submitted_at']).execute();
	await db.schema.createIndex('attempts_round_user_idx').on('attempts').columns(['round_id', 'user_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('attempts_round_user_idx').ifExists().execute();
	await db.schema.dropIndex('attempts_submitted_idx').ifExists().execute();
	await db.schema.alterTable('attempt_questions').dropColumn('correct').execute();
}
