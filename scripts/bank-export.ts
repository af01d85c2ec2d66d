/**
 * npm run bank:export -- <file.xlsx|file.csv>
 * Writes the whole bank (every status) in the import layout: the file can be imported again as is.
 */
import fs from 'node:fs';
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { config } from '../src/lib/server/config';
import { databaseLabel } from '../src/lib/server/db/dialect';
import * as bank from '../src/lib/server/questions/bank';

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file || !/\.(xlsx|csv)$/i.test(file)) {
	console.error('Usage: npm run bank:export -- <file.xlsx|file.csv>');
	process.exit(2);
}
const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
const db = getDb();
await migrateToLatest(db);
const { bytes, count } = await bank.exportFile(db, format);
fs.writeFileSync(file, bytes);
console.log(`Đã xuất ${count} câu hỏi từ ${databaseLabel(config())} ra ${file}.`);
await db.destroy();
