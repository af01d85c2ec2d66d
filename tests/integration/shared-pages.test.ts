import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unflatten } from 'devalue';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, registration } from './client';
import { testDb } from './db';

/**
 * The public pages (home, round and contest leaderboards, and their __data.json) are rendered once
 * per page and board version for everyone without a session, and say so to caches in front
 * (src/lib/server/pages/shared.ts); a logged-in viewer gets their own render, marked private. On
 * both serving paths: the shared test server (the front door answers stored renderings) and one
 * with HOITHI_HOT_API=0 (SvelteKit's hooks answer them).
 */
const PORT = Number(process.env.INTEGRATION_PORT ?? 4174) + 2;
let plain: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
	plain = await startTestServer({ db: 'test-results/shared-pages.db', port: PORT, env: { HOITHI_HOT_API: '0' } });
});
afterAll(async () => {
	await plain?.stop();
});

const servers = () => [
	{ name: 'front door', base: new Client().base, database: inject('database') },
	{ name: 'HOITHI_HOT_API=0', base: plain.url, database: plain.database }
];

async function roundsOf(base: string) {
	const { rounds } = (await (await new Client(base).get('/api/rounds/current')).json()) as { rounds: { id: number; contestId: number }[] };
	return { open: rounds[0].id, contest: rounds[0].contestId };
}

async function pagesOf(base: string) {
	const { open, contest } = await roundsOf(base);
	return [
		'/',
		`/rounds/${open}/leaderboard`,
		`/contests/${contest}/leaderboard`,
		`/rounds/${open}/leaderboard/__data.json?x-sveltekit-invalidated=01`,
		`/rounds/1/leaderboard`
	];
}

/** A browser that has been here before: its own device cookie (any 32-character base32 id). */
const visitor = (id: string) => ({ cookie: `hoithi_device=${id.repeat(32).slice(0, 32)}` });

const get = async (base: string, path: string, headers: Record<string, string> = {}) => {
	const res = await fetch(base + path, { headers, redirect: 'manual' });
	return { res, body: await res.text() };
};

/**
 * Two requests that should fall within one rendering; a rendering's life (2–5 s) can end between
 * them, so a pair is tried up to three times before the check counts as failed.
 */
async function withinOneRendering(check: () => Promise<boolean>) {
	for (let i = 0; i < 3; i++) if (await check()) return true;
	return false;
}

/** How many rows of the board in a page's __data.json (SvelteKit's devalue-encoded nodes) are the viewer's. */
function viewerRows(dataJson: string): number {
	const { nodes } = JSON.parse(dataJson) as { nodes: ({ type: string; data: unknown[] } | null)[] };
	type Row = { isViewer: boolean };
	const page = nodes
		.map((n) => (n?.type === 'data' ? (unflatten(n.data) as { board?: { top: Row[]; me: Row | null } }) : null))
		.find((d) => d?.board);
	const { top, me } = page!.board!;
	return [...top, ...(me ? [me] : [])].filter((r) => r.isViewer).length;
}

const peopleOn = (html: string) => Number(/([\d.]+) người có kết quả/.exec(html)?.[1].replace(/\./g, ''));

async function correctOptions(database: string, attemptId: number, questionId: number): Promise<string[]> {
	const row = (await testDb(database).get(
		'select v.options_json from attempt_questions aq join question_versions v on v.id = aq.question_version_id where aq.attempt_id = ? and aq.question_id = ?',
		attemptId,
		questionId
	)) as { options_json: string };
	return (JSON.parse(row.options_json) as { id: string; correct: boolean }[]).filter((o) => o.correct).map((o) => o.id);
}

/** A new participant who hands in a full, correct sheet in the open round (a result for the top of the board). */
async function handIn(base: string, database: string, roundId: number) {
	const me = new Client(base);
	expect((await me.action('/register', registration())).body?.type).toBe('redirect');
	const view = (await (await me.json('POST', `/api/rounds/${roundId}/attempts`)).json()) as {
		attemptId: number;
		questions: { id: number }[];
	};
	for (const q of view.questions)
		await me.json('PUT', `/api/attempts/${view.attemptId}/answers`, {
			questionId: q.id,
			optionIds: await correctOptions(database, view.attemptId, q.id)
		});
	expect((await me.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: 1 })).status).toBe(200);
	return me;
}

