import type { Kysely } from 'kysely';
import { msType } from '../src/lib/server/db/schema';

/**
 * Item-writing warnings an author has accepted (issue 15 item 4). The warnings themselves are not
 * stored: questions/item-checks.ts computes them from the current content (some depend on the
 * rest of the bank). A row says that `check` was accepted for the question's version
 * `version_id`, by whom and when; a new version of the content asks again. Deleting the question
 * deletes its rows; deleting the account keeps the acceptance without its author.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('question_check_acceptances')
		.addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('cascade'))
		.addColumn('check_code', 'text', (c) => c.notNull())
		.addColumn('version_id', 'integer', (c) => c.notNull())
		.addColumn('accepted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('accepted_at', msType(db), (c) => c.notNull())
		.addPrimaryKeyConstraint('question_check_acceptances_pk', ['question_id', 'check_code'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('question_check_acceptances').ifExists().execute();
}
