import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../scripts/test-server.js';
import { Client as Driver, Stream, cookiesOf, type Reply } from '../../bench/live-driver';
import { answerPoints } from '../../src/lib/server/live/scoring';
import { Client, DEMO_PASSWORD } from './client';
import { testDb } from './db';
import { makeLiveGame } from './live-fixture';
import { command, openEvents, paths } from './live-client';

/**
 * Never lose a player (issue 14, item 5): a room of a few hundred players, the server killed with
 * SIGKILL in the middle of a question while answers are being sent, started again on the same
 * database (SQLite file or, under `npm run test:pg`, PostgreSQL). Every answer the server
 * acknowledged must be there with the points the rules give it, the game must go on at the same
 * question and phase, a retry of an acknowledged answer must not count twice, and the players'
 * streams must come back (they reconnect with Last-Event-ID, as a browser's EventSource does).
 */
const PORT = Number(process.env.INTEGRATION_PORT ?? 4174) + 9;
const PLAYERS = 300;
const SECONDS = 90; // the question stays open through the kill and the restart
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Sent = { player: number; optionIds: string[]; requestId: string; reply?: Reply };

let first: Awaited<ReturnType<typeof startTestServer>> | undefined;
let second: Awaited<ReturnType<typeof startTestServer>> | undefined;
afterAll(async () => {
	await second?.stop();
	await first?.stop();
});

