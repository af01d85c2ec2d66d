import type { Kysely } from 'kysely';
import { msType } from '../src/lib/server/db/schema';

/**
 * The rhythm of answering, for the fairness report's speed-with-context reasons (issue 18 item 5):
 * when an answer was first saved (saved_at is the last save) and how many times it was changed
 * afterwards. Both are written by the autosave's existing upsert — no extra statement per request.
 * Rows saved before this migration keep nulls: "not recorded", never "no change".
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempt_answers').addColumn('first_saved_at', msType(db)).execute();
	await db.schema.alterTable('attempt_answers').addColumn('changes', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempt_answers').dropColumn('changes').execute();
	await db.schema.alterTable('attempt_answers').dropColumn('first_saved_at').execute();
}
