import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { disqualifyAttempt } from '../../src/lib/server/fairness/decisions';
import { migratedDatabase } from './pg';

/**
 * An organiser's decision on one attempt recomputes the person's best of the round (round_best).
 * On PostgreSQL a hand-in of the same person's next attempt may be in flight at that moment: it
 * holds its attempt's row from its first statement to its commit (attempts.ts, getForUpdate). The
 * decision must wait for it and count its score — not recompute the best without it, leaving a
 * stale best once the hand-in commits.
 */
let db: Db;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
	const d = await migratedDatabase('decision_race');
	({ db, url, close } = d);
	await seedDemo(db, Date.now(), 5);
}, 120_000);
afterAll(async () => {
	await close?.();
});

describe('a decision while a hand-in of the same person is in flight (PostgreSQL)', () => {
	it('waits for the hand-in and counts its score in the recomputed best', async () => {
		const { rows } = await sql<{ user_id: number; round_id: number }>`
			select a.user_id, a.round_id from attempts a join users u on u.id = a.user_id
			where u.role = 'participant' and u.disqualified_at is null and a.status in ('submitted','expired')
			group by a.user_id, a.round_id having count(*) >= 3 order by a.user_id limit 1`.execute(db);
		expect(rows).toHaveLength(1);
		const { user_id: userId, round_id: roundId } = rows[0];
		const ids = (
			await sql<{ id: number }>`select id from attempts where user_id = ${userId} and round_id = ${roundId} order by id limit 3`.execute(db)
		).rows.map((r) => r.id);
		const [a0, a1, a2] = ids;
		const organiser = (await sql<{ id: number }>`select id from users where role = 'organiser' order by id limit 1`.execute(db)).rows[0].id;
		// A0 scored 2, A1 scored 5 (the best), A2 still open; round_best says A1.
		await sql`update attempts set score = 2, total = 10, duration_ms = 300000 where id = ${a0}`.execute(db);
		await sql`update attempts set score = 5, total = 10, duration_ms = 300000 where id = ${a1}`.execute(db);
		await sql`update attempts set status = 'open', score = null, submitted_at = null, duration_ms = null where id = ${a2}`.execute(db);
		await sql`update round_best set attempt_id = ${a1}, score = 5 where round_id = ${roundId} and user_id = ${userId}`.execute(db);

		// The hand-in of A2 (score 3), in flight: its attempt row locked, scored, not yet committed.
		const handIn = new pg.Client({ connectionString: url });
		await handIn.connect();
		try {
			await handIn.query('begin');
			await handIn.query('select id from attempts where id = $1 for update', [a2]);
			await handIn.query(
				`update attempts set status = 'submitted', score = 3, total = 10, duration_ms = 280000, submitted_at = $2 where id = $1`,
				[a2, Date.now()]
			);

			// The organiser disqualifies A1 meanwhile.
			let settled = false;
			const decision = disqualifyAttempt(db, organiser, a1, 'Kiểm thử: quyết định trong lúc nộp bài').finally(() => (settled = true));
			await new Promise((r) => setTimeout(r, 500));
			expect(settled, 'the decision waits for the hand-in in flight').toBe(false);

			await handIn.query('commit');
			expect(await decision).toMatchObject({ ok: true });
		} finally {
			await handIn.end();
		}
		const best = (
			await sql<{ attempt_id: number; score: number }>`
			select attempt_id, score from round_best where round_id = ${roundId} and user_id = ${userId}`.execute(db)
		).rows[0];
		expect(best).toEqual({ attempt_id: a2, score: 3 });
	});
});
