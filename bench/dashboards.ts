/**
 * Times the leaderboard and dashboard queries on a synthetic database of 200,000 participants and
 * 1,000,000 attempts (10 questions each, so 10,000,000 graded answers), and prints the query
 * plans. Not part of `npm test` (it takes a minute or two):
 *
 *   npm run bench:dashboards [-- --people 200000 --attempts 1000000 --db /tmp/hoithi-bench.db]
 */
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { rebuildAll } from '../src/lib/server/leaderboards/round-best';
import { sql } from 'kysely';
import { openDatabase, migrateToLatest } from '../src/lib/server/db';
import { importList } from '../src/lib/server/units/units';
import { hanoiDistricts2024 } from '../src/lib/server/units/lists';
import { seededRng } from '../src/lib/server/questions/draw';
import { rankRound, roundLeaderboard } from '../src/lib/server/leaderboards/rounds';
import { rankContest } from '../src/lib/server/leaderboards/contest';
import { gapMap, itemAnalysis, periodReport, unitDashboard } from '../src/lib/server/stats/dashboards';
import { boardView, getBoard } from '../src/lib/server/leaderboards/boards';
import { unitRanking } from '../src/lib/server/leaderboards/units';
import { listUnitParticipants } from '../src/lib/server/stats/queries';

const arg = (name: string, def: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : def;
};
const PEOPLE = Number(arg('people', '200000'));
const ATTEMPTS = Number(arg('attempts', '1000000'));
const FILE = arg('db', '/tmp/hoithi-bench-dashboards.db');
const DAY = 86_400_000;

