import type { Executor } from '../db';
import type { LiveDisplayMode, LiveStatus, LiveTeamMode, LiveTeamScoring } from '../db/types';

/**
 * The SQL of preparing a live game (setup.ts holds the rules): the game row, its pinned questions,
 * teams, judged parts and judges. Rows are mapped to camelCase here.
 */

export interface GameRow {
	id: number;
	code: string;
	title: string;
	ownerId: number;
	unitId: number | null;
	status: LiveStatus;
	displayMode: LiveDisplayMode;
	secondsPerQuestion: number;
	speedBonus: boolean;
	teamMode: LiveTeamMode;
	teamScoring: LiveTeamScoring;
	quizWeight: number;
	judgedWeight: number;
	eliminationAfter: number | null;
	eliminationKeep: number | null;
	revivePosition: number | null;
	createdAt: number;
	updatedAt: number;
	startedAt: number | null;
	finishedAt: number | null;
}

const GAME_COLUMNS = [
	'live_games.id',
	'live_games.code',
	'live_games.title',
	'live_games.owner_id',
	'live_games.unit_id',
	'live_games.status',
	'live_games.display_mode',
	'live_games.seconds_per_question',
	'live_games.speed_bonus',
	'live_games.team_mode',
	'live_games.team_scoring',
	'live_games.quiz_weight',
	'live_games.judged_weight',
	'live_games.elimination_after',
	'live_games.elimination_keep',
	'live_games.revive_position',
	'live_games.created_at',
	'live_games.updated_at',
	'live_games.started_at',
	'live_games.finished_at'
] as const;

type RawGame = {
	id: number;
	code: string;
	title: string;
	owner_id: number;
	unit_id: number | null;
	status: LiveStatus;
	display_mode: LiveDisplayMode;
	seconds_per_question: number;
	speed_bonus: number;
	team_mode: LiveTeamMode;
	team_scoring: LiveTeamScoring;
	quiz_weight: number;
	judged_weight: number;
	elimination_after: number | null;
	elimination_keep: number | null;
	revive_position: number | null;
	created_at: number;
	updated_at: number;
	started_at: number | null;
	finished_at: number | null;
};

function toGame(r: RawGame): GameRow {
	return {
		id: r.id,
		code: r.code,
		title: r.title,
		ownerId: r.owner_id,
		unitId: r.unit_id,
		status: r.status,
		displayMode: r.display_mode,
		secondsPerQuestion: r.seconds_per_question,
		speedBonus: Number(r.speed_bonus) === 1,
		teamMode: r.team_mode,
		teamScoring: r.team_scoring,
		quizWeight: r.quiz_weight,
		judgedWeight: r.judged_weight,
		eliminationAfter: r.elimination_after,
		eliminationKeep: r.elimination_keep,
		revivePosition: r.revive_position,
		createdAt: Number(r.created_at),
		updatedAt: Number(r.updated_at),
		startedAt: r.started_at == null ? null : Number(r.started_at),
		finishedAt: r.finished_at == null ? null : Number(r.finished_at)
	};
}

export async function findGame(db: Executor, id: number): Promise<GameRow | undefined> {
	const r = await db.selectFrom('live_games').select(GAME_COLUMNS).where('id', '=', id).executeTakeFirst();
	return r && toGame(r as RawGame);
}

export interface GameListItem extends GameRow {
	unitName: string | null;
	ownerName: string;
	questions: number;
	players: number;
}

