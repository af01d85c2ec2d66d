/** npm run migrate — applies pending migrations to DATABASE_PATH (default data/hoithi.db). */
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { config } from '../src/lib/server/config';

const applied = await migrateToLatest(getDb());
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
console.log(`Database: ${config().DATABASE_PATH}`);
await getDb().destroy();
