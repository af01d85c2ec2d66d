import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Client, loggedIn, registeredClient } from './client';
import { testDb } from './db';
import ExcelJS from 'exceljs';
import { makeLiveGame } from './live-fixture';
import { answer, command, joinAs, paths } from './live-client';

const db = testDb();

/**
 * Issue 14 items 1 and 4 over HTTP: preparing a live hội thi (/live/games) — who may create, edit,
 * open and delete a game; bad input answered 400 with the field's message, what was typed kept and
 * nothing written. The demo's district lead (0900000003) leads unit 001 (Quận Ba Đình).
 */
let lead: Client;
let otherLead: Client;
let organiser: Client;
let admin: Client;
let participant: Client;
const anon = () => new Client();
let ownUnit: number;
let otherUnit: number;

/** A form action with repeated fields (quota rows, checkboxes), the way `use:enhance` posts it. */
const post = (c: Client, path: string, fields: [string, string][]) => c.action(path, fields);

const count = async (table: string) => Number(((await db.get(`select count(*) as n from ${table}`)) as { n: number }).n);

async function createGame(c: Client, fields: [string, string][] = []) {
	const r = await post(c, '/live/games/new', [['title', 'Hội thi thử nghiệm trực tiếp'], ['questionCount', '6'], ...fields]);
	expect(r.body?.type, JSON.stringify(r.body)).toBe('redirect');
	const id = Number(/\/live\/games\/(\d+)/.exec(r.body!.location!)![1]);
	return id;
}

const SETTINGS: [string, string][] = [
	['title', 'Hội thi thử nghiệm trực tiếp'],
	['secondsPerQuestion', '15'],
	['displayMode', 'no_projector'],
	['speedBonus', 'on'],
	['teamMode', 'custom'],
	['teamScoring', 'sum'],
	['quizWeight', '1'],
	['judgedWeight', '0,5'],
	['eliminationAfter', ''],
	['eliminationKeep', ''],
	['revivePosition', '']
];

beforeAll(async () => {
	ownUnit = ((await db.get("select id from units where code = '001'")) as { id: number }).id;
	otherUnit = ((await db.get("select id from units where code = '007'")) as { id: number }).id;
	lead = await loggedIn('0900000003');
	organiser = await loggedIn('0900000002');
	admin = await loggedIn('0900000001');
	participant = (await registeredClient({ unitCode: '001' })).client;
	const x = await registeredClient({ unitCode: '007' });
	await db.run("update users set role = 'district_lead' where phone = ?", '+84' + x.form.phone.slice(1));
	otherLead = new Client();
	const login = await otherLead.action('/login', { identifier: x.form.phone, password: x.form.password });
	expect(login.body?.type).toBe('redirect');
});

describe('the list of live games', () => {
	it('shows hosts their games with links, and refuses everyone else', async () => {
		const html = await (await lead.get('/live/games')).text();
		expect(html).toContain('Hội thi trực tiếp');
		expect(html).toContain('Phụ nữ Ba Đình với pháp luật');
		const demo = (await db.get("select id from live_games where status = 'lobby' order by id limit 1")) as { id: number };
		expect(html).toContain(`/live/host/${demo.id}`);
		expect(html).toContain(`/live/host/${demo.id}/screen`);
		expect((await organiser.get('/live/games')).status).toBe(200);
		// The other district's lead sees no game of Ba Đình.
		expect(await (await otherLead.get('/live/games')).text()).not.toContain('Phụ nữ Ba Đình với pháp luật');
		expect((await participant.get('/live/games')).status).toBe(403);
		const res = await anon().get('/live/games');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/^\/login\?redirectTo=/);
	});

	it('is linked from the organiser and district pages', async () => {
		expect(await (await organiser.get('/organiser')).text()).toContain('href="/live/games"');
		expect(await (await lead.get('/district')).text()).toContain('href="/live/games"');
	});
});

