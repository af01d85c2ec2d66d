import type { TestProject } from 'vitest/node';
import { startTestServer } from '../../scripts/test-server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		/** The server's SQLite file (SQLite-only tests). */
		dbPath: string;
		/** What tests/integration/db.ts opens: the SQLite file's path or the PostgreSQL database's URL. */
		database: string;
	}
}

/** One built server on a fresh seeded database (a SQLite file, or a PostgreSQL database under npm run test:pg) for all HTTP integration tests. */
export default async function setup(project: TestProject) {
	const server = await startTestServer({ db: 'test-results/integration.db', port: Number(process.env.INTEGRATION_PORT ?? 4174) });
	project.provide('baseUrl', server.url);
	project.provide('dbPath', server.dbPath);
	project.provide('database', server.database);
	return async () => {
		await server.stop();
	};
}
