import { getDb, afterTransaction, exclusive, type Executor, type Trx } from '../db';
import { lockRow } from '../db/sql';
import { audit } from '../audit';
import { hasRole } from '../auth/guards';
import type { SessionUser } from '../auth/sessions';
import { validateChoice } from '../attempts/scoring';
import { fieldErrors } from '../../schemas/form';
import { LiveAnswerSchema, LiveHostSchema, LiveJoinSchema, LiveJudgeSchema, normaliseCode } from '../../schemas/live';
import {
	LIVE_STATUS,
	type LiveAnswerAck,
	type LiveAudience,
	type LiveHostBody,
	type LiveJoinAck,
	type LiveView
} from '../../live/protocol';
import { createBus, type LiveBus } from './bus';
import * as repo from './repo';
import type { GameRow, PlayerRow } from './repo';
import * as memory from './memory';
import {
	answerPoints,
	eliminated,
	eliminatesAt,
	isCorrect,
	isRevive,
	judgedScore,
	mayAnswer,
	REVIVE_POINTS,
	revived,
	toTenths,
	validJudgeScore
} from './scoring';
import { judgeTokenHash, liveDeviceHash } from './tokens';
import { answersEndAt, answerWindow } from './window';
import { meOf, playerJson, rankedPlayers, rulesOf, snapshotOf, type Snapshot } from './views';

/**
 * The live hội thi's rules (issue 14): joining, answering, the host's commands (the state
 * machine), judges' scores, who may host. The game's whole state is in the database; every write
 * commits before it is acknowledged (a kill -9 and a restart resume exactly), and after the commit
 * the bus (bus.ts) tells the streams. Routes and the hot path (api/live.ts) call these functions;
 * SQL is in repo.ts, scoring in scoring.ts, the views in views.ts.
 */

/** A refusal: an HTTP status (protocol.ts LIVE_STATUS) and a Vietnamese message; `errors` per field for forms. */
export interface Refusal {
	ok: false;
	status: number;
	message: string;
	errors?: Record<string, string>;
}
export type Outcome<T extends object> = ({ ok: true } & T) | Refusal;

const refuse = (status: number, message: string, errors?: Record<string, string>): Refusal => ({
	ok: false,
	status,
	message,
	...(errors ? { errors } : {})
});

export const MESSAGES = {
	noRoom: 'Không tìm thấy phòng thi với mã này. Vui lòng kiểm tra lại mã 6 chữ số.',
	badCode: 'Mã phòng thi gồm 6 chữ số.',
	notOpen: 'Phòng thi chưa mở. Vui lòng đợi Ban Tổ chức mở phòng.',
	finished: 'Hội thi này đã kết thúc.',
	locked: 'Phòng thi đã khóa, không nhận thêm người chơi.',
	removed: 'Bạn đã được mời ra khỏi phòng thi này và không thể tham gia lại.',
	notJoined: 'Bạn chưa vào phòng thi này. Vui lòng nhập mã phòng và tên để tham gia.',
	noQuestion: 'Câu hỏi này không còn nhận câu trả lời.',
	closed: 'Đã hết giờ: câu hỏi đã đóng, câu trả lời không được tính.',
	paused: 'Hội thi đang tạm dừng: vui lòng đợi người dẫn chương trình tiếp tục.',
	answeredAlready: 'Bạn đã trả lời câu này; câu trả lời đầu tiên được tính.',
	eliminated: 'Bạn đã bị loại ở vòng trước: câu này dành cho người chơi còn lại.',
	reviveOnly: 'Câu “cứu trợ” chỉ dành cho người chơi đã bị loại.',
	stale: 'Màn hình đã thay đổi, vui lòng thử lại.',
	forbidden: 'Bạn không có quyền điều khiển hội thi này.',
	notHost: 'Bạn cần đăng nhập bằng tài khoản Ban Tổ chức để xem màn hình này.',
	judgeLink: 'Đường dẫn chấm điểm không hợp lệ hoặc đã bị thu hồi.',
	judgeDevice: 'Đường dẫn chấm điểm này đã được mở trên một thiết bị khác. Mỗi giám khảo chỉ chấm trên một thiết bị.',
	partClosed: 'Phần thi này chưa mở hoặc đã đóng chấm điểm.',
	teamUnknown: 'Đội này không có trong hội thi.',
	unitUnknown: 'Đơn vị không có trong danh sách.'
} as const;

let bus: (LiveBus & { close(): void }) | null = null;

/** The process's bus (bus.ts) over the app's database. */
export function liveBus(): LiveBus {
	if (!bus) {
		const db = getDb();
		bus = createBus({
			versions: (ids) => repo.gameVersions(db, ids),
			activity: async (g) => {
				const [players, answered] = await Promise.all([
					repo.countPlayers(db, g.id),
					g.phase === 'question' && g.position >= 0 ? repo.countAnswers(db, g.id, g.position) : Promise.resolve(0)
				]);
				// Both numbers in one: players below a million.
				return answered * 1_000_000 + players;
			}
		});
	}
	return bus;
}

