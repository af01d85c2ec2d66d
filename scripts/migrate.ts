/** npm run migrate — applies pending migrations to DATABASE_URL (PostgreSQL) or DATABASE_PATH (default data/hoithi.db). */
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { config } from '../src/lib/server/config';
import { databaseLabel } from '../src/lib/server/db/dialect';

const applied = await migrateToLatest(getDb());
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
console.log(`Database: ${databaseLabel(config())}`);
await getDb().destroy();
