import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer } from '../../scripts/test-server.js';
import { Client, DEMO_PASSWORD, registration } from './client';
import { testDb, type TestDb } from './db';
import { toLocalInput } from '../../src/lib/vn/time';
import { listHash } from '../../src/lib/server/prizes/canonical';

/**
 * Prizes and certificates through HTTP (issue 16 items 5 and 6), on a contest and round of this
 * file's own: six people take part, the round closes, the organiser sets the prizes, proposes,
 * reviews the two accounts the fairness report names (a possible duplicate, both taking part),
 * freezes, publishes and amends; certificates, the verification page and the delivery export
 * follow. Every refusal is checked to change nothing. A server of its own, which reads the client's
 * address from x-forwarded-for: each person takes part from their own network, so the report names
 * only the duplicate pair (the shared server sees everyone on one address).
 */

const PORT = Number(process.env.INTEGRATION_PORT ?? 4174) + 3;
let server: Awaited<ReturnType<typeof startTestServer>>;
let db: TestDb;
const ORGANISER = '0900000002';
const LEAD_001 = '0900000003';
const HOUR = 60 * 60 * 1000;

let org: Client;
let contestId: number;
let roundId: number;
const people: Record<string, { client: Client; userId: number; fullName: string; unitCode: string }> = {};

const prizesUrl = () => `/organiser/rounds/${roundId}/prizes`;

/** A demo account signed in on this file's server. */
async function loggedIn(phone: string): Promise<Client> {
	const c = new Client(server.url);
	const { body } = await c.action('/login', { identifier: phone, password: DEMO_PASSWORD });
	if (body?.type !== 'redirect') throw new Error('login failed: ' + JSON.stringify(body));
	return c;
}

async function one<T = Record<string, any>>(sql: string, ...params: unknown[]): Promise<T> {
	return (await db.get(sql, ...params)) as T;
}

async function entries() {
	return (await db.all(
		`select e.id, e.user_id, e.tier_name, e.status, e.rank, e.position, e.review_json, e.distance, e.decision_reason
		from prize_entries e join prize_lists l on l.id = e.list_id where l.scope_key = ? order by e.position`,
		`round:${roundId}`
	)) as {
		id: number;
		user_id: number;
		tier_name: string;
		status: string;
		rank: number;
		position: number;
		review_json: string | null;
		distance: number | null;
		decision_reason: string | null;
	}[];
}

const list = () =>
	one<{ id: number; status: string; frozen_hash: string | null; current_hash: string | null; published_at: number | null; actual: number }>(
		'select * from prize_lists where scope_key = ?',
		`round:${roundId}`
	);

/** Rows of a table that a refused request must leave untouched. */
async function snapshot() {
	return {
		entries: await entries(),
		list: await list(),
		amendments: await db.all('select * from prize_amendments order by id'),
		certificates: await db.all('select code, revoked_at from certificates order by code'),
		disqualified: await db.all('select id from users where disqualified_at is not null order by id')
	};
}

/** One person: registered from an address of their own, one attempt handed in, its result then set as the test needs. */
async function takePart(
	key: string,
	reg: Record<string, string>,
	result: { score: number; prediction: number; durationMs: number },
	ip: string
) {
	const client = new Client(server.url, { 'x-forwarded-for': ip });
	const form = registration(reg);
	const { body } = await client.action('/register', form);
	expect(body?.type, JSON.stringify(body)).toBe('redirect');
	const start = await client.json('POST', `/api/rounds/${roundId}/attempts`);
	expect([200, 201]).toContain(start.status);
	const view = await start.json();
	for (const q of view.questions)
		await client.json('PUT', `/api/attempts/${view.attemptId}/answers`, { questionId: q.id, optionIds: [q.options[0].id] });
	expect((await client.json('POST', `/api/attempts/${view.attemptId}/submit`, { prediction: result.prediction })).status).toBe(200);
	await db.run(
		'update attempts set score = ?, correct_count = ?, duration_ms = ?, prediction = ? where id = ?',
		result.score,
		result.score,
		result.durationMs,
		result.prediction,
		view.attemptId
	);
	const u = await one<{ id: number }>('select id from users where phone = ?', '+84' + form.phone.slice(1));
	people[key] = { client, userId: u.id, fullName: form.fullName, unitCode: form.unitCode };
}

afterAll(async () => {
	await server?.stop();
});