describe('creating a game', () => {
	it('lets a district lead create one for their own unit only, with a 6-digit code and drawn questions', async () => {
		const id = await createGame(lead, [['unitId', String(otherUnit)]]);
		const game = (await db.get('select code, unit_id, status, owner_id from live_games where id = ?', id)) as {
			code: string;
			unit_id: number;
			status: string;
		};
		expect(game.unit_id).toBe(ownUnit);
		expect(game.status).toBe('draft');
		expect(game.code).toMatch(/^[1-9]\d{5}$/);
		expect(Number(((await db.get('select count(*) as n from live_game_questions where game_id = ?', id)) as { n: number }).n)).toBe(6);
		const page = await (await lead.get(`/live/games/${id}`)).text();
		expect(page).toContain(game.code);
		expect(page).toContain('Mở phòng');
	});

	it('lets an organiser choose a unit or the city level', async () => {
		const id = await createGame(organiser, [['unitId', String(otherUnit)]]);
		expect(((await db.get('select unit_id from live_games where id = ?', id)) as { unit_id: number }).unit_id).toBe(otherUnit);
		const city = await createGame(admin, [['unitId', '']]);
		expect(((await db.get('select unit_id from live_games where id = ?', city)) as { unit_id: number | null }).unit_id).toBeNull();
	});

	it('answers bad input with the field messages, keeps what was typed and writes nothing', async () => {
		const before = await count('live_games');
		const r = await post(lead, '/live/games/new', [
			['title', '🌸'],
			['questionCount', '0'],
			['quotaTopic', ''],
			['quotaDifficulty', ''],
			['quotaCount', '500']
		]);
		expect(r.status).toBe(400);
		expect(r.body?.data.errors.title).toMatch(/biểu tượng cảm xúc/);
		expect(r.body?.data.errors.questionCount).toBe('Số câu hỏi tối thiểu là 1.');
		expect(r.body?.data.errors.quotas).toMatch(/Hạn mức dòng 1/);
		expect(r.body?.data.values).toMatchObject({ title: '🌸', questionCount: '0', quotaCount: ['500'] });
		const tooMany = await post(lead, '/live/games/new', [
			['title', 'Hội thi quá nhiều câu'],
			['questionCount', '100'],
			['quotaTopic', ''],
			['quotaDifficulty', '3'],
			['quotaCount', '90']
		]);
		expect(tooMany.status).toBe(400);
		expect(tooMany.body?.data.errors.quotas).toMatch(/ngân hàng chỉ có/);
		expect(await count('live_games')).toBe(before);
	});

	it('is refused to participants and anonymous visitors', async () => {
		const before = await count('live_games');
		expect(
			(
				await post(participant, '/live/games/new', [
					['title', 'Không được'],
					['questionCount', '5']
				])
			).status
		).toBe(403);
		const a = await post(anon(), '/live/games/new', [
			['title', 'Không được'],
			['questionCount', '5']
		]);
		expect(a.body?.type).toBe('redirect');
		expect(a.body?.location).toMatch(/^\/login/);
		expect(await count('live_games')).toBe(before);
	});
});

