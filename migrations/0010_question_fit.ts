import type { Kysely } from 'kysely';

/**
 * Who a question fits and what it must not meet in one attempt (issue 15 items 3 and 4):
 * - `audience`: 'all' (everyone, the default for every existing question) or 'adults' (18+);
 * - `min_age`: an optional minimum age in years (6–99), on top of the audience;
 * - `exclusion_group`: a short slug; a draw never puts two questions of one group in one attempt
 *   (questions that answer each other).
 * Attributes of the question, not of a version (like difficulty): changing them adds no version.
 * No index: the draw reads the whole published pool once (cached), never by group.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('questions')
		.addColumn('audience', 'text', (c) => c.notNull().defaultTo('all'))
		.execute();
	await db.schema.alterTable('questions').addColumn('min_age', 'integer').execute();
	await db.schema.alterTable('questions').addColumn('exclusion_group', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('questions').dropColumn('exclusion_group').execute();
	await db.schema.alterTable('questions').dropColumn('min_age').execute();
	await db.schema.alterTable('questions').dropColumn('audience').execute();
}
