import { beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, ROLES, expected, type FixtureKey, type MatrixRow, type Outcome } from './authz-matrix';
import { actionNames, enumerateRoutes, isFormAction } from './routes';
import { roleWorld, type RoleWorld } from './fixtures';
import type { Client } from './client';

const PARAM_FIXTURE: Record<string, FixtureKey> = {
	attemptId: 'attemptId',
	roundId: 'openRoundId',
	contestId: 'contestId',
	questionId: 'questionId',
	userId: 'participantId'
};

function urlOf(row: MatrixRow, fixtures: Record<FixtureKey, number>): string {
	const target = row.key.split(' ')[1];
	return target.replace(/\[(\w+)\]/g, (_, name: string) => {
		const f = row.params?.[name] ?? PARAM_FIXTURE[name];
		if (!f) throw new Error(`${row.key}: no fixture for [${name}]`);
		return String(fixtures[f]);
	});
}

/** requireUser's redirect: to the login page, with the way back. */
const isLogin = (location: string | null | undefined) => Boolean(location?.startsWith('/login?redirectTo='));

function byStatus(status: number, location: string | null): Outcome | `E${number}` {
	if (status >= 300 && status < 400) return isLogin(location) ? 'L' : 'A';
	if (status === 401) return 'L';
	if (status === 403) return 'F';
	if (status === 404) return 'N';
	if (status >= 500) return `E${status}`;
	return 'O';
}

/**
 * One request as that role. Writes go with a body that fails validation (empty forms; JSON with
 * wrong types), so allowed roles reach the handler — and get a 4xx — without changing data.
 */
async function outcomeOf(client: Client, row: MatrixRow, url: string): Promise<string> {
	const method = row.key.split(' ')[0];
	if (method === 'GET') {
		const res = await client.get(url);
		await res.arrayBuffer();
		return byStatus(res.status, res.headers.get('location'));
	}
	if (isFormAction(row.key)) {
		const { res, body, status } = await client.action(url, {});
		if (!body) return byStatus(res.status, res.headers.get('location'));
		if (body.type === 'redirect') return isLogin(body.location) ? 'L' : 'A';
		// An `error(…)` thrown in an action comes back as { type: 'error' } with the HTTP status.
		return byStatus(status, null);
	}
	const res = await client.json(method, url, row.json ?? { prediction: 'x', questionId: 'x', optionIds: 'x' });
	await res.arrayBuffer();
	return byStatus(res.status, res.headers.get('location'));
}

describe('authorisation matrix', () => {
	it('lists every route, form action and endpoint in src/routes exactly once, and nothing else', () => {
		const inTable = MATRIX.map((r) => r.key);
		expect(new Set(inTable).size, 'a route is listed twice').toBe(inTable.length);
		const onDisk = enumerateRoutes();
		const missing = onDisk.filter((k) => !inTable.includes(k));
		const stale = inTable.filter((k) => !onDisk.includes(k));
		expect(missing, 'routes missing from tests/integration/authz-matrix.ts').toEqual([]);
		expect(stale, 'rows in authz-matrix.ts for routes that no longer exist').toEqual([]);
	});

	it('reads action names from shorthand, renamed and inline entries', () => {
		const src = `export const actions = {\n\tsave,\n\tdelete: remove,\n\tmerge: async (event) => { const x = { a: 1 }; return x; },\n\t'quoted': (e) => f(e, { y: 2 })\n} satisfies Actions;`;
		expect(actionNames(src)).toEqual(['save', 'delete', 'merge', 'quoted']);
		expect(actionNames('export const actions = { default: register } satisfies Actions;')).toEqual(['default']);
	});

	describe('against the running server', () => {
		let world: RoleWorld;
		beforeAll(async () => {
			world = await roleWorld();
		}, 60_000);

		it('gives every role exactly the expected outcome on every route', async () => {
			const mismatches: string[] = [];
			let requests = 0;
			for (const row of MATRIX) {
				const url = urlOf(row, world.fixtures);
				for (const role of ROLES) {
					const want = expected(row, role);
					const got = await outcomeOf(world.clients[role], row, url);
					requests++;
					if (got !== want) mismatches.push(`${row.key} as ${role}: expected ${want}, got ${got}`);
					if (row.endsSession && role !== 'anon') await world.relogin(role);
				}
			}
			expect(mismatches).toEqual([]);
			expect(requests).toBe(MATRIX.length * ROLES.length);
		}, 120_000);
	});
});
