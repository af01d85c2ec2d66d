import { randomInt } from 'node:crypto';
import { newJudgeToken } from '../../src/lib/server/live/tokens';
import { testDb, type TestDb } from './db';

/**
 * A live game made straight in the test server's database (issue 14), for the live integration
 * tests: in `lobby` (room open) by default, with questions pinned from the seeded bank, optional
 * teams, judged parts and judges. live-setup's real pages make games the organiser's way; these
 * tests are about what happens once the room is open.
 */

export interface LiveFixtureQuestion {
	position: number;
	questionId: number;
	kind: 'single' | 'multiple' | 'true_false';
	/** In the game's option order. */
	optionIds: string[];
	correctIds: string[];
	wrongIds: string[];
}

export interface LiveFixture {
	gameId: number;
	code: string;
	questions: LiveFixtureQuestion[];
	teams: { id: number; name: string }[];
	parts: { id: number; title: string; scaleMax: number }[];
	/** Judge links' tokens (livePaths.judge(token)). */
	judges: { id: number; name: string; token: string }[];
}

export interface LiveFixtureOptions {
	title?: string;
	/** The organiser by default (0900000002). */
	ownerPhone?: string;
	/** The unit the game belongs to, by code (district leads host their own unit's games); default 001. */
	unitCode?: string | null;
	questions?: number;
	/** Kinds to draw, in turn (default: single choice only). */
	kinds?: ('single' | 'multiple' | 'true_false')[];
	secondsPerQuestion?: number;
	speedBonus?: boolean;
	status?: 'draft' | 'lobby';
	locked?: boolean;
	displayMode?: 'projector' | 'no_projector';
	teamMode?: 'none' | 'unit' | 'custom';
	teamScoring?: 'average' | 'sum';
	teams?: string[];
	parts?: { title: string; scaleMax?: number }[];
	judges?: number;
	quizWeight?: number;
	judgedWeight?: number;
	eliminationAfter?: number | null;
	eliminationKeep?: number | null;
	revivePosition?: number | null;
}

const shared = testDb();

/** A 6-digit code no game has. */
async function freshCode(db: TestDb): Promise<string> {
	for (;;) {
		const code = String(randomInt(100_000, 1_000_000));
		if (!(await db.get('select 1 as x from live_games where code = ?', code))) return code;
	}
}

/** `database`: another server's (its SQLite file or PostgreSQL URL: the kill test's, the benchmark's); by default the shared test server's. */
export async function makeLiveGame(o: LiveFixtureOptions = {}, database?: string): Promise<LiveFixture> {
	const db = database ? testDb(database) : shared;
	const now = Date.now();
	const owner = (await db.get<{ id: number }>('select id from users where phone = ?', '+84' + (o.ownerPhone ?? '0900000002').slice(1)))!;
	const unit = o.unitCode === null ? null : await db.get<{ id: number }>('select id from units where code = ?', o.unitCode ?? '001');
	const code = await freshCode(db);
	const game = (await db.get<{ id: number }>(
		`insert into live_games (code, title, owner_id, unit_id, status, phase, position, locked, version, display_mode,
			seconds_per_question, speed_bonus, team_mode, team_scoring, quiz_weight, judged_weight,
			elimination_after, elimination_keep, revive_position, created_at, updated_at)
		 values (?, ?, ?, ?, ?, 'lobby', -1, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
		code,
		o.title ?? 'Hội thi trực tiếp (kiểm thử)',
		owner.id,
		unit?.id ?? null,
		o.status ?? 'lobby',
		o.locked ? 1 : 0,
		o.displayMode ?? 'projector',
		o.secondsPerQuestion ?? 20,
		o.speedBonus === false ? 0 : 1,
		o.teamMode ?? 'none',
		o.teamScoring ?? 'average',
		o.quizWeight ?? 1000,
		o.judgedWeight ?? 1000,
		o.eliminationAfter ?? null,
		o.eliminationKeep ?? null,
		o.revivePosition ?? null,
		now,
		now
	))!;

	const kinds = o.kinds ?? ['single'];
	const want = o.questions ?? 5;
	const questions: LiveFixtureQuestion[] = [];
	const used = new Set<number>();
	for (let position = 0; position < want; position++) {
		const kind = kinds[position % kinds.length];
		const rows = await db.all<{ id: number; version_id: number; options_json: string }>(
			`select q.id, v.id as version_id, v.options_json from questions q join question_versions v on v.id = q.current_version_id
			 where q.status = 'published' and q.kind = ? order by q.id limit 200`,
			kind
		);
		const row = rows.find((r) => !used.has(r.id));
		if (!row) throw new Error(`the seeded bank has too few ${kind} questions`);
		used.add(row.id);
		const options = JSON.parse(row.options_json) as { id: string; correct: boolean }[];
		const order = options.map((x) => x.id);
		await db.run(
			'insert into live_game_questions (game_id, position, question_id, question_version_id, option_order_json) values (?, ?, ?, ?, ?)',
			game.id,
			position,
			row.id,
			row.version_id,
			JSON.stringify(order)
		);
		questions.push({
			position,
			questionId: row.id,
			kind,
			optionIds: order,
			correctIds: options.filter((x) => x.correct).map((x) => x.id),
			wrongIds: options.filter((x) => !x.correct).map((x) => x.id)
		});
	}

	const teams: LiveFixture['teams'] = [];
	for (const name of o.teams ?? []) {
		const t = (await db.get<{ id: number }>(
			'insert into live_teams (game_id, name, created_at) values (?, ?, ?) returning id',
			game.id,
			name,
			now
		))!;
		teams.push({ id: t.id, name });
	}
	const parts: LiveFixture['parts'] = [];
	for (const [i, p] of (o.parts ?? []).entries()) {
		const scaleMax = p.scaleMax ?? 10;
		const r = (await db.get<{ id: number }>(
			'insert into live_parts (game_id, title, scale_max, sort_order) values (?, ?, ?, ?) returning id',
			game.id,
			p.title,
			scaleMax,
			i
		))!;
		parts.push({ id: r.id, title: p.title, scaleMax });
	}
	const judges: LiveFixture['judges'] = [];
	for (let i = 0; i < (o.judges ?? 0); i++) {
		// The token as live-setup makes it (live/tokens.ts): only its hash is stored.
		const { token, hash } = newJudgeToken();
		const name = `Giám khảo ${i + 1}`;
		const r = (await db.get<{ id: number }>(
			'insert into live_judges (game_id, name, token_hash, created_at) values (?, ?, ?, ?) returning id',
			game.id,
			name,
			hash,
			now
		))!;
		judges.push({ id: r.id, name, token });
	}
	return { gameId: game.id, code, questions, teams, parts, judges };
}

/** The game row as the database has it now. */
export function liveGameRow(gameId: number) {
	return shared.get<Record<string, any>>('select * from live_games where id = ?', gameId);
}
