import { describe, expect, it } from 'vitest';
import { Client, registeredClient } from './client';
import { testDb } from './db';
import { makeLiveGame } from './live-fixture';
import { LIVE_DEVICE_COOKIE } from '../../src/lib/live/protocol';
import { answer, command, joinAs, organiserClient, paths, readJson } from './live-client';

/** Joining a live room (issue 14 items 2 and "Bad input"): anonymous and with an account, and every refusal. */
const db = testDb();
const playersOf = async (gameId: number) =>
	(await db.get<{ n: number }>('select count(*) as n from live_players where game_id = ?', gameId))!.n;

describe('joining a live room', () => {
	it('lets a phone join without an account and keeps it the same player on a rejoin', async () => {
		const g = await makeLiveGame();
		// A phone that never opened hoithi gets its device cookie with the join's answer.
		const fresh = await new Client().json('POST', paths.join(g.code), { name: 'Trần Thị Hoa' });
		expect(fresh.headers.getSetCookie().some((c) => c.startsWith(`${LIVE_DEVICE_COOKIE}=`))).toBe(true);
		await db.run('delete from live_players where game_id = ?', g.gameId);
		const first = await joinAs(g.code, { name: '  Trần   Thị Hoa ', affiliation: 'Chi hội 3' });
		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({ name: 'Trần Thị Hoa', code: g.code, created: true });
		const again = await joinAs(g.code, { name: 'Tên khác' }, first.client);
		expect(again.status).toBe(200);
		expect(again.body).toMatchObject({ playerId: first.body.playerId, created: false, name: 'Trần Thị Hoa' });
		// The code as people type it: with a space.
		const spaced = await joinAs(`${g.code.slice(0, 3)} ${g.code.slice(3)}`, { name: 'Lê Thị Mai' });
		expect(spaced.status).toBe(201);
		expect(await playersOf(g.gameId)).toBe(2);
	});

	it('joins with an account under its own name and unit, the same player from another device', async () => {
		const g = await makeLiveGame();
		const { client, form } = await registeredClient({ unitCode: '001' });
		const res = await joinAs(g.code, {}, client);
		expect(res.status).toBe(201);
		expect(res.body.name).toBe(form.fullName);
		const row = await db.get<{ user_id: number; unit_id: number }>(
			'select user_id, unit_id from live_players where id = ?',
			res.body.playerId
		);
		expect(row!.user_id).toBeGreaterThan(0);
		const unit = await db.get<{ id: number }>("select id from units where code = '001'");
		expect(row!.unit_id).toBe(unit!.id);
		// The same account on a second phone is the same player.
		const phone2 = new Client();
		await phone2.action('/login', { identifier: form.phone, password: form.password });
		const again = await joinAs(g.code, { name: 'Tên khác' }, phone2);
		expect(again.status).toBe(200);
		expect(again.body.playerId).toBe(res.body.playerId);
	});

	it('does not hand one account’s player to another account signed in on the same phone', async () => {
		const g = await makeLiveGame({ questions: 1 });
		const a = await registeredClient({ unitCode: '001' });
		const mine = await joinAs(g.code, {}, a.client);
		expect(mine.status).toBe(201);
		// A signs out; B signs in on the same phone (the device cookie stays).
		await a.client.action('/logout', {});
		const b = await registeredClient({ unitCode: '001' });
		const shared = new Client();
		(shared as unknown as { cookies: Map<string, string> }).cookies = new Map([
			...(a.client as unknown as { cookies: Map<string, string> }).cookies
		]);
		await shared.action('/login', { identifier: b.form.phone, password: b.form.password });
		const theirs = await joinAs(g.code, {}, shared);
		expect(theirs.status).toBe(422);
		expect(theirs.body.message).toBe('Thiết bị này đã tham gia bằng một tài khoản khác.');
		const host = await organiserClient();
		await command(host, g.gameId, 'start');
		const r = await answer(shared, g.code, 0, [g.questions[0].correctIds[0]]);
		expect(r.status).toBe(401);
		expect(await playersOf(g.gameId)).toBe(1);
	});

	it('refuses a wrong, malformed or not yet opened code, and a finished game, with a message', async () => {
		const draft = await makeLiveGame({ status: 'draft' });
		for (const code of ['000000', 'abcdef', '12345', draft.code]) {
			const r = await joinAs(code);
			expect([code, r.status]).toEqual([code, 404]);
			expect(r.body.message).toMatch(/phòng thi/i);
		}
		const done = await makeLiveGame();
		await db.run("update live_games set status = 'finished', version = version + 1 where id = ?", done.gameId);
		const r = await joinAs(done.code);
		expect(r.status).toBe(422);
		expect(r.body.message).toBe('Hội thi này đã kết thúc.');
		expect(await playersOf(done.gameId)).toBe(0);
	});

	it('refuses new phones in a locked room but lets a joined phone back in (a refresh is not a new join)', async () => {
		const g = await makeLiveGame();
		const host = await organiserClient();
		const inside = await joinAs(g.code, { name: 'Phạm Thị Yến' });
		expect((await command(host, g.gameId, 'lock')).status).toBe(200);
		const late = await joinAs(g.code, { name: 'Đỗ Thị Hằng' });
		expect(late.status).toBe(422);
		expect(late.body.message).toMatch(/khóa/);
		const back = await joinAs(g.code, { name: 'Phạm Thị Yến' }, inside.client);
		expect(back.status).toBe(200);
		expect(back.body.playerId).toBe(inside.body.playerId);
		expect(await playersOf(g.gameId)).toBe(1);
		expect((await command(host, g.gameId, 'unlock')).status).toBe(200);
		expect((await joinAs(g.code, { name: 'Đỗ Thị Hằng' }, late.client)).status).toBe(201);
	});

	it('keeps a removed player out: the device cannot rejoin, with a clear message', async () => {
		const g = await makeLiveGame();
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Vũ Thị Ngọc' });
		expect((await command(host, g.gameId, 'remove', { playerId: p.body.playerId })).status).toBe(200);
		const again = await joinAs(g.code, { name: 'Vũ Thị Ngọc' }, p.client);
		expect(again.status).toBe(422);
		expect(again.body.message).toBe('Bạn đã được mời ra khỏi phòng thi này và không thể tham gia lại.');
		const logged = await db.get<{ n: number }>(
			"select count(*) as n from audit_log where action = 'live.remove_player' and entity_id = ?",
			String(g.gameId)
		);
		expect(logged!.n).toBe(1);
	});

	it('refuses 200-character names, emoji and unknown teams with a Vietnamese message and changes nothing', async () => {
		const g = await makeLiveGame({ teamMode: 'custom', teams: ['Chi hội Phúc Xá', 'Chi hội Trúc Bạch'] });
		const cases: [Record<string, unknown>, string, RegExp][] = [
			[{ name: 'Nguyễn '.repeat(29).trim() + 'xx' }, 'name', /dài quá 60 ký tự/],
			[{ name: 'A'.repeat(200) }, 'name', /dài quá 60 ký tự/],
			[{ name: 'Lan 🌸' }, 'name', /emoji/],
			[{ name: '🇻🇳' }, 'name', /emoji/],
			[{ name: '   ' }, 'name', /Vui lòng nhập tên/],
			[{ name: 'Lan', teamName: 'Đội '.repeat(50) }, 'teamName', /dài quá 60 ký tự/],
			[{ name: 'Lan', teamName: 'Đội 😀' }, 'teamName', /emoji/],
			[{ name: 'Lan', teamName: 'Đội không có' }, 'teamName', /không có trong hội thi/],
			[{ name: 'Lan', teamId: 999_999 }, 'teamId', /không có trong hội thi/],
			[{ name: 'Lan', unitId: 999_999 }, 'unitId', /không có trong danh sách/]
		];
		for (const [fields, field, message] of cases) {
			const r = await joinAs(g.code, fields);
			expect([fields, r.status]).toEqual([fields, 400]);
			expect(r.body.errors?.[field], JSON.stringify(fields)).toMatch(message);
			expect(r.body.message).toMatch(message);
		}
		expect(await playersOf(g.gameId)).toBe(0);
		// A team from the host's list, matched whatever the case.
		const ok = await joinAs(g.code, { name: 'Lan', teamName: 'chi hội trúc bạch' });
		expect(ok.status).toBe(201);
		const row = await db.get<{ team_id: number }>('select team_id from live_players where id = ?', ok.body.playerId);
		expect(row!.team_id).toBe(g.teams[1].id);
	});

	it('answers malformed JSON with 400 and never a 500', async () => {
		const g = await makeLiveGame();
		const c = new Client();
		for (const body of ['{', '[]', '"x"', JSON.stringify({ name: 42 })]) {
			const res = await c.json('POST', paths.join(g.code), body);
			expect([body, res.status]).toEqual([body, 400]);
			expect((await readJson(res)).message).toBeTruthy();
		}
	});
});