/** The two numbers the activity carries (liveBus): answers to the current question, players in the room. */
export function activityCounts(activity: number): { answered: number; players: number } {
	return { answered: Math.floor(activity / 1_000_000), players: activity % 1_000_000 };
}

/** After the commit of `via`'s transaction: tell this process's streams and (by the version) the others. */
function publishAfter(via: Executor, gameId: number): void {
	afterTransaction(via, (committed) => {
		if (committed) liveBus().publish(gameId);
	});
}

/** Who may host (and see the screen and console of) a game: organisers and admins any; a district lead only their own unit's. */
export function canHost(user: SessionUser | null, game: Pick<GameRow, 'unit_id'>): boolean {
	if (!user) return false;
	if (hasRole(user, 'organiser', 'admin')) return true;
	return user.role === 'district_lead' && game.unit_id != null && game.unit_id === user.unitId;
}

/** The game by its room code as typed ("123 456" is fine); null for a malformed or unknown code, or a draft. */
export async function gameByCode(code: string): Promise<GameRow | null> {
	const c = normaliseCode(code);
	if (!c) return null;
	const g = await memory.gameByCode(getDb(), c);
	if (!g) return null;
	// A draft is remembered as it was: ask again, the room may have opened since.
	const row = g.status === 'draft' ? await memory.freshGame(getDb(), g.id) : g;
	return row && row.status !== 'draft' ? row : null;
}

export async function gameById(id: number): Promise<GameRow | null> {
	return (await memory.freshGame(getDb(), id)) ?? null;
}

/**
 * The player of this device (or this account) in the game, or null. An account is the same player
 * on any device; an anonymous player is their device cookie.
 */
export async function playerForDevice(gameId: number, deviceKey: string | null, user?: SessionUser | null): Promise<PlayerRow | null> {
	const db = getDb();
	if (user) {
		const byUser = await repo.findPlayerByUser(db, gameId, user.id);
		if (byUser) return byUser;
	}
	if (!deviceKey) return null;
	const byDevice = await repo.findPlayerByDevice(db, gameId, liveDeviceHash(deviceKey));
	// A phone another account joined on (a shared phone, someone else now signed in) is not this account's player.
	if (byDevice && user && byDevice.user_id != null && byDevice.user_id !== user.id) return null;
	return byDevice ?? null;
}

/** The player's id, from memory when this process has seen them (an id never changes); null when not joined. */
export async function playerIdOf(gameId: number, deviceKey: string | null, user: SessionUser | null): Promise<number | null> {
	const deviceHash = deviceKey ? liveDeviceHash(deviceKey) : null;
	// Signed in: the account's player (remembered by account only: the phone may be someone else's player).
	const key = user ? { userId: user.id } : { deviceHash };
	const known = memory.knownPlayer(gameId, key);
	if (known !== undefined) return known;
	const p = await playerForDevice(gameId, deviceKey, user);
	if (!p) return null;
	memory.rememberPlayer(gameId, key, p.id);
	return p.id;
}

export interface JoinInput {
	code: string;
	/** The site's device id (auth/request.ts identify); required for anonymous players. */
	deviceKey: string | null;
	user: SessionUser | null;
	/** The form's or JSON body's fields, unparsed (LiveJoinSchema checks them). */
	fields: unknown;
}

/**
 * Joins a room (issue 14 item 2): by code, with a name and (optionally) a unit, team and chi hội;
 * an account joins under its own name unless it typed one. The same device or account gets the
 * same player back — even in a locked room (a refresh is not a new join) — with its points; a new
 * device in a locked room, a removed player, a wrong code, a finished game are refused with a
 * Vietnamese message and nothing written.
 */
