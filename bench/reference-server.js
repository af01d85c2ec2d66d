/**
 * The reference for the benchmarks: the same work as hoithi's hot paths — the same SQL
 * statements on the same database, the same session check, the same JSON — done by a bare
 * `node:http` server with synchronous better-sqlite3 and no framework. Our figure divided by this
 * one, measured in the same run, is the ratio reported in bench/RESULTS.md.
 *
 *   DATABASE_PATH=bench/data/work-ref.db PORT=4601 node bench/reference-server.js
 */
import http from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import SQLite from 'better-sqlite3';

/**
 * The rows the statements below return (the columns they select).
 * @typedef {{ id: string, secret_hash: Uint8Array, expires_at: number, user_id: number, full_name: string, role: string, unit_id: number }} SessionRow
 * @typedef {{ id: number, contest_id: number, title: string, opens_at: number, closes_at: number, max_attempts: number, question_count: number, time_limit_seconds: number, prediction_kind: string | null }} RoundRow
 * @typedef {{ id: number, title: string, rules: string }} ContestRow
 * @typedef {{ id: number, round_id: number, user_id: number, attempt_no: number, status: string, started_at: number, deadline_at: number, submitted_at: number | null, duration_ms: number | null, score: number | null, correct_count: number | null, total: number }} AttemptRow
 * @typedef {{ id: number, current_version_id: number }} PoolRow
 * @typedef {{ id: number, kind: string, stem: string, options_json: string }} VersionRow
 * @typedef {{ id: string, text: string, correct?: boolean }} OptionJson
 * @typedef {{ question_id: number, question_version_id: number, option_order_json: string }} ItemRow
 * @typedef {{ question_id: number, option_ids_json: string }} AnswerRow
 * @typedef {{ full_name: string, unit_name: string, score: number }} TopRow
 * @typedef {{ attempt_id: number, score: number, duration_ms: number, submitted_at: number }} MineRow
 * @typedef {[score: number, durationMs: number, submittedAt: number, attemptId: number]} OrderRow
 * @typedef {{ questionId?: unknown, optionIds?: unknown, prediction?: number | null }} Body
 */
/**
 * @template R
 * @typedef {import('better-sqlite3').Statement<unknown[], R>} Stmt
 */
/**
 * A row the reference counts on (a consistent database, as ours does): no check, as before.
 * @template R
 * @param {R | undefined} row
 * @returns {R}
 */
const must = (row) => /** @type {R} */ (row);

const db = new SQLite(process.env.DATABASE_PATH);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

/**
 * The same short-lived caches as ours (5 s), so that the ratio measures everything else.
 * @type {Map<string, { at: number, value: unknown }>}
 */
const cache = new Map();
/**
 * @template T
 * @param {string} key
 * @param {() => T} compute
 * @returns {T}
 */
function cached(key, compute) {
	const hit = cache.get(key);
	if (hit && Date.now() - hit.at < 5000) return /** @type {T} */ (hit.value);
	const value = compute();
	cache.set(key, { at: Date.now(), value });
	return value;
}
/**
 * A person's rank as ours computes it: their best (one lookup) placed by binary search in the
 * round's order, read at most every 5 s (ours reads it on a worker thread; here it is inline).
 * @param {number} roundId
 * @param {number} userId
 * @returns {number | null}
 */
function ownRank(roundId, userId) {
	return cached(`rank:${roundId}:${userId}`, () => {
		const me = q.mine.get(roundId, userId);
		if (!me) return null;
		const order = cached(`order:${roundId}`, () => q.order.raw(true).all(roundId));
		/** @param {OrderRow} r */
		const before = (r) =>
			r[0] > me.score ||
			(r[0] === me.score &&
				(r[1] < me.duration_ms ||
					(r[1] === me.duration_ms && (r[2] < me.submitted_at || (r[2] === me.submitted_at && r[3] < me.attempt_id)))));
		let lo = 0;
		let hi = order.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (before(order[mid])) lo = mid + 1;
			else hi = mid;
		}
		return lo + 1;
	});
}

