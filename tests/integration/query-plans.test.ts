import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { GROWING, runHotPaths } from './hot-paths';

/**
 * Every statement the hot paths run (hot-paths.ts) is recorded as it is prepared and
 * explained (EXPLAIN QUERY PLAN). None may scan a table that grows with the contest: each must
 * find its rows through an index. The database is not ANALYZEd, so the planner has no statistics
 * to prefer a scan on small demo tables: a missing index shows as a SCAN. (SEARCH … USING INDEX may
 * still walk a range: the rank-order snapshot reads a whole round, on the worker, every 5 s.)
 * PostgreSQL's twin: query-plans.pg.test.ts.
 */
let dir: string;
let file: string;
const seen = new Set<string>();

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-plans-'));
	file = path.join(dir, 'plans.db');
	const seedDb = openDatabase(file);
	await migrateToLatest(seedDb);
	await seedDemo(seedDb, Date.now(), 30);
	await seedDb.destroy();
});
afterAll(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the hot paths on a fresh connection (empty statement cache) while recording every prepare. */
async function hotPaths(db: Db) {
	const sqlite = (SQLite as unknown as { prototype: { prepare: (sql: string) => unknown } }).prototype;
	const prepare = sqlite.prepare;
	await runHotPaths(db, {
		start: () => {
			sqlite.prepare = function (this: unknown, sql: string) {
				seen.add(sql);
				return prepare.call(this, sql);
			};
		},
		stop: () => {
			sqlite.prepare = prepare;
		}
	});
}

describe('query plans of the hot paths', () => {
	it('find every row of a growing table through an index', async () => {
		const db = openDatabase(file);
		await hotPaths(db);
		await db.destroy();
		const raw = new SQLite(file, { readonly: true });
		const problems: string[] = [];
		let explained = 0;
		for (const sql of seen) {
			if (!/^\s*(select|insert|update|delete|with)\b/i.test(sql)) continue;
			const params = new Array((sql.match(/\?/g) ?? []).length).fill(null);
			const plan = raw.prepare('explain query plan ' + sql).all(...params) as { detail: string }[];
			explained++;
			if (process.env.SHOW_PLANS) console.log(sql.replace(/\s+/g, ' ').slice(0, 90) + '\n    ' + plan.map((p) => p.detail).join('\n    '));
			for (const { detail } of plan) {
				const scan = /^SCAN (\w+)/.exec(detail);
				if (!scan) continue;
				// The scanned name may be an alias: look it up in the statement's FROM/JOIN clauses.
				const alias = scan[1];
				const table = new RegExp(`\\b(\\w+)\\s+(?:as\\s+)?${alias}\\b`, 'i').exec(sql.replace(/\s+/g, ' '))?.[1];
				const name = GROWING.includes(alias) ? alias : table && GROWING.includes(table) ? table : null;
				// A SCAN of a growing table is only acceptable through a partial index that holds just the
				// few rows in play: attempts_one_open (open attempts only) for the expiry sweep.
				if (name && !/USING (COVERING )?INDEX attempts_one_open\b/.test(detail))
					problems.push(`${detail}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
			}
		}
		raw.close();
		console.log(`${explained} hot statements explained:\n` + [...seen].map((x) => '  ' + x.replace(/\s+/g, ' ').slice(0, 110)).join('\n'));
		expect(explained).toBeGreaterThan(20);
		expect(problems).toEqual([]);
	});
});
