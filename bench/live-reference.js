/**
 * The reference for `npm run bench:live`: a bare `node:http` server doing the least a live room
 * must do — the same routes and bodies as hoithi's (src/lib/live/protocol.ts: join, the player's
 * server-sent-event stream with `id:` the game's version, the answer POST, the host's command) with
 * the game in memory, one answer = one INSERT into SQLite (better-sqlite3, WAL, synchronous =
 * NORMAL, as ours) acknowledged after it commits, and a broadcast that serialises the public view
 * once per version and adds each player's own part (`me`) by string concatenation. No framework,
 * no sessions, no database reads. Ours divided by this, measured in the same run, is the ratio
 * `npm run bench:live` reports.
 *
 *   DATABASE_PATH=bench/data/live-ref.db PORT=6001 node bench/live-reference.js
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';

/**
 * @typedef {{ id: number, name: string, points: number, answer: string[] | null, res: http.ServerResponse | null }} Player
 * @typedef {{ position?: unknown, optionIds?: unknown, requestId?: unknown }} AnswerBody
 */

const SECONDS = Number(process.env.LIVE_SECONDS ?? '20');
const QUESTIONS = 20;
const CODE = process.env.LIVE_CODE ?? '123456';
const OPTION_TEXT = 'Phương án trả lời có độ dài thường gặp trong ngân hàng câu hỏi của hội thi';

