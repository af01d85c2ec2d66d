import { describe, expect, it } from 'vitest';
import { Client } from './client';
import { testDb } from './db';
import { liveGameRow, makeLiveGame } from './live-fixture';
import { answer, command, joinAs, organiserClient, paths, readJson } from './live-client';

/** Answers to a live question (issue 14 item 5): idempotent, refused after the close and while paused, points fixed at acceptance. */
const db = testDb();
const answersOf = (gameId: number) =>
	db.all<{ player_id: number; position: number; points: number; correct: number; request_id: string; elapsed_ms: number }>(
		'select player_id, position, points, correct, request_id, elapsed_ms from live_answers where game_id = ? order by player_id, position',
		gameId
	);

describe('answers to a live question', () => {
	it('takes an answer once: a retry gets the same ack, a different second answer is refused', async () => {
		const g = await makeLiveGame({ questions: 2 });
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Nguyễn Thị Thu' });
		expect((await command(host, g.gameId, 'start')).status).toBe(200);
		const q = g.questions[0];
		const first = await answer(p.client, g.code, 0, [q.correctIds[0]]);
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ accepted: true, position: 0, optionIds: [q.correctIds[0]] });
		const retry = await answer(p.client, g.code, 0, [q.correctIds[0]], first.requestId);
		expect(retry.status).toBe(200);
		expect(retry.body).toEqual(first.body);
		const other = await answer(p.client, g.code, 0, [q.wrongIds[0]]);
		expect(other.status).toBe(422);
		expect(other.body.message).toBe('Bạn đã trả lời câu này; câu trả lời đầu tiên được tính.');
		const rows = await answersOf(g.gameId);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ correct: 1, request_id: first.requestId });
		// Points on the server clock: a correct answer within the window earns 500 … 1000.
		expect(rows[0].points).toBeGreaterThan(900);
		expect(rows[0].points).toBeLessThanOrEqual(1000);
	});

	it('gives a wrong answer 0 points and refuses option ids that are not the question’s (400)', async () => {
		const g = await makeLiveGame({ questions: 1 });
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Lê Thị Bích' });
		await command(host, g.gameId, 'start');
		const bad = await answer(p.client, g.code, 0, ['no-such-option']);
		expect(bad.status).toBe(400);
		expect(bad.body.message).toMatch(/không thuộc câu hỏi/);
		const none = await answer(p.client, g.code, 0, []);
		expect(none.status).toBe(400);
		const wrong = await answer(p.client, g.code, 0, [g.questions[0].wrongIds[0]]);
		expect(wrong.status).toBe(200);
		expect((await answersOf(g.gameId))[0]).toMatchObject({ correct: 0, points: 0 });
	});

	it('refuses an answer from a phone that has not joined (401), to another question, and to an unknown room', async () => {
		const g = await makeLiveGame({ questions: 2 });
		const host = await organiserClient();
		await command(host, g.gameId, 'start');
		const stranger = await answer(new Client(), g.code, 0, [g.questions[0].correctIds[0]]);
		expect(stranger.status).toBe(401);
		expect(stranger.body.message).toMatch(/chưa vào phòng thi/);
		const p = await joinAs(g.code, { name: 'Hoàng Thị Vân' });
		const ahead = await answer(p.client, g.code, 1, [g.questions[1].correctIds[0]]);
		expect(ahead.status).toBe(422);
		expect((await answer(p.client, '999999', 0, ['x'])).status).toBe(404);
		expect(await answersOf(g.gameId)).toHaveLength(0);
	});

	it('refuses answers while paused and after the close; resume re-opens the window for the time left', async () => {
		const g = await makeLiveGame({ questions: 2, secondsPerQuestion: 30 });
		const host = await organiserClient();
		const a = await joinAs(g.code, { name: 'Trịnh Thị Mơ' });
		const b = await joinAs(g.code, { name: 'Đinh Thị Nga' });
		const c = await joinAs(g.code, { name: 'Phan Thị Oanh' });
		await command(host, g.gameId, 'start');
		const q = g.questions[0];
		expect((await command(host, g.gameId, 'pause')).status).toBe(200);
		const paused = await answer(a.client, g.code, 0, [q.correctIds[0]]);
		expect(paused.status).toBe(422);
		expect(paused.body.message).toMatch(/tạm dừng/);
		const row = (await liveGameRow(g.gameId))!;
		expect(row.paused_remaining_ms).toBeGreaterThan(25_000);
		expect((await command(host, g.gameId, 'resume')).status).toBe(200);
		const resumed = (await liveGameRow(g.gameId))!;
		expect(resumed.paused_remaining_ms).toBeNull();
		expect(resumed.closes_at - Date.now()).toBeGreaterThan(25_000);
		expect(resumed.closes_at - resumed.opened_at).toBe(30_000);
		expect((await answer(a.client, g.code, 0, [q.correctIds[0]])).status).toBe(200);
		// Time runs out (the window moved into the past, as a new version so that every process reads it).
		await db.run(
			'update live_games set closes_at = ?, opened_at = ?, version = version + 1 where id = ?',
			Date.now() - 1,
			Date.now() - 30_001,
			g.gameId
		);
		const late = await answer(b.client, g.code, 0, [q.correctIds[0]]);
		expect(late.status).toBe(422);
		expect(late.body.message).toMatch(/hết giờ/);
		// Reveal early on the next question: closed at once.
		await command(host, g.gameId, 'next');
		await command(host, g.gameId, 'reveal');
		const revealed = (await liveGameRow(g.gameId))!;
		expect(revealed.closes_at).toBeLessThanOrEqual(Date.now());
		const afterReveal = await answer(c.client, g.code, 1, [g.questions[1].correctIds[0]]);
		expect(afterReveal.status).toBe(422);
		const closed = await db.get<{ closed_at: number | null }>(
			'select closed_at from live_game_questions where game_id = ? and position = 1',
			g.gameId
		);
		expect(closed!.closed_at).toBeGreaterThan(0);
		expect((await answersOf(g.gameId)).map((r) => r.player_id)).toEqual([a.body.playerId]);
	});

	it('answers a removed player with a clear refusal', async () => {
		const g = await makeLiveGame({ questions: 1 });
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Lương Thị Xuân' });
		await command(host, g.gameId, 'start');
		await command(host, g.gameId, 'remove', { playerId: p.body.playerId });
		const r = await answer(p.client, g.code, 0, [g.questions[0].correctIds[0]]);
		expect(r.status).toBe(422);
		expect(r.body.message).toMatch(/mời ra khỏi phòng/);
	});

	it('scores a multiple-choice question on the exact set, and malformed bodies with 400', async () => {
		const g = await makeLiveGame({ questions: 1, kinds: ['multiple'], speedBonus: false });
		const host = await organiserClient();
		const right = await joinAs(g.code, { name: 'Cao Thị Hà' });
		const half = await joinAs(g.code, { name: 'Mạc Thị Huệ' });
		await command(host, g.gameId, 'start');
		const q = g.questions[0];
		expect((await answer(right.client, g.code, 0, [...q.correctIds].reverse())).status).toBe(200);
		expect((await answer(half.client, g.code, 0, q.correctIds.slice(0, 1))).status).toBe(200);
		const rows = await answersOf(g.gameId);
		expect(rows.map((r) => [r.correct, r.points])).toEqual([
			[1, 1000],
			[0, 0]
		]);
		for (const body of ['{', JSON.stringify({ position: 'x', optionIds: 'y', requestId: 1 })]) {
			const res = await right.client.json('POST', paths.answers(g.code), body);
			expect([body, res.status]).toEqual([body, 400]);
			expect((await readJson(res)).message).toBeTruthy();
		}
	});
});
