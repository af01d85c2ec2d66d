import type { Kysely } from 'kysely';
import { idColumn, msType } from '../src/lib/server/db/schema';

/**
 * Live hội thi (issue 14): a host-paced game in a hall, on a big screen and every phone. A game's
 * whole state lives here, so that any server process can answer any request and a restarted server
 * resumes where the game was.
 *
 * - live_games: one game. `code` is the 6-digit room code (unique). `status`: draft → lobby
 *   (room open) → running → finished. `phase` within it: lobby | question | reveal | scoreboard |
 *   judging | podium. `position` is the current question (0-based, -1 before the first);
 *   `opened_at`/`closes_at` the current question's window on the server clock; `paused_remaining_ms`
 *   is set while paused (the window is then re-set on resume). `version` grows by one on every
 *   change a screen must show: it is the event id of the broadcast (SSE `id:`, Last-Event-ID).
 *   Weights are per mille (1000 = ×1). Elimination: after question `elimination_after` (a position)
 *   only the best `elimination_keep` players go on; the question at `revive_position` is the one
 *   "cứu trợ" round, answered by the eliminated players only — those who get it right come back.
 * - live_game_questions: the game's questions in order, pinned to a question version, with the
 *   option order every screen shows (one order per game: the big screen and the phones agree).
 *   `opened_at`/`closed_at` record when the question was actually shown and closed.
 * - live_teams: teams of a game (a unit, a chi hội, or any name the host gives).
 * - live_players: one per device (device_hash: SHA-256 of the device cookie) or per account.
 * - live_answers: one per player and question (the primary key makes a retry count once);
 *   `elapsed_ms` is measured from `opened_at` on the server clock, `points` fixed when accepted.
 * - live_parts / live_judges / live_judge_scores: judged parts (tiểu phẩm, hùng biện), the judges'
 *   links (token_hash; a link is bound to the first device that opens it) and their scores in tenths.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('live_games')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('unit_id', 'integer', (c) => c.references('units.id'))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('phase', 'text', (c) => c.notNull().defaultTo('lobby'))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(-1))
		.addColumn('opened_at', msType(db))
		.addColumn('closes_at', msType(db))
		.addColumn('paused_remaining_ms', msType(db))
		.addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('display_mode', 'text', (c) => c.notNull().defaultTo('projector'))
		.addColumn('seconds_per_question', 'integer', (c) => c.notNull().defaultTo(20))
		.addColumn('speed_bonus', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('team_mode', 'text', (c) => c.notNull().defaultTo('none'))
		.addColumn('team_scoring', 'text', (c) => c.notNull().defaultTo('average'))
		.addColumn('quiz_weight', 'integer', (c) => c.notNull().defaultTo(1000))
		.addColumn('judged_weight', 'integer', (c) => c.notNull().defaultTo(1000))
		.addColumn('elimination_after', 'integer')
		.addColumn('elimination_keep', 'integer')
		.addColumn('revive_position', 'integer')
		.addColumn('current_part_id', 'integer')
		.addColumn('created_at', msType(db), (c) => c.notNull())
		.addColumn('updated_at', msType(db), (c) => c.notNull())
		.addColumn('started_at', msType(db))
		.addColumn('finished_at', msType(db))
		.execute();
	await db.schema.createIndex('live_games_owner').on('live_games').columns(['owner_id', 'created_at']).execute();

	await db.schema
		.createTable('live_game_questions')
		.addColumn('game_id', 'integer', (c) => c.notNull().references('live_games.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('question_id', 'integer', (c) => c.notNull().references('questions.id'))
		.addColumn('question_version_id', 'integer', (c) => c.notNull().references('question_versions.id'))
		.addColumn('option_order_json', 'text', (c) => c.notNull())
		.addColumn('opened_at', msType(db))
		.addColumn('closed_at', msType(db))
		.addPrimaryKeyConstraint('live_game_questions_pk', ['game_id', 'position'])
		.execute();

	await db.schema
		.createTable('live_teams')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('game_id', 'integer', (c) => c.notNull().references('live_games.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('unit_id', 'integer', (c) => c.references('units.id'))
		.addColumn('created_at', msType(db), (c) => c.notNull())
		.execute();
	await db.schema.createIndex('live_teams_game_name').on('live_teams').columns(['game_id', 'name']).unique().execute();

	await db.schema
		.createTable('live_players')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('game_id', 'integer', (c) => c.notNull().references('live_games.id').onDelete('cascade'))
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('unit_id', 'integer', (c) => c.references('units.id'))
		.addColumn('team_id', 'integer', (c) => c.references('live_teams.id'))
		.addColumn('affiliation', 'text')
		.addColumn('user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('device_hash', 'text', (c) => c.notNull())
		.addColumn('removed_at', msType(db))
		.addColumn('eliminated_at_position', 'integer')
		.addColumn('joined_at', msType(db), (c) => c.notNull())
		.execute();
	await db.schema.createIndex('live_players_game_device').on('live_players').columns(['game_id', 'device_hash']).unique().execute();
	await db.schema.createIndex('live_players_game_user').on('live_players').columns(['game_id', 'user_id']).unique().execute();

	await db.schema
		.createTable('live_answers')
		.addColumn('game_id', 'integer', (c) => c.notNull().references('live_games.id').onDelete('cascade'))
		.addColumn('player_id', 'integer', (c) => c.notNull().references('live_players.id').onDelete('cascade'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('option_ids_json', 'text', (c) => c.notNull())
		.addColumn('correct', 'integer', (c) => c.notNull())
		.addColumn('points', 'integer', (c) => c.notNull())
		.addColumn('elapsed_ms', msType(db), (c) => c.notNull())
		.addColumn('request_id', 'text', (c) => c.notNull())
		.addColumn('received_at', msType(db), (c) => c.notNull())
		.addPrimaryKeyConstraint('live_answers_pk', ['player_id', 'position'])
		.execute();
	await db.schema.createIndex('live_answers_game_position').on('live_answers').columns(['game_id', 'position']).execute();

	await db.schema
		.createTable('live_parts')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('game_id', 'integer', (c) => c.notNull().references('live_games.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('scale_max', 'integer', (c) => c.notNull().defaultTo(10))
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('live_judges')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('game_id', 'integer', (c) => c.notNull().references('live_games.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('device_hash', 'text')
		.addColumn('created_at', msType(db), (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('live_judge_scores')
		.addColumn('part_id', 'integer', (c) => c.notNull().references('live_parts.id').onDelete('cascade'))
		.addColumn('judge_id', 'integer', (c) => c.notNull().references('live_judges.id').onDelete('cascade'))
		.addColumn('team_id', 'integer', (c) => c.notNull().references('live_teams.id').onDelete('cascade'))
		.addColumn('score_tenths', 'integer', (c) => c.notNull())
		.addColumn('updated_at', msType(db), (c) => c.notNull())
		.addPrimaryKeyConstraint('live_judge_scores_pk', ['part_id', 'judge_id', 'team_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'live_judge_scores',
		'live_judges',
		'live_parts',
		'live_answers',
		'live_players',
		'live_teams',
		'live_game_questions',
		'live_games'
	]) {
		await db.schema.dropTable(t).execute();
	}
}
