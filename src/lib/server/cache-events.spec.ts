import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushScored, invalidate, pollCacheEvents, registerCache, SCORED_BATCH_MS } from './cache';
import { ORIGIN } from './db/cache-events';
import { exclusive, plain, type Db } from './db';
import { scratchDatabase } from './db/scratch';

// This file runs as one of several server processes (config is read on first use, after this line;
// other files in the same test worker read their own, after afterAll put the environment back).
process.env.SERVER_PROCESSES = '2';
afterAll(() => {
	delete process.env.SERVER_PROCESSES;
});

const result = (score: number) => ({ score, prediction: null, durationMs: 60_000, submittedAt: 1_700_000_000_000 });
let file: string;
let db: Db;
let dispose: () => Promise<void>;
beforeEach(async () => {
	({ db, file, dispose } = await scratchDatabase('events'));
});
afterEach(() => dispose());

describe('hand-ins told to the other processes', () => {
	it('are collected after their commit and written as one event', async () => {
		const other = new SQLite(file, { readonly: true });
		const rows = () => other.prepare("select detail from cache_events where topic = 'scored'").all() as { detail: string }[];
		await exclusive(db, (c) => plain(() => invalidate(c, 'scored', { roundId: 1, userId: 7, result: result(80) })));
		await exclusive(db, (c) => plain(() => invalidate(c, 'scored', { roundId: 1, userId: 8, result: result(90) })));
		await expect(
			exclusive(db, (c) =>
				plain(() => {
					invalidate(c, 'scored', { roundId: 1, userId: 9, result: result(100) });
					throw new Error('rolled back: never handed in');
				})
			)
		).rejects.toThrow();
		// Not in the hand-ins' own transactions: written once per batch.
		expect(rows()).toEqual([]);
		await new Promise((r) => setTimeout(r, SCORED_BATCH_MS * 3));
		expect(rows().map((r) => JSON.parse(r.detail))).toEqual([
			[
				{ roundId: 1, userId: 7, result: result(80) },
				{ roundId: 1, userId: 8, result: result(90) }
			]
		]);
		other.close();
	});

	it('reach every other process, one by one, when it polls', async () => {
		const seen: string[] = [];
		registerCache('test.scored-remote', new Map(), { scored: ({ roundId, userId }) => seen.push(`${roundId}:${userId}`) });
		await pollCacheEvents(db);
		const peer = new SQLite(file);
		const batch = [1, 2, 3].map((u) => ({ roundId: 5, userId: u, result: result(u) }));
		peer
			.prepare('insert into cache_events (topic, detail, origin, at) values (?, ?, ?, ?)')
			.run('scored', JSON.stringify(batch), ORIGIN + 1, Date.now());
		peer.close();
		expect(await pollCacheEvents(db)).toBe(3);
		expect(seen).toEqual(['5:1', '5:2', '5:3']);
		// This process's own hand-ins were applied here at their commit; its batch is skipped when read back.
		await exclusive(db, (c) => plain(() => invalidate(c, 'scored', { roundId: 5, userId: 4, result: result(4) })));
		await flushScored(db);
		expect(await pollCacheEvents(db)).toBe(0);
		expect(seen).toEqual(['5:1', '5:2', '5:3', '5:4']);
	});
});
