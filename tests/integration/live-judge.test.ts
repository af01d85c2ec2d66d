import { describe, expect, it } from 'vitest';
import { Client } from './client';
import { testDb } from './db';
import { makeLiveGame } from './live-fixture';
import { command, joinAs, openEvents, organiserClient, paths, readJson, type JudgeBody } from './live-client';

/** Judged parts (issue 14 item 4): judge links bound to one device, scores in range, the trimmed mean, the combined board. */
const db = testDb();

async function score(judge: Client, token: string, body: JudgeBody) {
	const res = await judge.json('POST', paths.judge(token), body);
	return { status: res.status, body: await readJson(res) };
}

describe('judges', () => {
	it('takes scores only while the part is open, in range and in steps of 0.5, from the first device of the link', async () => {
		const g = await makeLiveGame({
			questions: 1,
			teamMode: 'custom',
			teams: ['Đội Sen', 'Đội Mai'],
			parts: [{ title: 'Tiểu phẩm', scaleMax: 10 }],
			judges: 2
		});
		const host = await organiserClient();
		const [part] = g.parts;
		const [sen] = g.teams;
		const phone = new Client();
		const closed = await score(phone, g.judges[0].token, { partId: part.id, teamId: sen.id, score: 8 });
		expect(closed.status).toBe(422);
		expect(closed.body.message).toMatch(/chưa mở hoặc đã đóng/);
		const screen = await openEvents(host, g.code, 'screen');
		await screen.next();
		const judging = await command(host, g.gameId, 'judging', { partId: part.id });
		expect(judging.status).toBe(200);
		expect(judging.body.judging).toMatchObject({ partId: part.id, title: 'Tiểu phẩm', scaleMax: 10 });

		for (const bad of [11, -1, 8.3, '8']) {
			const r = await score(phone, g.judges[0].token, { partId: part.id, teamId: sen.id, score: bad });
			expect([bad, r.status]).toEqual([bad, 400]);
			expect(r.body.message).toMatch(/Điểm phải/);
		}
		expect((await score(phone, g.judges[0].token, { partId: part.id, teamId: 999_999, score: 8 })).status).toBe(400);
		const ok = await score(phone, g.judges[0].token, { partId: part.id, teamId: sen.id, score: 8.5 });
		expect(ok).toEqual({ status: 200, body: { shown: 8.5 } });
		// A correction while the part is open: the last one counts.
		expect((await score(phone, g.judges[0].token, { partId: part.id, teamId: sen.id, score: 9 })).body).toEqual({ shown: 9 });
		// The big screen follows the scores.
		const seen = await screen.until((v) => v.judging?.teams.some((t: { shown: number | null }) => t.shown === 9));
		expect(seen.data.judging.teams.find((t: { teamId: number }) => t.teamId === sen.id)).toMatchObject({ shown: 9, judges: 1 });
		screen.close();

		// The same link on another phone: refused, nothing changed.
		const second = await score(new Client(), g.judges[0].token, { partId: part.id, teamId: sen.id, score: 1 });
		expect(second.status).toBe(403);
		expect(second.body.message).toMatch(/thiết bị khác/);
		expect(await db.all('select score_tenths from live_judge_scores where part_id = ?', part.id)).toEqual([{ score_tenths: 90 }]);
		// An unknown link.
		expect((await score(phone, 'a'.repeat(32), { partId: part.id, teamId: sen.id, score: 1 })).status).toBe(404);

		// Leaving the judging screen closes the part.
		await command(host, g.gameId, 'back');
		const late = await score(phone, g.judges[0].token, { partId: part.id, teamId: sen.id, score: 7 });
		expect(late.status).toBe(422);
		expect((await db.get<{ status: string }>('select status from live_parts where id = ?', part.id))!.status).toBe('closed');
	});

	it('shows the trimmed mean with 4 judges and adds it to the board with the weights', async () => {
		const g = await makeLiveGame({
			questions: 1,
			teamMode: 'custom',
			teams: ['Đội Sen', 'Đội Mai'],
			parts: [{ title: 'Hùng biện', scaleMax: 10 }],
			judges: 4,
			speedBonus: false,
			quizWeight: 500,
			judgedWeight: 500
		});
		const host = await organiserClient();
		const [part] = g.parts;
		const [sen, mai] = g.teams;
		const p1 = await joinAs(g.code, { name: 'Đào Thị Sen', teamId: sen.id });
		const p2 = await joinAs(g.code, { name: 'Đào Thị Mai', teamId: mai.id });
		await command(host, g.gameId, 'start');
		await p1.client.json('POST', paths.answers(g.code), {
			position: 0,
			optionIds: [g.questions[0].correctIds[0]],
			requestId: 'req-sen-0001'
		});
		await p2.client.json('POST', paths.answers(g.code), {
			position: 0,
			optionIds: [g.questions[0].wrongIds[0]],
			requestId: 'req-mai-0001'
		});
		await command(host, g.gameId, 'judging', { partId: part.id });
		const scores = { [sen.id]: [10, 6, 7, 2], [mai.id]: [9, 9, 8.5, 10] };
		let shown: number | null = null;
		for (const [i, j] of g.judges.entries()) {
			const judge = new Client();
			for (const t of [sen.id, mai.id]) {
				const r = await score(judge, j.token, { partId: part.id, teamId: t, score: scores[t][i] });
				expect(r.status).toBe(200);
				if (t === sen.id) shown = r.body.shown;
			}
		}
		// Sen: 10 and 2 dropped → (6 + 7) / 2 = 6.5; Mai: 10 and 8.5 dropped → 9.
		expect(shown).toBe(6.5);
		const board = (await command(host, g.gameId, 'scoreboard')).body.board;
		// Quiz on 100: Sen 1000 / 1000 → 100, Mai 0; judged on 100: Sen 65, Mai 90; × 0.5 each.
		expect(
			board.teams.map((t: { name: string; points: number; quiz: number; judged: number }) => [t.name, t.points, t.quiz, t.judged])
		).toEqual([
			['Đội Sen', 82.5, 1000, 6.5],
			['Đội Mai', 45, 0, 9]
		]);
	});
});