/** Games newest first; `unitId` set: only that unit's games (a district lead's list). */
export async function listGames(
	db: Executor,
	f: { unitId: number | null },
	page: { offset: number; limit: number }
): Promise<{ items: GameListItem[]; total: number }> {
	let base = db.selectFrom('live_games');
	if (f.unitId != null) base = base.where('live_games.unit_id', '=', f.unitId);
	const [rows, count] = await Promise.all([
		base
			.leftJoin('units', 'units.id', 'live_games.unit_id')
			.innerJoin('users', 'users.id', 'live_games.owner_id')
			.select(GAME_COLUMNS)
			.select(['units.name as unit_name', 'users.full_name as owner_name'])
			.select((eb) => [
				eb
					.selectFrom('live_game_questions as q')
					.whereRef('q.game_id', '=', 'live_games.id')
					.select(eb.fn.countAll<number>().as('n'))
					.as('questions'),
				eb
					.selectFrom('live_players as p')
					.whereRef('p.game_id', '=', 'live_games.id')
					.select(eb.fn.countAll<number>().as('n'))
					.as('players')
			])
			.orderBy('live_games.created_at', 'desc')
			.orderBy('live_games.id', 'desc')
			.offset(page.offset)
			.limit(page.limit)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return {
		total: Number(count.n),
		items: rows.map((r) => ({
			...toGame(r as RawGame),
			unitName: r.unit_name,
			ownerName: r.owner_name,
			questions: Number(r.questions ?? 0),
			players: Number(r.players ?? 0)
		}))
	};
}

export interface NewGameRow {
	code: string;
	title: string;
	ownerId: number;
	unitId: number | null;
	now: number;
}

export async function insertGame(db: Executor, g: NewGameRow): Promise<number> {
	const r = await db
		.insertInto('live_games')
		.values({ code: g.code, title: g.title, owner_id: g.ownerId, unit_id: g.unitId, created_at: g.now, updated_at: g.now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

export interface SettingsRow {
	title: string;
	unitId: number | null;
	secondsPerQuestion: number;
	displayMode: LiveDisplayMode;
	speedBonus: boolean;
	teamMode: LiveTeamMode;
	teamScoring: LiveTeamScoring;
	quizWeight: number;
	judgedWeight: number;
	eliminationAfter: number | null;
	eliminationKeep: number | null;
	revivePosition: number | null;
}

/** Only a draft's settings change (0 rows: the game has left the draft meanwhile). */
export async function updateSettings(db: Executor, id: number, s: SettingsRow, now: number): Promise<number> {
	const r = await db
		.updateTable('live_games')
		.set({
			title: s.title,
			unit_id: s.unitId,
			seconds_per_question: s.secondsPerQuestion,
			display_mode: s.displayMode,
			speed_bonus: s.speedBonus ? 1 : 0,
			team_mode: s.teamMode,
			team_scoring: s.teamScoring,
			quiz_weight: s.quizWeight,
			judged_weight: s.judgedWeight,
			elimination_after: s.eliminationAfter,
			elimination_keep: s.eliminationKeep,
			revive_position: s.revivePosition,
			updated_at: now
		})
		.where('id', '=', id)
		.where('status', '=', 'draft')
		.executeTakeFirst();
	return Number(r.numUpdatedRows);
}

export async function touchGame(db: Executor, id: number, now: number): Promise<void> {
	await db.updateTable('live_games').set({ updated_at: now }).where('id', '=', id).execute();
}

/** draft → lobby (phase lobby, before the first question): 0 rows when it was not a draft. */
export async function openRoom(db: Executor, id: number, now: number): Promise<number> {
	const r = await db
		.updateTable('live_games')
		.set((eb) => ({ status: 'lobby', phase: 'lobby', position: -1, locked: 0, updated_at: now, version: eb('version', '+', 1) }))
		.where('id', '=', id)
		.where('status', '=', 'draft')
		.executeTakeFirst();
	return Number(r.numUpdatedRows);
}

/** Deletes a draft with everything it holds (0 rows: not a draft). */
export async function deleteDraft(db: Executor, id: number): Promise<number> {
	// The children are removed explicitly: SQLite enforces ON DELETE CASCADE only with foreign keys on.
	for (const t of ['live_judges', 'live_parts', 'live_teams', 'live_game_questions'] as const)
		await db.deleteFrom(t).where('game_id', '=', id).execute();
	const r = await db.deleteFrom('live_games').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
	return Number(r.numDeletedRows);
}

/* ——— Questions ——— */

export interface PinnedQuestion {
	position: number;
	questionId: number;
	versionId: number;
	optionOrder: string[];
}

export interface GameQuestion extends PinnedQuestion {
	stem: string;
	kind: string;
	topicName: string;
	difficulty: number;
	/** The question's current state in the bank (it may have been retired or edited since it was picked). */
	status: string;
	currentVersionId: number | null;
}

export async function listQuestions(db: Executor, gameId: number): Promise<GameQuestion[]> {
	const rows = await db
		.selectFrom('live_game_questions as g')
		.innerJoin('question_versions as v', 'v.id', 'g.question_version_id')
		.innerJoin('questions as q', 'q.id', 'g.question_id')
		.innerJoin('topics as t', 't.id', 'q.topic_id')
		.select([
			'g.position',
			'g.question_id',
			'g.question_version_id',
			'g.option_order_json',
			'v.stem',
			'v.kind',
			't.name as topic_name',
			'q.difficulty',
			'q.status',
			'q.current_version_id'
		])
		.where('g.game_id', '=', gameId)
		.orderBy('g.position')
		.execute();
	return rows.map((r) => ({
		position: r.position,
		questionId: r.question_id,
		versionId: r.question_version_id,
		optionOrder: JSON.parse(r.option_order_json) as string[],
		stem: r.stem,
		kind: r.kind,
		topicName: r.topic_name,
		difficulty: r.difficulty,
		status: r.status,
		currentVersionId: r.current_version_id
	}));
}

/** The game's questions become exactly `items`, positions 0… in order (one option order each, as attempts store it). */
export async function replaceQuestions(db: Executor, gameId: number, items: readonly Omit<PinnedQuestion, 'position'>[]): Promise<void> {
	await db.deleteFrom('live_game_questions').where('game_id', '=', gameId).execute();
	if (items.length === 0) return;
	await db
		.insertInto('live_game_questions')
		.values(
			items.map((q, position) => ({
				game_id: gameId,
				position,
				question_id: q.questionId,
				question_version_id: q.versionId,
				option_order_json: JSON.stringify(q.optionOrder)
			}))
		)
		.execute();
}

/* ——— Teams, parts, judges ——— */

export interface TeamRow {
	id: number;
	name: string;
	unitId: number | null;
}

export async function listTeams(db: Executor, gameId: number): Promise<TeamRow[]> {
	const rows = await db.selectFrom('live_teams').select(['id', 'name', 'unit_id']).where('game_id', '=', gameId).orderBy('id').execute();
	return rows.map((r) => ({ id: r.id, name: r.name, unitId: r.unit_id }));
}

export async function insertTeam(db: Executor, gameId: number, t: { name: string; unitId: number | null }, now: number): Promise<number> {
	const r = await db
		.insertInto('live_teams')
		.values({ game_id: gameId, name: t.name, unit_id: t.unitId, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

export async function deleteTeam(db: Executor, gameId: number, teamId: number): Promise<number> {
	const r = await db.deleteFrom('live_teams').where('game_id', '=', gameId).where('id', '=', teamId).executeTakeFirst();
	return Number(r.numDeletedRows);
}

export async function deleteTeams(db: Executor, gameId: number): Promise<void> {
	await db.deleteFrom('live_teams').where('game_id', '=', gameId).execute();
}

export interface PartRow {
	id: number;
	title: string;
	scaleMax: number;
	sortOrder: number;
}

export async function listParts(db: Executor, gameId: number): Promise<PartRow[]> {
	const rows = await db
		.selectFrom('live_parts')
		.select(['id', 'title', 'scale_max', 'sort_order'])
		.where('game_id', '=', gameId)
		.orderBy('sort_order')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, title: r.title, scaleMax: r.scale_max, sortOrder: r.sort_order }));
}

export async function insertPart(db: Executor, gameId: number, p: { title: string; scaleMax: number; sortOrder: number }): Promise<number> {
	const r = await db
		.insertInto('live_parts')
		.values({ game_id: gameId, title: p.title, scale_max: p.scaleMax, sort_order: p.sortOrder })
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

export async function deletePart(db: Executor, gameId: number, partId: number): Promise<number> {
	const r = await db.deleteFrom('live_parts').where('game_id', '=', gameId).where('id', '=', partId).executeTakeFirst();
	return Number(r.numDeletedRows);
}

export interface JudgeRow {
	id: number;
	name: string;
	/** Whether a device has opened the link (it is then bound to it). */
	bound: boolean;
	createdAt: number;
}

export async function listJudges(db: Executor, gameId: number): Promise<JudgeRow[]> {
	const rows = await db
		.selectFrom('live_judges')
		.select(['id', 'name', 'device_hash', 'created_at'])
		.where('game_id', '=', gameId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, bound: r.device_hash != null, createdAt: Number(r.created_at) }));
}

export async function insertJudge(db: Executor, gameId: number, j: { name: string; tokenHash: string }, now: number): Promise<number> {
	const r = await db
		.insertInto('live_judges')
		.values({ game_id: gameId, name: j.name, token_hash: j.tokenHash, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return r.id;
}

/** A new link for a judge: the old one stops working and the new one binds to the next device that opens it. */
export async function replaceJudgeToken(db: Executor, gameId: number, judgeId: number, tokenHash: string): Promise<number> {
	const r = await db
		.updateTable('live_judges')
		.set({ token_hash: tokenHash, device_hash: null })
		.where('game_id', '=', gameId)
		.where('id', '=', judgeId)
		.executeTakeFirst();
	return Number(r.numUpdatedRows);
}

export async function deleteJudge(db: Executor, gameId: number, judgeId: number): Promise<number> {
	const r = await db.deleteFrom('live_judges').where('game_id', '=', gameId).where('id', '=', judgeId).executeTakeFirst();
	return Number(r.numDeletedRows);
}

/** Units that exist and may be chosen (active), of these ids. */
export async function existingUnits(db: Executor, ids: readonly number[]): Promise<{ id: number; name: string }[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('units')
		.select(['id', 'name'])
		.where('id', 'in', [...ids])
		.where('active', '=', 1)
		.execute();
}

/** Active units directly below `parentId`, by name. */
export async function childUnits(db: Executor, parentId: number): Promise<{ id: number; name: string }[]> {
	return db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', parentId).where('active', '=', 1).orderBy('name').execute();
}
