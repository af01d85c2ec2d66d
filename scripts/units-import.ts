/**
 * npm run units:import -- <hanoi-districts-2024 | hanoi-communes-2025 | file.csv> [--replace]
 * Loads a unit list under the city root. --replace hides the units not in the list from
 * registration (they stay in the database: past participants point at them).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { importList } from '../src/lib/server/units/units';
import { UNIT_LISTS, type UnitListName } from '../src/lib/server/units/lists';
import { parseUnitCsv } from '../src/lib/server/units/csv';
import { audit } from '../src/lib/server/audit';

const { values, positionals } = parseArgs({ options: { replace: { type: 'boolean', default: false } }, allowPositionals: true });
const source = positionals[0];
if (!source) {
	console.error(`Usage: npm run units:import -- <${Object.keys(UNIT_LISTS).join(' | ')} | file.csv> [--replace]`);
	process.exit(2);
}
let entries;
if (source in UNIT_LISTS) entries = UNIT_LISTS[source as UnitListName];
else {
	const parsed = parseUnitCsv(fs.readFileSync(source, 'utf8'));
	if (!parsed.ok) {
		for (const e of parsed.errors) console.error(e);
		console.error('Nothing was imported.');
		process.exit(1);
	}
	entries = parsed.units;
}
const db = getDb();
await migrateToLatest(db);
const res = await db.transaction().execute(async (trx) => {
	const r = await importList(trx, entries, { deactivateOthers: values.replace });
	await audit(trx, { actorUserId: null, action: 'units.import', entity: 'units', details: { source, ...r } });
	return r;
});
console.log(`Units: ${res.inserted} added, ${res.updated} updated, ${res.deactivated} hidden from registration.`);
await db.destroy();
