import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db';
import { scratchDatabase } from '../db/scratch';
import { createBus, type LiveChange } from './bus';
import * as repo from './repo';

/**
 * Two "processes" — two bus instances, each over its own connection to one SQLite file, as two
 * workers of `npm start` are — see each other's changes through the poll of live_games.version,
 * and a local publish is heard at once.
 */
let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
let other: Db;
let gameId: number;

beforeAll(async () => {
	scratch = await scratchDatabase('live-bus');
	other = openDatabase(scratch.file);
	const db = scratch.db;
	const now = Date.now();
	const unit = await db
		.insertInto('units')
		.values({ code: 'u1', name: 'Quận Ba Đình', kind: 'district', created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	const user = await db
		.insertInto('users')
		.values({
			full_name: 'Nguyễn Thị A',
			name_folded: 'nguyen thi a',
			birth_date: '1990-01-01',
			gender: 'female',
			phone: '+84900000009',
			unit_id: unit.id,
			role: 'organiser',
			password_hash: 'x',
			consent_at: now,
			consent_version: '1',
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const g = await db
		.insertInto('live_games')
		.values({ code: '123456', title: 'Hội thi', owner_id: user.id, unit_id: unit.id, status: 'lobby', created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	gameId = g.id;
});
afterAll(async () => {
	await other.destroy();
	await scratch.dispose();
});

const busOver = (db: Db) =>
	createBus(
		{ versions: (ids) => repo.gameVersions(db, ids), activity: async (g) => repo.countAnswers(db, g.id, g.position) },
		{ pollMs: 20, activityMs: 20 }
	);

/** Resolves with the first change `seen` at or above `version`. */
function waitFor(seen: LiveChange[], version: number, ms = 2000): Promise<LiveChange> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const t = setInterval(() => {
			const hit = seen.find((c) => c.version >= version);
			if (hit) {
				clearInterval(t);
				resolve(hit);
			} else if (Date.now() - started > ms) {
				clearInterval(t);
				reject(new Error(`no change to version ${version} within ${ms} ms (saw ${JSON.stringify(seen)})`));
			}
		}, 5);
	});
}

describe('the live bus', () => {
	it("hears another process's change through the poll, and its own publish at once", async () => {
		const a = busOver(scratch.db);
		const b = busOver(other);
		const seenA: LiveChange[] = [];
		const seenB: LiveChange[] = [];
		const offA = a.subscribe(gameId, (c) => seenA.push(c));
		const offB = b.subscribe(gameId, (c) => seenB.push(c));
		await waitFor(seenA, 1);
		await waitFor(seenB, 1);

		// "Process" A writes the next version and publishes it; B has not been told anything.
		expect(await repo.updateGameAt(scratch.db, gameId, 1, { phase: 'question', position: 0 })).toBe(true);
		a.publish(gameId);
		expect((await waitFor(seenA, 2, 200)).version).toBe(2);
		expect((await waitFor(seenB, 2)).version).toBe(2);

		// And the other way round, B's write reaching A.
		expect(await repo.updateGameAt(other, gameId, 2, { phase: 'reveal' })).toBe(true);
		expect((await waitFor(seenA, 3)).version).toBe(3);
		// A stale version changes nothing.
		expect(await repo.updateGameAt(other, gameId, 2, { phase: 'lobby' })).toBe(false);

		offA();
		offB();
		a.close();
		b.close();
	});

	it('sends the activity only to subscribers that asked, without a new version', async () => {
		const a = busOver(scratch.db);
		await repo.updateGameAt(scratch.db, gameId, 3, { phase: 'question', position: 0 });
		const plain: LiveChange[] = [];
		const screen: LiveChange[] = [];
		const off1 = a.subscribe(gameId, (c) => plain.push(c));
		const off2 = a.subscribe(gameId, (c) => screen.push(c), { activity: true });
		await waitFor(screen, 4);
		const first = screen.at(-1)!.activity;
		expect(first).toBe(0);
		const p = await scratch.db
			.insertInto('live_players')
			.values({ game_id: gameId, display_name: 'Lan', device_hash: 'd1', joined_at: Date.now() })
			.returning('id')
			.executeTakeFirstOrThrow();
		await scratch.db
			.insertInto('live_answers')
			.values({
				game_id: gameId,
				player_id: p.id,
				position: 0,
				option_ids_json: '[]',
				correct: 0,
				points: 0,
				elapsed_ms: 1,
				request_id: 'r',
				received_at: 1
			})
			.execute();
		const deadline = Date.now() + 2000;
		while (screen.at(-1)!.activity !== 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
		expect(screen.at(-1)).toMatchObject({ version: 4, activity: 1 });
		expect(plain.every((c) => c.activity === null)).toBe(true);
		expect(plain.filter((c) => c.version === 4)).toHaveLength(1);
		off1();
		off2();
		a.close();
	});
});