const q = {
	session: /** @type {Stmt<SessionRow>} */ (
		db.prepare(
			'select s.id, s.secret_hash, s.expires_at, u.id as user_id, u.full_name, u.role, u.unit_id from sessions s join users u on u.id = s.user_id where s.id = ?'
		)
	),
	round: /** @type {Stmt<RoundRow>} */ (db.prepare('select * from rounds where id = ?')),
	contest: /** @type {Stmt<ContestRow>} */ (db.prepare('select id, title, rules, status from contests where id = ?')),
	openAttempt: /** @type {Stmt<AttemptRow>} */ (
		db.prepare("select * from attempts where round_id = ? and user_id = ? and status = 'open'")
	),
	maxNo: /** @type {Stmt<{ n: number | null }>} */ (
		db.prepare('select max(attempt_no) as n from attempts where round_id = ? and user_id = ?')
	),
	pool: /** @type {Stmt<PoolRow>} */ (
		db.prepare(
			"select id, topic_id, difficulty, current_version_id from questions where status = 'published' and current_version_id is not null"
		)
	),
	quotas: db.prepare('select topic_id, difficulty, count from round_quotas where round_id = ? order by id'),
	version: /** @type {Stmt<VersionRow>} */ (
		db.prepare('select id, question_id, kind, stem, options_json, explanation, legal_ref from question_versions where id = ?')
	),
	insertAttempt: db.prepare(
		"insert into attempts (round_id, user_id, attempt_no, status, started_at, deadline_at, total) values (?, ?, ?, 'open', ?, ?, ?)"
	),
	insertAq: db.prepare(
		'insert into attempt_questions (attempt_id, position, question_id, question_version_id, option_order_json) values (?, ?, ?, ?, ?)'
	),
	insertEvent: db.prepare(
		"insert into access_events (at, kind, user_id, round_id, attempt_id, device_hash, ip_hash) values (?, 'attempt_start', ?, ?, ?, ?, ?)"
	),
	attempt: /** @type {Stmt<AttemptRow>} */ (db.prepare('select * from attempts where id = ?')),
	aqs: /** @type {Stmt<ItemRow>} */ (
		db.prepare(
			'select position, question_id, question_version_id, option_order_json from attempt_questions where attempt_id = ? order by position'
		)
	),
	answers: /** @type {Stmt<AnswerRow>} */ (db.prepare('select question_id, option_ids_json from attempt_answers where attempt_id = ?')),
	upsert: db.prepare(
		'insert into attempt_answers (attempt_id, question_id, option_ids_json, saved_at) values (?, ?, ?, ?) on conflict (attempt_id, question_id) do update set option_ids_json = excluded.option_ids_json, saved_at = excluded.saved_at'
	),
	close: db.prepare(
		"update attempts set status = 'submitted', submitted_at = ?, duration_ms = ?, score = ?, correct_count = ?, prediction = ? where id = ? and status = 'open'"
	),
	featured: /** @type {Stmt<ContestRow>} */ (
		db.prepare("select id, title, rules from contests where status = 'published' order by id desc limit 1")
	),
	rounds: /** @type {Stmt<RoundRow>} */ (db.prepare('select * from rounds where contest_id = ? order by opens_at')),
	// The same statements as leaderboards/round-best.ts: top 50 off the index, head count, own rank.
	top: /** @type {Stmt<TopRow>} */ (
		db.prepare(`select b.user_id, u.full_name, u.anonymised_at, un.name as unit_name, b.score, b.total, b.duration_ms, b.prediction, b.submitted_at
		from round_best b join users u on u.id = b.user_id join units un on un.id = u.unit_id
		where b.round_id = ? order by b.score desc, b.duration_ms asc, b.submitted_at asc, b.attempt_id asc limit ?`)
	),
	people: /** @type {Stmt<{ n: number }>} */ (db.prepare('select count(*) as n from round_best where round_id = ?')),
	order: /** @type {Stmt<OrderRow>} */ (
		db.prepare(
			'select score, duration_ms, submitted_at, attempt_id from round_best where round_id = ? order by score desc, duration_ms asc, submitted_at asc, attempt_id asc'
		)
	),
	units: db.prepare(`select un.id, un.name, count(*) as participants, sum(b.attempts) as attempts, avg(b.score * 1.0 / b.total) as avg_best
		from round_best b join users u on u.id = b.user_id join units un on un.id = u.unit_id where b.round_id = ? group by un.id`),
	// The viewer's own row, with the name and unit shown on the board (as ours).
	mine: /** @type {Stmt<MineRow>} */ (
		db.prepare(
			`select b.attempt_id, b.score, b.total, b.duration_ms, b.submitted_at, u.full_name, un.name as unit_name from round_best b join users u on u.id = b.user_id join units un on un.id = u.unit_id where b.round_id = ? and b.user_id = ?`
		)
	),
	offer: db.prepare(`insert into round_best (round_id, user_id, attempt_id, score, total, duration_ms, submitted_at, prediction)
		select a.round_id, a.user_id, a.id, a.score, a.total, a.duration_ms, a.submitted_at, a.prediction from attempts a where a.id = ?
		on conflict (round_id, user_id) do update set attempts = round_best.attempts + 1,
		attempt_id = case when excluded.score > round_best.score then excluded.attempt_id else round_best.attempt_id end,
		score = max(excluded.score, round_best.score)`)
};

