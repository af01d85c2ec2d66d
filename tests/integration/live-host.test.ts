import { describe, expect, it } from 'vitest';
import { Client, loggedIn, registeredClient } from './client';
import { testDb } from './db';
import { liveGameRow, makeLiveGame } from './live-fixture';
import { answer, command, joinAs, organiserClient, paths, readJson } from './live-client';

/** Host commands (issue 14 items 1, 3, 4): who may host, the optimistic version, the state machine. */
const db = testDb();

describe('host commands', () => {
	it('lets organisers and the lead of the game’s own unit host; participants, players and other leads cannot', async () => {
		const g = await makeLiveGame({ unitCode: '001' });
		const { client: participant } = await registeredClient({ unitCode: '001' });
		const player = (await joinAs(g.code, { name: 'Ngô Thị Trang' })).client;
		const leadX = await registeredClient({ unitCode: '007' });
		const leadXId = await db.get<{ id: number }>('select id from users where phone = ?', '+84' + leadX.form.phone.slice(1));
		await db.run("update users set role = 'district_lead' where id = ?", leadXId!.id);
		const otherLead = new Client();
		await otherLead.action('/login', { identifier: leadX.form.phone, password: leadX.form.password });
		for (const [who, c, status] of [
			['anonymous', new Client(), 401],
			['participant', participant, 403],
			['player', player, 401],
			['lead of another unit', otherLead, 403]
		] as [string, Client, number][]) {
			const r = await command(c, g.gameId, 'lock');
			expect([who, r.status]).toEqual([who, status]);
		}
		expect((await liveGameRow(g.gameId))!.locked).toBe(0);
		const lead = await loggedIn('0900000003');
		expect((await command(lead, g.gameId, 'lock')).status).toBe(200);
		expect((await command(await organiserClient(), g.gameId, 'unlock')).status).toBe(200);
		expect((await command(await loggedIn('0900000001'), g.gameId, 'lock')).status).toBe(200);
		// A game of another unit is not the lead's to host.
		const other = await makeLiveGame({ unitCode: '007' });
		expect((await command(lead, other.gameId, 'lock')).status).toBe(403);
	});

	it('refuses a command on a stale version with 409 (a double press acts once)', async () => {
		const g = await makeLiveGame({ questions: 2 });
		const host = await organiserClient();
		const v = (await liveGameRow(g.gameId))!.version;
		const first = await command(host, g.gameId, 'start', {}, v);
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ version: v + 1, phase: 'question' });
		const twice = await command(host, g.gameId, 'start', {}, v);
		expect(twice.status).toBe(409);
		expect(twice.body.message).toBe('Màn hình đã thay đổi, vui lòng thử lại.');
		expect((await command(host, g.gameId, 'next', {}, v)).status).toBe(409);
		expect((await liveGameRow(g.gameId))!).toMatchObject({ version: v + 1, position: 0 });
		const bad = await host.json('POST', paths.command(g.gameId), { action: 'explode', version: v + 1 });
		expect(bad.status).toBe(400);
		expect((await readJson(bad)).message).toBe('Lệnh không hợp lệ.');
		expect((await command(host, 999_999, 'start', {}, 1)).status).toBe(404);
	});

	it('walks lobby → question → reveal → scoreboard → next … → podium → finish, and back never reopens a question', async () => {
		const g = await makeLiveGame({ questions: 2 });
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Dương Thị Hạnh' });
		const late = await joinAs(g.code, { name: 'Lò Thị Hoà' });
		const step = async (action: string, extra = {}) => (await command(host, g.gameId, action, extra)).body;
		expect((await command(host, g.gameId, 'next')).status).toBe(422);
		expect(await step('start')).toMatchObject({ status: 'running', phase: 'question', question: { position: 0 } });
		expect((await command(host, g.gameId, 'back')).status).toBe(422);
		await answer(p.client, g.code, 0, [g.questions[0].correctIds[0]]);
		expect(await step('reveal')).toMatchObject({ phase: 'reveal' });
		const backFromReveal = await command(host, g.gameId, 'back');
		expect(backFromReveal.status).toBe(422);
		expect(backFromReveal.body.message).toMatch(/Không thể quay lại câu hỏi/);
		const board = await step('scoreboard');
		expect(board.phase).toBe('scoreboard');
		expect(board.board.players[0]).toMatchObject({ rank: 1, name: 'Dương Thị Hạnh' });
		expect(await step('back')).toMatchObject({ phase: 'reveal', question: { position: 0 } });
		// Still closed: an answer now is refused.
		expect((await answer(late.client, g.code, 0, [g.questions[0].correctIds[0]])).status).toBe(422);
		expect(await step('scoreboard')).toMatchObject({ phase: 'scoreboard' });
		expect(await step('next')).toMatchObject({ phase: 'question', question: { position: 1 } });
		const past = await command(host, g.gameId, 'next');
		expect(past.status).toBe(422);
		expect(past.body.message).toMatch(/Đã hết câu hỏi/);
		const podium = await step('podium');
		expect(podium).toMatchObject({ phase: 'podium', question: null });
		expect(podium.board.players).toHaveLength(2);
		// The podium closed question 1: nobody answers it any more.
		expect((await answer(late.client, g.code, 1, [g.questions[1].correctIds[0]])).status).toBe(422);
		expect(await step('back')).toMatchObject({ phase: 'scoreboard' });
		expect(await step('finish')).toMatchObject({ status: 'finished', phase: 'podium' });
		const after = await command(host, g.gameId, 'start');
		expect(after.status).toBe(422);
		expect(after.body.message).toBe('Hội thi này đã kết thúc.');
		const row = (await liveGameRow(g.gameId))!;
		expect(row.finished_at).toBeGreaterThan(0);
		const logged = await db.get<{ n: number }>(
			"select count(*) as n from audit_log where action = 'live.finish' and entity_id = ?",
			String(g.gameId)
		);
		expect(logged!.n).toBe(1);
	});

	it('eliminates after position elimination_after and brings back who gets the revive question right', async () => {
		// Questions 0, 1; after 1 the best 2 stay; question 2 is the revive ("cứu trợ"); 3 for everyone in.
		const g = await makeLiveGame({ questions: 4, eliminationAfter: 1, eliminationKeep: 2, revivePosition: 2, speedBonus: false });
		const host = await organiserClient();
		const names = ['Quách Thị An', 'Quách Thị Bình', 'Quách Thị Chi', 'Quách Thị Dung'];
		const ps = [];
		for (const name of names) ps.push(await joinAs(g.code, { name }));
		const [a, b, c, d] = ps;
		const right = (i: number) => [g.questions[i].correctIds[0]];
		const wrong = (i: number) => [g.questions[i].wrongIds[0]];
		await command(host, g.gameId, 'start');
		for (const [p, o] of [
			[a, right(0)],
			[b, right(0)],
			[c, right(0)],
			[d, wrong(0)]
		] as const)
			await answer(p.client, g.code, 0, o);
		await command(host, g.gameId, 'next');
		for (const [p, o] of [
			[a, right(1)],
			[b, right(1)],
			[c, wrong(1)],
			[d, wrong(1)]
		] as const)
			await answer(p.client, g.code, 1, o);
		const revive = (await command(host, g.gameId, 'next')).body;
		expect(revive.question).toMatchObject({ position: 2, revive: true });
		const out = await db.all<{ id: number }>(
			'select id from live_players where game_id = ? and eliminated_at_position = 1 order by id',
			g.gameId
		);
		expect(out.map((r) => r.id)).toEqual([c.body.playerId, d.body.playerId]);
		const audited = await db.get<{ details_json: string }>(
			"select details_json from audit_log where action = 'live.eliminate' and entity_id = ?",
			String(g.gameId)
		);
		expect(JSON.parse(audited!.details_json).eliminated.sort()).toEqual([c.body.playerId, d.body.playerId].sort());
		// The revive question: only the eliminated answer it.
		const kept = await answer(a.client, g.code, 2, right(2));
		expect(kept.status).toBe(422);
		expect(kept.body.message).toMatch(/cứu trợ/);
		expect((await answer(c.client, g.code, 2, right(2))).status).toBe(200);
		expect((await answer(d.client, g.code, 2, wrong(2))).status).toBe(200);
		await command(host, g.gameId, 'next');
		// c is back in, d is still out.
		expect((await answer(c.client, g.code, 3, right(3))).status).toBe(200);
		const stillOut = await answer(d.client, g.code, 3, right(3));
		expect(stillOut.status).toBe(422);
		expect(stillOut.body.message).toMatch(/bị loại/);
		// The revive answer earned no points.
		const revivePoints = await db.get<{ points: number }>(
			'select points from live_answers where player_id = ? and position = 2',
			c.body.playerId
		);
		expect(revivePoints!.points).toBe(0);
	});

	it('adds team standings (average of members) to the scoreboard', async () => {
		const g = await makeLiveGame({ questions: 1, teamMode: 'custom', teams: ['Đội Hoa Sen', 'Đội Hoa Mai'], speedBonus: false });
		const host = await organiserClient();
		const lotus1 = await joinAs(g.code, { name: 'Hà Thị Một', teamId: g.teams[0].id });
		const lotus2 = await joinAs(g.code, { name: 'Hà Thị Hai', teamId: g.teams[0].id });
		const mai = await joinAs(g.code, { name: 'Hà Thị Ba', teamName: 'Đội Hoa Mai' });
		await command(host, g.gameId, 'start');
		await answer(lotus1.client, g.code, 0, [g.questions[0].correctIds[0]]);
		await answer(lotus2.client, g.code, 0, [g.questions[0].wrongIds[0]]);
		await answer(mai.client, g.code, 0, [g.questions[0].correctIds[0]]);
		const board = (await command(host, g.gameId, 'scoreboard')).body.board;
		expect(board.teams.map((t: { name: string; points: number; rank: number }) => [t.rank, t.name, t.points])).toEqual([
			[1, 'Đội Hoa Mai', 1000],
			[2, 'Đội Hoa Sen', 500]
		]);
		expect(board.players.map((p: { rank: number; points: number }) => [p.rank, p.points])).toEqual([
			[1, 1000],
			[1, 1000],
			[3, 0]
		]);
	});
});
