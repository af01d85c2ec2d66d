/**
 * npm run forms:eval [-- --n 1000 --seed 15] — equal forms (issue 15 item 6) on the demo data: builds
 * the demo (`npm run seed`) in a temporary SQLite file and prints, for its open round ("Tuần 2":
 * 4 law, 3 skills, 3 children), the expected scores of N simulated draws without the band (as
 * drawn before) and with it (as drawn now): min, 5th percentile, median, 95th percentile, max, and
 * the share of forms within the round's band around its mean. Expected shares come from the
 * demo's answers where a question has 30 or more, else from its difficulty (questions/forms.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '../src/lib/server/db';
import { seedDemo } from '../src/lib/server/seed/demo';
import { listDrawPool } from '../src/lib/server/questions/questions';
import * as contests from '../src/lib/server/contests/contests';
import { expectedShare, roundTarget, simulateForms } from '../src/lib/server/questions/forms';
import { refreshFacility } from '../src/lib/server/attempts/forms';
import type { PoolItem } from '../src/lib/server/questions/draw';

const arg = (name: string, fallback: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : fallback;
};
const n = Number(arg('n', '1000'));
const seed = Number(arg('seed', '15'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-forms-eval-'));

const fmt = (x: number) => x.toFixed(2);
const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
function line(label: string, s: number[], target: number, band: number) {
	const inBand = s.filter((x) => Math.abs(x - target) <= band + 1e-9).length / s.length;
	return `${label.padEnd(24)} min ${fmt(s[0])}  p5 ${fmt(at(s, 0.05))}  median ${fmt(at(s, 0.5))}  p95 ${fmt(at(s, 0.95))}  max ${fmt(s.at(-1)!)}  spread ${fmt(s.at(-1)! - s[0])}  within ±${band}: ${(100 * inBand).toFixed(1)} %`;
}

try {
	const db = openDatabase(path.join(dir, 'demo.db'));
	await migrateToLatest(db);
	await seedDemo(db, Date.now());
	const round = (await db.selectFrom('rounds').select('id').where('title', '=', 'Tuần 2').executeTakeFirstOrThrow()).id;
	const r = (await contests.findRound(db, round))!;
	const quotas = await contests.listQuotas(db, round);
	const pool = await listDrawPool(db);
	const stats = await refreshFacility(db);
	const expected = (p: PoolItem) => expectedShare(p, stats);
	const target = roundTarget(pool, quotas, r.questionCount, expected);
	const withFacility = [...stats.values()].filter((s) => s.shown >= 30).length;
	console.log(
		`Demo round “${r.title}”: ${r.questionCount} questions, quotas ${quotas.map((q) => q.count).join('+')}, pool ${pool.length}; ` +
			`${withFacility} questions with ≥ 30 answers (the rest by difficulty); round mean ${fmt(target)} / 10, band ±${r.formBand}.`
	);
	console.log(`${n} simulated draws (seed ${seed}), expected score out of 10:`);
	const before = simulateForms(pool, quotas, r.questionCount, expected, { n, seed });
	const after = simulateForms(pool, quotas, r.questionCount, expected, { n, seed, balance: { target, band: r.formBand } });
	console.log(line('before (no band):', before, target, r.formBand));
	console.log(line('after (band):', after, target, r.formBand));
	for (const age of [12, 17]) {
		const young = simulateForms(pool, quotas, r.questionCount, expected, { n, seed, age, balance: { target, band: r.formBand } });
		console.log(line(`after, age ${age}:`, young, target, r.formBand));
	}
	// The same round once every question has ≥ 30 answers: simulated facilities, spread around the
	// difficulty's prior (± 0.15, fixed per question), as item analysis would find after a big round.
	const spreadShare = new Map(pool.map((p) => [p.id, Math.min(0.98, expected(p) + 0.3 * (((p.id * 0.618034) % 1) - 0.5))]));
	const simulated = (p: PoolItem) => spreadShare.get(p.id)!;
	const target2 = roundTarget(pool, quotas, r.questionCount, simulated);
	console.log(`\nWith simulated item facilities (every question ≥ 30 answers), round mean ${fmt(target2)} / 10:`);
	const before2 = simulateForms(pool, quotas, r.questionCount, simulated, { n, seed });
	const after2 = simulateForms(pool, quotas, r.questionCount, simulated, { n, seed, balance: { target: target2, band: r.formBand } });
	console.log(line('before (no band):', before2, target2, r.formBand));
	console.log(line('after (band):', after2, target2, r.formBand));
	await db.destroy();
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