describe('public pages for anonymous viewers', () => {
	it('are one rendering for every visitor, whatever their device cookie or tracking parameters', async () => {
		for (const { name, base } of servers()) {
			for (const path of await pagesOf(base)) {
				const extra = `${path.includes('?') ? '&' : '?'}fbclid=IwAR0abc&utm_source=zalo`;
				const same = await withinOneRendering(async () => {
					const a = await get(base, path, visitor('a'));
					const b = await get(base, path + extra, visitor('b'));
					const c = await get(base, path);
					return a.body === b.body && b.body === c.body && a.res.headers.get('etag') === c.res.headers.get('etag');
				});
				expect([name, path, same]).toEqual([name, path, true]);
			}
		}
	});

	it('say so to caches: public, short-lived, Vary: Cookie, an ETag, gzipped; no cookie, no nonce', async () => {
		for (const { name, base } of servers()) {
			for (const path of await pagesOf(base)) {
				const { res, body } = await get(base, path);
				const at = `${name} ${path}`;
				expect(res.status, at).toBe(200);
				expect(res.headers.get('cache-control'), at).toMatch(/^public, max-age=[0-5], s-maxage=[0-5]$/);
				expect(res.headers.get('vary'), at).toBe('Cookie, Accept-Encoding');
				// Node's fetch asks for gzip, as browsers do (and unpacks it): the stored gzipped copy is sent.
				expect(res.headers.get('content-encoding'), at).toBe('gzip');
				expect(res.headers.get('etag'), at).toMatch(/^"[\w-]{32}\.gz"$/);
				expect(Number(res.headers.get('age')), at).toBeLessThanOrEqual(5);
				expect(res.headers.getSetCookie(), at).toEqual([]);
				// Nothing unique to one answer: the CSP hashes the boot script instead of a per-response nonce.
				expect(res.headers.get('content-security-policy'), at).not.toContain('nonce-');
				expect(body, at).not.toContain('nonce');
				expect(res.headers.get('x-content-type-options'), at).toBe('nosniff');
				if (!path.includes('__data.json')) expect(res.headers.get('content-security-policy'), at).toMatch(/script-src 'self' 'sha256-/);
			}
		}
	});

	it('answer If-None-Match with the current ETag with 304 and no body', async () => {
		for (const { name, base } of servers()) {
			for (const path of await pagesOf(base)) {
				let seen: unknown[] = [];
				const notModified = await withinOneRendering(async () => {
					const first = await get(base, path);
					const etag = first.res.headers.get('etag')!;
					const again = await get(base, path, { 'if-none-match': etag, ...visitor('c') });
					seen = [again.res.status, again.body, again.res.headers.get('etag'), again.res.headers.getSetCookie()];
					return (
						again.res.status === 304 &&
						again.body === '' &&
						again.res.headers.get('etag') === etag &&
						again.res.headers.get('cache-control')?.startsWith('public') === true
					);
				});
				expect([name, path, notModified, seen]).toEqual([name, path, true, expect.anything()]);
				const stale = await get(base, path, { 'if-none-match': '"not-this-one"' });
				expect([name, path, stale.res.status]).toEqual([name, path, 200]);
			}
		}
	});

	it('still give fairness its device cookie where it is used: login, registration, the attempt API', async () => {
		for (const { base } of servers()) {
			const { open } = await roundsOf(base);
			for (const [method, path] of [
				['GET', '/login'],
				['GET', '/register'],
				['POST', `/api/rounds/${open}/attempts`]
			]) {
				const res = await fetch(base + path, {
					method,
					headers: method === 'POST' ? { origin: base, 'content-type': 'application/json' } : {},
					redirect: 'manual'
				});
				expect([base, path, res.headers.getSetCookie().some((c) => c.startsWith('hoithi_device='))]).toEqual([base, path, true]);
			}
		}
	});

	it('show a hand-in that enters the top of the board at once', async () => {
		for (const { name, base, database } of servers()) {
			const { open } = await roundsOf(base);
			const path = `/rounds/${open}/leaderboard`;
			const before = peopleOn((await get(base, path)).body);
			expect(before, name).toBeGreaterThan(0);
			await handIn(base, database, open);
			// The hand-in changed the round's top list: its shared pages were dropped with it.
			const after = await get(base, path);
			// At least this hand-in (other test files on the same server may hand in meanwhile).
			expect(peopleOn(after.body), name).toBeGreaterThanOrEqual(before + 1);
			expect(after.res.headers.get('cache-control'), name).toMatch(/^public/);
		}
	});
});

describe('public pages for a logged-in viewer', () => {
	it('are their own: their row in the page and its data, kept by nobody', async () => {
		for (const { name, base, database } of servers()) {
			const { open } = await roundsOf(base);
			const me = await handIn(base, database, open);
			for (const path of [`/rounds/${open}/leaderboard`, `/rounds/${open}/leaderboard/__data.json?x-sveltekit-invalidated=01`]) {
				const res = await me.get(path);
				const body = await res.text();
				expect([name, path, res.status, res.headers.get('cache-control'), res.headers.get('vary')]).toEqual([
					name,
					path,
					200,
					'private, no-store',
					'Cookie'
				]);
				// Their own row is marked as theirs: the badge in the page, isViewer in the data.
				if (path.includes('__data.json')) expect([name, viewerRows(body)]).toEqual([name, 1]);
				else expect(body, name).toMatch(/<span class="badge">Bạn<\/span>/);
			}
			expect([name, viewerRows((await get(base, `/rounds/${open}/leaderboard/__data.json?x-sveltekit-invalidated=01`)).body)]).toEqual([
				name,
				0
			]);
			const html = await (await me.get(`/rounds/${open}/leaderboard`)).text();
			expect(html, name).toMatch(/Đăng xuất/);
			// The anonymous page has no viewer's row and no account menu.
			const anon = (await get(base, `/rounds/${open}/leaderboard`)).body;
			expect(anon, name).not.toMatch(/<span class="badge">Bạn<\/span>/);
			expect(anon, name).not.toMatch(/Đăng xuất/);
			expect(await (await me.get('/')).headers.get('cache-control'), name).toBe('private, no-store');
		}
	});
});

describe('pages that are not shared', () => {
	it('answer a revalidation with a 304 that keeps the page’s own CSP (a browser applies a 304’s headers to its copy)', async () => {
		for (const { name, base } of servers()) {
			for (const path of ['/login', '/register']) {
				const first = await get(base, path);
				const etag = first.res.headers.get('etag');
				expect([name, path, first.res.status, etag]).toEqual([name, path, 200, expect.any(String)]);
				const again = await get(base, path, { 'if-none-match': etag! });
				expect([name, path, again.res.status, again.body]).toEqual([name, path, 304, '']);
				// The page's policy (its boot script's hash), not the default for static files and JSON.
				expect(again.res.headers.get('content-security-policy'), `${name} ${path}`).toBe(first.res.headers.get('content-security-policy'));
				expect(again.res.headers.get('x-frame-options'), `${name} ${path}`).toBe('DENY');
			}
		}
	});
});
