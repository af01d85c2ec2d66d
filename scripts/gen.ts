/**
 * npm run gen -- [--participants 200000] [--attempts 1000000] [--out bench/data/gen.db]
 *                [--bench-users 120000] [--answers 1] [--database-url postgres://…/hoithi_gen]
 *
 * Writes a realistic large database through the real schema: the demo contest and question bank
 * (the demo seed), then participants with skewed participation per district and finished attempts
 * with their drawn questions, answers, scores and timings in the closed and the open round.
 * For the benchmarks it also prepares `--bench-users` accounts with sessions, on top of the
 * participants: a sixth have nothing in the open round (they start attempts), the rest have an
 * open attempt each (they autosave and hand in; each hand-in in the benchmarks uses a fresh one, so
 * no run measures repeated, already-scored submits); and sessions for up to 20,000 participants
 * with a result in the open round (they watch the leaderboard: their own rank is looked up). Their
 * tokens and attempts go to <out>.bench.json.
 *
 * Bulk rows are written with prepared statements in large transactions on a raw better-sqlite3
 * handle (journal off while generating); the file is switched back to WAL at the end.
 *
 * With --database-url the same data set is also written to that PostgreSQL database (dropped and
 * created afresh): generated as above, then copied table by table (scripts/sqlite-to-pg.ts), ids,
 * tokens and <out>.bench.json included, so the benchmarks run the same data on both engines.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import SQLite from 'better-sqlite3';
import { openDatabase, migrateToLatest } from '../src/lib/server/db';
import { seedDemo } from '../src/lib/server/seed/demo';
import { hashPassword } from '../src/lib/server/auth/password';
import { foldVietnamese } from '../src/lib/vn/text';
import { seededRng } from '../src/lib/server/questions/draw';
import { rebuildAll } from '../src/lib/server/leaderboards/round-best';
import { sql } from 'kysely';
import { redactUrl } from '../src/lib/server/db/dialect';
import { copySqliteToPostgres } from './sqlite-to-pg';
import { createDatabase, dropDatabase } from './pg-tools';

const { values } = parseArgs({
	options: {
		participants: { type: 'string', default: '200000' },
		attempts: { type: 'string', default: '1000000' },
		out: { type: 'string', default: 'bench/data/gen.db' },
		'bench-users': { type: 'string', default: '120000' },
		answers: { type: 'string', default: '1' },
		'database-url': { type: 'string' }
	}
});
const databaseUrl = values['database-url'];
if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
	console.error('--database-url must be a postgres:// URL');
	process.exit(2);
}
const P = Number(values.participants);
const A = Number(values.attempts);
const BENCH = Number(values['bench-users']);
const ANSWER_SHARE = Number(values.answers);
const out = values.out!;
const BENCH_PASSWORD = 'bench-password-2026';

const t0 = Date.now();
const now = Date.now();
for (const s of ['', '-wal', '-shm', '.bench.json']) fs.rmSync(out + s, { force: true });

// 1. Schema and the demo (units, bank, contest, rounds, role accounts) through the app's own code.
const kdb = openDatabase(out);
await migrateToLatest(kdb);
await seedDemo(kdb, now, 0);
await kdb.destroy();

// 2. Bulk rows on a raw handle.
const db = new SQLite(out);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.pragma('foreign_keys = OFF');
db.pragma('cache_size = -262144');

const rng = seededRng(42);
const pick = <T>(a: readonly T[]) => a[Math.floor(rng() * a.length)];
const units = db.prepare('select id, target_count from units where parent_id is not null order by code').all() as {
	id: number;
	target_count: number;
}[];
const rounds = db.prepare('select id, opens_at, closes_at, question_count, time_limit_seconds from rounds order by opens_at').all() as {
	id: number;
	opens_at: number;
	closes_at: number;
}[];
// Weekly rounds: the seed's three become weeks 3–5 and two earlier closed weeks are added, so
// a person can take up to 3 attempts in each of 4 rounds (3 closed, 1 open now).
const WEEK = 7 * 86_400_000;
const contestId = (db.prepare('select contest_id from rounds where id = ?').get(rounds[0].id) as { contest_id: number }).contest_id;
const renameRound = db.prepare('update rounds set title = ? where id = ?');
rounds.forEach((r, i) => renameRound.run(`Tuần ${i + 3}`, r.id));
const addRound =
	db.prepare(`insert into rounds (contest_id, title, opens_at, closes_at, question_count, time_limit_seconds, max_attempts, reveal_policy, prediction_kind, prediction_question, created_at, updated_at)
	values (?, ?, ?, ?, 10, 900, 3, 'after_submit', 'participants', 'Có bao nhiêu người tham gia tuần này?', ?, ?)`);
const earlier = [2, 1].map((weeksBack) => {
	const opensAt = rounds[0].opens_at - weeksBack * WEEK;
	const id = Number(addRound.run(contestId, `Tuần ${3 - weeksBack}`, opensAt, opensAt + WEEK - 86_400_000, now, now).lastInsertRowid);
	return { id, opens_at: opensAt, closes_at: opensAt + WEEK - 86_400_000 };
});
const [closedRound, openRound] = rounds;
const attemptRounds = [...earlier, closedRound, openRound];
const pool = (
	db
		.prepare(
			"select q.id, q.current_version_id as v, qv.options_json from questions q join question_versions qv on qv.id = q.current_version_id where q.status = 'published'"
		)
		.all() as {
		id: number;
		v: number;
		options_json: string;
	}[]
).map((q) => {
	const options = JSON.parse(q.options_json) as { id: string; correct: boolean }[];
	return {
		id: q.id,
		v: q.v,
		order: JSON.stringify(options.map((o) => o.id)),
		right: JSON.stringify(options.filter((o) => o.correct).map((o) => o.id)),
		wrong: JSON.stringify([options.find((o) => !o.correct)!.id])
	};
});
const passwordHash = await hashPassword(BENCH_PASSWORD);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Thị', 'Thu', 'Minh', 'Ngọc', 'Thanh', 'Hồng', 'Văn', 'Đức', 'Quang', 'Hữu', 'Kim', 'Bích'];
const GIVEN = [
	'Hằng',
	'Lan',
	'Hương',
	'Mai',
	'Thảo',
	'Linh',
	'Trang',
	'Hà',
	'Yến',
	'Phương',
	'Nhung',
	'Dung',
	'Nam',
	'Hùng',
	'Dũng',
	'Tuấn',
	'Long',
	'Sơn',
	'Khánh',
	'Phúc',
	'Anh',
	'Ngân',
	'Hoa',
	'Quyên'
];

const insertUser =
	db.prepare(`insert into users (full_name, name_folded, birth_date, gender, phone, unit_id, role, password_hash, consent_at, consent_version, created_at)
	values (?, ?, ?, ?, ?, ?, 'participant', ?, ?, '2026-12-01', ?)`);
const insertAttempt =
	db.prepare(`insert into attempts (round_id, user_id, attempt_no, status, started_at, deadline_at, submitted_at, duration_ms, score, correct_count, total, prediction)
	values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 10, ?)`);
const insertAq = db.prepare(
	'insert into attempt_questions (attempt_id, position, question_id, question_version_id, option_order_json) values (?, ?, ?, ?, ?)'
);
const insertAnswer = db.prepare('insert into attempt_answers (attempt_id, question_id, option_ids_json, saved_at) values (?, ?, ?, ?)');
const insertSession = db.prepare('insert into sessions (id, secret_hash, user_id, created_at, expires_at) values (?, ?, ?, ?, ?)');

// Participation is skewed: a few districts bring most people (Zipf-like over the unit list).
const weights = units.map((_, i) => 1 / Math.pow(i + 1, 0.9));
const wsum = weights.reduce((a, b) => a + b, 0);
const cumulative = weights.map(
	(
		(s) => (w: number) =>
			(s += w / wsum)
	)(0)
);
const unitFor = () => {
	const r = rng();
	return units[
		Math.min(
			units.length - 1,
			cumulative.findIndex((c) => c >= r)
		)
	].id;
};

const firstUserId = (db.prepare('select coalesce(max(id), 0) + 1 as n from users').get() as { n: number }).n;
db.transaction(() => {
	for (let i = 0; i < P + BENCH; i++) {
		const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
		const y = 1950 + Math.floor(rng() * 60);
		insertUser.run(
			name,
			foldVietnamese(name),
			`${y}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`,
			rng() < 0.78 ? 'female' : rng() < 0.9 ? 'male' : 'other',
			'+849' + String(10_000_000 + i).slice(-8),
			unitFor(),
			passwordHash,
			now - 20 * 86_400_000,
			now - 20 * 86_400_000
		);
	}
})();
const tUsers = Date.now();

// Attempts: the P participants share A attempts, 1–3 per round they take part in, best one counts.
// The bench users come after them and have no finished attempts.
const regular = P;
let attemptsLeft = A;
let answers = 0;
const perUser = A / Math.max(1, regular);
const writeAttempt = (
	roundId: number,
	opensAt: number,
	closesAt: number,
	userId: number,
	no: number,
	skill: number,
	status: 'submitted' | 'open'
) => {
	const startedAt =
		status === 'open' ? now - 60_000 : opensAt + Math.floor(rng() * Math.max(1, Math.min(closesAt, now) - opensAt - 900_000));
	const deadline = status === 'open' ? now + 7 * 86_400_000 : startedAt + 900_000;
	let correct = 0;
	const qs: (typeof pool)[number][] = [];
	while (qs.length < 10) {
		const q = pick(pool);
		if (!qs.includes(q)) qs.push(q);
	}
	const rights = qs.map(() => rng() < skill);
	for (const r of rights) if (r) correct++;
	const duration = 60_000 + Math.floor(rng() * 600_000);
	const info = insertAttempt.run(
		roundId,
		userId,
		no,
		status,
		startedAt,
		deadline,
		status === 'open' ? null : startedAt + duration,
		status === 'open' ? null : duration,
		status === 'open' ? null : correct,
		status === 'open' ? null : correct,
		status === 'open' ? null : Math.floor(rng() * 300_000)
	);
	const attemptId = Number(info.lastInsertRowid);
	const withAnswers = status === 'submitted' && rng() < ANSWER_SHARE;
	qs.forEach((q, i) => {
		insertAq.run(attemptId, i + 1, q.id, q.v, q.order);
		if (withAnswers) {
			insertAnswer.run(attemptId, q.id, rights[i] ? q.right : q.wrong, startedAt + (i + 1) * 20_000);
			answers++;
		}
	});
	return { attemptId, qs };
};

db.transaction(() => {
	// Attempts already taken per (user, round): attempt numbers stay 1, 2, 3 and never exceed the cap.
	const taken = new Uint8Array(regular * attemptRounds.length);
	const skills = new Float32Array(regular).map(() => 0.45 + rng() * 0.55);
	const take = (i: number, r: number) => {
		const round = attemptRounds[r];
		writeAttempt(round.id, round.opens_at, round.closes_at, firstUserId + i, ++taken[i * attemptRounds.length + r], skills[i], 'submitted');
		attemptsLeft--;
	};
	// First pass: each person joins some rounds with 1–3 attempts (mean ≈ the target per person).
	const perRound = perUser / attemptRounds.length;
	for (let i = 0; i < regular && attemptsLeft > 0; i++)
		for (let r = 0; r < attemptRounds.length && attemptsLeft > 0; r++) {
			const n = Math.min(3, Math.floor(rng() * (2 * perRound + 1)));
			for (let k = 0; k < n && attemptsLeft > 0; k++) take(i, r);
		}
	// Top up to exactly A where people still have attempts left.
	for (let r = 0; r < attemptRounds.length && attemptsLeft > 0; r++)
		for (let i = 0; i < regular && attemptsLeft > 0; i++) if (taken[i * attemptRounds.length + r] < 3) take(i, r);
})();
const tAttempts = Date.now();

// Bench accounts: sessions for everyone, an open attempt for five in six.
const bench: {
	starters: string[];
	takers: { token: string; attemptId: number; questions: { id: number; options: string[] }[] }[];
	openRoundId: number;
	closedRoundId: number;
} = {
	starters: [],
	takers: [],
	openRoundId: openRound.id,
	closedRoundId: closedRound.id
};
const random = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
db.transaction(() => {
	for (let i = 0; i < BENCH; i++) {
		const userId = firstUserId + regular + i;
		const id = random();
		const secret = random();
		insertSession.run(id, Buffer.from(sha256(new TextEncoder().encode(secret))), userId, now, now + 30 * 86_400_000);
		const token = `${id}.${secret}`;
		if (i % 6 === 0) bench.starters.push(token);
		else {
			const { attemptId, qs } = writeAttempt(openRound.id, openRound.opens_at, openRound.closes_at, userId, 1, 0.8, 'open');
			bench.takers.push({ token, attemptId, questions: qs.map((q) => ({ id: q.id, options: JSON.parse(q.order) })) });
		}
	}
})();

db.pragma('journal_mode = WAL');
db.close();
// Attempts were written behind the service's back: rebuild each person's best per round.
const kdb2 = openDatabase(out);
await rebuildAll(kdb2);
await sql`analyze`.execute(kdb2);
await kdb2.destroy();

// Watchers: sessions for participants who have a result in the open round, spread over the whole
// ranking (their own rank is what a leaderboard poll looks up), for the leaderboard benchmarks.
const wdb = new SQLite(out);
const watcherIds = wdb
	.prepare('select user_id from round_best where round_id = ? order by random() limit ?')
	.pluck()
	.all(openRound.id, Math.min(20_000, BENCH)) as number[];
const insertWatcher = wdb.prepare('insert into sessions (id, secret_hash, user_id, created_at, expires_at) values (?, ?, ?, ?, ?)');
const watchers: string[] = [];
wdb.transaction(() => {
	for (const userId of watcherIds) {
		const id = random();
		const secret = random();
		insertWatcher.run(id, Buffer.from(sha256(new TextEncoder().encode(secret))), userId, now, now + 30 * 86_400_000);
		watchers.push(`${id}.${secret}`);
	}
})();
wdb.close();
fs.writeFileSync(out + '.bench.json', JSON.stringify({ ...bench, watchers }));
const size = fs.statSync(out).size;
if (databaseUrl) {
	const tCopy = Date.now();
	await dropDatabase(databaseUrl);
	await createDatabase(databaseUrl);
	const copied = await copySqliteToPostgres(out, databaseUrl);
	console.log(
		`Copied into ${redactUrl(databaseUrl)}: ${copied.tables.reduce((a, t) => a + t.rows, 0)} rows in ${((Date.now() - tCopy) / 1000).toFixed(1)} s`
	);
}
console.log(
	`Generated ${out}: ${P} participants, ${A - attemptsLeft} finished attempts (${answers} answers), ${BENCH} bench accounts ` +
		`in ${((Date.now() - t0) / 1000).toFixed(1)} s (users ${((tUsers - t0) / 1000).toFixed(1)} s, attempts ${((tAttempts - tUsers) / 1000).toFixed(1)} s); ` +
		`${(size / 1e6).toFixed(0)} MB`
);
