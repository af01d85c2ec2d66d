import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, ROLES, expected, type MatrixRow, type RoleKey } from './authz-matrix';
import { isFormAction } from './routes';
import { roleWorld, type RoleWorld } from './fixtures';
import { type Client } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * Bad input on every form action and API endpoint of the matrix, sent as the least privileged
 * role allowed to use it: malformed, oversized, wrong-typed and unicode-edge values. Never a
 * 500, and a refused request (4xx) never leaves a trace in the database.
 */

/** Every form field name used anywhere in src/routes, plus the hidden ones built in code. */
function fieldNames(): string[] {
	const names = new Set(['attemptId', 'keepId', 'dropId', 'pair', 'a', 'b', 'option0', 'option1', 'option2', 'option3']);
	const walk = (dir: string) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (p.endsWith('.svelte')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/name="([A-Za-z_]+)"/g)) names.add(m[1]);
		}
	};
	walk(path.resolve(import.meta.dirname, '../../src/routes'));
	return [...names].sort();
}

const NASTY: Record<string, string> = {
	empty: '',
	nfd: 'Nguyễn Thị Hằng'.normalize('NFD'),
	zeroWidth: 'Ng\u200Buy\u200Dễn\uFEFF',
	rtl: '\u202Eanh\u202C \u200F',
	emoji: '👩‍👩‍👧‍👦🇻🇳 ✅',
	loneSurrogate: 'a\uD800b',
	nul: 'a\u0000b',
	controls: '\u0007\u001b[31m',
	hugeNumber: '9'.repeat(400),
	negative: '-1',
	float: '1e309',
	nan: 'NaN',
	hex: '0x1F',
	fullWidthDigits: '１２３',
	badDate: '2024-02-30',
	farDate: '+275760-09-13',
	html: '<script>alert(1)</script><img src=x onerror=alert(1)>',
	sql: "' OR 1=1; DROP TABLE users; --",
	json: '{"__proto__":{"admin":true}}',
	// 5,000 letters in each of ~60 fields: a 2.7 MB form, under the 6 MB body limit.
	long: 'ậ'.repeat(5_000)
};

const JSON_BODIES: Record<string, string> = {
	malformed: '{"questionId": 1,',
	notAnObject: '[1,2,3]',
	string: '"hello"',
	nullBody: 'null',
	wrongTypes: JSON.stringify({ questionId: '1', optionIds: 'a', prediction: '5' }),
	nested: JSON.stringify({ questionId: { $gt: 0 }, optionIds: [[['x']]], prediction: [1] }),
	hugeNumbers: '{"questionId": 1e309, "optionIds": [], "prediction": 123456789012345678901234567890}',
	negative: JSON.stringify({ questionId: -5, optionIds: [], prediction: -1 }),
	fraction: JSON.stringify({ questionId: 1.5, optionIds: [], prediction: 2.5 }),
	unicode: JSON.stringify({ questionId: 1, optionIds: ['\u202E', '👩‍👩‍👧‍👦', 'a\u0000b', 'x'.repeat(65)], prediction: null }),
	tooManyOptions: JSON.stringify({ questionId: 1, optionIds: Array.from({ length: 50 }, (_, i) => 'o' + i) }),
	proto: '{"__proto__": {"questionId": 1}, "constructor": {"prototype": {}}}',
	deep: '['.repeat(5000) + ']'.repeat(5000),
	justUnder16k: JSON.stringify({ questionId: 1, optionIds: ['a'], pad: 'x'.repeat(16_000) }),
	over16k: JSON.stringify({ questionId: 1, optionIds: ['a'], pad: 'x'.repeat(20_000) })
};

const TABLES = [
	'users',
	'contests',
	'rounds',
	'round_quotas',
	'topics',
	'questions',
	'question_versions',
	'attempts',
	'attempt_answers',
	'audit_log',
	'duplicate_reviews',
	'deletion_requests'
];
/** What grows when a row is added, for the tables without an id (the others: max(id)). */
const LAST: Record<string, string> = { attempt_answers: 'saved_at', duplicate_reviews: 'coalesce(decided_at, 0)' };

