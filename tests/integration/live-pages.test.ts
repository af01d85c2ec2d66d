import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Client, loggedIn, registeredClient } from './client';
import { testDb } from './db';
import { makeLiveGame } from './live-fixture';
import { command, joinAs, organiserClient } from './live-client';

/**
 * The live screens' pages and actions (issue 14, live-ui): the room-code form, the player page's
 * join form and its game view after a reload, the room's QR code, who may open the host console
 * and the big screen, and the judge page's refusals — each in Vietnamese, nothing changed.
 */
const db = testDb();
const playersOf = async (gameId: number) =>
	(await db.get<{ n: number }>('select count(*) as n from live_players where game_id = ?', gameId))!.n;

describe('the room-code form (/live)', () => {
	it('sends a right code (typed with a space) to the room, and keeps a wrong one with a message', async () => {
		const g = await makeLiveGame();
		const phone = new Client();
		const ok = await phone.action('/live', { code: `${g.code.slice(0, 3)} ${g.code.slice(3)}` });
		expect(ok.body).toMatchObject({ type: 'redirect', location: `/live/${g.code}` });

		const malformed = await phone.action('/live', { code: '12ab' });
		expect(malformed.status).toBe(400);
		expect(malformed.body?.data).toEqual({ code: '12ab', message: 'Mã phòng thi gồm 6 chữ số.' });
		const unknown = await phone.action('/live', { code: '000000' });
		expect(unknown.status).toBe(404);
		expect(unknown.body?.data.message).toMatch(/Không tìm thấy phòng thi/);
		// A room not opened yet is no room for a player.
		const draft = await makeLiveGame({ status: 'draft' });
		expect((await phone.action('/live', { code: draft.code })).status).toBe(404);
	});

	it('asks for the code with a numeric keypad and no autocomplete', async () => {
		const html = await (await new Client().get('/live')).text();
		expect(html).toMatch(/<input[^>]*id="code"[^>]*inputmode="numeric"/);
		expect(html).toMatch(/<input[^>]*id="code"[^>]*autocomplete="off"/);
	});
});

describe('the player page (/live/[code])', () => {
	it('joins through the form and, on a reload, shows the game with the player’s points and answer', async () => {
		const g = await makeLiveGame({ questions: 2 });
		const phone = new Client();
		const page = await (await phone.get(`/live/${g.code}`)).text();
		expect(page).toContain('Tên hiển thị *');
		const joined = await phone.action(`/live/${g.code}?/join`, { name: '  Phạm   Thị Hồng ', affiliation: 'Chi hội 5' });
		expect(joined.body).toMatchObject({ type: 'redirect', location: `/live/${g.code}` });
		const row = await db.get<{ display_name: string; affiliation: string }>(
			'select display_name, affiliation from live_players where game_id = ?',
			g.gameId
		);
		expect(row).toEqual({ display_name: 'Phạm Thị Hồng', affiliation: 'Chi hội 5' });

		const host = await organiserClient();
		expect((await command(host, g.gameId, 'start')).status).toBe(200);
		const q = g.questions[0];
		const sent = await phone.json('POST', `/api/live/${g.code}/answers`, {
			position: 0,
			optionIds: [q.correctIds[0]],
			requestId: randomUUID()
		});
		expect(sent.status).toBe(200);
		// The reload: no join form, the question and the answer already given.
		const again = await (await phone.get(`/live/${g.code}`)).text();
		expect(again).not.toContain('Tên hiển thị *');
		expect(again).toContain('Câu 1/2');
		expect(again).toContain('Đã gửi ✓');
	});

	it('refuses an emoji or 200-character name with the field’s message, keeps what was typed, adds nobody', async () => {
		const g = await makeLiveGame();
		const phone = new Client();
		const emoji = await phone.action(`/live/${g.code}?/join`, { name: 'Lan 🌸', affiliation: 'Chi hội 1' });
		expect(emoji.status).toBe(400);
		expect(emoji.body?.data.errors.name).toMatch(/emoji/);
		expect(emoji.body?.data.values).toMatchObject({ name: 'Lan 🌸', affiliation: 'Chi hội 1' });
		const long = await phone.action(`/live/${g.code}?/join`, { name: 'Nguyễn '.repeat(30) });
		expect(long.status).toBe(400);
		expect(long.body?.data.errors.name).toMatch(/dài quá 60 ký tự/);
		expect(await playersOf(g.gameId)).toBe(0);
	});

	it('says so when the room is locked, and a removed player cannot join again', async () => {
		const locked = await makeLiveGame({ locked: true });
		const page = await (await new Client().get(`/live/${locked.code}`)).text();
		expect(page).toContain('không nhận thêm người chơi.');
		expect(page).not.toContain('Tên hiển thị *');
		const refused = await new Client().action(`/live/${locked.code}?/join`, { name: 'Lê Thị Na' });
		expect(refused.status).toBe(422);
		expect(refused.body?.data.errors.form).toMatch(/^Phòng thi đã kh.+, không nhận thêm người chơi.$/);

		const g = await makeLiveGame();
		const { client: phone, body } = await joinAs(g.code, { name: 'Đỗ Thị Bị Mời Ra' });
		const host = await organiserClient();
		expect((await command(host, g.gameId, 'remove', { playerId: body.playerId })).status).toBe(200);
		const html = await (await phone.get(`/live/${g.code}`)).text();
		expect(html).toContain('Bạn đã được mời ra khỏi phòng');
		const rejoin = await phone.action(`/live/${g.code}?/join`, { name: 'Đỗ Thị Khác' });
		expect(rejoin.body?.data.errors.form).toMatch(/mời ra khỏi phòng thi này/);
		expect(await playersOf(g.gameId)).toBe(1);
	});

	it('joins with the hoithi account under its own name', async () => {
		const g = await makeLiveGame();
		const { client, form } = await registeredClient({ unitCode: '001' });
		const page = await (await client.get(`/live/${g.code}`)).text();
		expect(page).toContain('Tham gia bằng tài khoản hoithi');
		const res = await client.action(`/live/${g.code}?/join`, { asAccount: '1' });
		expect(res.body?.type).toBe('redirect');
		const row = await db.get<{ display_name: string; user_id: number }>(
			'select display_name, user_id from live_players where game_id = ?',
			g.gameId
		);
		expect(row?.display_name).toBe(form.fullName);
		expect(row?.user_id).toBeGreaterThan(0);
	});

	it('is a 404 for an unknown room', async () => {
		expect((await new Client().get('/live/000000')).status).toBe(404);
		expect((await new Client().get('/live/abc')).status).toBe(404);
	});
});