export async function joinGame(input: JoinInput): Promise<Outcome<{ ack: LiveJoinAck; game: GameRow }>> {
	const code = normaliseCode(input.code);
	if (!code) return refuse(LIVE_STATUS.noRoom, MESSAGES.badCode, { code: MESSAGES.badCode });
	const g = await gameByCode(code);
	if (!g) return refuse(LIVE_STATUS.noRoom, MESSAGES.noRoom, { code: MESSAGES.noRoom });
	if (g.status === 'finished') return refuse(LIVE_STATUS.refused, MESSAGES.finished);
	if (!input.deviceKey && !input.user)
		return refuse(LIVE_STATUS.badInput, 'Trình duyệt chưa cho phép cookie: vui lòng bật cookie rồi thử lại.');

	const existing = await playerForDevice(g.id, input.deviceKey, input.user);
	if (existing) {
		if (existing.removed_at != null) return refuse(LIVE_STATUS.refused, MESSAGES.removed);
		return { ok: true, game: g, ack: { playerId: existing.id, name: existing.display_name, code: g.code, created: false } };
	}
	const fields = (input.fields ?? {}) as Record<string, unknown>;
	const parsed = LiveJoinSchema.safeParse({ ...fields, name: fields.name || input.user?.fullName || '' });
	if (!parsed.success) {
		const errors = fieldErrors(parsed.error);
		return refuse(LIVE_STATUS.badInput, Object.values(errors)[0] ?? 'Thông tin chưa hợp lệ.', errors);
	}
	// Locked: checked on the row as it is now, not as this process remembers it.
	const fresh = (await memory.freshGame(getDb(), g.id))!;
	if (fresh.locked === 1) return refuse(LIVE_STATUS.refused, MESSAGES.locked);
	if (fresh.status === 'finished') return refuse(LIVE_STATUS.refused, MESSAGES.finished);
	const v = parsed.data;
	const db = getDb();
	const now = Date.now();
	const deviceHash = input.deviceKey ? liveDeviceHash(input.deviceKey) : `user:${input.user!.id}`;
	const res = await db.transaction().execute(async (trx): Promise<Outcome<{ playerId: number; created: boolean }>> => {
		let unitId: number | null = null;
		if (v.unitId != null) {
			const unit = await trx
				.selectFrom('units')
				.select(['id', 'name'])
				.where('id', '=', v.unitId)
				.where('active', '=', 1)
				.executeTakeFirst();
			if (!unit) return refuse(LIVE_STATUS.badInput, MESSAGES.unitUnknown, { unitId: MESSAGES.unitUnknown });
			unitId = unit.id;
		} else if (input.user && !fields.unitId) unitId = input.user.unitId;
		let teamId: number | null = null;
		if (fresh.team_mode !== 'none') {
			const teams = await repo.teamsOf(trx, g.id);
			if (v.teamId != null) {
				if (!teams.some((t) => t.id === v.teamId))
					return refuse(LIVE_STATUS.badInput, MESSAGES.teamUnknown, { teamId: MESSAGES.teamUnknown });
				teamId = v.teamId;
			} else if (fresh.team_mode === 'unit' && unitId != null) {
				const unit = await trx.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
				teamId = teams.find((t) => t.unit_id === unitId)?.id ?? (await repo.teamByName(trx, g.id, unit.name, unitId, now));
			} else if (v.teamName) {
				const named = teams.find((t) => t.name.localeCompare(v.teamName!, 'vi', { sensitivity: 'accent' }) === 0);
				// Teams the host defined are the list; without one, a typed name makes the team.
				if (!named && teams.length > 0) return refuse(LIVE_STATUS.badInput, MESSAGES.teamUnknown, { teamName: MESSAGES.teamUnknown });
				teamId = named?.id ?? (await repo.teamByName(trx, g.id, v.teamName, null, now));
			}
		}
		const id = await repo.insertPlayer(trx, {
			gameId: g.id,
			name: v.name,
			unitId,
			teamId,
			affiliation: v.affiliation,
			userId: input.user?.id ?? null,
			deviceHash,
			now
		});
		if (id != null) return { ok: true, playerId: id, created: true };
		// The same device joined at the same moment (two taps): that player.
		const again = await (input.user ? repo.findPlayerByUser(trx, g.id, input.user.id) : repo.findPlayerByDevice(trx, g.id, deviceHash));
		if (!again) return refuse(LIVE_STATUS.refused, 'Thiết bị này đã tham gia bằng một tài khoản khác.');
		return { ok: true, playerId: again.id, created: false };
	});
	if (!res.ok) return res;
	memory.rememberPlayer(g.id, input.user ? { userId: input.user.id } : { deviceHash }, res.playerId);
	return { ok: true, game: fresh, ack: { playerId: res.playerId, name: v.name, code: g.code, created: res.created } };
}

/**
 * The view of `game` for an audience (players: with their own `me`, read fresh for this call so
 * a reloaded page shows their answer to the current question). For a page's first render and for
 * a stream's first message; broadcasts use the snapshot's map.
 */
export async function liveView(game: GameRow, audience: LiveAudience, playerId?: number | null): Promise<LiveView> {
	const s = await currentSnapshot(game);
	const view = s.views[audience];
	if (audience !== 'player' || playerId == null) return { ...view, serverNow: Date.now() };
	return { ...view, serverNow: Date.now(), me: await freshMe(s, playerId) };
}

