import type { Kysely } from 'kysely';

/**
 * Whether a round has prizes (issue 18 item 6). A prize round reveals answers and explanations
 * only after it closes by default, so nobody can collect a verified answer key over several
 * attempts while it is open. Existing rounds: no prizes (0). Numbered 0009 because 0008 is
 * handed to the fairness-detector branch. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('rounds')
		.addColumn('has_prizes', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('rounds').dropColumn('has_prizes').execute();
}
