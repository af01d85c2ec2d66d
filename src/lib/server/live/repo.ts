import type { Selectable } from 'kysely';
import type { Conn, Executor, Program } from '../db';
import type { LiveGamesTable, LivePlayersTable, QuestionKind } from '../db/types';
import type { StoredOption } from '../questions/questions';

/**
 * The live hội thi's SQL (issue 14), `db | trx` first, rows mapped at the edge. No rules here:
 * service.ts decides; these read and write what it decided.
 */

export type GameRow = Selectable<LiveGamesTable>;
export type PlayerRow = Selectable<LivePlayersTable>;

export function findGameByCode(db: Executor, code: string): Promise<GameRow | undefined> {
	return db.selectFrom('live_games').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findGameById(db: Executor, id: number): Promise<GameRow | undefined> {
	return db.selectFrom('live_games').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The bus's poll: the version (and where the game is) of each game watched in this process. */
export function gameVersions(db: Executor, ids: readonly number[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('live_games')
		.select(['id', 'version', 'position', 'phase'])
		.where('id', 'in', [...ids])
		.execute();
}

/**
 * Changes a game only if it is still at `version` (optimistic: a host's double press, or two
 * hosts at once, changes it once), moving it to `version + 1`. True when it changed.
 */
export async function updateGameAt(
	db: Executor,
	id: number,
	version: number,
	patch: Partial<Omit<GameRow, 'id' | 'version'>>
): Promise<boolean> {
	const r = await db
		.updateTable('live_games')
		.set({ ...patch, version: version + 1 })
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

export interface GameQuestion {
	position: number;
	questionId: number;
	versionId: number;
	kind: QuestionKind;
	stem: string;
	/** In the game's option order (option_order_json). */
	options: StoredOption[];
	explanation: string;
	legalRef: string;
	openedAt: number | null;
	closedAt: number | null;
}

/** The game's questions in order, each with its pinned version and the game's option order. */
export async function gameQuestions(db: Executor, gameId: number): Promise<GameQuestion[]> {
	const rows = await db
		.selectFrom('live_game_questions as gq')
		.innerJoin('question_versions as v', 'v.id', 'gq.question_version_id')
		.select([
			'gq.position',
			'gq.question_id',
			'gq.question_version_id',
			'gq.option_order_json',
			'gq.opened_at',
			'gq.closed_at',
			'v.kind',
			'v.stem',
			'v.options_json',
			'v.explanation',
			'v.legal_ref'
		])
		.where('gq.game_id', '=', gameId)
		.orderBy('gq.position')
		.execute();
	return rows.map((r) => {
		const stored = JSON.parse(r.options_json) as StoredOption[];
		const order = JSON.parse(r.option_order_json) as string[];
		const byId = new Map(stored.map((o) => [o.id, o]));
		// An order that misses an option (it should not) still shows every option.
		const ordered = [
			...order.map((id) => byId.get(id)).filter((o): o is StoredOption => !!o),
			...stored.filter((o) => !order.includes(o.id))
		];
		return {
			position: r.position,
			questionId: r.question_id,
			versionId: r.question_version_id,
			kind: r.kind,
			stem: r.stem,
			options: ordered,
			explanation: r.explanation,
			legalRef: r.legal_ref,
			openedAt: r.opened_at,
			closedAt: r.closed_at
		};
	});
}

export async function markQuestion(
	db: Executor,
	gameId: number,
	position: number,
	patch: { opened_at?: number; closed_at?: number }
): Promise<void> {
	await db.updateTable('live_game_questions').set(patch).where('game_id', '=', gameId).where('position', '=', position).execute();
}

/** Closes the question if it is still open (closed_at not yet set): a close is recorded once. */
export async function closeQuestion(db: Executor, gameId: number, position: number, at: number): Promise<void> {
	await db
		.updateTable('live_game_questions')
		.set({ closed_at: at })
		.where('game_id', '=', gameId)
		.where('position', '=', position)
		.where('closed_at', 'is', null)
		.execute();
}

export function teamsOf(db: Executor, gameId: number) {
	return db.selectFrom('live_teams').select(['id', 'name', 'unit_id']).where('game_id', '=', gameId).orderBy('id').execute();
}

/** A team by name, made when it is new (the unique (game, name) index decides a race). */
export async function teamByName(db: Executor, gameId: number, name: string, unitId: number | null, now: number): Promise<number> {
	await db
		.insertInto('live_teams')
		.values({ game_id: gameId, name, unit_id: unitId, created_at: now })
		.onConflict((oc) => oc.columns(['game_id', 'name']).doNothing())
		.execute();
	const row = await db
		.selectFrom('live_teams')
		.select('id')
		.where('game_id', '=', gameId)
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return row.id;
}

export function findPlayerByDevice(db: Executor, gameId: number, deviceHash: string): Promise<PlayerRow | undefined> {
	return db.selectFrom('live_players').selectAll().where('game_id', '=', gameId).where('device_hash', '=', deviceHash).executeTakeFirst();
}

export function findPlayerByUser(db: Executor, gameId: number, userId: number): Promise<PlayerRow | undefined> {
	return db.selectFrom('live_players').selectAll().where('game_id', '=', gameId).where('user_id', '=', userId).executeTakeFirst();
}

export function findPlayerById(db: Executor, gameId: number, playerId: number): Promise<PlayerRow | undefined> {
	return db.selectFrom('live_players').selectAll().where('game_id', '=', gameId).where('id', '=', playerId).executeTakeFirst();
}

/** Inserts a player; null when the device (or account) already has one in the game (a race of two joins). */
export async function insertPlayer(
	db: Executor,
	p: {
		gameId: number;
		name: string;
		unitId: number | null;
		teamId: number | null;
		affiliation: string | null;
		userId: number | null;
		deviceHash: string;
		now: number;
	}
): Promise<number | null> {
	const row = await db
		.insertInto('live_players')
		.values({
			game_id: p.gameId,
			display_name: p.name,
			unit_id: p.unitId,
			team_id: p.teamId,
			affiliation: p.affiliation,
			user_id: p.userId,
			device_hash: p.deviceHash,
			joined_at: p.now
		})
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	return row?.id ?? null;
}

export async function countPlayers(db: Executor, gameId: number): Promise<number> {
	const r = await db
		.selectFrom('live_players')
		.select((e) => e.fn.countAll<number>().as('n'))
		.where('game_id', '=', gameId)
		.where('removed_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

export async function countAnswers(db: Executor, gameId: number, position: number): Promise<number> {
	const r = await db
		.selectFrom('live_answers')
		.select((e) => e.fn.countAll<number>().as('n'))
		.where('game_id', '=', gameId)
		.where('position', '=', position)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

export interface PlayerTotals {
	id: number;
	name: string;
	unitId: number | null;
	unitName: string | null;
	teamId: number | null;
	affiliation: string | null;
	userId: number | null;
	joinedAt: number;
	removed: boolean;
	eliminatedAt: number | null;
	points: number;
	totalMs: number;
	/** The answer to the question at `position` (the one asked for), if any. */
	answer: { optionIds: string[]; correct: boolean; points: number } | null;
}

/**
 * Every player of the game with their points so far, total answer time, and their answer to
 * the question at `position`: one query, however many players (the per-version `me` map and
 * the boards are built from it).
 */
export async function playerTotals(db: Executor, gameId: number, position: number, playerId?: number): Promise<PlayerTotals[]> {
	let q = db
		.selectFrom('live_players as p')
		.leftJoin('units as u', 'u.id', 'p.unit_id')
		.leftJoin(
			(eb) =>
				eb
					.selectFrom('live_answers')
					.select((e) => ['player_id', e.fn.sum<number>('points').as('points'), e.fn.sum<number>('elapsed_ms').as('total_ms')])
					.where('game_id', '=', gameId)
					.groupBy('player_id')
					.as('t'),
			(j) => j.onRef('t.player_id', '=', 'p.id')
		)
		.leftJoin('live_answers as cur', (j) => j.onRef('cur.player_id', '=', 'p.id').on('cur.position', '=', position))
		.select([
			'p.id',
			'p.display_name',
			'p.unit_id',
			'u.name as unit_name',
			'p.team_id',
			'p.affiliation',
			'p.user_id',
			'p.joined_at',
			'p.removed_at',
			'p.eliminated_at_position',
			't.points',
			't.total_ms',
			'cur.option_ids_json',
			'cur.correct',
			'cur.points as cur_points'
		])
		.where('p.game_id', '=', gameId);
	if (playerId !== undefined) q = q.where('p.id', '=', playerId);
	const rows = await q.orderBy('p.id').execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.display_name,
		unitId: r.unit_id,
		unitName: r.unit_name ?? null,
		teamId: r.team_id,
		affiliation: r.affiliation,
		userId: r.user_id,
		joinedAt: r.joined_at,
		removed: r.removed_at != null,
		eliminatedAt: r.eliminated_at_position,
		points: Number(r.points ?? 0),
		totalMs: Number(r.total_ms ?? 0),
		answer:
			r.option_ids_json == null
				? null
				: { optionIds: JSON.parse(r.option_ids_json) as string[], correct: r.correct === 1, points: Number(r.cur_points ?? 0) }
	}));
}

export interface NewAnswer {
	gameId: number;
	playerId: number;
	position: number;
	optionIdsJson: string;
	correct: boolean;
	points: number;
	elapsedMs: number;
	requestId: string;
	receivedAt: number;
}

const INSERT_ANSWER = (revive: boolean) => `insert into live_answers
		(game_id, player_id, position, option_ids_json, correct, points, elapsed_ms, request_id, received_at)
	select cast(? as integer), cast(? as integer), cast(? as integer), cast(? as text), cast(? as integer), cast(? as integer),
		cast(? as bigint), cast(? as text), cast(? as bigint)
	from live_games g join live_players p on p.game_id = g.id
	where g.id = ? and g.version = ? and p.id = ? and p.removed_at is null and p.eliminated_at_position is ${revive ? 'not null' : 'null'}
	on conflict (player_id, position) do nothing`;
const INSERT_ANSWER_SQL = { revive: INSERT_ANSWER(true), stillIn: INSERT_ANSWER(false) };

/**
 * The answer, stored only if — in the same statement — the game is still at `version` (so nothing
 * a host did since the caller read the game: a reveal, a pause, the next question), the player is
 * not removed, and the player's elimination fits the question (`revive`: only the eliminated;
 * otherwise only those still in); and the player has no answer to it yet (the primary key: a
 * retry counts once). True when stored. One statement — the answer's whole cost in the common
 * case — as a statement program (db/program.ts) for `exclusive`: a cached prepared statement on
 * SQLite, in its own short transaction on either engine, waiting its turn behind other processes.
 */
export function* insertAnswerIfCurrent(c: Conn, a: NewAnswer, version: number, revive: boolean): Program<boolean> {
	const r = yield* c.run(
		revive ? INSERT_ANSWER_SQL.revive : INSERT_ANSWER_SQL.stillIn,
		a.gameId,
		a.playerId,
		a.position,
		a.optionIdsJson,
		a.correct ? 1 : 0,
		a.points,
		a.elapsedMs,
		a.requestId,
		a.receivedAt,
		a.gameId,
		version,
		a.playerId
	);
	return r.changes === 1;
}

export function findAnswer(db: Executor, playerId: number, position: number) {
	return db
		.selectFrom('live_answers')
		.select(['option_ids_json', 'request_id', 'received_at', 'points', 'correct'])
		.where('player_id', '=', playerId)
		.where('position', '=', position)
		.executeTakeFirst();
}

export async function removePlayer(db: Executor, gameId: number, playerId: number, at: number): Promise<boolean> {
	const r = await db
		.updateTable('live_players')
		.set({ removed_at: at })
		.where('game_id', '=', gameId)
		.where('id', '=', playerId)
		.where('removed_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

export async function eliminatePlayers(db: Executor, gameId: number, ids: readonly number[], position: number): Promise<void> {
	if (ids.length === 0) return;
	for (let i = 0; i < ids.length; i += 500)
		await db
			.updateTable('live_players')
			.set({ eliminated_at_position: position })
			.where('game_id', '=', gameId)
			.where('id', 'in', ids.slice(i, i + 500))
			.execute();
}

export async function revivePlayers(db: Executor, gameId: number, ids: readonly number[]): Promise<void> {
	for (let i = 0; i < ids.length; i += 500)
		await db
			.updateTable('live_players')
			.set({ eliminated_at_position: null })
			.where('game_id', '=', gameId)
			.where('id', 'in', ids.slice(i, i + 500))
			.execute();
}

export function partsOf(db: Executor, gameId: number) {
	return db
		.selectFrom('live_parts')
		.select(['id', 'title', 'scale_max', 'status', 'sort_order'])
		.where('game_id', '=', gameId)
		.orderBy('sort_order')
		.orderBy('id')
		.execute();
}

export async function setPartStatus(db: Executor, gameId: number, partId: number, status: 'pending' | 'open' | 'closed'): Promise<void> {
	await db.updateTable('live_parts').set({ status }).where('game_id', '=', gameId).where('id', '=', partId).execute();
}

/** Every judge score of the game's parts (tenths). */
export function judgeScoresOf(db: Executor, gameId: number) {
	return db
		.selectFrom('live_judge_scores as s')
		.innerJoin('live_parts as p', 'p.id', 's.part_id')
		.select(['s.part_id', 's.judge_id', 's.team_id', 's.score_tenths'])
		.where('p.game_id', '=', gameId)
		.execute();
}

export function findJudgeByTokenHash(db: Executor, tokenHash: string) {
	return db
		.selectFrom('live_judges')
		.select(['id', 'game_id', 'name', 'device_hash'])
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
}

/** Binds a judge link to its first device; true when bound now or already bound to this one. */
export async function bindJudgeDevice(db: Executor, judgeId: number, deviceHash: string): Promise<boolean> {
	await db.updateTable('live_judges').set({ device_hash: deviceHash }).where('id', '=', judgeId).where('device_hash', 'is', null).execute();
	const row = await db.selectFrom('live_judges').select('device_hash').where('id', '=', judgeId).executeTakeFirstOrThrow();
	return row.device_hash === deviceHash;
}

export async function upsertJudgeScore(
	db: Executor,
	s: { partId: number; judgeId: number; teamId: number; tenths: number; now: number }
): Promise<void> {
	await db
		.insertInto('live_judge_scores')
		.values({ part_id: s.partId, judge_id: s.judgeId, team_id: s.teamId, score_tenths: s.tenths, updated_at: s.now })
		.onConflict((oc) => oc.columns(['part_id', 'judge_id', 'team_id']).doUpdateSet({ score_tenths: s.tenths, updated_at: s.now }))
		.execute();
}
