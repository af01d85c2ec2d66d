import type { Kysely } from 'kysely';
import { idColumn, msType } from '../src/lib/server/db/schema';

/**
 * Practice (ôn tập) and the personal knowledge map (issue 15 items 1–2).
 *
 * - `practice_answers`: a logged-in person's practice answers, in a table of their own so that no
 *   ranking, report or item analysis — all of which read attempts — can ever count them. Only the
 *   knowledge map on "Kết quả của tôi" reads them. Anonymous practice is not stored (its state lives
 *   in the page's signed token). `draw_nonce` is the drawn question's token nonce: answering the same
 *   drawn question again (a resubmitted form) is recorded once.
 * - `contests.practice_hides_open_rounds`: the organiser's switch "Không dùng câu hỏi của vòng đang
 *   mở cho ôn tập" — while on, practice draws nothing an open round of that contest could draw.
 *
 * Numbered 0014 as handed to this branch (0010–0013 belong to parallel branches). Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('contests')
		.addColumn('practice_hides_open_rounds', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createTable('practice_answers')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('cascade'))
		.addColumn('question_version_id', 'integer', (c) => c.notNull().references('question_versions.id').onDelete('cascade'))
		.addColumn('option_ids_json', 'text', (c) => c.notNull())
		.addColumn('correct', 'integer', (c) => c.notNull())
		.addColumn('draw_nonce', 'text', (c) => c.notNull())
		.addColumn('answered_at', msType(db), (c) => c.notNull())
		.execute();
	await db.schema.createIndex('practice_answers_user_nonce').on('practice_answers').columns(['user_id', 'draw_nonce']).unique().execute();
	await db.schema.createIndex('practice_answers_user_question').on('practice_answers').columns(['user_id', 'question_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('practice_answers').execute();
	await db.schema.alterTable('contests').dropColumn('practice_hides_open_rounds').execute();
}
