import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, DEMO_PASSWORD, registration } from './client';
import { makeLiveGame } from './live-fixture';
import { openEvents } from './live-client';
import { testDb } from './db';

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

type Seen = {
	step: string;
	status: number;
	type: string | null;
	cache: string | null;
	nosniff: string | null;
	keys: string[];
	message?: string;
	extra?: unknown;
};

async function see(step: string, res: Response, extra?: (body: any) => unknown): Promise<Seen> {
	const text = await res.text();
	let body: any;
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
async function walk(base: string, database: string): Promise<Seen[]> {
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
	out.push(
		await see(
			'autosave, 20 kB body',
			await me.json('PUT', answers, { questionId: q.id, optionIds: [q.options[0].id], pad: 'x'.repeat(20_000) })
		)
	);
	// The limit is in bytes on both paths, streamed bodies (no Content-Length) included: 6,000
	// Vietnamese letters of 3 bytes each are over it.
	const streamed = new Blob([JSON.stringify({ questionId: q.id, optionIds: [q.options[0].id], pad: 'ố'.repeat(6_000) })]).stream();
	out.push(
		await see(
			'autosave, 18 kB streamed in 6,000 characters',
			await me.request('PUT', answers, { body: streamed, headers: { 'content-type': 'application/json', origin: base } })
		)
	);
	out.push(
		await see(
			'autosave, cross-site text/plain',
			await me.request('PUT', answers, {
				body: JSON.stringify({ questionId: q.id, optionIds: [] }),
				headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }
			})
		)
	);
	out.push(
		await see(
			'autosave, own origin, JSON with charset',
			await me.request('PUT', answers, {
				body: JSON.stringify({ questionId: q.id, optionIds: [q.options[0].id] }),
				headers: { 'content-type': 'application/json; charset=utf-8', origin: base }
			})
		)
	);
	// Cross-site requests of every other shape, and our own origin without JSON: each refused, nothing saved.
	const body = JSON.stringify({ questionId: q.id, optionIds: [q.options[1].id] });
	const sameSite = base.replace('localhost', '127.0.0.1');
	out.push(
		await see(
			'autosave, cross-site JSON',
			await me.request('PUT', answers, { body, headers: { 'content-type': 'application/json', origin: 'https://evil.example' } })
		)
	);
	out.push(
		await see(
			'autosave, same-site other port',
			await me.request('PUT', answers, { body, headers: { 'content-type': 'application/json', origin: base.replace(/:\d+$/, ':1') } })
		)
	);
	out.push(
		await see(
			'autosave, other host',
			await me.request('PUT', answers, { body, headers: { 'content-type': 'application/json', origin: sameSite } })
		)
	);
	out.push(await see('autosave, no Origin', await me.request('PUT', answers, { body, headers: { 'content-type': 'application/json' } })));
	out.push(
		await see(
			'autosave, Origin null',
			await me.request('PUT', answers, { body, headers: { 'content-type': 'application/json', origin: 'null' } })
		)
	);
	out.push(
		await see(
			'autosave, own origin, text/plain',
			await me.request('PUT', answers, { body, headers: { 'content-type': 'text/plain', origin: base } })
		)
	);
	out.push(
		await see(
			'autosave, own origin, no content type',
			await me.request('PUT', answers, { body: new Blob([body]), headers: { origin: base } })
		)
	);
	out.push(
		await see(
			'start, own origin, no content type',
			await me.request('POST', `/api/rounds/${round.id}/attempts`, { headers: { origin: base } })
		)
	);
	out.push(await see('autosave, bad attempt id', await me.json('PUT', '/api/attempts/0/answers', { questionId: q.id, optionIds: [] })));

	const other = new Client(base);
	await other.action('/register', registration());
	out.push(await see('autosave, someone else', await other.json('PUT', answers, { questionId: q.id, optionIds: [q.options[0].id] })));
	out.push(await see('submit, someone else', await other.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 1 })));

	const submit = `/api/attempts/${view.attemptId}/submit`;
	// What a page elsewhere can send without a preflight (fetch no-cors: no content type, or text/plain).
	out.push(
		await see('submit, cross-site no-cors without body', await me.request('POST', submit, { headers: { origin: 'http://localhost:1' } }))
	);
	out.push(
		await see(
			'submit, cross-site no-cors text/plain',
			await me.request('POST', submit, {
				body: '{}',
				headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://localhost:1' }
			})
		)
	);
	out.push(
		await see('submit, no Origin', await me.request('POST', submit, { body: '{}', headers: { 'content-type': 'application/json' } }))
	);
	if (round.prediction) out.push(await see('submit without the prediction', await me.json('POST', submit, {})));
	out.push(await see('submit, bad prediction', await me.json('POST', submit, { prediction: -3 })));
	const first = await me.json('POST', submit, { prediction: 120 });
	const firstBody = await first.clone().text();
	out.push(await see('submit', first, (b) => [typeof b.correct, b.total, b.attemptNo]));
	const again = await me.json('POST', submit, { prediction: 5 });
	expect(await again.clone().text()).toBe(firstBody);
	out.push(await see('submit again', again));
	out.push(await see('autosave after submit', await me.json('PUT', answers, { questionId: q.id, optionIds: [q.options[0].id] })));

	out.push(
		await see('poll, anonymous', await anon.get(`/api/leaderboard?round=${round.id}`), (b) => [
			b.open,
			b.me,
			b.top.length > 0,
			b.units.length > 0
		])
	);
	out.push(
		await see('poll, mine', await me.get(`/api/leaderboard?round=${round.id}`), (b) => [
			b.me?.isViewer ?? b.top.some((r: { isViewer: boolean }) => r.isViewer)
		])
	);
	out.push(await see('poll, people tab', await me.get(`/api/leaderboard?round=${round.id}&units=0`), (b) => [b.units, b.unitsOmitted]));
	out.push(await see('poll, missing round', await anon.get('/api/leaderboard?round=999999')));

	// Nothing a refused request sent was kept: the answer is the last accepted one, and the attempt
	// was handed in by its owner's own request (prediction 120), not by a cross-site one.
	const db = testDb(database);
	const saved = (await db.get(
		'select option_ids_json as ids from attempt_answers where attempt_id = ? and question_id = ?',
		view.attemptId,
		q.id
	)) as {
		ids: string;
	};
	const handedIn = (await db.get('select prediction from attempts where id = ?', view.attemptId)) as { prediction: number | null };
	expect(JSON.parse(saved.ids)).toEqual([q.options[0].id]);
	if (round.prediction) expect(handedIn.prediction).toBe(120);
	return out;
}