describe('preparing a game', () => {
	let id: number;
	beforeAll(async () => {
		id = await createGame(lead);
	});

	it('saves the settings, and answers bad ones with field errors, writing nothing', async () => {
		const bad = await post(lead, `/live/games/${id}?/settings`, [
			...SETTINGS.filter(([k]) => k !== 'secondsPerQuestion' && k !== 'title'),
			['title', 'Hội thi thử nghiệm đổi tên'],
			['secondsPerQuestion', '3']
		]);
		expect(bad.status).toBe(400);
		expect(bad.body?.data.errors.secondsPerQuestion).toBe('Số giây mỗi câu tối thiểu là 5.');
		expect(bad.body?.data.values.title).toBe('Hội thi thử nghiệm đổi tên');
		expect(((await db.get('select title, seconds_per_question from live_games where id = ?', id)) as { title: string }).title).toBe(
			'Hội thi thử nghiệm trực tiếp'
		);
		const ok = await post(lead, `/live/games/${id}?/settings`, SETTINGS);
		expect(ok.status).toBe(200);
		expect(
			await db.get(
				'select seconds_per_question, display_mode, team_mode, team_scoring, quiz_weight, judged_weight from live_games where id = ?',
				id
			)
		).toEqual({
			seconds_per_question: 15,
			display_mode: 'no_projector',
			team_mode: 'custom',
			team_scoring: 'sum',
			quiz_weight: 1000,
			judged_weight: 500
		});
		const audit = await db.get(
			"select details_json from audit_log where action = 'live.settings' and entity_id = ? order by id desc",
			String(id)
		);
		expect(audit).toBeDefined();
	});

	it('adds teams, a judged part and judges; a judge’s link is shown once with its QR and only its hash is kept', async () => {
		for (const name of ['Chi hội Phúc Xá', 'Chi hội Trúc Bạch'])
			expect((await post(lead, `/live/games/${id}?/addTeam`, [['name', name]])).status).toBe(200);
		const long = await post(lead, `/live/games/${id}?/addTeam`, [['name', 'x'.repeat(200)]]);
		expect(long.status).toBe(400);
		expect(long.body?.data.errors.name).toBe('Tên đội dài quá 60 ký tự.');
		const emoji = await post(lead, `/live/games/${id}?/addTeam`, [['name', '🎉🎉']]);
		expect(emoji.status).toBe(400);
		expect(Number(((await db.get('select count(*) as n from live_teams where game_id = ?', id)) as { n: number }).n)).toBe(2);
		expect(
			(
				await post(lead, `/live/games/${id}?/addPart`, [
					['partTitle', 'Hùng biện'],
					['scaleMax', '10']
				])
			).status
		).toBe(200);
		const badPart = await post(lead, `/live/games/${id}?/addPart`, [
			['partTitle', 'Tiểu phẩm'],
			['scaleMax', '1000']
		]);
		expect(badPart.body?.data.errors.scaleMax).toBe('Thang điểm tối đa là 100.');
		const j = await post(lead, `/live/games/${id}?/addJudge`, [['judgeName', 'Bà Hoàng Thị Giám Khảo']]);
		expect(j.status).toBe(200);
		const link = j.body?.data.link as { url: string; qr: string };
		const token = /\/live\/judge\/([a-z2-7]+)$/.exec(link.url)![1];
		expect(link.qr).toMatch(/^data:image\/svg\+xml;base64,/);
		expect(Buffer.from(link.qr.split(',')[1], 'base64').toString('utf8')).toMatch(/^<svg/);
		const stored = (await db.get('select token_hash from live_judges where game_id = ?', id)) as { token_hash: string };
		expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
		// The link is never shown again: the page carries no token.
		expect(await (await lead.get(`/live/games/${id}`)).text()).not.toContain(token);
	});

	it('refuses another unit’s district lead, participants and anonymous visitors, changing nothing', async () => {
		const before = await db.get('select title, updated_at from live_games where id = ?', id);
		for (const c of [otherLead, participant]) {
			expect((await c.get(`/live/games/${id}`)).status).toBe(403);
			expect((await post(c, `/live/games/${id}?/settings`, SETTINGS)).status).toBe(403);
			expect((await post(c, `/live/games/${id}?/addTeam`, [['name', 'Đội lạ']])).status).toBe(403);
			expect((await post(c, `/live/games/${id}?/delete`, [['confirm', 'on']])).status).toBe(403);
			expect((await post(c, `/live/games/${id}?/open`, [['confirm', 'on']])).status).toBe(403);
		}
		const a = await anon().get(`/live/games/${id}`);
		expect(a.status).toBe(303);
		expect(await db.get('select title, updated_at from live_games where id = ?', id)).toEqual(before);
		expect((await organiser.get(`/live/games/${id}`)).status).toBe(200);
		expect((await lead.get('/live/games/999999')).status).toBe(404);
	});

	it('opens the room only when confirmed, then keeps the set-up as it is', async () => {
		const unconfirmed = await post(lead, `/live/games/${id}?/open`, []);
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.body?.data.errors.open).toBe('Vui lòng đánh dấu ô xác nhận.');
		expect(((await db.get('select status from live_games where id = ?', id)) as { status: string }).status).toBe('draft');
		const opened = await post(lead, `/live/games/${id}?/open`, [['confirm', 'on']]);
		expect(opened.body?.type).toBe('redirect');
		expect(opened.body?.location).toBe(`/live/host/${id}`);
		expect(await db.get('select status, phase from live_games where id = ?', id)).toEqual({ status: 'lobby', phase: 'lobby' });
		const late = await post(lead, `/live/games/${id}?/addTeam`, [['name', 'Chi hội muộn']]);
		expect(late.status).toBe(400);
		expect(late.body?.data.errors.form).toMatch(/đã mở phòng/);
		expect((await post(lead, `/live/games/${id}?/delete`, [['confirm', 'on']])).status).toBe(400);
	});

	it('deletes a draft when confirmed', async () => {
		const draft = await createGame(lead);
		expect((await post(lead, `/live/games/${draft}?/delete`, [])).status).toBe(400);
		const gone = await post(lead, `/live/games/${draft}?/delete`, [['confirm', 'on']]);
		expect(gone.body?.type).toBe('redirect');
		expect(await db.get('select id from live_games where id = ?', draft)).toBeUndefined();
		expect(Number(((await db.get('select count(*) as n from live_game_questions where game_id = ?', draft)) as { n: number }).n)).toBe(0);
	});
});