const db = new SQLite(process.env.DATABASE_PATH ?? 'bench/data/live-ref.db');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create table if not exists live_answers (player_id integer not null, position integer not null,
	option_ids_json text not null, correct integer not null, points integer not null, elapsed_ms integer not null,
	request_id text not null, received_at integer not null, primary key (player_id, position))`);
const insertAnswer = db.prepare(
	'insert into live_answers (player_id, position, option_ids_json, correct, points, elapsed_ms, request_id, received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing'
);
const existing =
	/** @type {import('better-sqlite3').Statement<unknown[], { request_id: string, option_ids_json: string, received_at: number }>} */ (
		db.prepare('select request_id, option_ids_json, received_at from live_answers where player_id = ? and position = ?')
	);

const game = {
	id: 1,
	version: 1,
	phase: /** @type {'lobby' | 'question' | 'reveal'} */ ('lobby'),
	position: -1,
	openedAt: /** @type {number | null} */ (null),
	closesAt: /** @type {number | null} */ (null)
};
/** @type {Map<string, Player>} by device cookie */
const players = new Map();
/** @type {Set<http.ServerResponse>} */
const streams = new Set();

const options = ['a', 'b', 'c', 'd'].map((id, i) => ({ id, label: 'ABCD'[i], text: `${OPTION_TEXT} ${i + 1}` }));
/** The public view (everything but `me`), serialised once per version. */
let publicJson = '';
let publicVersion = 0;
function publicView() {
	if (publicVersion === game.version) return publicJson;
	const view = {
		version: game.version,
		gameId: game.id,
		code: CODE,
		title: 'Hội thi tìm hiểu kiến thức phòng ngừa bạo lực (tham chiếu)',
		status: game.phase === 'lobby' ? 'lobby' : 'running',
		phase: game.phase,
		locked: false,
		paused: false,
		displayMode: 'projector',
		serverNow: Date.now(),
		question: game.position < 0 ? null : { position: game.position, total: QUESTIONS, kind: 'single', stem: null, options, revive: false },
		opensAt: game.openedAt,
		closesAt: game.closesAt,
		remainingMs: null,
		players: players.size,
		answered: 0,
		reveal: game.phase === 'reveal' ? { correctOptionIds: ['a'], explanation: '', legalRef: '', chosen: {}, correctCount: 0 } : null,
		board: null,
		judging: null
	};
	publicJson = JSON.stringify(view).slice(0, -1); // without the closing brace: `me` follows
	publicVersion = game.version;
	return publicJson;
}
/** @param {Player} p */
const message = (p) =>
	`id: ${game.version}\ndata: ${publicView()},"me":${JSON.stringify({
		playerId: p.id,
		name: p.name,
		points: p.points,
		rank: null,
		answer: p.answer,
		lastCorrect: null,
		lastPoints: null,
		eliminated: false,
		removed: false
	})}}\n\n`;

function broadcast() {
	for (const p of players.values()) if (p.res) p.res.write(message(p));
}

/** @param {http.IncomingMessage} req @returns {Promise<any>} */
const readJson = (req) =>
	new Promise((resolve) => {
		let s = '';
		req.setEncoding('utf8');
		req.on('data', (c) => (s += c));
		req.on('end', () => {
			try {
				resolve(JSON.parse(s || '{}'));
			} catch {
				resolve(null);
			}
		});
	});
/** @param {http.ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
const send = (res, status, body, headers = {}) => {
	res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
	res.end(JSON.stringify(body));
};
/** @param {http.IncomingMessage} req */
const playerOf = (req) => {
	const m = /hoithi_live=([^;]+)/.exec(req.headers.cookie ?? '');
	return m ? players.get(m[1]) : undefined;
};

http
	.createServer(async (req, res) => {
		const now = Date.now();
		const url = new URL(req.url ?? '/', 'http://x');
		const p = url.pathname;
		if (p === '/api/health') return send(res, 200, { ok: true });
		if (req.method === 'POST' && p === `/api/live/${CODE}/join`) {
			const body = await readJson(req);
			const device = randomBytes(16).toString('base64url');
			const player = { id: players.size + 1, name: String(body?.name ?? '').slice(0, 60), points: 0, answer: null, res: null };
			players.set(device, player);
			return send(res, 200, { playerId: player.id }, { 'set-cookie': `hoithi_live=${device}; Path=/; HttpOnly; SameSite=Lax` });
		}
		if (req.method === 'GET' && p === `/api/live/${CODE}/events`) {
			const player = playerOf(req);
			if (!player) return send(res, 401, { message: 'Bạn chưa vào phòng.' });
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
			res.write('retry: 1000\n\n');
			player.res = res;
			streams.add(res);
			if (Number(req.headers['last-event-id']) !== game.version) res.write(message(player));
			req.on('close', () => {
				streams.delete(res);
				if (player.res === res) player.res = null;
			});
			return;
		}
		if (req.method === 'POST' && p === `/api/live/${CODE}/answers`) {
			const player = playerOf(req);
			if (!player) return send(res, 401, { message: 'Bạn chưa vào phòng.' });
			/** @type {AnswerBody | null} */
			const body = await readJson(req);
			if (!body || body.position !== game.position || !Array.isArray(body.optionIds) || typeof body.requestId !== 'string')
				return send(res, 400, { message: 'Câu trả lời không hợp lệ.' });
			if (game.phase !== 'question' || game.closesAt === null || game.openedAt === null || now > game.closesAt)
				return send(res, 422, { message: 'Câu hỏi đã đóng.' });
			const ids = body.optionIds.map(String);
			const correct = ids.length === 1 && ids[0] === 'a';
			const elapsed = now - game.openedAt;
			const points = correct ? 500 + Math.round((500 * Math.max(0, game.closesAt - now)) / (SECONDS * 1000)) : 0;
			const inserted = insertAnswer.run(
				player.id,
				game.position,
				JSON.stringify(ids),
				correct ? 1 : 0,
				points,
				elapsed,
				body.requestId,
				now
			);
			if (inserted.changes === 0) {
				const row = existing.get(player.id, game.position);
				if (!row || row.request_id !== body.requestId) return send(res, 422, { message: 'Bạn đã trả lời câu này.' });
				return send(res, 200, {
					accepted: true,
					position: game.position,
					optionIds: JSON.parse(row.option_ids_json),
					receivedAt: row.received_at
				});
			}
			player.points += points;
			player.answer = ids;
			return send(res, 200, { accepted: true, position: game.position, optionIds: ids, receivedAt: now });
		}
		if (req.method === 'POST' && p === `/api/live/games/${game.id}/command`) {
			const body = await readJson(req);
			if (body?.version !== game.version) return send(res, 409, { message: 'Màn hình đã thay đổi, vui lòng thử lại' });
			if (body.action === 'next' || body.action === 'start') {
				game.position++;
				game.phase = 'question';
				game.openedAt = now;
				game.closesAt = now + SECONDS * 1000;
				for (const pl of players.values()) pl.answer = null;
			} else if (body.action === 'reveal') {
				game.phase = 'reveal';
				game.closesAt = Math.min(game.closesAt ?? now, now);
			} else return send(res, 400, { message: 'Lệnh không hợp lệ.' });
			game.version++;
			broadcast();
			return send(res, 200, { version: game.version });
		}
		send(res, 404, { message: 'Không tìm thấy.' });
	})
	.listen(Number(process.env.PORT ?? 6001), process.env.HOST ?? '127.0.0.1', () => console.log('live reference server ready'));
