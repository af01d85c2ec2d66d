import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, registration } from './client';

/**
 * In production the attempt API and the leaderboard poll are answered by api/node.ts before
 * SvelteKit sees them; the SvelteKit routes serve the same endpoints in development. Both run the
 * same endpoint code (api/endpoints.ts); this test walks the API through both — the shared test
 * server (hot path on) and a second one with HOITHI_HOT_API=0 — and expects the same answers:
 * statuses, content types, headers, body shapes and messages, good and bad paths alike.
 */
const PORT = Number(process.env.INTEGRATION_PORT ?? 4174) + 2;
let plain: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
	plain = await startTestServer({ db: 'test-results/hot-api-off.db', port: PORT, env: { HOITHI_HOT_API: '0' } });
});
afterAll(async () => {
	await plain?.stop();
});

type Seen = { step: string; status: number; type: string | null; cache: string | null; nosniff: string | null; keys: string[]; message?: string; extra?: unknown };

async function see(step: string, res: Response, extra?: (body: any) => unknown): Promise<Seen> {
	const text = await res.text();
	let body: any = null;
	try {
		body = text ? JSON.parse(text) : null;
	} catch {
		body = { text };
		if (res.status === 403) body = { message: text };
	}
	return {
		step,
		status: res.status,
		type: res.headers.get('content-type'),
		cache: res.headers.get('cache-control'),
		nosniff: res.headers.get('x-content-type-options'),
		keys: body && typeof body === 'object' ? Object.keys(body).sort() : [],
		message: body?.message,
		extra: extra && body ? extra(body) : undefined
	};
}

/** The same conversation with one server; answers the list of what was seen. */
async function walk(base: string): Promise<Seen[]> {
	const out: Seen[] = [];
	const anon = new Client(base);
	const rounds = (await (await anon.get('/api/rounds/current')).json()) as { rounds: { id: number; prediction: unknown }[] };
	const round = rounds.rounds[0];
	out.push(await see('anonymous start', await anon.json('POST', `/api/rounds/${round.id}/attempts`)));

	const me = new Client(base);
	const reg = await me.action('/register', registration());
	expect(reg.body?.type).toBe('redirect');
	const startRes = await me.json('POST', `/api/rounds/${round.id}/attempts`);
	const view = (await startRes.clone().json()) as { attemptId: number; questions: { id: number; options: { id: string }[] }[] };
	out.push(await see('start', startRes, (b) => b.questions.length));
	out.push(await see('resume', await me.json('POST', `/api/rounds/${round.id}/attempts`), (b) => b.attemptId === view.attemptId));
	out.push(await see('start, bad round id', await me.json('POST', '/api/rounds/abc/attempts')));
	out.push(await see('start, missing round', await me.json('POST', '/api/rounds/999999/attempts')));

	const answers = `/api/attempts/${view.attemptId}/answers`;
	const q = view.questions[0];
	out.push(await see('autosave', await me.json('PUT', answers, { questionId: q.id, optionIds: [q.options[0].id] })));
	out.push(await see('autosave, not JSON', await me.json('PUT', answers, '{"questionId": ')));
	out.push(await see('autosave, wrong type', await me.json('PUT', answers, { questionId: 'x', optionIds: [] })));
	out.push(await see('autosave, foreign question', await me.json('PUT', answers, { questionId: 987654, optionIds: ['a'] })));
	out.push(await see('autosave, foreign option', await me.json('PUT', answers, { questionId: q.id, optionIds: ['khong-co'] })));
	out.push(await see('autosave, 20 kB body', await me.json('PUT', answers, { questionId: q.id, optionIds: [q.options[0].id], pad: 'x'.repeat(20_000) })));
	out.push(
		await see(
			'autosave, cross-site text/plain',
			await me.request('PUT', answers, { body: JSON.stringify({ questionId: q.id, optionIds: [] }), headers: { 'content-type': 'text/plain', origin: 'https://evil.example' } })
		)
	);
	out.push(await see('autosave, bad attempt id', await me.json('PUT', '/api/attempts/0/answers', { questionId: q.id, optionIds: [] })));

	const other = new Client(base);
	await other.action('/register', registration());
	out.push(await see('autosave, someone else', await other.json('PUT', answers, { questionId: q.id, optionIds: [q.options[0].id] })));
	out.push(await see('submit, someone else', await other.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 1 })));

	const submit = `/api/attempts/${view.attemptId}/submit`;
	if (round.prediction) out.push(await see('submit without the prediction', await me.json('POST', submit, {})));
	out.push(await see('submit, bad prediction', await me.json('POST', submit, { prediction: -3 })));
	const first = await me.json('POST', submit, { prediction: 120 });
	const firstBody = await first.clone().text();
	out.push(await see('submit', first, (b) => [typeof b.correct, b.total, b.attemptNo]));
	const again = await me.json('POST', submit, { prediction: 5 });
	expect(await again.clone().text()).toBe(firstBody);
	out.push(await see('submit again', again));
	out.push(await see('autosave after submit', await me.json('PUT', answers, { questionId: q.id, optionIds: [q.options[0].id] })));

	out.push(await see('poll, anonymous', await anon.get(`/api/leaderboard?round=${round.id}`), (b) => [b.open, b.me, b.top.length > 0, b.units.length > 0]));
	out.push(await see('poll, mine', await me.get(`/api/leaderboard?round=${round.id}`), (b) => [b.me?.isViewer ?? b.top.some((r: { isViewer: boolean }) => r.isViewer)]));
	out.push(await see('poll, people tab', await me.get(`/api/leaderboard?round=${round.id}&units=0`), (b) => [b.units, b.unitsOmitted]));
	out.push(await see('poll, missing round', await anon.get('/api/leaderboard?round=999999')));
	return out;
}

describe('hot API in front of SvelteKit', () => {
	it('answers exactly like the SvelteKit routes, good and bad paths alike', async () => {
		const hot = await walk(new Client().base);
		const sveltekit = await walk(plain.url);
		expect(hot.map((s) => s.step)).toEqual(sveltekit.map((s) => s.step));
		for (const [i, s] of hot.entries()) {
			// SvelteKit refuses cross-site forms before its hooks run: no security headers there.
			const same = s.step === 'autosave, cross-site text/plain' ? { ...s, type: sveltekit[i].type, nosniff: sveltekit[i].nosniff } : s;
			expect(same, s.step).toEqual(sveltekit[i]);
		}
		// And the answers are the right ones.
		const by = Object.fromEntries(hot.map((s) => [s.step, s]));
		expect([by['anonymous start'].status, by['start'].status, by['resume'].status, by['resume'].extra]).toEqual([401, 201, 200, true]);
		expect([by['autosave'].status, by['autosave, not JSON'].status, by['autosave, 20 kB body'].status, by['autosave, cross-site text/plain'].status]).toEqual([204, 400, 413, 403]);
		expect([by['autosave, someone else'].status, by['submit, someone else'].status, by['autosave after submit'].status]).toEqual([404, 404, 409]);
		expect([by['submit'].status, by['submit'].cache, by['start'].cache]).toEqual([200, 'no-store', 'no-store']);
		expect(by['poll, people tab'].extra).toEqual([[], true]);
		expect(by['poll, missing round'].status).toBe(404);
		for (const s of hot) expect(s.nosniff, s.step).toBe('nosniff');
	});
});