describe('a live game through kill -9 of the server', () => {
	it('keeps every acknowledged answer with its points, resumes the question, counts a retry once, and the players come back', async () => {
		first = await startTestServer({ db: 'test-results/live-crash.db', port: PORT });
		const db = testDb(first.database);
		const g = await makeLiveGame({ questions: 3, secondsPerQuestion: SECONDS, title: 'Hội thi (thử tắt máy chủ)' }, first.database);
		const q = g.questions[0];
		const url = first.url;
		const http = new Driver('127.0.0.1', PORT, 64, url, 10_000);

		// A few hundred phones join and hold their streams.
		const cookies: string[] = [];
		for (let i = 0; i < PLAYERS; i += 50) {
			const batch = await Promise.all(
				Array.from({ length: Math.min(50, PLAYERS - i) }, (_, k) =>
					http.request('POST', paths.join(g.code), { body: { name: `Người chơi ${i + k + 1}` } })
				)
			);
			for (const r of batch) {
				expect(r.status, JSON.stringify(r.body)).toBe(201);
				cookies.push(cookiesOf(r));
			}
		}
		const streams = cookies.map((c) => new Stream('127.0.0.1', PORT, paths.events(g.code), c));
		expect(await Promise.all(streams.map((s) => s.open(10_000)))).toEqual(streams.map(() => true));

		const host = new Client(url);
		expect((await host.action('/login', { identifier: '0900000002', password: DEMO_PASSWORD })).body?.type).toBe('redirect');
		const started = await command(host, g.gameId, 'start', {}, 1);
		expect(started.status).toBe(200);
		const before = (await db.get('select phase, position, version, opened_at, closes_at, status from live_games where id = ?', g.gameId))!;
		expect(before).toMatchObject({ phase: 'question', position: 0, status: 'running' });

		// Every player answers once, at a random moment of the next second; some change their mind
		// and send a different answer with a new request id (the first answer is final).
		const pick = (ids: string[]) => [ids[Math.floor(Math.random() * ids.length)]];
		const sent: Sent[] = [];
		const inFlight = new Set<Sent>();
		let acked = 0;
		const send = async (s: Sent) => {
			sent.push(s);
			inFlight.add(s);
			s.reply = await http.request('POST', paths.answers(g.code), {
				body: { position: 0, optionIds: s.optionIds, requestId: s.requestId },
				headers: { cookie: cookies[s.player] }
			});
			inFlight.delete(s);
			if (s.reply.status === 200) acked++;
		};
		const load = cookies.map(async (_, player) => {
			await sleep(Math.random() * 1000);
			const optionIds = pick(q.optionIds);
			await send({ player, optionIds, requestId: randomUUID() });
			if (Math.random() < 0.2)
				await send({ player, optionIds: pick(q.optionIds.filter((o) => o !== optionIds[0])), requestId: randomUUID() });
		});

		// The kill: once a third of the room has an acknowledged answer, with answers still in flight.
		const t0 = Date.now();
		while (acked < PLAYERS / 3 || inFlight.size < 3) {
			if (Date.now() - t0 > 20_000) throw new Error(`only ${acked} answers acknowledged in 20 s`);
			await sleep(1);
		}
		const inFlightAtKill = inFlight.size;
		process.kill(first.pid, 'SIGKILL');
		await Promise.all(load);
		const ack = sent.filter((s) => s.reply?.status === 200);
		const noAnswer = sent.filter((s) => s.reply?.status === 0);
		console.log(
			`live crash: ${ack.length} answers acknowledged, ${inFlightAtKill} in flight at the kill, ${noAnswer.length} without an answer`
		);
		expect(ack.length).toBeGreaterThanOrEqual(PLAYERS / 3);
		expect(noAnswer.length).toBeGreaterThan(0); // the kill hit the load
		// Before the kill nothing was refused but the second answers (the first one is final).
		const firstOf = new Map<number, Sent>();
		for (const s of ack) {
			expect(firstOf.has(s.player), `player ${s.player} has two acknowledged answers`).toBe(false);
			firstOf.set(s.player, s);
		}
		for (const s of sent.filter((x) => x.reply && x.reply.status !== 200 && x.reply.status !== 0))
			expect([s.reply!.status, firstOf.has(s.player)]).toEqual([422, true]);

		// The same server again on the same database.
		second = await startTestServer({ db: 'test-results/live-crash.db', port: PORT, seed: false });
		const after = (await db.get('select phase, position, version, opened_at, closes_at, status from live_games where id = ?', g.gameId))!;
		expect(after).toEqual(before);

		// Every acknowledged answer is there once, as acknowledged, with the points the rules give it.
		const rows = await db.all<{
			player_id: number;
			option_ids_json: string;
			correct: number;
			points: number;
			received_at: number;
			request_id: string;
		}>(
			'select player_id, option_ids_json, correct, points, received_at, request_id from live_answers where game_id = ? and position = 0',
			g.gameId
		);
		const playerIds = await db.all<{ id: number; display_name: string }>(
			'select id, display_name from live_players where game_id = ?',
			g.gameId
		);
		const idOf = new Map(playerIds.map((p) => [p.display_name, p.id]));
		const byPlayer = new Map(rows.map((r) => [r.player_id, r]));
		expect(byPlayer.size).toBe(rows.length);
		const sameSet = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
		const missing: string[] = [];
		for (const s of ack) {
			const id = idOf.get(`Người chơi ${s.player + 1}`)!;
			const row = byPlayer.get(id);
			if (!row) {
				missing.push(`player ${s.player + 1}`);
				continue;
			}
			const a = s.reply!.body as { optionIds: string[]; receivedAt: number };
			const correct = sameSet(a.optionIds, q.correctIds);
			expect(JSON.parse(row.option_ids_json)).toEqual(a.optionIds);
			expect(row.request_id).toBe(s.requestId);
			expect(row.received_at).toBe(a.receivedAt);
			expect(row.correct).toBe(correct ? 1 : 0);
			expect(row.points).toBe(
				answerPoints({ correct, speedBonus: true, elapsedMs: a.receivedAt - before.opened_at, windowMs: SECONDS * 1000 })
			);
		}
		expect(missing).toEqual([]);

		// The game goes on where it was: the big screen gets the same question, still open.
		const screen = await openEvents(host, g.code, 'screen');
		const view = (await screen.next(10_000))!.data;
		screen.close();
		expect(view).toMatchObject({ version: before.version, phase: 'question', question: { position: 0 }, closesAt: before.closes_at });

		// A retry of an acknowledged answer (its answer lost on the way, say) gets the same
		// acknowledgement and counts once; a changed answer is still refused.
		for (const s of ack.slice(0, 20)) {
			const again = await http.request('POST', paths.answers(g.code), {
				body: { position: 0, optionIds: s.optionIds, requestId: s.requestId },
				headers: { cookie: cookies[s.player] }
			});
			expect([again.status, again.body]).toEqual([200, s.reply!.body]);
		}
		const changed = ack[0];
		const other = q.optionIds.find((o) => o !== changed.optionIds[0])!;
		const refused = await http.request('POST', paths.answers(g.code), {
			body: { position: 0, optionIds: [other], requestId: randomUUID() },
			headers: { cookie: cookies[changed.player] }
		});
		expect(refused.status).toBe(422);
		// A player whose answer never came back sends it again (same request id): counted once.
		const lost = noAnswer.find((s) => !firstOf.has(s.player));
		expect(lost, 'an answer sent at the kill whose player has none acknowledged').toBeDefined();
		if (!lost) return;
		const retried = await http.request('POST', paths.answers(g.code), {
			body: { position: 0, optionIds: lost.optionIds, requestId: lost.requestId },
			headers: { cookie: cookies[lost.player] }
		});
		expect(retried.status).toBe(200);
		const count = await db.get<{ n: number; points: number }>(
			'select count(*) as n, sum(points) as points from live_answers where game_id = ? and position = 0',
			g.gameId
		);
		expect(count!.n).toBe(rows.length + (byPlayer.has(idOf.get(`Người chơi ${lost.player + 1}`)!) ? 0 : 1));

		// A player's own stream after the restart: their answer is back on the phone.
		const one = firstOf.values().next().value!;
		const phone = new Client(url);
		const mine = await phone.request('GET', paths.events(g.code), {
			headers: { cookie: cookies[one.player], accept: 'text/event-stream' }
		});
		expect(mine.status).toBe(200);
		const reader = mine.body!.getReader();
		let text = '';
		while (!/\ndata: .*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
		await reader.cancel();
		const me = JSON.parse(/\ndata: (.*)\n/.exec(text)![1]).me;
		expect(me.answer).toEqual((one.reply!.body as { optionIds: string[] }).optionIds);

		// Every player's stream reconnected by itself: the host's reveal reaches all of them.
		const reveal = await command(host, g.gameId, 'reveal', {}, before.version);
		expect(reveal.status).toBe(200);
		const newVersion = reveal.body.version as number;
		for (let i = 0; i < 200 && streams.some((s) => s.receivedAt(newVersion) === null); i++) await sleep(50);
		expect(streams.filter((s) => s.receivedAt(newVersion) === null).length).toBe(0);
		expect(reveal.body.reveal.correctCount).toBe(
			(await db.get<{ n: number }>('select count(*) as n from live_answers where game_id = ? and position = 0 and correct = 1', g.gameId))!
				.n
		);
		for (const s of streams) s.close();
		http.close();
	}, 120_000);
});
