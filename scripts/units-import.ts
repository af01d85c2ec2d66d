/**
 * npm run units:import -- <hanoi-districts-2024 | hanoi-communes-2025 | file.csv | file.xlsx> [--replace] [--targets]
 * Loads a unit list under the city root (columns code, name, kind[, parent, target]). --replace
 * hides the units not in the list from registration (they stay in the database: past participants
 * point at them). --targets reads a sheet of targets alone (code, target).
 * The same checks and the same write as the organisers' upload page (src/lib/server/units/service.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { UNIT_LISTS, type UnitListName } from '../src/lib/server/units/lists';
import { applyPlan, previewSheet, type UnitImportPlan } from '../src/lib/server/units/service';

const { values, positionals } = parseArgs({
	options: { replace: { type: 'boolean', default: false }, targets: { type: 'boolean', default: false } },
	allowPositionals: true
});
const source = positionals[0];
if (!source) {
	console.error(`Usage: npm run units:import -- <${Object.keys(UNIT_LISTS).join(' | ')} | file.csv | file.xlsx> [--replace] [--targets]`);
	process.exit(2);
}
const db = getDb();
await migrateToLatest(db);
let plan: UnitImportPlan;
if (source in UNIT_LISTS) plan = { mode: 'units', entries: [...UNIT_LISTS[source as UnitListName]], replace: values.replace };
else {
	const res = await previewSheet(
		db,
		{ name: path.basename(source), bytes: new Uint8Array(fs.readFileSync(source)) },
		values.targets ? 'targets' : 'units',
		values.replace
	);
	if (!res.ok || !res.plan) {
		if (!res.ok) console.error(res.message);
		else for (const e of res.preview.errors) console.error(`Dòng ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.message}.`);
		console.error('Nothing was imported.');
		await db.destroy();
		process.exit(1);
	}
	plan = res.plan;
}
const res = await applyPlan(db, null, plan, source);
if (plan.mode === 'targets') console.log(`Targets: ${res.updated} units updated.`);
else console.log(`Units: ${res.inserted} added, ${res.updated} updated, ${res.deactivated} hidden from registration.`);
await db.destroy();