/** The snapshot of the game as it is now (at least at the version the caller saw). */
export async function currentSnapshot(game: GameRow): Promise<Snapshot> {
	const now = await memory.currentGame(getDb(), game.id);
	const g = now && now.version >= game.version ? now : await memory.gameAt(getDb(), game.id, game.version);
	return snapshotOf(getDb(), g ?? game);
}

/** A player's `me` read now (one query), for a connection's first message. */
export async function freshMe(s: Snapshot, playerId: number) {
	const rows = await repo.playerTotals(getDb(), s.game.id, s.game.position, playerId);
	if (!rows[0]) return null;
	return meOf(s.game, rows[0], s.me.get(playerId)?.rank ?? null);
}

/** The player view JSON of a snapshot for one player (from the snapshot's map). */
export function playerMessage(s: Snapshot, playerId: number): string {
	return playerJson(s, s.me.get(playerId) ?? null);
}

export interface AnswerInput {
	code: string;
	deviceKey: string | null;
	user: SessionUser | null;
	/** The parsed JSON body (LiveAnswerSchema checks it). */
	body: unknown;
	/** When the request arrived, on the server clock — before any waiting for the database. */
	receivedAt: number;
}

/** Why the answer cannot be taken by the game as `g` says (window.ts), or null when it can. */
function answerRefusal(g: GameRow, position: number, receivedAt: number): Refusal | null {
	const w = answerWindow(g, position, receivedAt);
	return w === 'open' ? null : refuse(LIVE_STATUS.refused, MESSAGES[w]);
}

/**
 * An answer to the current question (issue 14 item 5): taken if it arrived (server clock) before
 * the question closed, the game is not paused and the player may answer this question; its points
 * are fixed now (scoring.ts). Idempotent: the primary key (player, position) keeps the first answer;
 * a retry of it (same requestId, or the same choice) gets the same acknowledgement, a different
 * answer afterwards is refused. Committed before it is acknowledged.
 */
export async function acceptAnswer(input: AnswerInput): Promise<Outcome<{ ack: LiveAnswerAck; replay: boolean }>> {
	const code = normaliseCode(input.code);
	if (!code) return refuse(LIVE_STATUS.noRoom, MESSAGES.noRoom);
	const db = getDb();
	let g = await memory.gameByCode(db, code);
	if (!g || g.status === 'draft') return refuse(LIVE_STATUS.noRoom, MESSAGES.noRoom);
	const playerId = await playerIdOf(g.id, input.deviceKey, input.user);
	if (playerId == null) return refuse(LIVE_STATUS.notJoined, MESSAGES.notJoined);
	const parsed = LiveAnswerSchema.safeParse(input.body);
	if (!parsed.success) {
		const errors = fieldErrors(parsed.error);
		return refuse(LIVE_STATUS.badInput, Object.values(errors)[0] ?? 'Câu trả lời không hợp lệ.', errors);
	}
	const body = parsed.data;
	const optionIdsJson = JSON.stringify([...body.optionIds].sort());

	for (let round = 0; round < 2; round++) {
		const refusal = answerRefusal(g, body.position, input.receivedAt);
		if (!refusal) {
			const questions = await memory.questionsOf(db, g);
			const q = questions[body.position];
			if (!q) return refuse(LIVE_STATUS.refused, MESSAGES.noQuestion);
			const invalid = validateChoice(
				q.kind,
				q.options.map((o) => o.id),
				body.optionIds
			);
			if (invalid) return refuse(LIVE_STATUS.badInput, invalid, { optionIds: invalid });
			const revive = isRevive(rulesOf(g), body.position);
			const correct = isCorrect(q.kind, q.options, body.optionIds);
			const elapsedMs = Math.max(0, input.receivedAt - (g.opened_at ?? input.receivedAt));
			const points = revive
				? REVIVE_POINTS
				: answerPoints({ correct, speedBonus: g.speed_bonus === 1, elapsedMs, windowMs: g.seconds_per_question * 1000 });
			const answer: repo.NewAnswer = {
				gameId: g.id,
				playerId,
				position: body.position,
				optionIdsJson,
				correct,
				points,
				elapsedMs,
				requestId: body.requestId,
				receivedAt: input.receivedAt
			};
			const version = g.version;
			const stored = await exclusive(db, (c) => repo.insertAnswerIfCurrent(c, answer, version, revive));
			if (stored)
				return {
					ok: true,
					replay: false,
					ack: { accepted: true, position: body.position, optionIds: JSON.parse(optionIdsJson), receivedAt: input.receivedAt }
				};
		}
		// Refused by what this process remembers, or not stored: look at the database as it is now.
		const fresh = await memory.freshGame(db, g.id);
		if (!fresh) return refuse(LIVE_STATUS.noRoom, MESSAGES.noRoom);
		const changed = fresh.version !== g.version;
		g = fresh;
		if (changed) continue;
		return (
			(await explainUnstored(g, playerId, body.position, body.requestId, optionIdsJson)) ??
			refusal ??
			refuse(LIVE_STATUS.refused, MESSAGES.noQuestion)
		);
	}
	return refuse(LIVE_STATUS.refused, MESSAGES.noQuestion);
}

