import { sql, type Kysely } from 'kysely';
import { msType } from '../src/lib/server/db/schema';

/**
 * round_best: each person's counted best attempt per round (score desc → duration → submit time),
 * kept up to date in the transaction that scores an attempt and in every disqualification. The
 * open round's leaderboard then reads the top 50 from an index instead of ranking a million
 * attempts per request. Backfilled from the attempts already there. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('round_best')
		.addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('attempt_id', 'integer', (c) => c.notNull())
		.addColumn('score', 'integer', (c) => c.notNull())
		.addColumn('total', 'integer', (c) => c.notNull())
		.addColumn('duration_ms', 'integer', (c) => c.notNull())
		.addColumn('submitted_at', msType(db), (c) => c.notNull())
		.addColumn('prediction', 'integer')
		// How many counted attempts the person has in the round (unit dashboards sum it).
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('round_best_pk', ['round_id', 'user_id'])
		.execute();
	await sql`create index round_best_rank_idx on round_best (round_id, score desc, duration_ms, submitted_at, attempt_id)`.execute(db);
	await sql`
		insert into round_best (round_id, user_id, attempt_id, score, total, duration_ms, submitted_at, prediction, attempts)
		select round_id, user_id, id, score, total, duration_ms, submitted_at, prediction, n from (
			select a.*, row_number() over (partition by a.round_id, a.user_id
				order by a.score desc, a.duration_ms asc, a.submitted_at asc, a.id asc) as rn,
				count(*) over (partition by a.round_id, a.user_id) as n
			from attempts a join users u on u.id = a.user_id
			where a.status in ('submitted','expired') and a.disqualified_at is null and u.disqualified_at is null
		) as best where rn = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('round_best').ifExists().execute();
}