beforeAll(async () => {
	server = await startTestServer({
		db: 'test-results/prizes.db',
		port: PORT,
		env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
	});
	db = testDb(server.database);
	org = await loggedIn(ORGANISER);
	const made = await org.action('/organiser/contests/new', {
		title: 'Cuộc thi kiểm thử giải thưởng',
		rules: 'Thể lệ thử',
		status: 'published'
	});
	contestId = Number(/\/organiser\/contests\/(\d+)$/.exec(made.body?.location ?? '')?.[1]);
	expect(contestId).toBeGreaterThan(0);
	const now = Date.now();
	const r = await org.action(`/organiser/contests/${contestId}/rounds/new`, {
		title: 'Tuần có giải',
		opensAt: toLocalInput(now - HOUR),
		closesAt: toLocalInput(now + 24 * HOUR),
		questionCount: '3',
		timeLimitMinutes: '15',
		maxAttempts: '2',
		revealPolicy: 'after_close',
		hasPrizes: 'on',
		predictionKind: 'participants',
		predictionQuestion: 'Có bao nhiêu người tham gia?',
		quotaTopic: '',
		quotaDifficulty: '',
		quotaCount: ''
	});
	expect(r.body?.type, JSON.stringify(r.body)).toBe('redirect');
	roundId = (await one<{ id: number }>('select id from rounds where contest_id = ?', contestId)).id;

	// Six people; the actual figure will be 6. Ranks: score → distance to 6 → time.
	const twin = { fullName: 'Đinh Thị Trùng Tên', birthDate: '1988-08-08', unitCode: '001' };
	await takePart(
		'first',
		{ fullName: 'Vũ Thị Nhất Hạng', birthDate: '1970-01-11', unitCode: '001' },
		{ score: 3, prediction: 6, durationMs: 200_000 },
		'10.77.0.1'
	);
	await takePart('twinA', twin, { score: 3, prediction: 7, durationMs: 150_000 }, '10.77.0.2');
	await takePart(
		'third',
		{ fullName: 'Lương Văn Ba Hạng', birthDate: '1975-03-13', unitCode: '007' },
		{ score: 3, prediction: 5, durationMs: 180_000 },
		'10.77.0.3'
	);
	await takePart(
		'fourth',
		{ fullName: 'Kiều Thị Bốn Hạng', birthDate: '1980-04-14', unitCode: '007' },
		{ score: 3, prediction: 20, durationMs: 120_000 },
		'10.77.0.4'
	);
	await takePart('twinB', twin, { score: 2, prediction: 6, durationMs: 300_000 }, '10.77.0.5');
	await takePart(
		'last',
		{ fullName: 'Tạ Thị Cuối Bảng', birthDate: '1985-06-16', unitCode: '007' },
		{ score: 1, prediction: 6, durationMs: 300_000 },
		'10.77.0.6'
	);
}, 120_000);

async function closeRound() {
	const now = Date.now();
	await db.run('update rounds set opens_at = ?, closes_at = ? where id = ?', now - 3 * HOUR, now - 1000, roundId);
}

describe('prize structure', () => {
	it('refuses a bad prize row with a field message and keeps what was typed; saves a good one with an audit row', async () => {
		const bad = await org.action(`${prizesUrl()}?/plan`, { name_0: 'Giải Nhất', count_0: 'một', name_1: '', count_1: '2' });
		expect(bad.status).toBe(400);
		expect(bad.body?.data.errors.count_0).toMatch(/Số giải là số nguyên/);
		expect(bad.body?.data.errors.name_1).toBe('Vui lòng nhập tên giải.');
		expect(bad.body?.data.values.count_0).toBe('một');
		expect(await one('select count(*) as n from prize_plans where scope_key = ?', `round:${roundId}`)).toMatchObject({ n: 0 });

		const good = await org.action(`${prizesUrl()}?/plan`, {
			name_0: 'Giải Nhất',
			count_0: '1',
			name_1: 'Giải Nhì',
			count_1: '2',
			name_2: 'Giải Khuyến khích',
			count_2: '2',
			participationCertificates: 'on'
		});
		expect(good.status).toBe(200);
		expect(good.body?.data.done).toContain('5 giải');
		const plan = await one<{ tiers_json: string; participation_certificates: number }>(
			'select * from prize_plans where scope_key = ?',
			`round:${roundId}`
		);
		expect(JSON.parse(plan.tiers_json)).toEqual([
			{ name: 'Giải Nhất', count: 1 },
			{ name: 'Giải Nhì', count: 2 },
			{ name: 'Giải Khuyến khích', count: 2 }
		]);
		expect(plan.participation_certificates).toBe(1);
		expect(await one("select count(*) as n from audit_log where action = 'prizes.plan' and entity_id = ?", String(roundId))).toMatchObject({
			n: 1
		});
	});

	it('is refused to participants and district leads', async () => {
		for (const c of [people.first.client, await loggedIn(LEAD_001)]) {
			expect((await c.get(prizesUrl())).status).toBe(403);
			expect((await c.action(`${prizesUrl()}?/plan`, { name_0: 'Giải X', count_0: '9' })).status).toBe(403);
		}
	});
});

