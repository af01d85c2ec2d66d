import type { Kysely } from 'kysely';

/**
 * Equal forms (issue 15 item 6):
 * - `rounds.form_band`: how far, in hundredths of a point out of 10, a form's expected score may
 *   lie from the round's mean (50 = ±0.5, the default for every round, old ones included);
 * - `attempts.expected_score`: the expected score of the form drawn, in thousandths of a point out
 *   of 10, as the draw computed it; null for attempts drawn before this migration. Integers, so the
 *   column is the same on SQLite and PostgreSQL.
 * Numbered 0016: numbers are handed out to parallel branches. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('rounds')
		.addColumn('form_band', 'integer', (c) => c.notNull().defaultTo(50))
		.execute();
	await db.schema.alterTable('attempts').addColumn('expected_score', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attempts').dropColumn('expected_score').execute();
	await db.schema.alterTable('rounds').dropColumn('form_band').execute();
}
