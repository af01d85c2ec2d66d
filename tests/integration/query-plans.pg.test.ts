import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { GROWING, runHotPaths } from './hot-paths';
import { scratchDatabase, type ScratchDatabase } from './db';

/**
 * PostgreSQL's twin of query-plans.test.ts (npm run test:pg only): every statement the hot paths
 * send (hot-paths.ts) is recorded with its parameters as it goes to the server, then explained
 * (EXPLAIN (FORMAT JSON), with those parameters) on a session with `enable_seqscan = off`. With
 * sequential scans priced out, the planner still picks one only where no index can find the rows:
 * a Seq Scan of a table that grows with the contest is a missing index.
 */
let scratch: ScratchDatabase;
/** Statement text ($1, $2 …) → the parameters it was first sent with. */
const seen = new Map<string, unknown[]>();

beforeAll(async () => {
	scratch = await scratchDatabase('plans');
	const db = openDatabase(scratch.target);
	await migrateToLatest(db);
	await seedDemo(db, Date.now(), 30);
	await db.destroy();
}, 120_000);
afterAll(async () => {
	await scratch?.drop();
});

type Query = (...args: unknown[]) => unknown;

/** Runs the hot paths while recording every statement any pg client of this process sends. */
async function hotPaths(db: Db) {
	const proto = pg.Client.prototype as unknown as { query: Query };
	const query = proto.query;
	await runHotPaths(db, {
		start: () => {
			proto.query = function (this: unknown, ...args: unknown[]) {
				const [first, second] = args;
				const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text;
				const values = typeof first === 'string' ? second : (first as { values?: unknown }).values;
				if (text && !seen.has(text)) seen.set(text, Array.isArray(values) ? values : []);
				return query.apply(this, args);
			};
		},
		stop: () => {
			proto.query = query;
		}
	});
}

interface PlanNode {
	'Node Type': string;
	'Relation Name'?: string;
	'Index Name'?: string;
	Plans?: PlanNode[];
}

function* nodes(n: PlanNode): Generator<PlanNode> {
	yield n;
	for (const child of n.Plans ?? []) yield* nodes(child);
}

describe('query plans of the hot paths on PostgreSQL', () => {
	it('find every row of a growing table through an index', async () => {
		const db = openDatabase(scratch.target);
		try {
			await hotPaths(db);
		} finally {
			await db.destroy();
		}
		const client = new pg.Client({ connectionString: scratch.target });
		await client.connect();
		const problems: string[] = [];
		let explained = 0;
		try {
			await client.query('set enable_seqscan = off');
			for (const [text, values] of seen) {
				if (!/^\s*(select|insert|update|delete|with)\b/i.test(text)) continue;
				const r = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>('explain (format json) ' + text, values);
				const plan = r.rows[0]['QUERY PLAN'][0].Plan;
				explained++;
				const flat = [...nodes(plan)];
				if (process.env.SHOW_PLANS)
					console.log(
						text.replace(/\s+/g, ' ').slice(0, 90) +
							'\n    ' +
							flat.map((p) => [p['Node Type'], p['Relation Name'], p['Index Name']].filter(Boolean).join(' ')).join('\n    ')
					);
				for (const node of flat)
					if (node['Node Type'] === 'Seq Scan' && GROWING.includes(node['Relation Name'] ?? ''))
						problems.push(`Seq Scan on ${node['Relation Name']}  ←  ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
			}
		} finally {
			await client.end();
		}
		console.log(`${explained} hot statements explained on PostgreSQL`);
		expect(explained).toBeGreaterThan(20);
		expect(problems).toEqual([]);
	});
});