describe('proposal and review', () => {
	it('refuses to propose while the round is open, changing nothing', async () => {
		const r = await org.action(`${prizesUrl()}?/propose`, {});
		expect(r.status).toBe(409);
		expect(r.body?.data.errors.form).toMatch(/chưa kết thúc/);
		expect(await list()).toBeUndefined();
	});

	it('proposes from the official ranking once closed (prediction, then time), and marks the possible duplicates for review with the evidence linked', async () => {
		await closeRound();
		const r = await org.action(`${prizesUrl()}?/propose`, {});
		expect(r.status, JSON.stringify(r.body)).toBe(200);
		expect((await list()).actual).toBe(6);
		const got = await entries();
		expect(got.map((e) => [e.user_id, e.tier_name, e.rank, e.distance])).toEqual([
			[people.first.userId, 'Giải Nhất', 1, 0],
			[people.twinA.userId, 'Giải Nhì', 2, 1],
			[people.third.userId, 'Giải Nhì', 3, 1],
			[people.fourth.userId, 'Giải Khuyến khích', 4, 14],
			[people.twinB.userId, 'Giải Khuyến khích', 5, 0]
		]);
		const review = got.filter((e) => e.status === 'review');
		expect(review.map((e) => e.user_id).sort()).toEqual([people.twinA.userId, people.twinB.userId].sort());
		const note = JSON.parse(review[0].review_json!);
		expect(note.kinds).toContain('duplicate');
		expect(note.href).toBe(`/organiser/fairness/rounds/${roundId}#case-person-${review[0].user_id}`);

		const page = await (await org.get(prizesUrl())).text();
		expect(page).toContain('Cần xem xét');
		expect(page).toContain(`href="/organiser/fairness/rounds/${roundId}#case-person-${people.twinA.userId}"`);
		// The anchor exists on the fairness page.
		const fairness = await (await org.get(`/organiser/fairness/rounds/${roundId}`)).text();
		expect(fairness).toContain(`id="case-person-${people.twinA.userId}"`);
	}, 60_000);

	it('refuses to freeze while someone is marked for review, and certificates of an unfrozen list', async () => {
		const before = await snapshot();
		const r = await org.action(`${prizesUrl()}?/freeze`, {});
		expect(r.status).toBe(409);
		expect(r.body?.data.errors.form).toMatch(/Còn 2 người cần xem xét/);
		const pdf = await org.get(`${prizesUrl()}/certificates`);
		expect(pdf.status).toBe(409);
		expect(await pdf.text()).toContain('Danh sách chưa chốt');
		expect(await snapshot()).toEqual(before);
	});

	it('refuses a participant’s freeze and decisions', async () => {
		const before = await snapshot();
		const [e] = await entries();
		for (const action of ['freeze', 'confirm', 'disqualify', 'publish']) {
			expect(
				(await people.last.client.action(`${prizesUrl()}?/${action}`, { entryId: String(e.id), reason: 'Tự chốt cho mình' })).status
			).toBe(403);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('disqualifies through the fairness decision only with a reason, and substitutes the next in rank', async () => {
		const twinB = (await entries()).find((e) => e.user_id === people.twinB.userId)!;
		const before = await snapshot();
		const short = await org.action(`${prizesUrl()}?/disqualify`, { entryId: String(twinB.id), reason: 'x' });
		expect(short.status).toBe(400);
		expect(short.body?.data.errors.reason).toMatch(/ít nhất 5 ký tự/);
		expect(await snapshot()).toEqual(before);

		const dq = await org.action(`${prizesUrl()}?/disqualify`, {
			entryId: String(twinB.id),
			reason: 'Tài khoản thứ hai của cùng một người'
		});
		expect(dq.status, JSON.stringify(dq.body)).toBe(200);
		expect((await entries()).find((e) => e.id === twinB.id)).toMatchObject({
			status: 'disqualified',
			decision_reason: 'Tài khoản thứ hai của cùng một người'
		});
		expect(await one('select disqualify_reason from users where id = ?', people.twinB.userId)).toMatchObject({
			disqualify_reason: 'Tài khoản thứ hai của cùng một người'
		});
		expect(
			await one("select count(*) as n from audit_log where action = 'user.disqualify' and entity_id = ?", String(people.twinB.userId))
		).toMatchObject({ n: 1 });

		const sub = await org.action(`${prizesUrl()}?/substitute`, { entryId: String(twinB.id), reason: 'Thay người bị loại' });
		expect(sub.status, JSON.stringify(sub.body)).toBe(200);
		const added = (await entries()).at(-1)!;
		// Without twinB the ranking has five people: the last one moves up to 5th.
		expect(added).toMatchObject({ user_id: people.last.userId, tier_name: 'Giải Khuyến khích', rank: 5, status: 'proposed' });

		// Once more for the same entry: refused, nothing changes.
		const again = await snapshot();
		expect((await org.action(`${prizesUrl()}?/substitute`, { entryId: String(twinB.id), reason: 'Thay người bị loại' })).status).toBe(409);
		expect(await snapshot()).toEqual(again);
	});

	it('confirms the remaining review, then substitution with nobody left is refused and changes nothing', async () => {
		const twinA = (await entries()).find((e) => e.user_id === people.twinA.userId)!;
		const c = await org.action(`${prizesUrl()}?/confirm`, { entryId: String(twinA.id) });
		expect(c.status).toBe(200);
		const fourth = (await entries()).find((e) => e.user_id === people.fourth.userId)!;
		const before = await snapshot();
		const r = await org.action(`${prizesUrl()}?/substitute`, { entryId: String(fourth.id), reason: 'Người này từ chối nhận giải' });
		expect(r.status).toBe(409);
		expect(r.body?.data.errors.form).toBe('Không còn người nào kế tiếp trong bảng xếp hạng để thay thế.');
		expect(await snapshot()).toEqual(before);
	});
});

describe('freeze, publish, amend', () => {
	let firstCode: string;

	it('freezes with the SHA-256 of the canonical list and issues a certificate per prize; freezing twice is refused', async () => {
		const r = await org.action(`${prizesUrl()}?/freeze`, {});
		expect(r.status, JSON.stringify(r.body)).toBe(200);
		const l = await list();
		expect(l.status).toBe('frozen');
		const held = (await db.all("select * from prize_entries where list_id = ? and status = 'confirmed' order by position", l.id)) as Record<
			string,
			any
		>[];
		expect(held).toHaveLength(5);
		const expected = listHash({
			scope: `round:${roundId}`,
			contestId,
			roundId,
			actual: 6,
			entries: held.map((e) => ({
				position: e.position,
				category: e.category,
				tier: e.tier,
				tierName: e.tier_name,
				userId: e.user_id,
				unitId: e.unit_id,
				rank: e.rank,
				score: e.score,
				total: e.total,
				durationMs: e.duration_ms,
				prediction: e.prediction,
				distance: e.distance,
				participants: e.participants,
				target: e.target
			}))
		});
		expect(l.frozen_hash).toBe(expected);
		expect(l.current_hash).toBe(expected);
		const certs = (await db.all(
			'select code, user_id from certificates where scope_key = ? and kind = ?',
			`round:${roundId}`,
			'prize'
		)) as { code: string; user_id: number }[];
		expect(certs.map((c) => c.user_id).sort()).toEqual(held.map((e) => e.user_id).sort());
		firstCode = certs.find((c) => c.user_id === people.first.userId)!.code;
		expect(firstCode).toMatch(/^[0-9A-Z]{10}$/);

		const before = await snapshot();
		const twice = await org.action(`${prizesUrl()}?/freeze`, {});
		expect(twice.status).toBe(409);
		expect(twice.body?.data.errors.form).toMatch(/đã được chốt trước đó/);
		expect(await snapshot()).toEqual(before);
		// A frozen list takes no more review decisions nor a new proposal.
		expect((await org.action(`${prizesUrl()}?/propose`, {})).status).toBe(409);
		expect((await org.action(`${prizesUrl()}?/confirm`, { entryId: String(held[0].id) })).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});

	it('shows nothing publicly until published, then masked names, unit, score, time, prediction and distance', async () => {
		const anon = new Client(server.url);
		const pre = await (await anon.get(`/rounds/${roundId}/prizes`)).text();
		expect(pre).toContain('chưa công bố');
		expect((await org.action(`${prizesUrl()}?/publish`, {})).status).toBe(200);
		expect((await org.action(`${prizesUrl()}?/publish`, {})).status).toBe(409);
		const res = await anon.get(`/rounds/${roundId}/prizes`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Kết quả đạt giải Tuần có giải');
		expect(html).toContain('Vũ T. N. H.');
		expect(html).not.toContain('Vũ Thị Nhất Hạng');
		expect(html).not.toContain('Đinh Thị Trùng Tên');
		expect(html).toContain('Giải Nhất');
		expect(html).toContain((await list()).current_hash);
		const contestPage = await (await anon.get(`/contests/${contestId}/prizes`)).text();
		expect(contestPage).toContain('Vũ T. N. H.');
		// The round's leaderboard links here.
		expect(await (await anon.get(`/rounds/${roundId}/leaderboard`)).text()).toContain(`href="/rounds/${roundId}/prizes"`);
	});

	it('gives the certificate to its holder and organisers only; the verification page needs no login', async () => {
		const mine = await people.first.client.get(`/certificates/${firstCode}`);
		expect(mine.status).toBe(200);
		expect(mine.headers.get('content-type')).toBe('application/pdf');
		expect(
			Buffer.from(await mine.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
		expect((await org.get(`/certificates/${firstCode}`)).status).toBe(200);
		expect((await people.third.client.get(`/certificates/${firstCode}`)).status).toBe(404);
		expect((await (await loggedIn(LEAD_001)).get(`/certificates/${firstCode}`)).status).toBe(404);
		expect((await new Client(server.url).get(`/certificates/${firstCode}`)).status).toBe(303);

		const results = await (await people.first.client.get('/me/results')).text();
		expect(results).toContain(`href="/certificates/${firstCode}"`);

		const v = await new Client(server.url).get(`/v/${firstCode.toLowerCase()}`);
		expect(v.status).toBe(200);
		const page = await v.text();
		expect(page).toContain('Giấy chứng nhận hợp lệ');
		expect(page).toContain('Vũ T. N. H.');
		expect(page).toContain('Giải Nhất');
		expect(page).toContain('Tuần có giải');
		expect(page).not.toContain('Vũ Thị Nhất Hạng');

		const unknown = await new Client(server.url).get('/v/ZZZZZZZZZZ');
		expect(unknown.status).toBe(404);
		expect(await unknown.text()).toContain('Không tìm thấy giấy chứng nhận có mã này');
	});

	it('prints every certificate of the frozen list in one PDF, one page each', async () => {
		const res = await org.get(`${prizesUrl()}/certificates`);
		expect(res.status).toBe(200);
		const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
		expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(5);
	});

	it('refuses an amendment without a reason, changing nothing; a revocation is kept with the new hash and revokes the certificate', async () => {
		const third = (await entries()).find((e) => e.user_id === people.third.userId)!;
		const before = await snapshot();
		const none = await org.action(`${prizesUrl()}?/amend`, { entryId: String(third.id), kind: 'revoke', reason: '' });
		expect(none.status).toBe(400);
		expect(none.body?.data.errors.reason).toBeTruthy();
		expect(await snapshot()).toEqual(before);
		// Substituting with nobody left after the freeze: the revocation is rolled back too.
		const sub = await org.action(`${prizesUrl()}?/amend`, {
			entryId: String(third.id),
			kind: 'substitute',
			reason: 'Thử trao cho người kế tiếp'
		});
		expect(sub.status).toBe(409);
		expect(await snapshot()).toEqual(before);

		const r = await org.action(`${prizesUrl()}?/amend`, {
			entryId: String(third.id),
			kind: 'revoke',
			reason: 'Người đạt giải vi phạm thể lệ'
		});
		expect(r.status, JSON.stringify(r.body)).toBe(200);
		expect((await entries()).find((e) => e.id === third.id)?.status).toBe('revoked');
		const l = await list();
		expect(l.current_hash).not.toBe(l.frozen_hash);
		const [a] = (await db.all('select * from prize_amendments where list_id = ?', l.id)) as Record<string, any>[];
		expect(a).toMatchObject({ kind: 'revoke', reason: 'Người đạt giải vi phạm thể lệ', hash_after: l.current_hash });
		const cert = await one<{ code: string; revoked_at: number | null }>(
			'select code, revoked_at from certificates where entry_id = ?',
			third.id
		);
		expect(cert.revoked_at).not.toBeNull();
		const v = await (await new Client(server.url).get(`/v/${cert.code}`)).text();
		expect(v).toContain('Giấy chứng nhận đã bị thu hồi');
		const pub = await (await new Client(server.url).get(`/rounds/${roundId}/prizes`)).text();
		expect(pub).not.toContain('Lương V. B. H.');
		expect(pub).toContain('sửa đổi 1 lần');
		expect(await (await org.get(prizesUrl())).text()).toContain('Người đạt giải vi phạm thể lệ');
	});
});

describe('certificates of participation', () => {
	it('are issued once to someone with a counted result when the round gives them, and to nobody else', async () => {
		const a = await people.last.client.get(`/me/certificates/rounds/${roundId}`);
		expect(a.status).toBe(200);
		expect(a.headers.get('content-type')).toBe('application/pdf');
		const b = await people.last.client.get(`/me/certificates/rounds/${roundId}`);
		expect(b.status).toBe(200);
		expect(
			await one('select count(*) as n from certificates where kind = ? and user_id = ?', 'participation', people.last.userId)
		).toMatchObject({ n: 1 });
		expect(await (await people.last.client.get('/me/results')).text()).toContain(`href="/me/certificates/rounds/${roundId}"`);
		// twinB is disqualified: no counted result.
		expect((await people.twinB.client.get(`/me/certificates/rounds/${roundId}`)).status).toBe(404);
	});
});

describe('delivery export', () => {
	async function rowsOf(res: Response): Promise<string[]> {
		expect(res.status).toBe(200);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
		const names: string[] = [];
		wb.worksheets[0].eachRow((row) => names.push(String(row.getCell(6).value ?? '')));
		return names;
	}

	it('gives organisers every winner with contact details, a district lead only their own unit, and logs each export', async () => {
		const all = await rowsOf(await org.get(`/district/prizes/export?round=${roundId}`));
		expect(all).toEqual(expect.arrayContaining(['Vũ Thị Nhất Hạng', 'Đinh Thị Trùng Tên', 'Kiều Thị Bốn Hạng', 'Tạ Thị Cuối Bảng']));
		expect(all).not.toContain('Lương Văn Ba Hạng');

		const lead = await loggedIn(LEAD_001);
		const own = await rowsOf(await lead.get(`/district/prizes/export?round=${roundId}`));
		expect(own).toEqual(expect.arrayContaining(['Vũ Thị Nhất Hạng', 'Đinh Thị Trùng Tên']));
		expect(own).not.toContain('Kiều Thị Bốn Hạng');
		const unit007 = await one<{ id: number }>("select id from units where code = '007'");
		expect((await lead.get(`/district/prizes/export?unit=${unit007.id}`)).status).toBe(403);
		expect((await lead.get(`/district/prizes?unit=${unit007.id}`)).status).toBe(403);
		expect(await (await lead.get('/district/prizes')).text()).toContain('Vũ Thị Nhất Hạng');
		expect((await people.first.client.get('/district/prizes/export')).status).toBe(403);
		const logs = (await db.all("select actor_user_id from audit_log where action = 'prizes.export'")) as unknown[];
		expect(logs.length).toBeGreaterThanOrEqual(2);
	});
});

describe('unit prizes of the contest', () => {
	it('proposes the units by participants and by rate after the last round, freezes and publishes them', async () => {
		const url = `/organiser/contests/${contestId}/prizes`;
		expect(
			(await org.action(`${url}?/plan`, { p_name_0: 'Giải Nhất', p_count_0: '1', r_name_0: 'Giải Nhất', r_count_0: '1' })).status
		).toBe(200);
		const p = await org.action(`${url}?/propose`, {});
		expect(p.status, JSON.stringify(p.body)).toBe(200);
		const got = (await db.all(
			'select e.category, un.code from prize_entries e join prize_lists l on l.id = e.list_id join units un on un.id = e.unit_id where l.scope_key = ? order by e.position',
			`contest:${contestId}`
		)) as { category: string; code: string }[];
		// Unit 007 brought 3 counted people, 001 two (twinB is disqualified).
		expect(got[0]).toEqual({ category: 'participants', code: '007' });
		expect(got.map((g) => g.category)).toEqual(['participants', 'rate']);
		expect((await org.action(`${url}?/freeze`, {})).status).toBe(200);
		expect((await org.action(`${url}?/publish`, {})).status).toBe(200);
		const html = await (await new Client(server.url).get(`/contests/${contestId}/prizes`)).text();
		expect(html).toContain('Giải tập thể');
		expect(html).toContain('Đơn vị có nhiều người dự thi nhất');
	});
});
