import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, DEMO_PASSWORD } from './client';

/**
 * Which address the app works at. `npm start` leaves ORIGIN unset, so a demo must work at
 * whatever address it was reached by — localhost, 127.0.0.1, the machine's LAN address from a
 * phone — with the origin check still refusing other sites. A deployment sets ORIGIN (as the shared
 * test server does) and keeps the strict check; a page opened elsewhere then gets a refusal it can
 * read, in Vietnamese, naming the address to use.
 */
const PORT = Number(process.env.INTEGRATION_PORT ?? 4174) + 3;
let open: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
	open = await startTestServer({ db: 'test-results/no-origin.db', port: PORT, origin: false });
});
afterAll(async () => {
	await open?.stop();
});

const LOGIN = { identifier: '0900000004', password: DEMO_PASSWORD };
/** The machine's own non-loopback IPv4 addresses (what a phone on the same Wi-Fi would type). */
const lanAddresses = () =>
	Object.values(os.networkInterfaces())
		.flat()
		.filter((a) => a && a.family === 'IPv4' && !a.internal)
		.map((a) => a!.address);

async function nativeLogin(base: string, origin: string, extra: Record<string, string> = {}) {
	return fetch(base + '/login', {
		method: 'POST',
		redirect: 'manual',
		body: new URLSearchParams(LOGIN).toString(),
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, ...extra }
	});
}

describe('without ORIGIN (npm start, a demo)', () => {
	it('accepts the login form at every address the server is reached by, from that address', async () => {
		const bases = [`http://127.0.0.1:${PORT}`, `http://localhost:${PORT}`, ...lanAddresses().map((a) => `http://${a}:${PORT}`)];
		for (const base of bases) {
			const c = new Client(base);
			const enhanced = await c.action('/login', LOGIN, base);
			expect([base, enhanced.body?.type, enhanced.body?.location]).toEqual([base, 'redirect', '/']);
			expect(c.hasSession, base).toBe(true);
			const plain = await nativeLogin(base, base);
			expect([base, plain.status, plain.headers.get('location')]).toEqual([base, 303, '/']);
			// The session cookie works there too (no Secure flag on plain http).
			expect(plain.headers.getSetCookie().find((s) => s.startsWith('hoithi_session='))).not.toMatch(/Secure/i);
		}
	});

	it('runs the attempt API at 127.0.0.1 from 127.0.0.1 (the hot path uses the request’s own host too)', async () => {
		const base = `http://127.0.0.1:${PORT}`;
		const c = new Client(base);
		expect((await c.action('/login', LOGIN, base)).body?.type).toBe('redirect');
		const round = ((await (await c.get('/api/rounds/current')).json()) as { rounds: { id: number }[] }).rounds[0];
		const started = await c.json('POST', `/api/rounds/${round.id}/attempts`);
		expect([200, 201]).toContain(started.status);
		// The same request claiming to come from another address is refused.
		const foreign = await c.request('POST', `/api/rounds/${round.id}/attempts`, {
			headers: { 'content-type': 'application/json', origin: `http://localhost:${PORT}` }
		});
		expect(foreign.status).toBe(403);
	});

	it('still refuses forms and API writes from other sites', async () => {
		const base = `http://127.0.0.1:${PORT}`;
		for (const origin of ['https://evil.example', `https://127.0.0.1:${PORT}`, `http://127.0.0.1:${PORT + 1}`, 'null']) {
			const c = new Client(base);
			const enhanced = await c.action('/login', LOGIN, origin);
			expect([origin, enhanced.status, c.hasSession]).toEqual([origin, 403, false]);
			expect((await nativeLogin(base, origin)).status, origin).toBe(403);
		}
		// A client cannot talk the server into https (its protocol header is overwritten).
		const spoofed = await nativeLogin(base, `https://127.0.0.1:${PORT}`, { 'x-hoithi-protocol': 'https', 'x-forwarded-proto': 'https' });
		expect(spoofed.status).toBe(403);
		const honest = await nativeLogin(base, base, { 'x-hoithi-protocol': 'https' });
		expect(honest.status).toBe(303);
	});
});

describe('with ORIGIN set (a deployment: the shared test server)', () => {
	it('refuses a form from another address with a Vietnamese message naming the address to use, and logs nobody in', async () => {
		const own = new Client().base;
		const elsewhere = own.replace('localhost', '127.0.0.1');
		const c = new Client(elsewhere);
		const { status, body } = await c.action('/login', LOGIN, elsewhere);
		expect(status).toBe(403);
		expect(body?.type).toBe('error');
		expect((body as { error?: { message: string } }).error?.message).toBe(
			`Biểu mẫu chưa được gửi vì trang đang được mở ở địa chỉ ${elsewhere}, không phải địa chỉ của hội thi. Vui lòng mở hội thi tại ${own} rồi thử lại.`
		);
		expect(c.hasSession).toBe(false);
		// Without JavaScript: a page that says the same and links to the right address.
		const plain = await nativeLogin(elsewhere, elsewhere);
		expect(plain.status).toBe(403);
		expect(plain.headers.get('content-type')).toMatch(/text\/html/);
		const html = await plain.text();
		expect(html).toContain('Biểu mẫu chưa được gửi');
		expect(html).toContain(`<a href="${own}/">`);
		expect(plain.headers.getSetCookie().some((s) => s.startsWith('hoithi_session='))).toBe(false);
		// A script or a foreign site is refused too; the right address works.
		expect((await new Client().action('/login', LOGIN, null)).status).toBe(403);
		expect((await new Client().action('/login', LOGIN, 'https://evil.example')).status).toBe(403);
		expect((await new Client().action('/login', LOGIN)).body?.type).toBe('redirect');
	});

	it('escapes whatever Origin a client sends in the refusal page', async () => {
		const res = await nativeLogin(new Client().base, 'http://<script>alert(1)</script>');
		expect(res.status).toBe(403);
		const html = await res.text();
		expect(html).not.toContain('<script>');
	});
});
