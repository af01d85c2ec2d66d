/**
 * npm run bench:growth — how the hot paths scale with the data: generates databases with 10k,
 * 100k and 1M attempts and runs the submit and leaderboard benchmarks on each (ours and the
 * reference), appending one table per size to bench/RESULTS.md and a summary table at the end.
 * A hot path whose throughput falls with the size of the data is a bug.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const sizes = [
	{ attempts: 10_000, participants: 2_000 },
	{ attempts: 100_000, participants: 20_000 },
	{ attempts: 1_000_000, participants: 200_000 }
];
const duration = process.env.GROWTH_DURATION ?? '6';
const tsx = 'node_modules/tsx/dist/cli.mjs';
const summary: string[] = [];
for (const s of sizes) {
	const db = `bench/data/growth-${s.attempts}.db`;
	const reuse = s.attempts === 1_000_000 && fs.existsSync('bench/data/gen.db') ? 'bench/data/gen.db' : db;
	if (reuse === db) {
		const g = spawnSync(
			process.execPath,
			[
				tsx,
				'scripts/gen.ts',
				'--participants',
				String(s.participants),
				'--attempts',
				String(s.attempts),
				'--bench-users',
				'40000',
				'--out',
				db
			],
			{ stdio: 'inherit' }
		);
		if (g.status !== 0) process.exit(1);
	}
	const out = `bench/data/growth-${s.attempts}.md`;
	fs.rmSync(out, { force: true });
	const r = spawnSync(
		process.execPath,
		[
			tsx,
			'bench/run.ts',
			'--db',
			reuse,
			'--duration',
			duration,
			'--warmup',
			'1',
			'--only',
			'submit,leaderboard poll',
			'--out',
			out,
			'--label',
			`growth: ${s.attempts.toLocaleString('en')} attempts`
		],
		{ stdio: 'inherit' }
	);
	if (r.status !== 0) process.exit(1);
	for (const line of fs
		.readFileSync(out, 'utf8')
		.split('\n')
		.filter((l) => /^\| (submit|leaderboard poll)/.test(l))) {
		const c = line.split('|').map((x) => x.trim());
		summary.push(`| ${s.attempts.toLocaleString('en')} | ${c[1]} | ${c[3]} | ${c[4]} | ${c[6]} | ${c[8]} |`);
	}
}
const table = [
	`### Growth: the same paths at 10k, 100k and 1M attempts — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
	'',
	'Each database also holds 40,000 benchmark accounts (120,000 at 1M); every hand-in uses a still-open attempt, and the poll runs during 1,000 hand-ins/s.',
	'',
	'| attempts in the database | path | ours req/s | ours p50 / p95 / p99 ms | reference req/s | ours ÷ ref |',
	'|---:|---|---:|---|---:|---:|',
	...summary,
	''
].join('\n');
const results = 'bench/RESULTS.md';
const header = '# Benchmark results\n\nWritten by `npm run bench` (bench/run.ts). Newest run first.\n\n';
const previous = fs.existsSync(results) ? fs.readFileSync(results, 'utf8').replace(header, '') : '';
fs.writeFileSync(results, header + table + '\n' + previous);
console.log(table);