/** The live hội thi's hot endpoints (join, answers, events) through one server; what was seen, ids and times left out. */
async function walkLive(base: string, database: string): Promise<Seen[]> {
	const out: Seen[] = [];
	const g = await makeLiveGame({ questions: 2 }, database);
	const host = new Client(base);
	await host.action('/login', { identifier: '0900000002', password: DEMO_PASSWORD });
	const phone = new Client(base);
	const join = `/api/live/${g.code}/players`;
	const answers = `/api/live/${g.code}/answers`;
	out.push(await see('live answer, not joined', await phone.json('POST', answers, { position: 0, optionIds: ['a'], requestId: 'r1' })));
	const refusedStream = await openEvents(phone, g.code);
	out.push({
		step: 'live events, not joined',
		status: refusedStream.status,
		type: refusedStream.headers.get('content-type'),
		cache: null,
		nosniff: null,
		keys: Object.keys(refusedStream.body ?? {}),
		message: refusedStream.body?.message
	});
	out.push(await see('live join, emoji', await phone.json('POST', join, { name: 'Lan 🌸' }), (b) => b.errors));
	out.push(await see('live join, not JSON', await phone.json('POST', join, '{"name": ')));
	out.push(await see('live join, unknown room', await phone.json('POST', '/api/live/000000/players', { name: 'Lan' })));
	out.push(await see('live join', await phone.json('POST', join, { name: 'Nguyễn Thị Lan' }), (b) => [b.name, b.created]));
	out.push(await see('live join again', await phone.json('POST', join, { name: 'Lan' }), (b) => [b.name, b.created]));
	const v = ((await testDb(database).get('select version from live_games where id = ?', g.gameId)) as { version: number }).version;
	out.push(
		await see('live start', await host.json('POST', `/api/live/games/${g.gameId}/command`, { action: 'start', version: v }), (b) => b.phase)
	);
	const stream = await openEvents(phone, g.code);
	const first = await stream.next();
	stream.close();
	out.push({
		step: 'live events',
		status: stream.status,
		type: stream.headers.get('content-type'),
		cache: stream.headers.get('cache-control'),
		nosniff: stream.headers.get('x-content-type-options'),
		keys: Object.keys(first?.data ?? {}).sort(),
		extra: [first?.data.phase, first?.data.question?.position, first?.data.me?.name]
	});
	const right = g.questions[0].correctIds[0];
	out.push(
		await see('live answer, foreign option', await phone.json('POST', answers, { position: 0, optionIds: ['khong-co'], requestId: 'r2' }))
	);
	out.push(await see('live answer, not JSON', await phone.json('POST', answers, '{')));
	out.push(
		await see('live answer', await phone.json('POST', answers, { position: 0, optionIds: [right], requestId: 'r3' }), (b) => [
			b.accepted,
			b.optionIds.length
		])
	);
	out.push(
		await see(
			'live answer, retry',
			await phone.json('POST', answers, { position: 0, optionIds: [right], requestId: 'r3' }),
			(b) => b.accepted
		)
	);
	out.push(
		await see(
			'live answer, another',
			await phone.json('POST', answers, { position: 0, optionIds: [g.questions[0].wrongIds[0]], requestId: 'r4' })
		)
	);
	out.push(
		await see(
			'live answer, cross-site',
			await phone.request('POST', answers, { body: '{}', headers: { 'content-type': 'application/json', origin: 'https://evil.example' } })
		)
	);
	return out;
}

