import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, withConn, type Conn, type Db, type Program } from '../db';
import { upsertAnswer } from './attempts';

let db: Db;
beforeEach(async () => {
	db = openDatabase(':memory:');
	await migrateToLatest(db);
});
afterEach(() => db.destroy());

/** Only this table is under test: the attempt it belongs to is left out. */
function* saveSeveralTimes(c: Conn): Program<unknown[]> {
	yield* c.run('pragma foreign_keys = off');
	yield* upsertAnswer(c, 1, 7, ['a'], 1_000);
	yield* upsertAnswer(c, 1, 7, ['a'], 2_000); // an autosave retry: no change
	yield* upsertAnswer(c, 1, 7, ['b'], 3_000);
	yield* upsertAnswer(c, 1, 7, ['a'], 4_000);
	yield* upsertAnswer(c, 1, 8, ['c'], 5_000);
	return yield* c.all('select question_id, option_ids_json, saved_at, first_saved_at, changes from attempt_answers order by question_id');
}

describe('upsertAnswer', () => {
	it('keeps the first save time and counts real changes, in the one statement the autosave already runs', async () => {
		const rows = await withConn(db, (c) => saveSeveralTimes(c));
		expect(rows).toEqual([
			{ question_id: 7, option_ids_json: '["a"]', saved_at: 4_000, first_saved_at: 1_000, changes: 2 },
			{ question_id: 8, option_ids_json: '["c"]', saved_at: 5_000, first_saved_at: 5_000, changes: 0 }
		]);
	});
});