/** Why an answer was not stored at an unchanged version: answered already (a retry: the same ack), removed, eliminated. */
async function explainUnstored(
	g: GameRow,
	playerId: number,
	position: number,
	requestId: string,
	optionIdsJson: string
): Promise<Outcome<{ ack: LiveAnswerAck; replay: boolean }> | null> {
	const db = getDb();
	const prior = await repo.findAnswer(db, playerId, position);
	if (prior) {
		if (prior.request_id === requestId || prior.option_ids_json === optionIdsJson)
			return {
				ok: true,
				replay: true,
				ack: { accepted: true, position, optionIds: JSON.parse(prior.option_ids_json), receivedAt: prior.received_at }
			};
		return refuse(LIVE_STATUS.refused, MESSAGES.answeredAlready);
	}
	const p = await repo.findPlayerById(db, g.id, playerId);
	if (!p) return refuse(LIVE_STATUS.notJoined, MESSAGES.notJoined);
	if (p.removed_at != null) return refuse(LIVE_STATUS.refused, MESSAGES.removed);
	if (!mayAnswer(rulesOf(g), position, { eliminated: p.eliminated_at_position != null, removed: false }))
		return refuse(LIVE_STATUS.refused, isRevive(rulesOf(g), position) ? MESSAGES.reviveOnly : MESSAGES.eliminated);
	return null;
}

export interface HostInput {
	user: SessionUser | null;
	gameId: number;
	body: unknown;
	now?: number;
}

/** A host command's effect: the game row's patch and the other writes, inside the command's transaction. */
type Step = { patch: Partial<GameRow>; also?: (trx: Trx) => Promise<void> } | Refusal;

/**
 * A host command (protocol.ts LiveHostBody) — the state machine of issue 14:
 *
 *   draft ─open→ lobby ─start→ question(0) ─reveal→ reveal ─scoreboard→ scoreboard ─next→ question(1) …
 *
 * - `next` works from question (which closes first), reveal, scoreboard and judging; past the last
 *   question it is refused (podium / finish instead). Leaving position `elimination_after` applies
 *   the elimination; leaving the revive question brings back those who got it right.
 * - `reveal` while the question is still open closes it early (closes_at = now).
 * - `pause` (question only) keeps the time left; `resume` re-opens the window for that time, with
 *   `opened_at` moved on by the pause so the speed bonus does not count it.
 * - `back` steps back one screen of a closed question: scoreboard → reveal, podium → scoreboard,
 *   judging → scoreboard (lobby before the first question). It never re-opens a question and never
 *   touches answers: from an open question or a reveal there is no way back (refused).
 * - `lock`/`unlock` the room; `remove` a player (their device cannot rejoin); `judging` opens a part
 *   for the judges (the part closes when the game leaves it); `podium`; `finish` (status finished).
 * Every command carries the version the host acted on; another version is refused with 409
 * (MESSAGES.stale), so a double press acts once. Removals, eliminations and the finish are
 * audit-logged. Committed before the answer; then the bus tells every stream.
 */
export async function hostCommand(input: HostInput): Promise<Outcome<{ view: LiveView }>> {
	const now = input.now ?? Date.now();
	if (!input.user) return refuse(LIVE_STATUS.notJoined, 'Bạn cần đăng nhập để tiếp tục.');
	const db = getDb();
	// Who may act first, then what they sent: a participant learns nothing from a 400.
	const seen = await repo.findGameById(db, input.gameId);
	if (!seen) return refuse(LIVE_STATUS.noRoom, 'Không tìm thấy hội thi.');
	if (!canHost(input.user, seen)) return refuse(LIVE_STATUS.forbidden, MESSAGES.forbidden);
	const parsed = LiveHostSchema.safeParse(input.body);
	if (!parsed.success) {
		const errors = fieldErrors(parsed.error);
		return refuse(LIVE_STATUS.badInput, Object.values(errors)[0] ?? 'Lệnh không hợp lệ.', errors);
	}
	const body = parsed.data as LiveHostBody;
	const res = await db.transaction().execute(async (trx): Promise<Outcome<{ game: GameRow }>> => {
		await lockRow(trx, 'live_games', input.gameId);
		const g = await repo.findGameById(trx, input.gameId);
		if (!g) return refuse(LIVE_STATUS.noRoom, 'Không tìm thấy hội thi.');
		if (!canHost(input.user, g)) return refuse(LIVE_STATUS.forbidden, MESSAGES.forbidden);
		if (g.version !== body.version) return refuse(LIVE_STATUS.staleVersion, MESSAGES.stale);
		const questions = await memory.questionsOf(trx, g);
		const step = await stepOf(trx, g, body, questions.length, now, input.user!);
		if ('ok' in step) return step;
		const patch = { ...step.patch, updated_at: now };
		if (!(await repo.updateGameAt(trx, g.id, g.version, patch))) return refuse(LIVE_STATUS.staleVersion, MESSAGES.stale);
		await step.also?.(trx);
		publishAfter(trx, g.id);
		return { ok: true, game: { ...g, ...patch, version: g.version + 1 } };
	});
	if (!res.ok) return res;
	memory.remember(res.game);
	return { ok: true, view: await liveView(res.game, 'host') };
}

