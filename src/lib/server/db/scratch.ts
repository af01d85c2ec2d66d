import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase, type Db } from './index';

/**
 * A migrated SQLite database in a file of its own, in a new temporary folder: for tests that need a
 * real file (a second connection standing for another server process, the production services
 * writing a whole data set). `dispose` closes it and removes the folder.
 */
export async function scratchDatabase(label: string): Promise<{ db: Db; file: string; dispose: () => Promise<void> }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hoithi-${label}-`));
	const file = path.join(dir, 'db.sqlite');
	const db = openDatabase(file);
	await migrateToLatest(db);
	return {
		db,
		file,
		dispose: async () => {
			await db.destroy();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
