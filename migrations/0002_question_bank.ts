import { sql, type Kysely } from 'kysely';

/**
 * Question bank: a folded copy of the current stem (lower case, no diacritics, single spaces) for
 * search that ignores diacritics ("bao luc" finds "bạo lực") and for duplicate detection, plus the
 * index that answers "was this question ever used in an attempt?" (deleting is refused then).
 * Frozen: the folding below is a copy of src/lib/vn/text.ts foldVietnamese as of this migration.
 */
function fold(s: string): string {
	return s
		.normalize('NFC')
		.replace(/[\u200B-\u200D\uFEFF]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase();
}

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('questions')
		.addColumn('stem_folded', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	const rows = await sql<{ id: number; stem: string }>`
		select q.id, v.stem from questions q join question_versions v on v.id = q.current_version_id`.execute(db);
	for (const r of rows.rows)
		await db
			.updateTable('questions')
			.set({ stem_folded: fold(r.stem) })
			.where('id', '=', r.id)
			.execute();
	await db.schema.createIndex('questions_stem_folded_idx').on('questions').column('stem_folded').execute();
	await db.schema.createIndex('attempt_questions_question_idx').on('attempt_questions').column('question_id').execute();
	await db.schema.createIndex('question_versions_question_idx').on('question_versions').columns(['question_id', 'version_no']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('question_versions_question_idx').ifExists().execute();
	await db.schema.dropIndex('attempt_questions_question_idx').ifExists().execute();
	await db.schema.dropIndex('questions_stem_folded_idx').ifExists().execute();
	await db.schema.alterTable('questions').dropColumn('stem_folded').execute();
}
