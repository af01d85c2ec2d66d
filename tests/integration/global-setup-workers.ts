import type { TestProject } from 'vitest/node';
import { startTestServer } from '../../scripts/test-server.js';

/**
 * The race tests again, against the server as a cluster of two workers (WORKERS=2) on one
 * database: requests of one test land on both processes (connections are handed out in turn).
 */
export default async function setup(project: TestProject) {
	const server = await startTestServer({
		db: 'test-results/integration-workers.db',
		port: Number(process.env.INTEGRATION_PORT ?? 4174) + 6,
		workers: 2
	});
	project.provide('baseUrl', server.url);
	project.provide('dbPath', server.dbPath);
	project.provide('database', server.database);
	return async () => {
		await server.stop();
	};
}
