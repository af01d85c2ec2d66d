import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hooks from '../../hooks.server';
import { frontDoor, HOT_ROUTES, type HotRoute } from './api/node';
import { SESSION_COOKIE } from './auth/sessions';
import { getDb, migrateToLatest } from './db';
import { DEVICE_COOKIE } from './auth/fingerprint';
import { HOOK_EXPORTS, PIPELINE, stepsOf, type Step } from './pipeline';

/**
 * The fence between SvelteKit's hooks and the hot path (pipeline.ts). The hot path (api/node.ts)
 * runs here in front of a stand-in for SvelteKit that answers 599, on a migrated in-memory
 * database; each hook step runs on the same requests through SvelteKit's Handle interface.
 */
let server: http.Server;
let base = '';

beforeAll(async () => {
	server = http.createServer(
		frontDoor(
			(_req, res) => {
				res.writeHead(599);
				res.end();
			},
			{ hot: true }
		)
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	// Read once, on first use (config.ts, api/node.ts ownOrigin): before the first request.
	process.env.ORIGIN = base;
	process.env.DATABASE_PATH = ':memory:';
	await migrateToLatest(getDb());
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A concrete path of a route: each `[param]` is 1; the poll asks for a round that does not exist. */
const pathOf = (route: HotRoute) => route.id.replace(/\[\w+\]/g, '1') + (route.method === 'GET' ? '?round=999999' : '');
const writes = HOT_ROUTES.filter((r) => r.method !== 'GET');

type Shape = { headers: Record<string, string>; body?: Blob };
const json = (headers: Record<string, string> = {}): Shape => ({
	headers: { 'content-type': 'application/json', ...headers },
	body: new Blob(['{}'])
});
/** What our own page's fetch sends: our Origin and JSON (without them a write is refused before anything else). */
const ownJson = (headers: Record<string, string> = {}) => json({ origin: base, ...headers });
const shapeFor = (route: HotRoute, headers: Record<string, string> = {}): Shape =>
	route.method === 'GET' ? { headers } : ownJson(headers);

async function viaHotPath(route: HotRoute, shape: Shape) {
	const res = await fetch(base + pathOf(route), { method: route.method, headers: shape.headers, body: shape.body });
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as { message?: string }) : null };
}

/** Runs one hook step the way SvelteKit would, with `resolve` answering `inner` (599 by default: "passed on"). */
async function viaHook(step: Step, route: HotRoute, shape: Shape, inner = () => new Response(null, { status: 599 })) {
	const url = new URL(pathOf(route), base);
	const cookies = new Map<string, string | null>();
	const header = shape.headers.cookie ?? '';
	const event = {
		url,
		request: new Request(url, { method: route.method, headers: shape.headers, body: shape.body }),
		locals: {},
		cookies: {
			get: (name: string) => new RegExp(`(?:^|; )${name}=([^;]*)`).exec(header)?.[1],
			set: (name: string, value: string) => void cookies.set(name, value),
			delete: (name: string) => void cookies.set(name, null)
		} as Pick<Cookies, 'get' | 'set' | 'delete'>
	} as unknown as RequestEvent;
	const res = await step.handle({ event, resolve: async () => inner() });
	return { res, cookies, locals: event.locals };
}

const stepNamed = (name: string) => PIPELINE.find((s) => s.name === name)!;

/**
 * For each step the hot path applies: requests on which the hot path does what the step does.
 * A new applied step needs its probe here.
 */
const PROBES: Record<string, () => Promise<void>> = {
	async securityHeaders() {
		for (const route of HOT_ROUTES) {
			const hot = await viaHotPath(route, shapeFor(route));
			expect(hot.status, route.id).toBeLessThan(500);
			// The hook on the same answer (same type) sets these headers; the hot answer has each of them.
			const type = hot.headers.get('content-type') ?? '';
			const { res } = await viaHook(
				stepNamed('securityHeaders'),
				route,
				shapeFor(route),
				() => new Response(null, { headers: { 'content-type': type } })
			);
			const set = [...res.headers].filter(([k]) => k !== 'content-type');
			expect(set.length, route.id).toBeGreaterThan(3);
			for (const [k, v] of set) expect([route.id, k, hot.headers.get(k)]).toEqual([route.id, k, v]);
		}
	},
	async apiWrites() {
		const shapes: Record<string, Shape> = {
			'own JSON': ownJson(),
			'own JSON with charset': ownJson({ 'content-type': 'application/json; charset=utf-8' }),
			'cross-site JSON': json({ origin: 'https://evil.example' }),
			'same host, other port': json({ origin: base.replace(/:\d+$/, ':1') }),
			'no Origin': json(),
			'Origin null': json({ origin: 'null' }),
			'own text/plain': { headers: { origin: base, 'content-type': 'text/plain' }, body: new Blob(['{}']) },
			'own, no content type': { headers: { origin: base }, body: new Blob(['{}']) },
			'own, no body': { headers: { origin: base } }
		};
		for (const route of writes) {
			for (const [what, shape] of Object.entries(shapes)) {
				const hot = await viaHotPath(route, shape);
				const { res } = await viaHook(stepNamed('apiWrites'), route, shape);
				if (res.status === 599) {
					// Passed on by the hook: the hot path did not refuse it either (the endpoint answered: 401,
					// anonymous; the live room's, open to anonymous players, 404 for a room that does not exist).
					expect([route.id, what, hot.status]).toEqual([route.id, what, route.id.startsWith('/api/live/') ? 404 : 401]);
				} else {
					const refused = (await res.json()) as { message: string };
					expect([route.id, what, hot.status, hot.body?.message]).toEqual([route.id, what, res.status, refused.message]);
				}
			}
		}
	},
	async auth() {
		// A stale session cookie and no device cookie: identify() removes the one and sets the other.
		const stale = { cookie: `${SESSION_COOKIE}=abcdefgh.ijklmnop` };
		for (const route of HOT_ROUTES) {
			const hot = await viaHotPath(route, shapeFor(route, stale));
			const written = hot.headers.getSetCookie().map((c): [string, string] => {
				const [name, value] = c.split(';')[0].split('=');
				return [name, value ? 'set' : 'deleted'];
			});
			const { cookies, locals } = await viaHook(stepNamed('auth'), route, shapeFor(route, stale));
			expect(locals, route.id).toMatchObject({ user: null, session: null, deviceId: expect.any(String) });
			const expected = [...cookies].map(([name, value]): [string, string] => [name, value ? 'set' : 'deleted']);
			expect(expected).toEqual(
				expect.arrayContaining([
					[DEVICE_COOKIE, 'set'],
					[SESSION_COOKIE, 'deleted']
				])
			);
			expect(new Map(written), route.id).toEqual(new Map(expected));
		}
	}
};

describe('the fence between the hooks and the hot path (pipeline.ts)', () => {
	it("hooks.server.ts's handle is made of pipeline steps only", () => {
		// A Handle added beside them (sequence(handleOf(PIPELINE), another)) is not a step: it says
		// nothing about the hot path, which would skip it. Make it a step in pipeline.ts.
		expect(stepsOf(hooks.handle)).toBeDefined();
		expect(stepsOf(hooks.handle)).toEqual(PIPELINE);
	});

	it('hooks.server.ts exports no hook whose hot-path side is undeclared', () => {
		expect(Object.keys(hooks).sort()).toEqual(Object.keys(HOOK_EXPORTS).sort());
	});

	it('a step declared unneeded on the hot path acts on none of the hot routes', () => {
		for (const step of PIPELINE) {
			if (!('notNeeded' in step.hot)) continue;
			for (const route of HOT_ROUTES)
				expect([step.name, route.method, route.id, step.hot.actsOn({ method: route.method, path: pathOf(route).split('?')[0] })]).toEqual([
					step.name,
					route.method,
					route.id,
					false
				]);
		}
	});

	it('every step the hot path applies has a probe below', () => {
		const applied = PIPELINE.filter((s) => 'applied' in s.hot).map((s) => s.name);
		expect(applied.sort()).toEqual(Object.keys(PROBES).sort());
	});

	for (const [name, probe] of Object.entries(PROBES)) {
		it(`the hot path applies ${name} as the hook does`, probe);
	}

	it('every hot route is a SvelteKit route with the same method too (dev server, HOITHI_HOT_API=0)', async () => {
		const modules = import.meta.glob<Record<string, unknown>>('/src/routes/api/**/+server.ts');
		for (const route of HOT_ROUTES) {
			const load = modules[`/src/routes${route.id}/+server.ts`];
			expect(load, route.id).toBeDefined();
			expect(typeof (await load())[route.method], `${route.method} ${route.id}`).toBe('function');
		}
	});

	it('the front door answers a stored public page as the sharedPages step does, and leaves the rest to SvelteKit', async () => {
		// The step renders (through `resolve`, here a stand-in with a device cookie) and stores; then
		// each request is asked of the step and of the front door alike.
		const path = '/contests/987654/leaderboard';
		const page = `<h1>Bảng xếp hạng</h1>${'<p>Nguyễn T*** H*** · 10/10</p>'.repeat(100)}`;
		let renders = 0;
		const inner = () => {
			renders++;
			const headers = new Headers({
				'content-type': 'text/html',
				'content-security-policy': "script-src 'self' 'sha256-abc'",
				'x-content-type-options': 'nosniff'
			});
			headers.append('set-cookie', `${DEVICE_COOKIE}=abcdefghijklmnopqrstuvwxyz234567; Path=/`);
			return new Response(page, { headers });
		};
		const step = stepNamed('sharedPages');
		const viaStep = async (target: string, headers: Record<string, string> = {}) => {
			const url = new URL(target, base);
			const event = { url, request: new Request(url, { headers }), locals: {} } as unknown as RequestEvent;
			return step.handle({ event, resolve: async () => inner() });
		};
		// fetch unpacks a gzipped body; the step's Response is as sent.
		const seen = async (res: Response, unpack = false) => ({
			status: res.status,
			body: unpack && res.headers.get('content-encoding') === 'gzip' ? gunzipSync(await res.arrayBuffer()).toString() : await res.text(),
			headers: Object.fromEntries(
				['etag', 'cache-control', 'vary', 'content-security-policy', 'x-content-type-options', 'content-type', 'content-encoding'].map(
					(k) => [k, res.headers.get(k)]
				)
			),
			cookies: res.headers.getSetCookie()
		});
		// Node's fetch asks for gzip unless told otherwise (and unpacks it): each request says what it accepts.
		const identity = { 'accept-encoding': 'identity' };
		const first = await seen(await viaStep(path, identity));
		expect(first).toMatchObject({ status: 200, body: page, cookies: [] });
		expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+$/);
		const etag = first.headers.etag!;
		for (const [target, headers] of [
			[path, identity],
			[path, { 'accept-encoding': 'gzip' }],
			[`${path}?fbclid=x`, { cookie: `${DEVICE_COOKIE}=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz`, ...identity }],
			[path, { 'if-none-match': etag, ...identity }],
			[path, { 'if-none-match': '"something else"', ...identity }]
		] as [string, Record<string, string>][]) {
			const fromStep = await seen(await viaStep(target, headers), true);
			const fromDoor = await seen(await fetch(base + target, { headers }));
			expect([target, headers, fromDoor]).toEqual([target, headers, fromStep]);
		}
		expect(renders).toBe(1);
		// A viewer with a session cookie, and any other page, is SvelteKit's.
		expect((await fetch(base + path, { headers: { cookie: `${SESSION_COOKIE}=abcdefgh.ijklmnop` } })).status).toBe(599);
		expect((await fetch(base + '/contests/987655/leaderboard')).status).toBe(599);
	});

	it('the hot path answers its routes itself and leaves every other path to SvelteKit', async () => {
		for (const route of HOT_ROUTES) expect([route.id, (await viaHotPath(route, shapeFor(route))).status]).not.toEqual([route.id, 599]);
		for (const [method, path] of [
			['GET', '/api/rounds/current'],
			['POST', '/api/rounds/1/attempts/x'],
			['GET', '/api/rounds/1/attempts'],
			['PUT', '/api/attempts/1/submit'],
			['GET', '/'],
			['GET', '/api/leaderboard/x']
		]) {
			const res = await fetch(base + path, {
				method,
				headers: method === 'GET' ? {} : ownJson().headers,
				body: method === 'GET' ? undefined : '{}'
			});
			expect([method, path, res.status]).toEqual([method, path, 599]);
		}
	});
});