describe('the room’s QR code', () => {
	it('is an SVG of the player page’s address, made by hoithi itself', async () => {
		const g = await makeLiveGame();
		const res = await new Client().get(`/live/${g.code}/qr.svg`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
		expect(await res.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
		expect((await new Client().get('/live/000000/qr.svg')).status).toBe(404);
	});
});

describe('the host console and the big screen', () => {
	it('open for the game’s hosts only: organisers, and the district lead of the game’s own unit', async () => {
		const g = await makeLiveGame({ unitCode: '001' });
		const org = await organiserClient();
		const screen = await org.get(`/live/host/${g.gameId}/screen`);
		expect(screen.status).toBe(200);
		const html = await screen.text();
		expect(html).toContain(g.code);
		expect(html).toContain(`/live/${g.code}/qr.svg`);
		expect((await org.get(`/live/host/${g.gameId}`)).status).toBe(200);

		const leadU = await loggedIn('0900000003');
		const leadUnit = await db.get<{ code: string }>(
			"select u.code from users s join units u on u.id = s.unit_id where s.phone = '+84900000003'"
		);
		const own = await makeLiveGame({ unitCode: leadUnit!.code });
		expect((await leadU.get(`/live/host/${own.gameId}`)).status).toBe(200);
		const other = await makeLiveGame({ unitCode: leadUnit!.code === '001' ? '002' : '001' });
		expect((await leadU.get(`/live/host/${other.gameId}/screen`)).status).toBe(403);

		const { client: participant } = await registeredClient();
		expect((await participant.get(`/live/host/${g.gameId}`)).status).toBe(403);
		const anon = await new Client().get(`/live/host/${g.gameId}/screen`);
		expect(anon.status).toBe(303);
		expect(anon.headers.get('location')).toMatch(/^\/login\?redirectTo=/);
		expect((await org.get('/live/host/999999999')).status).toBe(404);
	});
});

describe('the judge page', () => {
	it('binds the link to the first phone; another phone gets the message; scores are checked', async () => {
		const g = await makeLiveGame({
			teamMode: 'custom',
			teams: ['Đội Sen', 'Đội Mai'],
			parts: [{ title: 'Hùng biện', scaleMax: 10 }],
			judges: 1
		});
		const token = g.judges[0].token;
		const judge = new Client();
		const first = await (await judge.get(`/live/judge/${token}`)).text();
		expect(first).toContain('Giám khảo 1');
		expect(first).toContain('Chưa có phần thi nào mở để chấm');

		const other = await (await new Client().get(`/live/judge/${token}`)).text();
		expect(other).toContain('Đường dẫn chấm điểm này đã được mở trên một thiết bị khác');
		expect(other).not.toContain('Hùng biện');

		const closed = await judge.action(`/live/judge/${token}?/score`, {
			partId: String(g.parts[0].id),
			teamId: String(g.teams[0].id),
			score: '7'
		});
		expect(closed.status).toBe(422);
		expect(closed.body?.data.message).toBe('Phần thi này chưa mở hoặc đã đóng chấm điểm.');

		const host = await organiserClient();
		expect((await command(host, g.gameId, 'judging', { partId: g.parts[0].id })).status).toBe(200);
		const open = await (await judge.get(`/live/judge/${token}`)).text();
		expect(open).toContain('Hùng biện');
		const out = await judge.action(`/live/judge/${token}?/score`, {
			partId: String(g.parts[0].id),
			teamId: String(g.teams[0].id),
			score: '10,5'
		});
		expect(out.status).toBe(400);
		expect(out.body?.data).toMatchObject({ ok: false, score: '10,5', message: 'Điểm phải từ 0 đến 10, theo bước 0,5.' });
		const ok = await judge.action(`/live/judge/${token}?/score`, {
			partId: String(g.parts[0].id),
			teamId: String(g.teams[0].id),
			score: '7,5'
		});
		expect(ok.body?.data).toMatchObject({ ok: true });
		const stored = await db.get<{ score_tenths: number }>('select score_tenths from live_judge_scores where part_id = ?', g.parts[0].id);
		expect(stored?.score_tenths).toBe(75);
		expect(await (await judge.get(`/live/judge/${token}`)).text()).toContain('Đã gửi: 7,5 điểm ✓');

		expect((await new Client().get('/live/judge/khongcoduongdannaytontaiaaaaaa')).status).toBe(404);
	});
});