const notNow = (message: string): Refusal => refuse(LIVE_STATUS.refused, message);

/** Closing the current question if it is still open (reveal, scoreboard, next, judging, podium, finish from a question). */
function closing(g: GameRow, now: number): { patch: Partial<GameRow>; also: (trx: Trx) => Promise<void> } {
	const open = g.phase === 'question' && g.position >= 0;
	// Closed when it ends now, or ended already: its time ran out, or a pause stopped it (answersEndAt).
	const closesAt = open ? Math.min(now, answersEndAt(g) ?? now) : g.closes_at;
	return {
		patch: open ? { closes_at: closesAt, paused_remaining_ms: null } : {},
		also: async (trx) => {
			if (open) await repo.closeQuestion(trx, g.id, g.position, closesAt ?? now);
		}
	};
}

/** Leaving `g.position` for good (next, podium, finish): the elimination or the revive, when due. */
async function leaving(trx: Trx, g: GameRow, actor: SessionUser, now: number): Promise<void> {
	const rules = rulesOf(g);
	if (g.position < 0) return;
	if (eliminatesAt(rules, g.position)) {
		const totals = await repo.playerTotals(trx, g.id, g.position);
		const stillIn = rankedPlayers(totals.filter((p) => p.eliminatedAt == null));
		const out = eliminated(stillIn, g.elimination_keep!);
		await repo.eliminatePlayers(trx, g.id, out, g.position);
		await audit(trx, {
			actorUserId: actor.id,
			action: 'live.eliminate',
			entity: 'live_game',
			entityId: g.id,
			details: { position: g.position, keep: g.elimination_keep, eliminated: out },
			at: now
		});
	}
	if (isRevive(rules, g.position)) {
		const totals = await repo.playerTotals(trx, g.id, g.position);
		const out = totals.filter((p) => p.eliminatedAt != null && !p.removed).map((p) => p.id);
		const right = new Set(totals.filter((p) => p.answer?.correct).map((p) => p.id));
		const back = revived(out, right);
		await repo.revivePlayers(trx, g.id, back);
		await audit(trx, {
			actorUserId: actor.id,
			action: 'live.revive',
			entity: 'live_game',
			entityId: g.id,
			details: { position: g.position, revived: back },
			at: now
		});
	}
}

/** Closes the judged part the game is on, when it leaves judging. */
function leavingJudging(g: GameRow): (trx: Trx) => Promise<void> {
	return async (trx) => {
		if (g.phase === 'judging' && g.current_part_id != null) await repo.setPartStatus(trx, g.id, g.current_part_id, 'closed');
	};
}

const both =
	(...fns: ((trx: Trx) => Promise<void>)[]) =>
	async (trx: Trx) => {
		for (const f of fns) await f(trx);
	};