describe('hot API in front of SvelteKit', () => {
	it('answers the live hội thi exactly like the SvelteKit routes', async () => {
		const hot = await walkLive(new Client().base, inject('database'));
		const sveltekit = await walkLive(plain.url, plain.database);
		expect(hot).toEqual(sveltekit);
		const by = Object.fromEntries(hot.map((s) => [s.step, s]));
		expect(hot.map((s) => [s.step, s.status])).toEqual([
			['live answer, not joined', 401],
			['live events, not joined', 401],
			['live join, emoji', 400],
			['live join, not JSON', 400],
			['live join, unknown room', 404],
			['live join', 201],
			['live join again', 200],
			['live start', 200],
			['live events', 200],
			['live answer, foreign option', 400],
			['live answer, not JSON', 400],
			['live answer', 200],
			['live answer, retry', 200],
			['live answer, another', 422],
			['live answer, cross-site', 403]
		]);
		expect(by['live events'].type).toMatch(/^text\/event-stream/);
		expect(by['live events'].extra).toEqual(['question', 0, 'Nguyễn Thị Lan']);
	});

	it('answers exactly like the SvelteKit routes, good and bad paths alike', async () => {
		const hot = await walk(new Client().base, inject('database'));
		const sveltekit = await walk(plain.url, plain.database);
		expect(hot.map((s) => s.step)).toEqual(sveltekit.map((s) => s.step));
		// SvelteKit itself refuses cross-site form-typed bodies (text/plain included) before its hooks
		// run: the same 403, in its own words and without our headers.
		const kitFirst = ['autosave, cross-site text/plain', 'submit, cross-site no-cors text/plain'];
		for (const [i, s] of hot.entries()) {
			const same = kitFirst.includes(s.step)
				? { ...s, type: sveltekit[i].type, nosniff: sveltekit[i].nosniff, message: sveltekit[i].message }
				: s;
			expect(same, s.step).toEqual(sveltekit[i]);
		}
		// And the answers are the right ones.
		const by = Object.fromEntries(hot.map((s) => [s.step, s]));
		expect([by['anonymous start'].status, by['start'].status, by['resume'].status, by['resume'].extra]).toEqual([401, 201, 200, true]);
		expect([
			by['autosave'].status,
			by['autosave, not JSON'].status,
			by['autosave, 20 kB body'].status,
			by['autosave, cross-site text/plain'].status
		]).toEqual([204, 400, 413, 403]);
		const refused = Object.keys(by).filter((k) => /cross-site|other port|other host|Origin|own origin, (text|no content)/.test(k));
		expect(refused).toHaveLength(12);
		for (const k of refused) expect([k, by[k].status], k).toEqual([k, /own origin/.test(k) ? 415 : 403]);
		for (const k of refused.filter((k) => !kitFirst.includes(k))) expect(by[k].message, k).toMatch(/bị từ chối|JSON/);
		// Where SvelteKit's own check answers first, the production server's answer is the hot path's
		// (refuseApiWrite's JSON): so it is the hot path that answered these routes, not SvelteKit.
		for (const k of kitFirst) {
			const kit = sveltekit.find((s) => s.step === k)!;
			expect([k, by[k].type, by[k].message]).toEqual([k, 'application/json', expect.stringMatching(/bị từ chối/)]);
			expect([k, kit.message]).not.toEqual([k, by[k].message]);
		}
		expect(by['autosave, own origin, JSON with charset'].status).toBe(204);
		expect(by['autosave, 18 kB streamed in 6,000 characters'].status).toBe(413);
		expect([by['autosave, someone else'].status, by['submit, someone else'].status, by['autosave after submit'].status]).toEqual([
			404, 404, 409
		]);
		expect([by['submit'].status, by['submit'].cache, by['start'].cache]).toEqual([200, 'no-store', 'no-store']);
		expect(by['poll, people tab'].extra).toEqual([[], true]);
		expect(by['poll, missing round'].status).toBe(404);
		for (const s of hot) expect(s.nosniff, s.step).toBe('nosniff');
	});
});

