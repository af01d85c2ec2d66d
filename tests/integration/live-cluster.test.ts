import { describe, expect, it } from 'vitest';
import { makeLiveGame } from './live-fixture';
import { answer, command, joinAs, openEvents, organiserClient, type EventStream } from './live-client';

/**
 * A whole question round with phones and the host on different connections — which, under the
 * 2-worker project (vite.config.ts integration-2-workers), are handed to both server processes in
 * turn: a host command handled by one process reaches streams held by the other (bus.ts poll),
 * and answers taken by either count once.
 */
describe('a live game across server processes', () => {
	it('brings every phone the host’s commands and counts every answer once', async () => {
		const g = await makeLiveGame({ questions: 2 });
		const host = await organiserClient();
		const phones = [];
		for (let i = 0; i < 6; i++) phones.push(await joinAs(g.code, { name: `Người chơi ${i + 1}` }));
		const streams: EventStream[] = [];
		for (const p of phones) {
			const s = await openEvents(p.client, g.code);
			expect((await s.next())!.data.phase).toBe('lobby');
			streams.push(s);
		}
		const screen = await openEvents(host, g.code, 'screen');
		await screen.next();

		expect((await command(host, g.gameId, 'start')).status).toBe(200);
		for (const s of streams) expect((await s.until((v) => v.phase === 'question')).data.question.position).toBe(0);
		const acks = await Promise.all(phones.map((p) => answer(p.client, g.code, 0, [g.questions[0].correctIds[0]])));
		expect(acks.map((a) => a.status)).toEqual(phones.map(() => 200));
		// Retries, landing anywhere, count once.
		const retries = await Promise.all(phones.map((p, i) => answer(p.client, g.code, 0, [g.questions[0].correctIds[0]], acks[i].requestId)));
		expect(retries.map((r) => r.body.receivedAt)).toEqual(acks.map((a) => a.body.receivedAt));
		expect((await screen.until((v) => v.answered === 6)).data.players).toBe(6);

		expect((await command(host, g.gameId, 'reveal')).status).toBe(200);
		for (const s of streams) {
			const rev = await s.until((v) => v.phase === 'reveal');
			expect(rev.data.reveal.correctCount).toBe(6);
			expect(rev.data.me.lastCorrect).toBe(true);
		}
		for (const s of [...streams, screen]) s.close();
	});
});
