import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, freshPhone, registration } from './client';
import { testDb } from './db';

/** The production entry as a cluster (WORKERS=2): stopping it lets every request in flight finish. */
const PORT = Number(process.env.INTEGRATION_PORT ?? 4174) + 7;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a cluster of two workers', () => {
	it('finishes a request in flight when told to stop (SIGTERM), then exits', async () => {
		const server = await startTestServer({ db: 'test-results/cluster.db', port: PORT, workers: 2 });
		const c = new Client(server.url);
		expect((await c.action('/register', registration({ phone: freshPhone() }))).body?.type).toBe('redirect');
		const rounds = (await (await c.get('/api/rounds/current')).json()).rounds as { id: number }[];
		const view = await (await c.json('POST', `/api/rounds/${rounds[0].id}/attempts`)).json();
		const q = view.questions[0];
		// An autosave whose body arrives slowly: the stop comes while the worker is still reading it.
		const body = JSON.stringify({ questionId: q.id, optionIds: [q.options[0].id] });
		const stream = new ReadableStream<Uint8Array>({
			async start(ctrl) {
				ctrl.enqueue(new TextEncoder().encode(body.slice(0, 10)));
				await sleep(800);
				ctrl.enqueue(new TextEncoder().encode(body.slice(10)));
				ctrl.close();
			}
		});
		const saving = c.request('PUT', `/api/attempts/${view.attemptId}/answers`, {
			body: stream,
			headers: { 'content-type': 'application/json', origin: server.url }
		});
		await sleep(300);
		const started = Date.now();
		const stopped = server.stop({ keepDatabase: true });
		expect((await saving).status).toBe(204);
		await stopped;
		// Not seconds later, when the client would drop its idle keep-alive connection.
		expect(Date.now() - started).toBeLessThan(3_000);
		// Nobody answers on the port any more, and the answer is in the database.
		await expect(fetch(server.url + '/api/rounds/current')).rejects.toThrow();
		expect(
			await testDb(server.database).get(
				'select option_ids_json as o from attempt_answers where attempt_id = ? and question_id = ?',
				view.attemptId,
				q.id
			)
		).toEqual({ o: JSON.stringify([q.options[0].id]) });
		await server.dropDatabase();
		// Starting the cluster is part of the test: seeding a PostgreSQL database takes ~15 s here.
	}, 60_000);
});
