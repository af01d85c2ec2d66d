/**
 * npm run restore -- <backup-file> — puts a backup back as DATABASE_PATH. Stop the server first:
 * the script refuses when another process has the database open (it must be able to take the
 * database out of WAL mode, which SQLite allows only to the sole connection). The current file
 * is kept as `<db>.before-restore-<time>`; the backup is checked before anything is replaced.
 *
 * With DATABASE_URL (PostgreSQL) the backup is a pg_dump archive (npm run backup), restored with
 * pg_restore into a new database that then takes the name; the current one is kept, renamed
 * `<name>_before_restore_<time>`; refused while anybody is connected (scripts/pg-backup.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { config } from '../src/lib/server/config';
import { restorePostgres } from './pg-backup';

const backup = process.argv[2];
if (!backup || backup.startsWith('-')) {
	console.error('Usage: npm run restore -- <backup-file>   (stop the server first)');
	process.exit(2);
}
if (!fs.existsSync(backup)) {
	console.error(`No backup file at ${backup}.`);
	process.exit(2);
}
const url = config().DATABASE_URL;
if (url) {
	try {
		for (const line of await restorePostgres(url, path.resolve(backup))) console.log(line);
		process.exit(0);
	} catch (e) {
		console.error(`Refusing: ${(e as Error).message}`);
		process.exit(1);
	}
}
const target = path.resolve(config().DATABASE_PATH);

// 1. The backup must be a healthy hoithi database.
try {
	const b = new SQLite(backup, { readonly: true, fileMustExist: true });
	const integrity = b.pragma('integrity_check', { simple: true });
	const migrated = b.prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'").get() as { n: number };
	b.close();
	if (integrity !== 'ok' || migrated.n !== 1)
		throw new Error(integrity !== 'ok' ? `integrity_check: ${integrity}` : 'not a hoithi database');
} catch (e) {
	console.error(`Refusing: ${backup} is not a usable backup (${(e as Error).message}).`);
	process.exit(1);
}

// 2. Nobody may be using the target: leaving WAL mode needs the only connection.
if (fs.existsSync(target)) {
	const t = new SQLite(target, { fileMustExist: true });
	t.pragma('busy_timeout = 0');
	try {
		const mode = t.pragma('journal_mode = DELETE', { simple: true });
		if (mode !== 'delete') throw new Error('busy');
	} catch {
		t.close();
		console.error(`Refusing: ${target} is in use (is the server running?). Stop it, then run the restore again.`);
		process.exit(1);
	}
	t.close();
	const kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
	fs.renameSync(target, kept);
	for (const s of ['-wal', '-shm']) fs.rmSync(target + s, { force: true });
	console.log(`Current database kept as ${kept}`);
}

// 3. Copy next to the target, then rename: the target is never half written.
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(backup, target + '.restoring');
fs.renameSync(target + '.restoring', target);
console.log(`Restored ${backup} → ${target}. Start the server again (npm start / node scripts/serve.js); it applies any newer migrations.`);