async function stepOf(trx: Trx, g: GameRow, body: LiveHostBody, total: number, now: number, actor: SessionUser): Promise<Step> {
	if (g.status === 'finished') return notNow(MESSAGES.finished);
	if (g.status === 'draft' && body.action !== 'open') return notNow('Phòng thi chưa mở: hãy mở phòng trước.');
	const windowMs = g.seconds_per_question * 1000;
	const openQuestion = (position: number): Partial<GameRow> => ({
		phase: 'question',
		position,
		opened_at: now,
		closes_at: now + windowMs,
		paused_remaining_ms: null,
		current_part_id: null
	});
	const markOpened = (position: number) => (t: Trx) => repo.markQuestion(t, g.id, position, { opened_at: now });
	switch (body.action) {
		case 'open':
			if (g.status !== 'draft') return notNow('Phòng thi đã mở.');
			if (total === 0) return notNow('Hội thi chưa có câu hỏi.');
			return { patch: { status: 'lobby', phase: 'lobby' } };
		case 'lock':
			return { patch: { locked: 1 } };
		case 'unlock':
			return { patch: { locked: 0 } };
		case 'start':
			if (g.status !== 'lobby') return notNow('Hội thi đã bắt đầu.');
			if (total === 0) return notNow('Hội thi chưa có câu hỏi.');
			return { patch: { status: 'running', started_at: now, ...openQuestion(0) }, also: markOpened(0) };
		case 'next': {
			if (g.status !== 'running') return notNow('Hội thi chưa bắt đầu: bấm “Bắt đầu”.');
			if (g.phase === 'podium') return notNow('Đang ở bục trao giải: bấm “Kết thúc”.');
			const to = g.position + 1;
			if (to >= total) return notNow('Đã hết câu hỏi: chuyển sang bục trao giải hoặc kết thúc.');
			const close = closing(g, now);
			return { patch: openQuestion(to), also: both(close.also, leavingJudging(g), (t) => leaving(t, g, actor, now), markOpened(to)) };
		}
		case 'reveal': {
			if (g.phase !== 'question') return notNow('Không có câu hỏi đang mở.');
			const close = closing(g, now);
			return { patch: { ...close.patch, phase: 'reveal' }, also: close.also };
		}
		case 'scoreboard': {
			if (g.status !== 'running' || g.position < 0) return notNow('Chưa có câu hỏi nào.');
			const close = closing(g, now);
			return { patch: { ...close.patch, phase: 'scoreboard', current_part_id: null }, also: both(close.also, leavingJudging(g)) };
		}
		case 'back':
			if (g.phase === 'scoreboard' && g.position >= 0) return { patch: { phase: 'reveal' } };
			if (g.phase === 'podium') return { patch: { phase: g.position >= 0 ? 'scoreboard' : 'lobby' } };
			if (g.phase === 'judging')
				return { patch: { phase: g.position >= 0 ? 'scoreboard' : 'lobby', current_part_id: null }, also: leavingJudging(g) };
			return notNow(
				g.phase === 'question' || g.phase === 'reveal'
					? 'Không thể quay lại câu hỏi đã mở hoặc đã đóng: câu trả lời đã ghi được giữ nguyên.'
					: 'Không có màn hình nào trước đó.'
			);
		case 'pause':
			if (g.phase !== 'question' || g.closes_at == null) return notNow('Chỉ tạm dừng được khi đang hỏi.');
			if (g.paused_remaining_ms != null) return notNow('Hội thi đang tạm dừng.');
			if (now >= g.closes_at) return notNow('Câu hỏi đã hết giờ.');
			return { patch: { paused_remaining_ms: g.closes_at - now } };
		case 'resume': {
			if (g.paused_remaining_ms == null) return notNow('Hội thi không tạm dừng.');
			const closesAt = now + g.paused_remaining_ms;
			return { patch: { paused_remaining_ms: null, closes_at: closesAt, opened_at: closesAt - windowMs } };
		}
		case 'remove': {
			if (body.playerId == null) return refuse(LIVE_STATUS.badInput, 'Chọn người chơi cần mời ra.');
			const p = await repo.findPlayerById(trx, g.id, body.playerId);
			if (!p) return refuse(LIVE_STATUS.noRoom, 'Không tìm thấy người chơi này.');
			if (p.removed_at != null) return notNow('Người chơi này đã được mời ra.');
			return {
				patch: {},
				also: async (t) => {
					await repo.removePlayer(t, g.id, p.id, now);
					await audit(t, {
						actorUserId: actor.id,
						action: 'live.remove_player',
						entity: 'live_game',
						entityId: g.id,
						details: { playerId: p.id, name: p.display_name },
						at: now
					});
				}
			};
		}
		case 'judging': {
			if (body.partId == null) return refuse(LIVE_STATUS.badInput, 'Chọn phần thi cần chấm.');
			const parts = await repo.partsOf(trx, g.id);
			const part = parts.find((p) => p.id === body.partId);
			if (!part) return refuse(LIVE_STATUS.noRoom, 'Không tìm thấy phần thi này.');
			const close = closing(g, now);
			return {
				patch: { ...close.patch, phase: 'judging', current_part_id: part.id },
				also: both(close.also, leavingJudging(g), (t) => repo.setPartStatus(t, g.id, part.id, 'open'))
			};
		}
		case 'podium': {
			if (g.status !== 'running') return notNow('Hội thi chưa bắt đầu.');
			const close = closing(g, now);
			return {
				patch: { ...close.patch, phase: 'podium', current_part_id: null },
				also: both(close.also, leavingJudging(g), (t) => leaving(t, g, actor, now))
			};
		}
		case 'finish': {
			const close = closing(g, now);
			return {
				patch: { ...close.patch, status: 'finished', phase: 'podium', finished_at: now, current_part_id: null },
				also: both(close.also, leavingJudging(g), async (t) => {
					if (g.phase !== 'podium') await leaving(t, g, actor, now);
					await audit(t, {
						actorUserId: actor.id,
						action: 'live.finish',
						entity: 'live_game',
						entityId: g.id,
						details: { position: g.position },
						at: now
					});
				})
			};
		}
	}
}

