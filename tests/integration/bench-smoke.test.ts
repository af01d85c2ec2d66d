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
	it('generates a small database and benchmarks every hot path against the reference, alone and side by side', () => {
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

		// Configurations side by side (npm run bench:engines on SQLite): each run twice, as ranges.
		const sideBySide = path.join(dir, 'ENGINES.md');
		const engines = spawnSync(
			process.execPath,
			[
				tsx,
				'bench/run.ts',
				...['--db', db, '--duration', '1', '--warmup', '0', '--connections', '4', '--out', sideBySide],
				...['--configs', 'sqlite:1,sqlite:2', '--repeat', '2', '--only', 'submit,leaderboard poll']
			],
			{
				encoding: 'utf8',
				env: { ...process.env, BENCH_PORT_OURS: String(BASE + 502), BENCH_PORT_REF: String(BASE + 503) }
			}
		);
		expect(engines.status, engines.stderr + engines.stdout).toBe(0);
		const lines = fs.readFileSync(sideBySide, 'utf8').split('\n');
		expect(lines.join('\n')).toMatch(/2 runs of every configuration/);
		const configurations = lines
			.filter((l) => /^\| (submit|leaderboard poll)/.test(l))
			.map((l) => l.split('|').map((c) => c.trim()))
			.map((c) => ({ path: c[1], configuration: c[3], rps: c[4], ratio: c[9] }));
		expect(configurations.map((c) => `${c.path.split(' ')[0]} · ${c.configuration}`)).toEqual([
			'submit · SQLite, 1 worker',
			'submit · SQLite, 2 workers',
			'submit · reference (bare node:http, SQLite, 1 process)',
			'leaderboard · SQLite, 1 worker',
			'leaderboard · SQLite, 2 workers',
			'leaderboard · reference (bare node:http, SQLite, 1 process)'
		]);
		for (const c of configurations) {
			// One number or a range "lo–hi" over the two runs, never zero.
			expect(c.rps, c.configuration).toMatch(/^[\d,]+(–[\d,]+)?$/);
			expect(Number(c.rps.split('–')[0].replaceAll(',', '')), c.configuration).toBeGreaterThan(0);
			expect(c.ratio, c.configuration).toMatch(/^\d+(\.\d+)?(–\d+\.\d+)?$/);
		}
		fs.rmSync(dir, { recursive: true, force: true });
	}, 180_000);

	it('runs the live room benchmark (npm run bench:live) with 50 players against ours and the reference', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-bench-live-'));
		const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
		const run = spawnSync(
			process.execPath,
			[
				tsx,
				'bench/live.ts',
				...['--players', '50', '--questions', '1', '--seconds', '2', '--burst-ms', '300'],
				...['--configs', 'ref,1', '--out', dir, '--quiet']
			],
			{ encoding: 'utf8', env: { ...process.env, BENCH_LIVE_PORT: String(BASE + 510) } }
		);
		expect(run.status, run.stderr + run.stdout).toBe(0);
		const files = fs.readdirSync(dir).filter((f) => /^live-.*\.json$/.test(f));
		expect(files).toHaveLength(1);
		const out = JSON.parse(fs.readFileSync(path.join(dir, files[0]), 'utf8')) as {
			results: {
				target: string;
				joined: number;
				connected: number;
				peakRssMb: number;
				questions: { next: { received: number }; acknowledged: number }[];
			}[];
		};
		expect(out.results.map((r) => r.target)).toEqual(['reference', 'ours-1']);
		for (const r of out.results) {
			expect([r.target, r.joined, r.connected]).toEqual([r.target, 50, 50]);
			expect(r.questions[0].next.received, r.target).toBe(50);
			expect(r.questions[0].acknowledged, r.target).toBeGreaterThan(0);
			expect(r.peakRssMb, r.target).toBeGreaterThan(0);
		}
		expect(run.stdout).toMatch(/\| hoithi, SQLite, 1 worker \| 50 \/ 50 \| 50 \|/);
		fs.rmSync(dir, { recursive: true, force: true });
	}, 60_000);
});