async function main() {
	for (const s of ['', '-wal', '-shm']) fs.rmSync(FILE + s, { force: true });
	const db = openDatabase(FILE);
	await migrateToLatest(db);
	await importList(
		db,
		hanoiDistricts2024.map((u, i) => ({ ...u, targetCount: 5000 + i * 300 })),
		{ deactivateOthers: false }
	);
	const now = Date.now();
	const t0 = performance.now();
	const raw = new (await import('better-sqlite3')).default(FILE);
	raw.pragma('journal_mode = WAL');
	raw.pragma('synchronous = OFF');
	const units = raw.prepare('select id from units where parent_id is not null').all() as { id: number }[];
	const rng = seededRng(7);
	raw.exec('begin');
	raw.prepare("insert into contests (title, rules, status, created_at, updated_at) values ('Bench', '', 'published', ?, ?)").run(now, now);
	const contestId = (raw.prepare('select max(id) as id from contests').get() as { id: number }).id;
	const rounds: number[] = [];
	for (let r = 0; r < 3; r++) {
		const info = raw
			.prepare(
				`insert into rounds (contest_id, title, opens_at, closes_at, question_count, time_limit_seconds, max_attempts, reveal_policy, prediction_kind, prediction_question, created_at, updated_at)
				 values (?, ?, ?, ?, 10, 900, 7, 'after_submit', 'participants', 'Dự đoán?', ?, ?)`
			)
			.run(contestId, `Tuần ${r + 1}`, now - (21 - 7 * r) * DAY, r === 2 ? now + 7 * DAY : now - (14 - 7 * r) * DAY, now, now);
		rounds.push(Number(info.lastInsertRowid));
	}
	const topics: number[] = [];
	for (let t = 0; t < 6; t++)
		topics.push(Number(raw.prepare('insert into topics (code, name) values (?, ?)').run(`b${t}`, `Chủ đề ${t + 1}`).lastInsertRowid));
	const questions: number[] = [];
	const opts = JSON.stringify([
		{ id: 'a', text: 'A', correct: true },
		{ id: 'b', text: 'B', correct: false },
		{ id: 'c', text: 'C', correct: false },
		{ id: 'd', text: 'D', correct: false }
	]);
	for (let q = 0; q < 300; q++) {
		const qid = Number(
			raw
				.prepare(
					"insert into questions (topic_id, difficulty, kind, status, stem_folded, created_at, updated_at) values (?, ?, 'single', 'published', ?, ?, ?)"
				)
				.run(topics[q % 6], 1 + (q % 3), `cau ${q}`, now, now).lastInsertRowid
		);
		const vid = Number(
			raw
				.prepare(
					"insert into question_versions (question_id, version_no, kind, stem, options_json, created_at) values (?, 1, 'single', ?, ?, ?)"
				)
				.run(qid, `Câu ${q}`, opts, now).lastInsertRowid
		);
		raw.prepare('update questions set current_version_id = ? where id = ?').run(vid, qid);
		questions.push(qid);
	}
	const insUser = raw.prepare(
		`insert into users (full_name, name_folded, birth_date, gender, phone, unit_id, role, password_hash, consent_at, consent_version, created_at)
		 values (?, ?, ?, ?, ?, ?, 'participant', 'x', ?, 'v', ?)`
	);
	const userIds: number[] = [];
	for (let i = 0; i < PEOPLE; i++) {
		const unit = units[Math.floor(rng() * rng() * units.length)].id;
		const y = 1950 + Math.floor(rng() * 60);
		userIds.push(
			Number(
				insUser.run(
					`Người Thử ${i}`,
					`nguoi thu ${i}`,
					`${y}-0${1 + Math.floor(rng() * 9)}-15`,
					rng() < 0.8 ? 'female' : 'male',
					`+849${String(i).padStart(8, '0')}`,
					unit,
					now - 30 * DAY,
					now - 30 * DAY
				).lastInsertRowid
			)
		);
	}
	const insAttempt = raw.prepare(
		`insert into attempts (round_id, user_id, attempt_no, status, started_at, deadline_at, submitted_at, duration_ms, score, correct_count, total, prediction)
		 values (?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, 10, ?)`
	);
	const insAq = raw.prepare(
		'insert into attempt_questions (attempt_id, position, question_id, question_version_id, option_order_json, correct) values (?, ?, ?, ?, ?, ?)'
	);
	const insAns = raw.prepare('insert into attempt_answers (attempt_id, question_id, option_ids_json, saved_at) values (?, ?, ?, ?)');
	const nextNo = new Map<string, number>();
	for (let i = 0; i < ATTEMPTS; i++) {
		const user = userIds[Math.floor(rng() * userIds.length)];
		const round = rounds[Math.floor(rng() * 3)];
		const key = `${user}:${round}`;
		const no = (nextNo.get(key) ?? 0) + 1;
		nextNo.set(key, no);
		const skill = 0.5 + ((user * 7919) % 50) / 100;
		const submitted = now - (20 - 7 * rounds.indexOf(round)) * DAY + Math.floor(rng() * 6 * DAY);
		const duration = 60_000 + Math.floor(rng() * 600_000);
		const picks: [number, number][] = [];
		let score = 0;
		const start = Math.floor(rng() * 290);
		for (let p = 0; p < 10; p++) {
			const c = rng() < skill ? 1 : 0;
			score += c;
			picks.push([questions[start + p], c]);
		}
		const id = Number(
			insAttempt.run(
				round,
				user,
				no,
				submitted - duration,
				submitted - duration + 900_000,
				submitted,
				duration,
				score,
				score,
				Math.floor(rng() * 300000)
			).lastInsertRowid
		);
		for (let p = 0; p < 10; p++) {
			insAq.run(id, p + 1, picks[p][0], picks[p][0], '["a","b","c","d"]', picks[p][1]);
			if (i % 10 === 0) insAns.run(id, picks[p][0], picks[p][1] ? '["a"]' : '["b"]', submitted);
		}
		if (i % 100_000 === 99_999) {
			raw.exec('commit');
			raw.exec('begin');
			process.stdout.write(`  ${i + 1} attempts…\n`);
		}
	}
	raw.exec('commit');
	raw.exec('analyze');
	raw.close();
	// Attempts were written behind the service's back: rebuild each person's best per round.
	await rebuildAll(db);
	console.log(
		`generated ${PEOPLE} people, ${ATTEMPTS} attempts (${ATTEMPTS * 10} graded answers) in ${((performance.now() - t0) / 1000).toFixed(0)} s`
	);

	const openRound = rounds[2];
	const someUnit = units[0].id;
	const viewer = userIds[12345 % userIds.length];
	// Wall time, and the longest the main thread's event loop was blocked meanwhile: heavy reads
	// run on the worker connection (db/offload.ts), so participants are not kept waiting.
	const time = async (label: string, fn: () => Promise<unknown>, runs = 3) => {
		const ms: number[] = [];
		let blocked = 0;
		for (let i = 0; i < runs; i++) {
			const h = monitorEventLoopDelay({ resolution: 5 });
			h.enable();
			// The monitor needs one tick armed before a blocking call can be seen.
			await new Promise((r) => setTimeout(r, 10));
			const s = performance.now();
			await fn();
			ms.push(performance.now() - s);
			// Let a tick delayed by a blocking call be recorded before reading the histogram.
			await new Promise((r) => setTimeout(r, 20));
			h.disable();
			blocked = Math.max(blocked, h.max / 1e6);
		}
		ms.sort((a, b) => a - b);
		console.log(
			`${label.padEnd(58)} ${ms[Math.floor(ms.length / 2)].toFixed(0).padStart(6)} ms (median of ${runs}), main thread blocked ≤ ${blocked.toFixed(0)} ms`
		);
	};
	console.log('\nquery timings (2-core machine, one process, warm page cache):');
	await time('round leaderboard, top 50 + own rank (uncached SQL)', () => roundLeaderboard(db, openRound, { limit: 50, viewerId: viewer }));
	await time('round: full ranking for the cache (rankRound)', () => rankRound(db, openRound));
	await time('contest: full ranking for the cache (rankContest)', () => rankContest(db, contestId));
	await time('unit ranking, one round', () => unitRanking(db, { roundId: openRound }));
	await time('unit ranking, whole contest', () => unitRanking(db, { contestId }));
	const board = await getBoard(db, { roundId: openRound }, null);
	await time(
		'cached board + own row (what each poll costs)',
		() => getBoard(db, { roundId: openRound }, null).then((b) => boardView(db, b, viewer, false)),
		20
	);
	void board;
	await time('district dashboard (one unit, whole contest; city ranking cached after run 1)', () =>
		unitDashboard(db, { contestId }, someUnit)
	);
	await time('district participant list, page 1 (20 rows)', () =>
		listUnitParticipants(db, { unitId: someUnit, scope: { contestId } }, 1, 20)
	);
	await time('district participant list, search "nguoi thu 12"', () =>
		listUnitParticipants(db, { unitId: someUnit, scope: { contestId }, search: { name: 'nguoi thu 12' } }, 1, 20)
	);
	await time('knowledge-gap map (whole contest, 10 M answers)', () => gapMap(db, { contestId }), 1);
	await time('item analysis (whole contest)', () => itemAnalysis(db, { contestId }), 1);
	await time('period report (last 30 days)', () => periodReport(db, now - 30 * DAY, now + DAY, now), 1);

	console.log('\nquery plans:');
	for (const [label, q] of [
		[
			'unit counts of a round',
			sql`explain query plan select u.unit_id, count(*) from attempts a join users u on u.id = a.user_id where a.round_id = ${openRound} and a.status in ('submitted','expired') group by a.user_id, a.round_id`
		],
		[
			'daily counts of a unit',
			sql`explain query plan select count(*) from attempts a join users u on u.id = a.user_id where a.round_id = ${openRound} and u.unit_id = ${someUnit}`
		],
		[
			'period report',
			sql`explain query plan select count(*) from attempts a where a.submitted_at >= ${now - 30 * DAY} and a.submitted_at < ${now}`
		]
	] as const) {
		const r = await q.execute(db);
		console.log(`- ${label}: ${(r.rows as { detail: string }[]).map((x) => x.detail).join(' | ')}`);
	}
	await db.destroy();
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
