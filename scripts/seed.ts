/**
 * npm run seed [-- --if-empty] — migrates, then seeds the demo contest, question bank and
 * accounts. With --if-empty it does nothing on a database that already has users or contests.
 */
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { config } from '../src/lib/server/config';
import { databaseLabel } from '../src/lib/server/db/dialect';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from '../src/lib/server/seed/demo';
import { ROLE_LABELS } from '../src/lib/labels';

const ifEmpty = process.argv.includes('--if-empty');
const db = getDb();
await migrateToLatest(db);
if (await isEmpty(db)) {
	const t = Date.now();
	await seedDemo(db);
	console.log(`Seeded the demo into ${databaseLabel(config())} in ${Date.now() - t} ms.`);
} else if (!ifEmpty) {
	console.error('The database is not empty; refusing to seed twice. Use a new DATABASE_PATH (or DATABASE_URL).');
	process.exitCode = 1;
} else {
	console.log(`Database ${databaseLabel(config())} already has data; demo seed skipped.`);
}
console.log('\nDemo accounts (password for all: ' + DEMO_PASSWORD + '):');
for (const a of DEMO_ACCOUNTS)
	console.log(`  ${a.role.padEnd(14)} ${a.phone}  ${a.fullName} (${ROLE_LABELS[a.role].toLocaleLowerCase('vi')})`);
await db.destroy();