export interface JudgeContext {
	judge: { id: number; name: string };
	game: GameRow;
	parts: Awaited<ReturnType<typeof repo.partsOf>>;
	teams: { id: number; name: string }[];
	/** This judge's own scores so far: `${partId}:${teamId}` → score. */
	mine: Record<string, number>;
}

/**
 * A judge link (issue 14 item 4): valid token, bound to the first device that opens it — another
 * device is refused (MESSAGES.judgeDevice). What the judge page shows: the game, its parts and
 * teams, the judge's own scores.
 */
export async function judgeByToken(token: string, deviceKey: string | null): Promise<Outcome<JudgeContext>> {
	if (!/^[a-z2-7]{16,64}$/.test(token)) return refuse(LIVE_STATUS.noRoom, MESSAGES.judgeLink);
	const db = getDb();
	const judge = await repo.findJudgeByTokenHash(db, judgeTokenHash(token));
	if (!judge) return refuse(LIVE_STATUS.noRoom, MESSAGES.judgeLink);
	if (!deviceKey) return refuse(LIVE_STATUS.badInput, 'Trình duyệt chưa cho phép cookie: vui lòng bật cookie rồi thử lại.');
	if (!(await repo.bindJudgeDevice(db, judge.id, liveDeviceHash(deviceKey)))) return refuse(LIVE_STATUS.forbidden, MESSAGES.judgeDevice);
	const game = await repo.findGameById(db, judge.game_id);
	if (!game) return refuse(LIVE_STATUS.noRoom, MESSAGES.judgeLink);
	const [parts, teams, scores] = await Promise.all([repo.partsOf(db, game.id), repo.teamsOf(db, game.id), repo.judgeScoresOf(db, game.id)]);
	const mine = Object.fromEntries(
		scores.filter((s) => s.judge_id === judge.id).map((s) => [`${s.part_id}:${s.team_id}`, s.score_tenths / 10])
	);
	return { ok: true, judge: { id: judge.id, name: judge.name }, game, parts, teams: teams.map((t) => ({ id: t.id, name: t.name })), mine };
}

/**
 * A judge's score for a team in a part: within 0 … scale_max in steps of 0.5, the part open, the
 * judge on their bound device. A judge may correct their score while the part is open (the last
 * one counts). The big screen's judging view follows (a new version).
 */
export async function scoreByJudge(input: {
	token: string;
	deviceKey: string | null;
	body: unknown;
}): Promise<Outcome<{ shown: number | null }>> {
	const ctx = await judgeByToken(input.token, input.deviceKey);
	if (!ctx.ok) return ctx;
	const parsed = LiveJudgeSchema.safeParse(input.body);
	if (!parsed.success) {
		const errors = fieldErrors(parsed.error);
		return refuse(LIVE_STATUS.badInput, Object.values(errors)[0] ?? 'Điểm không hợp lệ.', errors);
	}
	const { partId, teamId, score } = parsed.data;
	const part = ctx.parts.find((p) => p.id === partId);
	if (!part) return refuse(LIVE_STATUS.noRoom, 'Không tìm thấy phần thi này.');
	if (!ctx.teams.some((t) => t.id === teamId)) return refuse(LIVE_STATUS.badInput, MESSAGES.teamUnknown, { teamId: MESSAGES.teamUnknown });
	if (!validJudgeScore(score, part.scale_max)) {
		const message = `Điểm phải từ 0 đến ${part.scale_max}, theo bước 0,5.`;
		return refuse(LIVE_STATUS.badInput, message, { score: message });
	}
	const db = getDb();
	const now = Date.now();
	const res = await db.transaction().execute(async (trx): Promise<Outcome<{ shown: number | null }>> => {
		await lockRow(trx, 'live_games', ctx.game.id);
		const fresh = await trx.selectFrom('live_parts').select('status').where('id', '=', partId).executeTakeFirstOrThrow();
		if (fresh.status !== 'open') return refuse(LIVE_STATUS.refused, MESSAGES.partClosed);
		await repo.upsertJudgeScore(trx, { partId, judgeId: ctx.judge.id, teamId, tenths: toTenths(score), now });
		const g = await repo.findGameById(trx, ctx.game.id);
		// The judging screen shows the scores as they come: a new version of the game.
		if (g) await repo.updateGameAt(trx, g.id, g.version, { updated_at: now });
		publishAfter(trx, ctx.game.id);
		const list = (
			await trx.selectFrom('live_judge_scores').select('score_tenths').where('part_id', '=', partId).where('team_id', '=', teamId).execute()
		).map((r) => r.score_tenths);
		return { ok: true, shown: judgedScore(list) };
	});
	return res;
}
