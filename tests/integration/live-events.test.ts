import { describe, expect, it } from 'vitest';
import { Client, loggedIn, registeredClient } from './client';
import { makeLiveGame } from './live-fixture';
import { answer, command, joinAs, openEvents, organiserClient } from './live-client';

/** The live game's server-sent events (issue 14 item 6): views per audience, reconnects with Last-Event-ID. */
describe('live events (SSE)', () => {
	it('streams the view to a player, then the next question when the host moves on', async () => {
		const g = await makeLiveGame({ questions: 3 });
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Nguyễn Thị Sen' });
		const stream = await openEvents(p.client, g.code);
		expect(stream.status).toBe(200);
		expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const first = (await stream.next())!;
		expect(first.data).toMatchObject({
			code: g.code,
			phase: 'lobby',
			status: 'lobby',
			question: null,
			me: { playerId: p.body.playerId, points: 0 }
		});
		expect(first.id).toBe(String(first.data.version));
		expect(stream.raw()).toMatch(/^retry: 1000\n\n/);

		await command(host, g.gameId, 'start');
		const q0 = await stream.until((v) => v.phase === 'question');
		expect(q0.data.question).toMatchObject({ position: 0, total: 3, revive: false });
		// Projector mode: the phone gets the options, not the question (it is on the big screen), and never the answer.
		expect(q0.data.question.stem).toBeNull();
		expect(q0.data.question.options.map((o: { id: string }) => o.id)).toEqual(g.questions[0].optionIds);
		expect(q0.data.question.options[0].label).toBe('A');
		expect(q0.data.reveal).toBeNull();
		expect(q0.data.closesAt - q0.data.opensAt).toBe(20_000);

		await answer(p.client, g.code, 0, [g.questions[0].correctIds[0]]);
		await command(host, g.gameId, 'reveal');
		const rev = await stream.until((v) => v.phase === 'reveal');
		expect(rev.data.reveal.correctOptionIds).toEqual(g.questions[0].correctIds);
		expect(rev.data.reveal.correctCount).toBe(1);
		expect(rev.data.me).toMatchObject({ answer: [g.questions[0].correctIds[0]], lastCorrect: true });
		expect(rev.data.me.lastPoints).toBeGreaterThan(500);

		await command(host, g.gameId, 'next');
		const q1 = await stream.until((v) => v.phase === 'question' && v.question.position === 1);
		expect(Number(q1.id)).toBeGreaterThan(Number(rev.id));
		expect(q1.data.me.points).toBe(rev.data.me.lastPoints);
		stream.close();
	});

	it('gives a reconnect with the current Last-Event-ID nothing until the game changes, and the player’s answer after a refresh', async () => {
		const g = await makeLiveGame({ questions: 2 });
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Bùi Thị Loan' });
		await command(host, g.gameId, 'start');
		await answer(p.client, g.code, 0, [g.questions[0].wrongIds[0]]);
		const s1 = await openEvents(p.client, g.code);
		const now = (await s1.next())!;
		// The refresh shows the answer already sent to the current question.
		expect(now.data.me.answer).toEqual([g.questions[0].wrongIds[0]]);
		s1.close();

		const s2 = await openEvents(p.client, g.code, 'player', now.id!);
		expect(await s2.next(600)).toBeNull();
		expect(s2.raw()).toBe('retry: 1000\n\n');
		await command(host, g.gameId, 'reveal');
		const after = (await s2.next())!;
		expect(after.data.phase).toBe('reveal');
		expect(Number(after.id)).toBe(Number(now.id) + 1);
		expect(after.data.me).toMatchObject({ lastCorrect: false, lastPoints: 0 });
		s2.close();

		// An older Last-Event-ID gets the current view at once.
		const s3 = await openEvents(p.client, g.code, 'player', now.id!);
		expect((await s3.next())!.data.phase).toBe('reveal');
		s3.close();
	});

	it('shows the big screen the question and how many answered; screen and host need a host', async () => {
		const g = await makeLiveGame({ questions: 1 });
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Tạ Thị Kim' });
		await command(host, g.gameId, 'start');
		const screen = await openEvents(host, g.code, 'screen');
		const v = (await screen.next())!;
		expect(v.data.question.stem).toBeTruthy();
		expect(v.data.me).toBeNull();
		expect(v.data.players).toBe(1);
		await answer(p.client, g.code, 0, [g.questions[0].correctIds[0]]);
		const counted = await screen.until((x) => x.answered === 1);
		expect(counted.id).toBe(v.id);
		screen.close();

		const anon = await openEvents(new Client(), g.code, 'screen');
		expect(anon.status).toBe(401);
		const { client: participant } = await registeredClient({ unitCode: '001' });
		for (const as of ['screen', 'host']) {
			const r = await openEvents(participant, g.code, as);
			expect([as, r.status]).toEqual([as, 403]);
		}
		// A player stream needs a joined phone.
		const stranger = await openEvents(new Client(), g.code, 'player');
		expect(stranger.status).toBe(401);
		expect(stranger.body.message).toMatch(/chưa vào phòng thi/);
		expect((await openEvents(p.client, '000000')).status).toBe(404);
		expect((await openEvents(host, g.code, 'judge')).status).toBe(400);
		// The district lead of the game's unit (001) may watch its screen; a lead of another unit may not.
		const lead = await loggedIn('0900000003');
		const leadScreen = await openEvents(lead, g.code, 'host');
		expect(leadScreen.status).toBe(200);
		leadScreen.close();
	});

	it('shows the whole question on the phone in “no projector” mode', async () => {
		const g = await makeLiveGame({ questions: 1, displayMode: 'no_projector' });
		const host = await organiserClient();
		const p = await joinAs(g.code, { name: 'Kiều Thị Duyên' });
		await command(host, g.gameId, 'start');
		const s = await openEvents(p.client, g.code);
		const v = (await s.next())!;
		expect(v.data.displayMode).toBe('no_projector');
		expect(v.data.question.stem).toBeTruthy();
		s.close();
	});
});