describe('the results of a game played', () => {
	let gameId: number;
	beforeAll(async () => {
		// A whole game through live-core's API: 3 players in 2 teams, 2 questions, one judged part with 4 judges.
		const g = await makeLiveGame({
			unitCode: '001',
			questions: 2,
			teamMode: 'custom',
			teamScoring: 'average',
			teams: ['Chi hội Phúc Xá', 'Chi hội Trúc Bạch'],
			parts: [{ title: 'Tiểu phẩm', scaleMax: 10 }],
			judges: 4
		});
		gameId = g.gameId;
		const [a, b] = g.teams;
		const p1 = await joinAs(g.code, { name: 'Nguyễn Thị Hoa', teamId: a.id });
		const p2 = await joinAs(g.code, { name: 'Trần Thị Mai', teamId: a.id });
		// Lê Thị Cúc plays with her hoithi account (the registered participant): her knowledge map gets her answers.
		const p3 = await joinAs(g.code, { name: 'Lê Thị Cúc', teamId: b.id }, participant);
		for (const p of [p1, p2, p3]) expect(p.status, JSON.stringify(p.body)).toBe(201);
		expect((await command(lead, gameId, 'start')).status).toBe(200);
		const [q0, q1] = g.questions;
		expect((await answer(p1.client, g.code, 0, [q0.correctIds[0]])).status).toBe(200);
		expect((await answer(p2.client, g.code, 0, [q0.wrongIds[0]])).status).toBe(200);
		expect((await answer(p3.client, g.code, 0, [q0.correctIds[0]])).status).toBe(200);
		expect((await command(lead, gameId, 'next')).status).toBe(200);
		expect((await answer(p1.client, g.code, 1, [q1.correctIds[0]])).status).toBe(200);
		expect((await command(lead, gameId, 'judging', { partId: g.parts[0].id })).status).toBe(200);
		const marks = [
			[8, 7],
			[9, 6],
			[7.5, 8],
			[10, 5]
		];
		for (const [i, j] of g.judges.entries()) {
			const phone = new Client();
			await phone.get('/');
			for (const [k, team] of [a, b].entries()) {
				const res = await phone.json('POST', paths.judge(j.token), { partId: g.parts[0].id, teamId: team.id, score: marks[i][k] });
				expect(res.status, await res.clone().text()).toBe(200);
			}
		}
		expect((await command(lead, gameId, 'finish')).status).toBe(200);
	});

	it('shows the hosts players, teams, every judge’s score with the trimmed mean, and each question', async () => {
		const res = await lead.get(`/live/games/${gameId}/results`);
		expect(res.status).toBe(200);
		const html = await res.text();
		for (const name of ['Nguyễn Thị Hoa', 'Trần Thị Mai', 'Lê Thị Cúc', 'Chi hội Phúc Xá', 'Tiểu phẩm', 'Từng câu hỏi'])
			expect(html).toContain(name);
		// Team A: 8, 9, 7.5, 10 → without 10 and 7.5: 8.5. Team B: 7, 6, 8, 5 → 6.5.
		expect(html).toContain('8,5');
		expect(html).toContain('6,5');
		expect((await organiser.get(`/live/games/${gameId}/results`)).status).toBe(200);
	});

	it('exports the four sheets as XLSX, audit-logged', async () => {
		const before = await count('audit_log');
		const res = await lead.get(`/live/games/${gameId}/results.xlsx`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('spreadsheetml');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Người thi', 'Đội', 'Giám khảo chấm', 'Từng câu hỏi']);
		const rows = (name: string) => {
			const out: unknown[][] = [];
			wb.getWorksheet(name)!.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
			return out;
		};
		const players = rows('Người thi');
		const hoa = players.find((r) => r[1] === 'Nguyễn Thị Hoa')!;
		expect(hoa[0]).toBe(1);
		expect(hoa[5]).toBe(2);
		expect(players.find((r) => r[1] === 'Trần Thị Mai')![5]).toBe(0);
		const judged = rows('Giám khảo chấm');
		const phucXa = judged.find((r) => r[2] === 'Chi hội Phúc Xá')!;
		expect(phucXa.slice(3)).toEqual([8, 9, 7.5, 10, 8.5]);
		const perQuestion = rows('Từng câu hỏi');
		const first = perQuestion.find((r) => r[0] === 1)!;
		expect(first.slice(2, 4)).toEqual([3, 2]);
		expect(rows('Đội').some((r) => r[1] === 'Chi hội Trúc Bạch')).toBe(true);
		expect(await count('audit_log')).toBe(before + 1);
		expect(await db.get("select entity_id from audit_log where action = 'live.results.export' order by id desc")).toEqual({
			entity_id: String(gameId)
		});
	});

	it('feeds the account player’s knowledge map and the organisers’ item analysis, marked as live', async () => {
		const me = await (await participant.get('/me/results')).text();
		expect(me).toMatch(/câu đúng \(trực tiếp\)/);
		// The upcoming round (no attempts): no other test fills the 10-minute item cache of that scope, and live answers show in every scope.
		const upcoming = (await db.get('select id from rounds where opens_at > ? order by opens_at limit 1', Date.now())) as { id: number };
		const items = await (await organiser.get(`/organiser/items?round=${upcoming.id}`)).text();
		expect(items).toContain('Hội thi trực tiếp');
		expect(items).toContain('Trực tiếp');
	});

	it('is refused to another unit’s lead, participants and anonymous visitors', async () => {
		for (const path of [`/live/games/${gameId}/results`, `/live/games/${gameId}/results.xlsx`]) {
			expect((await otherLead.get(path)).status, path).toBe(403);
			expect((await participant.get(path)).status, path).toBe(403);
			const a = await anon().get(path);
			expect(a.status, path).toBe(303);
			expect(a.headers.get('location')).toMatch(/^\/login/);
		}
	});
});