async function snapshot(): Promise<string> {
	const parts: string[] = [];
	for (const t of TABLES) {
		const r = (await db.get(
			`select count(*) as n, coalesce(max(${LAST[t] ?? 'id'}), 0) as m, coalesce(sum(length(${t === 'users' ? "full_name || role || coalesce(cast(disqualified_at as text), '')" : t === 'attempts' ? "status || coalesce(cast(disqualified_at as text), '')" : "''"})), 0) as h from ${t}`
		)) as { n: number; m: number; h: number };
		parts.push(`${t}:${r.n}/${r.m}/${r.h}`);
	}
	return parts.join(' ');
}

/** The role a row is fuzzed as: the first in ROLES order (least privileged) that is allowed. */
function fuzzRole(row: MatrixRow): RoleKey | null {
	return ROLES.find((r) => expected(row, r) === 'O') ?? null;
}

const PARAMS: Record<string, 'attemptId' | 'openRoundId' | 'contestId' | 'questionId' | 'participantId' | 'upcomingRoundId'> = {
	attemptId: 'attemptId',
	roundId: 'openRoundId',
	contestId: 'contestId',
	questionId: 'questionId',
	userId: 'participantId'
};

describe('bad input on every form action and endpoint', () => {
	let world: RoleWorld;
	const writes = MATRIX.filter((r) => !r.key.startsWith('GET '));
	beforeAll(async () => {
		world = await roleWorld();
	}, 60_000);

	const urlOf = (row: MatrixRow) =>
		row.key.split(' ')[1].replace(/\[(\w+)\]/g, (_, n: string) => String(world.fixtures[row.params?.[n] ?? PARAMS[n]]));

	/** Sends one request, checks it, and re-logs the role in when the row ends sessions. */
	async function check(
		row: MatrixRow,
		role: RoleKey,
		label: string,
		send: (c: Client, url: string) => Promise<number>,
		problems: string[]
	) {
		const before = await snapshot();
		let status: number;
		try {
			status = await send(world.clients[role], urlOf(row));
		} catch (e) {
			problems.push(`${row.key} ${label}: request failed (${(e as Error).message})`);
			return;
		}
		if (status >= 500) problems.push(`${row.key} ${label}: HTTP ${status}`);
		else if (status >= 400 && (await snapshot()) !== before)
			problems.push(`${row.key} ${label}: refused with ${status} but the database changed`);
		if (row.endsSession && role !== 'anon') await world.relogin(role);
	}

	it('never answers a form action with a 500 or writes on refusal (unicode, wrong types, repeats, garbage)', async () => {
		const names = fieldNames();
		const problems: string[] = [];
		let sent = 0;
		for (const row of writes.filter((r) => isFormAction(r.key))) {
			const role = fuzzRole(row);
			if (!role) continue;
			const action =
				(body: string, contentType = 'application/x-www-form-urlencoded') =>
				async (c: Client, url: string) => {
					sent++;
					const res = await c.request('POST', url, {
						body,
						headers: { 'content-type': contentType, accept: 'application/json', 'x-sveltekit-action': 'true', origin: c.base }
					});
					const text = await res.text();
					try {
						return Number(JSON.parse(text).status ?? res.status);
					} catch {
						return res.status;
					}
				};
			for (const [label, value] of Object.entries(NASTY)) {
				const form = new URLSearchParams(names.map((n) => [n, value]));
				await check(row, role, `all fields ${label}`, action(form.toString()), problems);
			}
			const repeated = new URLSearchParams(
				names.flatMap((n) => [
					[n, 'một'],
					[n, 'hai'],
					[n, '']
				])
			);
			await check(row, role, 'repeated fields', action(repeated.toString()), problems);
			await check(row, role, 'broken percent-encoding', action('fullName=%E0%A4%A&title=%&phone=%ZZ'), problems);
			await check(row, role, 'JSON sent as a form', action('{"title": 1}', 'application/json'), problems);
			await check(row, role, 'text/plain', action('title=x', 'text/plain'), problems);
			await check(
				row,
				role,
				'no content type',
				async (c, url) => {
					sent++;
					const res = await c.request('POST', url, {
						headers: { accept: 'application/json', 'x-sveltekit-action': 'true', origin: c.base }
					});
					await res.arrayBuffer();
					return res.status;
				},
				problems
			);
			const multipart = new FormData();
			for (const n of names) multipart.append(n, new Blob(['\u0000\u00ff binary'], { type: 'application/octet-stream' }), 'x.bin');
			await check(
				row,
				role,
				'files in every field',
				async (c, url) => {
					sent++;
					const res = await c.request('POST', url, {
						body: multipart,
						headers: { accept: 'application/json', 'x-sveltekit-action': 'true', origin: c.base }
					});
					const text = await res.text();
					try {
						return Number(JSON.parse(text).status ?? res.status);
					} catch {
						return res.status;
					}
				},
				problems
			);
		}
		console.log(`fuzz: ${sent} form-action requests`);
		expect(problems).toEqual([]);
	}, 300_000);

	it('never answers an API endpoint with a 500 or writes on refusal (malformed JSON, wrong types, deep nesting)', async () => {
		const problems: string[] = [];
		for (const row of writes.filter((r) => !isFormAction(r.key))) {
			const role = fuzzRole(row);
			if (!role) continue;
			const method = row.key.split(' ')[0];
			for (const [label, body] of Object.entries(JSON_BODIES)) {
				await check(
					row,
					role,
					label,
					async (c, url) => {
						const res = await c.json(method, url, body);
						await res.arrayBuffer();
						return res.status;
					},
					problems
				);
				await check(
					row,
					role,
					label + ' as text/plain',
					async (c, url) => {
						const res = await c.request(method, url, { body, headers: { 'content-type': 'text/plain', origin: c.base } });
						await res.arrayBuffer();
						return res.status;
					},
					problems
				);
			}
			for (const bad of ['0', '-1', '99999999999999999999', 'abc', '1.5', '%F0%9F%98%80']) {
				const fakeRow = { ...row, params: undefined };
				await check(
					fakeRow,
					role,
					`id ${bad}`,
					async (c) => {
						const url = row.key.split(' ')[1].replace(/\[(\w+)\]/g, bad);
						const res = await c.json(method, url, { questionId: 1, optionIds: [] });
						await res.arrayBuffer();
						if (res.status !== 400 && res.status !== 404) problems.push(`${row.key} id ${bad}: expected 400/404, got ${res.status}`);
						return res.status;
					},
					problems
				);
			}
		}
		expect(problems).toEqual([]);
	}, 120_000);

	it('refuses a 10 MB body on every form action and endpoint with 413 (or 400), never 500 or a hang', async () => {
		const big = 'x='.concat('a'.repeat(10 * 1024 * 1024));
		const problems: string[] = [];
		const statuses = new Map<number, number>();
		for (const row of writes) {
			const role = fuzzRole(row);
			if (!role) continue;
			const method = row.key.split(' ')[0];
			const form = isFormAction(row.key);
			// An endpoint that reads no body (starting an attempt) answers as it would without one.
			const baseline = await world.clients[role].request(method, urlOf(row), {
				headers: { origin: world.clients[role].base, 'content-type': 'application/json' }
			});
			await baseline.arrayBuffer();
			if (row.endsSession && role !== 'anon') await world.relogin(role);
			for (const chunked of [false, true]) {
				await check(
					row,
					role,
					chunked ? '10 MB chunked' : '10 MB',
					async (c, url) => {
						const body = chunked
							? new ReadableStream({
									start(ctl) {
										const chunk = new TextEncoder().encode('a'.repeat(1024 * 1024));
										for (let i = 0; i < 10; i++) ctl.enqueue(chunk);
										ctl.close();
									}
								})
							: big;
						const res = await c
							.request(method, url, {
								body,
								signal: AbortSignal.timeout(15_000),
								headers: {
									origin: c.base,
									'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
									...(form ? { accept: 'application/json', 'x-sveltekit-action': 'true' } : {})
								}
							})
							.catch((e: Error) => {
								// The server may close the connection after answering 413 while we still send.
								if (/other side closed|ECONNRESET|EPIPE|fetch failed/.test(String(e.cause ?? e.message))) return null;
								throw e;
							});
						if (!res) return 413;
						const text = await res.text();
						let status = res.status;
						try {
							status = Number(JSON.parse(text).status ?? res.status);
						} catch {
							/* not JSON */
						}
						statuses.set(status, (statuses.get(status) ?? 0) + 1);
						if (![400, 413].includes(status) && !(baseline.status === status && status < 500)) {
							problems.push(`${row.key} ${chunked ? 'chunked' : ''}: got ${status}`);
						}
						return status;
					},
					problems
				);
			}
		}
		console.log('10 MB bodies, statuses:', Object.fromEntries(statuses));
		expect(problems).toEqual([]);
	}, 300_000);
});