describe('security headers on everything the production server sends', () => {
	const NON_PAGE = "default-src 'none'; frame-ancestors 'none'";
	it('puts a CSP and nosniff on JSON answers and on static files (scripts, styles, fonts, SVG), on both paths', async () => {
		for (const base of [new Client().base, plain.url]) {
			const c = new Client(base);
			const html = await (await c.get('/')).text();
			const script = /\/_app\/immutable\/[^"']+\.js/.exec(html)?.[0];
			const style = /\/_app\/immutable\/[^"']+\.css/.exec(html)?.[0];
			expect([script, style], base).not.toContain(undefined);
			const round = ((await (await c.get('/api/rounds/current')).json()) as { rounds: { id: number }[] }).rounds[0];
			const answers: [string, Response][] = [
				['rounds (SvelteKit route)', await c.get('/api/rounds/current')],
				['leaderboard poll (hot path)', await c.get(`/api/leaderboard?round=${round.id}`)],
				[
					'refused write',
					await c.request('POST', `/api/rounds/${round.id}/attempts`, {
						headers: { origin: 'https://evil.example', 'content-type': 'application/json' }
					})
				],
				['401 JSON', await c.json('POST', `/api/rounds/${round.id}/attempts`)],
				['page data', await c.get('/__data.json')],
				['script', await c.get(script!)],
				['style', await c.get(style!)],
				['font', await c.get('/fonts/noto-sans-vietnamese-wght-normal.woff2')],
				['SVG', await c.get('/favicon.svg')]
			];
			for (const [what, res] of answers) {
				await res.arrayBuffer();
				expect(res.status, `${base} ${what}`).toBeLessThan(500);
				expect([what, res.headers.get('x-content-type-options'), res.headers.get('content-security-policy')], base).toEqual([
					what,
					'nosniff',
					NON_PAGE
				]);
				expect(res.headers.get('x-frame-options'), `${base} ${what}`).toBe('DENY');
			}
			// Pages keep their own policy (kit.csp), not the one for non-pages.
			const page = await c.get('/');
			expect(page.headers.get('content-security-policy'), base).toMatch(/script-src 'self'/);
		}
	});
});