/** @param {http.IncomingMessage} req */
function auth(req) {
	const m = /hoithi_session=([^;]+)/.exec(req.headers.cookie ?? '');
	if (!m) return null;
	const [id, secret] = m[1].split('.');
	const row = q.session.get(id);
	if (!row) return null;
	const hash = createHash('sha256').update(secret).digest();
	if (!timingSafeEqual(hash, Buffer.from(row.secret_hash)) || Date.now() >= row.expires_at) return null;
	return row;
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
const send = (res, status, body, type = 'application/json') => {
	res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
	res.end(type === 'application/json' && body !== null ? JSON.stringify(body) : (/** @type {string | null} */ (body) ?? undefined));
};
/** @param {http.IncomingMessage} req @returns {Promise<string>} */
const readBody = (req) =>
	new Promise((resolve) => {
		let s = '';
		req.on('data', (c) => (s += c));
		req.on('end', () => resolve(s));
	});
/**
 * @template T
 * @param {T[]} a
 */
const shuffle = (a) => {
	a = a.slice();
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
};
/** @param {AttemptRow} attempt @param {number} now */
const view = (attempt, now) => {
	const items = q.aqs.all(attempt.id);
	const answers = new Map(q.answers.all(attempt.id).map((r) => [r.question_id, JSON.parse(r.option_ids_json)]));
	return {
		attemptId: attempt.id,
		deadline: new Date(attempt.deadline_at).toISOString(),
		serverNow: new Date(now).toISOString(),
		questions: items.map((it) => {
			const v = must(q.version.get(it.question_version_id));
			const byId = new Map(/** @type {OptionJson[]} */ (JSON.parse(v.options_json)).map((o) => [o.id, o]));
			/** @type {string[]} */
			const order = JSON.parse(it.option_order_json);
			return {
				id: it.question_id,
				kind: v.kind,
				stem: v.stem,
				options: order.map((id) => ({ id, text: must(byId.get(id)).text })),
				answer: answers.get(it.question_id) ?? []
			};
		})
	};
};

const start = db.transaction(
	/** @type {(user: SessionRow, roundId: number, now: number) => [number, unknown]} */ (
		(user, roundId, now) => {
			const round = q.round.get(roundId);
			const contest = round && q.contest.get(round.contest_id);
			if (!round || !contest) return [404, { message: 'Không tìm thấy đợt thi.' }];
			const open = q.openAttempt.get(roundId, user.user_id);
			if (open) return [200, view(open, now)];
			if (now < round.opens_at || now >= round.closes_at) return [409, { message: 'Đợt thi đã kết thúc.' }];
			const used = must(q.maxNo.get(roundId, user.user_id)).n ?? 0;
			if (used >= round.max_attempts) return [409, { message: 'Hết lượt.' }];
			const pool = q.pool.all();
			q.quotas.all(roundId);
			const picked = shuffle(pool).slice(0, round.question_count);
			const info = q.insertAttempt.run(
				roundId,
				user.user_id,
				used + 1,
				now,
				Math.min(now + round.time_limit_seconds * 1000, round.closes_at),
				picked.length
			);
			const attemptId = Number(info.lastInsertRowid);
			picked.forEach((p, i) => {
				const v = must(q.version.get(p.current_version_id));
				q.insertAq.run(
					attemptId,
					i + 1,
					p.id,
					v.id,
					JSON.stringify(shuffle(/** @type {OptionJson[]} */ (JSON.parse(v.options_json)).map((o) => o.id)))
				);
			});
			q.insertEvent.run(now, user.user_id, roundId, attemptId, null, null);
			return [201, view(must(q.attempt.get(attemptId)), now)];
		}
	)
);

const save = db.transaction(
	(/** @type {SessionRow} */ user, /** @type {number} */ attemptId, /** @type {Body} */ body, /** @type {number} */ now) => {
		const a = q.attempt.get(attemptId);
		if (!a || a.user_id !== user.user_id) return 404;
		if (a.status !== 'open' || now > a.deadline_at + 5000) return 409;
		const item = q.aqs.all(attemptId).find((x) => x.question_id === body.questionId);
		if (!item) return 400;
		const v = must(q.version.get(item.question_version_id));
		const known = new Set(JSON.parse(item.option_order_json));
		if (!Array.isArray(body.optionIds) || body.optionIds.some((o) => !known.has(o)) || (v.kind !== 'multiple' && body.optionIds.length > 1))
			return 400;
		q.upsert.run(attemptId, body.questionId, JSON.stringify(body.optionIds), now);
		return 204;
	}
);

/** @param {AttemptRow} a */
const result = (a) => ({
	score: a.score ?? 0,
	correct: a.correct_count ?? 0,
	total: a.total,
	durationMs: a.duration_ms ?? 0,
	submittedAt: new Date(a.submitted_at ?? a.deadline_at).toISOString(),
	attemptNo: a.attempt_no
});
const submit = db.transaction(
	/** @type {(user: SessionRow, attemptId: number, body: Body, now: number) => [number, unknown]} */ (
		(user, attemptId, body, now) => {
			const a = q.attempt.get(attemptId);
			if (!a || a.user_id !== user.user_id) return [404, { message: 'Không tìm thấy lượt thi.' }];
			if (a.status !== 'open') return [200, result(a)];
			const round = must(q.round.get(a.round_id));
			const answers = new Map(q.answers.all(attemptId).map((r) => [r.question_id, JSON.parse(r.option_ids_json)]));
			let correct = 0;
			for (const it of q.aqs.all(attemptId)) {
				const v = must(q.version.get(it.question_version_id));
				const right = /** @type {OptionJson[]} */ (JSON.parse(v.options_json)).filter((o) => o.correct).map((o) => o.id);
				/** @type {string[]} */
				const chosen = answers.get(it.question_id) ?? [];
				if (chosen.length && chosen.length === right.length && chosen.every((c) => right.includes(c))) correct++;
			}
			const at = Math.min(now, a.deadline_at + 5000);
			q.close.run(
				at,
				Math.max(0, Math.min(at, a.deadline_at) - a.started_at),
				correct,
				correct,
				round.prediction_kind ? (body.prediction ?? null) : null,
				attemptId
			);
			q.offer.run(attemptId);
			return [200, result(must(q.attempt.get(attemptId)))];
		}
	)
);

/** @param {string} title @param {string} body */
const html = (title, body) =>
	`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`;
/** @type {Record<string, string>} */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** @param {unknown} s */
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ENTITIES[c]);

