import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Keeps the generator and the benchmark harness from rotting: a tiny database, one second of
 * load per path against both servers. No timing is asserted — only that every path answered.
 */
// Ports next to the integration server's, so two checkouts can run the suite side by side.
const BASE = Number(process.env.INTEGRATION_PORT ?? 4174);

describe('benchmark harness (smoke)', () => {
	it('generates a small database and benchmarks every hot path against the reference', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-bench-'));
		const db = path.join(dir, 'gen.db');
		const out = path.join(dir, 'RESULTS.md');
		const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
		const gen = spawnSync(
			process.execPath,
			[tsx, 'scripts/gen.ts', '--participants', '400', '--attempts', '1500', '--bench-users', '200', '--out', db],
			{ encoding: 'utf8' }
		);
		expect(gen.status, gen.stderr).toBe(0);
		expect(gen.stdout).toMatch(/400 participants, 1500 finished attempts/);
		const bench = spawnSync(
			process.execPath,
			[tsx, 'bench/run.ts', '--db', db, '--duration', '1', '--warmup', '0', '--connections', '4', '--out', out, '--label', 'smoke'],
			{
				encoding: 'utf8',
				env: { ...process.env, BENCH_PORT_OURS: String(BASE + 502), BENCH_PORT_REF: String(BASE + 503) }
			}
		);
		expect(bench.status, bench.stderr + bench.stdout).toBe(0);
		const table = fs.readFileSync(out, 'utf8');
		const rows = table
			.split('\n')
			.filter((l) =>
				/^\| (framework floor|home|attempt page|start|autosave|submit|leaderboard poll|unit ranking poll|round leaderboard)/.test(l)
			);
		expect(rows).toHaveLength(12);
		for (const row of rows) {
			const cells = row.split('|').map((c) => c.trim());
			expect(Number(cells[3]), row).toBeGreaterThan(0); // ours req/s
			expect(Number(cells[6]), row).toBeGreaterThan(0); // reference req/s
		}
		fs.rmSync(dir, { recursive: true, force: true });
	}, 120_000);
});
