/**
 * npm run backup -- <file> — an online backup of DATABASE_PATH while the server keeps running,
 * with SQLite's backup API (better-sqlite3 `db.backup`). In WAL mode this separate process reads
 * a consistent snapshot without blocking the server's writers. The copy is written to
 * `<file>.partial`, checked with PRAGMA integrity_check, then renamed into place, so a
 * half-written file never carries the final name.
 *
 * With DATABASE_URL (PostgreSQL) the backup is a pg_dump archive of that database, made the same way
 * (one snapshot, `.partial`, checked, renamed): scripts/pg-backup.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { config } from '../src/lib/server/config';
import { backupPostgres } from './pg-backup';

const target = process.argv[2];
if (!target || target.startsWith('-')) {
	console.error('Usage: npm run backup -- <backup-file>   (a .db copy on SQLite, a pg_dump archive with DATABASE_URL)');
	process.exit(2);
}
const url = config().DATABASE_URL;
if (url) {
	try {
		console.log(await backupPostgres(url, path.resolve(target)));
		process.exit(0);
	} catch (e) {
		console.error(`Backup failed: ${(e as Error).message}`);
		process.exit(1);
	}
}
const source = config().DATABASE_PATH;
if (!fs.existsSync(source)) {
	console.error(`No database at ${source} (set DATABASE_PATH).`);
	process.exit(2);
}
const dest = path.resolve(target);
if (dest === path.resolve(source)) {
	console.error('The backup file must not be the database itself.');
	process.exit(2);
}
fs.mkdirSync(path.dirname(dest), { recursive: true });
const partial = dest + '.partial';
fs.rmSync(partial, { force: true });

const started = Date.now();
const db = new SQLite(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
try {
	// Writes by the server (another connection) restart a backup that copies page by page; after
	// the first step we ask for every remaining page at once, so the copy is one read snapshot
	// and cannot be starved by a busy server.
	await db.backup(partial, { progress: () => 1 << 30 });
} finally {
	db.close();
}
const copy = new SQLite(partial, { readonly: true });
const integrity = copy.pragma('integrity_check', { simple: true });
const users = (copy.prepare('select count(*) as n from users').get() as { n: number }).n;
const attempts = (copy.prepare('select count(*) as n from attempts').get() as { n: number }).n;
copy.close();
if (integrity !== 'ok') {
	console.error(`Backup failed its integrity check: ${integrity}. Kept as ${partial} for inspection.`);
	process.exit(1);
}
fs.renameSync(partial, dest);
const mb = (fs.statSync(dest).size / 1024 / 1024).toFixed(1);
console.log(`Backup written: ${dest} (${mb} MB, ${users} accounts, ${attempts} attempts, integrity ok, ${Date.now() - started} ms)`);
