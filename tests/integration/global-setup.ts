import type { TestProject } from 'vitest/node';
import { startTestServer } from '../../scripts/test-server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dbPath: string;
	}
}

/** One built server on a fresh seeded database for all HTTP integration tests. */
export default async function setup(project: TestProject) {
	const server = await startTestServer({ db: 'test-results/integration.db', port: Number(process.env.INTEGRATION_PORT ?? 4174) });
	project.provide('baseUrl', server.url);
	project.provide('dbPath', server.dbPath);
	return async () => {
		await server.stop();
	};
}