http
	.createServer(async (req, res) => {
		const now = Date.now();
		const url = new URL(req.url ?? '/', 'http://x');
		let m;
		try {
			if (req.method === 'GET' && url.pathname === '/api/health') return send(res, 200, { ok: true });
			if (req.method === 'GET' && url.pathname === '/') {
				const c = must(q.featured.get());
				const rounds = q.rounds.all(c.id);
				return send(
					res,
					200,
					html(
						c.title,
						`<h1>${esc(c.title)}</h1><ul>${rounds.map((r) => `<li>${esc(r.title)}</li>`).join('')}</ul><div>${esc(c.rules)}</div>`
					),
					'text/html'
				);
			}
			if (req.method === 'GET' && url.pathname === '/api/leaderboard') {
				// The statements of the poll with the same caching as ours: the board (top 50, head
				// count, participants per unit from round_best) shared for 5 s, each person's rank for 5 s.
				const user = auth(req);
				const roundId = Number(url.searchParams.get('round'));
				const board = cached(`board:${roundId}`, () => ({
					people: must(q.people.get(roundId)).n,
					top: q.top.all(roundId, 50).map((r, i) => ({ rank: i + 1, name: r.full_name, unitName: r.unit_name, score: r.score })),
					units: q.units.all(roundId)
				}));
				/** @type {{ units: unknown[], people: number, top: unknown[], rank: number | null }} */
				const body = { ...board, rank: user ? ownRank(roundId, user.user_id) : null };
				if (url.searchParams.get('units') === '0') body.units = [];
				return send(res, 200, body);
			}
			if (req.method === 'GET' && (m = /^\/rounds\/(\d+)\/leaderboard$/.exec(url.pathname))) {
				const user = auth(req);
				const roundId = Number(m[1]);
				const board = cached(`page:${roundId}`, () => ({ people: must(q.people.get(roundId)).n, rows: q.top.all(roundId, 50) }));
				const rank = user ? ownRank(roundId, user.user_id) : null;
				return send(
					res,
					200,
					html(
						'Bảng xếp hạng',
						`<p>${board.people} người${rank ? `, hạng của bạn: ${rank}` : ''}</p><table>${board.rows.map((r, i) => `<tr><td>${i + 1}</td><td>${esc(r.full_name)}</td><td>${esc(r.unit_name)}</td><td>${r.score}</td></tr>`).join('')}</table>`
					),
					'text/html'
				);
			}
			if (req.method === 'GET' && (m = /^\/rounds\/(\d+)\/attempt$/.exec(url.pathname))) {
				const user = auth(req);
				if (!user) return send(res, 303, null);
				const round = must(q.round.get(Number(m[1])));
				const contest = must(q.contest.get(round.contest_id));
				return send(res, 200, html(round.title, `<h1>${esc(round.title)}</h1><details>${esc(contest.rules)}</details>`), 'text/html');
			}
			const user = auth(req);
			if (!user) return send(res, 401, { message: 'Bạn cần đăng nhập để tiếp tục.' });
			if (req.method === 'POST' && (m = /^\/api\/rounds\/(\d+)\/attempts$/.exec(url.pathname))) {
				const [status, body] = start(user, Number(m[1]), now);
				return send(res, status, body);
			}
			if (req.method === 'PUT' && (m = /^\/api\/attempts\/(\d+)\/answers$/.exec(url.pathname))) {
				const status = save(user, Number(m[1]), JSON.parse(await readBody(req)), now);
				return send(res, status, status === 204 ? null : { message: 'Lỗi' });
			}
			if (req.method === 'POST' && (m = /^\/api\/attempts\/(\d+)\/submit$/.exec(url.pathname))) {
				const [status, body] = submit(user, Number(m[1]), JSON.parse((await readBody(req)) || '{}'), now);
				return send(res, status, body);
			}
			send(res, 404, { message: 'Không tìm thấy.' });
		} catch (e) {
			console.error(e);
			send(res, 500, { message: 'Lỗi máy chủ.' });
		}
	})
	.listen(Number(process.env.PORT ?? 4601), () => console.log('reference server ready'));
