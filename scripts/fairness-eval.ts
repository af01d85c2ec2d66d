/**
 * npm run fairness:eval [-- --seed N | --seeds N,M,…] [-- --size small] — builds the synthetic adversarial round
 * (src/lib/server/seed/adversarial.ts) in a temporary SQLite file, runs the round report and
 * prints, per planted cheat pattern, whether it is named (all / some / none of its accounts, and
 * why), and the share of honest people named; then the same on the demo data (`npm run seed`,
 * built in another temporary file), whose planted cases are known by name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '../src/lib/server/db';
import { buildAdversarialRound } from '../src/lib/server/seed/adversarial';
import { demoTruth, evaluate, findings, formatEvaluation, namedUserIds } from '../src/lib/server/seed/evaluate';
import { seedDemo } from '../src/lib/server/seed/demo';
import { clearCaches } from '../src/lib/server/cache';

const arg = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
};
// One seed (--seed 18) or several (--seeds 1,2,3): the same patterns with other draws.
const seeds = (arg('seeds') ?? arg('seed') ?? '18').split(',').map(Number);
const size = arg('size') === 'small' ? 'small' : 'full';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-fairness-eval-'));

try {
	for (const seed of seeds) {
		let t = Date.now();
		const db = openDatabase(path.join(dir, `adversarial-${seed}.db`));
		await migrateToLatest(db);
		const truth = await buildAdversarialRound(db, { seed, size });
		const built = Date.now() - t;
		t = Date.now();
		const f = await findings(db, truth.roundId);
		const reportMs = Date.now() - t;
		console.log(
			formatEvaluation(`Adversarial round (seed ${seed}, ${size}; built in ${built} ms, report in ${reportMs} ms)`, evaluate(truth, f))
		);
		const everyone = truth.honest.length + Object.values(truth.patterns).flat().length;
		console.log(`People named in the report: ${namedUserIds(f).size} of ${everyone}\n`);
		await db.destroy();
		clearCaches();
	}

	const demo = openDatabase(path.join(dir, 'demo.db'));
	await migrateToLatest(demo);
	const planted = await seedDemo(demo, Date.now());
	if (!planted) throw new Error('The demo seed planted nothing (no open round).');
	const dt = await demoTruth(demo, planted);
	console.log('\n' + formatEvaluation('Demo data (npm run seed), open round', evaluate(dt, await findings(demo, dt.roundId))));
	await demo.destroy();
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
