import { sql, type Kysely } from 'kysely';
import { bytesType, idColumn, msType } from '../src/lib/server/db/schema';

/**
 * Initial schema. Frozen: never edit after it has shipped, add 0002_… instead.
 * Times are integer milliseconds since the epoch (UTC). Text is stored NFC-normalised.
 * Written for SQLite and PostgreSQL (db/schema.ts: ids, millisecond columns, bytes differ).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const id = idColumn(db);
	const ms = msType(db);
	await db.schema
		.createTable('units')
		.addColumn('id', 'integer', id)
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('parent_id', 'integer', (c) => c.references('units.id').onDelete('restrict'))
		.addColumn('target_count', 'integer')
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', ms, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();

	await db.schema
		.createTable('users')
		.addColumn('id', 'integer', id)
		.addColumn('full_name', 'text', (c) => c.notNull())
		.addColumn('name_folded', 'text', (c) => c.notNull())
		.addColumn('birth_date', 'text', (c) => c.notNull())
		.addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('female','male','other')`))
		.addColumn('phone', 'text', (c) => c.notNull().unique())
		.addColumn('email', 'text', (c) => c.unique())
		.addColumn('national_id_hash', 'text', (c) => c.unique())
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.defaultTo('participant')
				.check(sql`role in ('participant','district_lead','organiser','admin')`)
		)
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('consent_at', ms, (c) => c.notNull())
		.addColumn('consent_version', 'text', (c) => c.notNull())
		.addColumn('disqualified_at', ms)
		.addColumn('created_at', ms, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('users_unit_idx').on('users').column('unit_id').execute();
	await db.schema.createIndex('users_dup_idx').on('users').columns(['name_folded', 'birth_date']).execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', bytesType(db), (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', ms, (c) => c.notNull())
		.addColumn('expires_at', ms, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('contests')
		.addColumn('id', 'integer', id)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('rules', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft','published','archived')`)
		)
		.addColumn('created_at', ms, (c) => c.notNull())
		.addColumn('updated_at', ms, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('topics')
		.addColumn('id', 'integer', id)
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('rounds')
		.addColumn('id', 'integer', id)
		.addColumn('contest_id', 'integer', (c) => c.notNull().references('contests.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('opens_at', ms, (c) => c.notNull())
		.addColumn('closes_at', ms, (c) => c.notNull())
		.addColumn('question_count', 'integer', (c) => c.notNull())
		.addColumn('time_limit_seconds', 'integer', (c) => c.notNull())
		.addColumn('max_attempts', 'integer', (c) => c.notNull())
		.addColumn('reveal_policy', 'text', (c) => c.notNull().check(sql`reveal_policy in ('after_submit','after_close')`))
		.addColumn('prediction_kind', 'text', (c) => c.check(sql`prediction_kind in ('participants','attempts','perfect_scores')`))
		.addColumn('prediction_question', 'text')
		.addColumn('prediction_actual', 'integer')
		.addColumn('created_at', ms, (c) => c.notNull())
		.addColumn('updated_at', ms, (c) => c.notNull())
		.addCheckConstraint('rounds_window', sql`closes_at > opens_at`)
		.execute();
	await db.schema.createIndex('rounds_contest_idx').on('rounds').column('contest_id').execute();
	await db.schema.createIndex('rounds_window_idx').on('rounds').columns(['opens_at', 'closes_at']).execute();

	// Quotas: "draw N questions of topic T and/or difficulty D". Null means "any".
	await db.schema
		.createTable('round_quotas')
		.addColumn('id', 'integer', id)
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
		.addColumn('topic_id', 'integer', (c) => c.references('topics.id'))
		.addColumn('difficulty', 'integer')
		.addColumn('count', 'integer', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('round_quotas_round_idx').on('round_quotas').column('round_id').execute();

	await db.schema
		.createTable('questions')
		.addColumn('id', 'integer', id)
		.addColumn('topic_id', 'integer', (c) => c.notNull().references('topics.id'))
		.addColumn('difficulty', 'integer', (c) => c.notNull().check(sql`difficulty between 1 and 3`))
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('single','multiple','true_false')`))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft','published','retired')`)
		)
		.addColumn('current_version_id', 'integer')
		.addColumn('created_at', ms, (c) => c.notNull())
		.addColumn('updated_at', ms, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('questions_status_idx').on('questions').columns(['status', 'topic_id']).execute();

	// A version is immutable once written: attempts point at it, so past scores never change.
	await db.schema
		.createTable('question_versions')
		.addColumn('id', 'integer', id)
		.addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id').onDelete('cascade'))
		.addColumn('version_no', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('stem', 'text', (c) => c.notNull())
		// JSON: [{ id, text, correct }]; option ids are random so they reveal nothing.
		.addColumn('options_json', 'text', (c) => c.notNull())
		.addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('legal_ref', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', ms, (c) => c.notNull())
		.addUniqueConstraint('question_versions_no_unique', ['question_id', 'version_no'])
		.execute();

	await db.schema
		.createTable('attempts')
		.addColumn('id', 'integer', id)
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('attempt_no', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open','submitted','expired')`)
		)
		.addColumn('started_at', ms, (c) => c.notNull())
		.addColumn('deadline_at', ms, (c) => c.notNull())
		.addColumn('submitted_at', ms)
		.addColumn('duration_ms', 'integer')
		.addColumn('score', 'integer')
		.addColumn('correct_count', 'integer')
		.addColumn('total', 'integer', (c) => c.notNull())
		.addColumn('prediction', 'integer')
		.addColumn('disqualified_at', ms)
		.addColumn('disqualify_reason', 'text')
		.addUniqueConstraint('attempts_no_unique', ['round_id', 'user_id', 'attempt_no'])
		.execute();
	// Fairness rule 2: at most one open attempt per person per round, enforced by the database.
	await sql`create unique index attempts_one_open on attempts (round_id, user_id) where status = 'open'`.execute(db);
	await db.schema.createIndex('attempts_user_idx').on('attempts').columns(['user_id', 'round_id']).execute();
	await db.schema.createIndex('attempts_rank_idx').on('attempts').columns(['round_id', 'status', 'score']).execute();

	await db.schema
		.createTable('attempt_questions')
		.addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id'))
		.addColumn('question_version_id', 'integer', (c) => c.notNull().references('question_versions.id'))
		// JSON array of option ids in the order this attempt shows them.
		.addColumn('option_order_json', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('attempt_questions_pk', ['attempt_id', 'position'])
		.addUniqueConstraint('attempt_questions_q_unique', ['attempt_id', 'question_id'])
		.execute();

	await db.schema
		.createTable('attempt_answers')
		.addColumn('attempt_id', 'integer', (c) => c.notNull().references('attempts.id').onDelete('cascade'))
		.addColumn('question_id', 'integer', (c) => c.notNull())
		.addColumn('option_ids_json', 'text', (c) => c.notNull())
		.addColumn('saved_at', ms, (c) => c.notNull())
		.addPrimaryKeyConstraint('attempt_answers_pk', ['attempt_id', 'question_id'])
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', id)
		.addColumn('at', ms, (c) => c.notNull())
		.addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('details_json', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();
	await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'audit_log',
		'attempt_answers',
		'attempt_questions',
		'attempts',
		'question_versions',
		'questions',
		'round_quotas',
		'rounds',
		'topics',
		'contests',
		'sessions',
		'users',
		'units'
	]) {
		await db.schema.dropTable(t).ifExists().execute();
	}
}
