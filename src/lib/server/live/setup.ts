import { randomInt } from 'node:crypto';
import { afterTransaction, getDb, type Executor, type Trx } from '../db';
import { lockRow } from '../db/sql';
import { isUniqueViolation, withSavepoint } from '../db/errors';
import { audit } from '../audit';
import { hasRole } from '../auth/guards';
import type { SessionUser } from '../auth/sessions';
import * as questions from '../questions/questions';
import { checkSupply, DrawError, drawForm, shuffle, type Quota, type Rng } from '../questions/draw';
import { cryptoRng } from '../attempts/service';
import { listSelectable } from '../units/units';
import type { FieldErrors, FormResult } from '../../schemas/form';
import type { DrawInput, NewGameInput, PartInput, SettingsInput } from '../../schemas/live-setup';
import { LIVE_CODE_LENGTH, livePaths } from '../../live/protocol';
import * as repo from './setup-repo';
import { canHost, liveBus } from './service';
import { newJudgeToken } from './tokens';

/**
 * Preparing a live hội thi (issue 14 items 1 and 4) and opening its room. A game is made in
 * `draft` with its room code; its settings, questions, teams, judged parts and judges change only
 * while it is a draft (each write locks the game row and checks the status in the same
 * transaction, so an edit never lands on a game that was opened meanwhile); `openRoom` moves it to
 * `lobby`, from where live-core's host commands drive it.
 *
 * Who: organisers and admins prepare and host any game; a district lead only games of their own
 * unit, and the unit of a game they create is theirs whatever the form says.
 */

export type Game = repo.GameRow;

/** Whether `user` may prepare, host and see the results (with names) of `game`: service.ts canHost, the one rule. */
function mayHost(user: SessionUser | null, game: Pick<Game, 'unitId'>): boolean {
	return canHost(user, { unit_id: game.unitId });
}

/** Whether `user` may create live games at all (and see the list). */
function mayCreate(user: Pick<SessionUser, 'role'> | null): boolean {
	return hasRole(user, 'organiser', 'district_lead');
}

export type Access = { ok: true; game: Game } | { ok: false; status: 403 | 404 };

/** The game `id` if `user` may host it: 404 when there is none, 403 when it belongs to another unit. */
export async function access(user: SessionUser, id: number, db: Executor = getDb()): Promise<Access> {
	const game = await repo.findGame(db, id);
	if (!game) return { ok: false, status: 404 };
	if (!mayHost(user, game)) return { ok: false, status: 403 };
	return { ok: true, game };
}

/* ——— Room code and judge links ——— */

/**
 * A random room code of LIVE_CODE_LENGTH digits, never starting with 0 (a code typed into Excel
 * or read aloud loses a leading zero). 900,000 codes: a collision is retried by the caller.
 */
export function newRoomCode(random: (min: number, max: number) => number = randomInt): string {
	const low = 10 ** (LIVE_CODE_LENGTH - 1);
	return String(random(low, 10 * low));
}

export const ROOM_CODE_RE = new RegExp(`^[1-9]\\d{${LIVE_CODE_LENGTH - 1}}$`);

const CODE_ATTEMPTS = 20;

/* ——— Create ——— */

const QUOTA_TOPIC_GONE = 'Chủ đề trong hạn mức không tồn tại. Vui lòng chọn lại.';

/** Which unit a new or edited game belongs to: a district lead's own, always; an organiser's choice (null = city level). */
async function unitFor(
	db: Executor,
	user: SessionUser,
	asked: number | null
): Promise<{ ok: true; unitId: number | null } | { ok: false; errors: FieldErrors }> {
	if (!hasRole(user, 'organiser')) return { ok: true, unitId: user.unitId };
	if (asked == null) return { ok: true, unitId: null };
	const found = await repo.existingUnits(db, [asked]);
	return found.length ? { ok: true, unitId: asked } : { ok: false, errors: { unitId: 'Đơn vị không tồn tại.' } };
}

/**
 * The questions a draw picks, pinned to their current version, each with one option order for the
 * whole game (shuffled once; the big screen and every phone show it), stored like an attempt's:
 * a JSON list of option ids.
 */
export async function drawPinned(
	db: Executor,
	d: DrawInput,
	rng: Rng
): Promise<{ ok: true; items: Omit<repo.PinnedQuestion, 'position'>[] } | { ok: false; errors: FieldErrors }> {
	if (
		!(await questions.topicsExist(
			db,
			d.quotas.flatMap((q) => (q.topicId == null ? [] : [q.topicId]))
		))
	)
		return { ok: false, errors: { quotas: QUOTA_TOPIC_GONE } };
	const pool = await questions.listDrawPool(db);
	let ids: number[];
	try {
		ids = drawForm(pool, d.quotas, d.questionCount, rng).ids;
	} catch (e) {
		if (!(e instanceof DrawError)) throw e;
		return { ok: false, errors: { quotas: supplyMessage(pool, d.quotas, d.questionCount) } };
	}
	return { ok: true, items: await pin(db, pool, ids, rng) };
}

/** Why a draw cannot be made, in the words of the round page's supply check. */
function supplyMessage(pool: Parameters<typeof checkSupply>[0], quotas: readonly Quota[], count: number): string {
	const s = checkSupply(pool, quotas, count);
	if (s.poolSize < count) return `Ngân hàng chỉ có ${s.poolSize} câu đã công bố, hội thi cần ${count} câu.`;
	if (s.failedQuota != null) {
		const q = s.quotas[s.failedQuota];
		return `Hạn mức dòng ${s.failedQuota + 1} cần ${q.count} câu nhưng ngân hàng chỉ có ${q.available} câu phù hợp (đã công bố).`;
	}
	return 'Ngân hàng câu hỏi không đáp ứng được đồng thời mọi hạn mức.';
}

async function pin(
	db: Executor,
	pool: readonly { id: number; versionId: number }[],
	ids: readonly number[],
	rng: Rng
): Promise<Omit<repo.PinnedQuestion, 'position'>[]> {
	const versionOf = new Map(pool.map((p) => [p.id, p.versionId]));
	const versions = await questions.getVersions(
		db,
		ids.map((id) => versionOf.get(id)!)
	);
	return ids.map((questionId) => {
		const v = versions.get(versionOf.get(questionId)!)!;
		return {
			questionId,
			versionId: v.id,
			optionOrder: shuffle(
				v.options.map((o) => o.id),
				rng
			)
		};
	});
}

/**
 * Creates a draft game with a fresh room code and its drawn questions. The code is unique in the
 * database (UNIQUE); a collision is retried with another code, inside a savepoint (PostgreSQL
 * would otherwise lose the whole transaction to the failed insert).
 */
export async function createGame(
	user: SessionUser,
	input: NewGameInput,
	rng: Rng = cryptoRng,
	code = newRoomCode
): Promise<FormResult<{ id: number; code: string }>> {
	if (!mayCreate(user)) return { ok: false, errors: { form: 'Bạn không có quyền tạo hội thi trực tiếp.' } };
	return getDb()
		.transaction()
		.execute(async (trx): Promise<FormResult<{ id: number; code: string }>> => {
			const unit = await unitFor(trx, user, input.unitId);
			if (!unit.ok) return unit;
			const drawn = await drawPinned(trx, input, rng);
			if (!drawn.ok) return drawn;
			const now = Date.now();
			const made = await insertWithCode(trx, { title: input.title, ownerId: user.id, unitId: unit.unitId, now }, code);
			await repo.replaceQuestions(trx, made.id, drawn.items);
			await audit(trx, {
				actorUserId: user.id,
				action: 'live.create',
				entity: 'live_game',
				entityId: made.id,
				details: { title: input.title, unitId: unit.unitId, code: made.code, questionCount: input.questionCount, quotas: input.quotas },
				at: now
			});
			return { ok: true, ...made };
		});
}

export async function insertWithCode(
	trx: Trx,
	g: Omit<repo.NewGameRow, 'code'>,
	code: () => string
): Promise<{ id: number; code: string }> {
	for (let i = 0; ; i++) {
		const c = code();
		try {
			return { id: await withSavepoint(trx, () => repo.insertGame(trx, { ...g, code: c })), code: c };
		} catch (e) {
			if (!isUniqueViolation(e) || i + 1 >= CODE_ATTEMPTS) throw e;
		}
	}
}

/* ——— Reading ——— */

/** The games `user` may host, newest first: all of them for organisers, the own unit's for a district lead. */
export async function listGamesFor(user: SessionUser, page: number, pageSize = 20) {
	const unitId = hasRole(user, 'organiser') ? null : user.unitId;
	const res = await repo.listGames(getDb(), { unitId }, { offset: (page - 1) * pageSize, limit: pageSize });
	return { ...res, page, pageSize };
}

/** Units a game may belong to (organisers' choice on the forms). */
export function unitChoices() {
	return listSelectable(getDb());
}

/** Everything the setup page shows of one game, plus what its forms offer. */
export async function setupView(game: Game, search: { q: string; topicId: number | null; page: number }) {
	const db = getDb();
	const pageSize = 20;
	const [gameQuestions, teams, parts, judges, topics, found, teamUnits] = await Promise.all([
		repo.listQuestions(db, game.id),
		repo.listTeams(db, game.id),
		repo.listParts(db, game.id),
		repo.listJudges(db, game.id),
		questions.listTopics(db),
		questions.listQuestions(
			db,
			{ q: search.q, topicId: search.topicId, status: 'published' },
			{ offset: (search.page - 1) * pageSize, limit: pageSize }
		),
		teamUnitChoices(db, game.unitId)
	]);
	return { questions: gameQuestions, teams, parts, judges, topics, found: { ...found, page: search.page, pageSize }, teamUnits };
}

/**
 * The units a “team per unit” game offers as teams: the units below the game's unit when it has
 * any (chi hội, xã/phường of a district), otherwise every unit people register in.
 */
async function teamUnitChoices(db: Executor, unitId: number | null): Promise<{ id: number; name: string }[]> {
	const below = unitId == null ? [] : await repo.childUnits(db, unitId);
	if (below.length) return below;
	return (await listSelectable(db)).map((u) => ({ id: u.id, name: u.name }));
}

/* ——— Edits (drafts only) ——— */

const NOT_DRAFT = 'Hội thi đã mở phòng: không thể sửa thiết lập nữa.';
const GONE = 'Không tìm thấy hội thi.';

/** What an edit answers: its errors, or done with what the caller gets and what the audit row records. */
type Edited<T> = { ok: false; errors: FieldErrors } | ({ ok: true; details?: Record<string, unknown> } & T);

/**
 * Runs an edit of a draft in one transaction: the game row locked, its status checked, then `fn`,
 * then the audit row. `fn` answers errors (nothing is written then: the transaction is rolled back).
 */
async function editDraft<T extends object = object>(
	user: SessionUser,
	gameId: number,
	action: string,
	fn: (trx: Trx, game: Game, now: number) => Promise<Edited<NoInfer<T>>>
): Promise<FormResult<T>> {
	const failed = Symbol('failed');
	try {
		return await getDb()
			.transaction()
			.execute(async (trx): Promise<FormResult<T>> => {
				await lockRow(trx, 'live_games', gameId);
				const game = await repo.findGame(trx, gameId);
				if (!game) return { ok: false, errors: { form: GONE } };
				if (!mayHost(user, game)) return { ok: false, errors: { form: 'Bạn không có quyền sửa hội thi này.' } };
				if (game.status !== 'draft') return { ok: false, errors: { form: NOT_DRAFT } };
				const now = Date.now();
				const res = await fn(trx, game, now);
				if (!res.ok) throw Object.assign(new Error('rolled back'), { [failed]: res });
				const { details, ...out } = res;
				await repo.touchGame(trx, gameId, now);
				await audit(trx, { actorUserId: user.id, action, entity: 'live_game', entityId: gameId, details: details ?? {}, at: now });
				return out as FormResult<T>;
			});
	} catch (e) {
		if (e && typeof e === 'object' && failed in e) return (e as Record<symbol, FormResult<T>>)[failed];
		throw e;
	}
}

/** Positions (0-based) from what the host typed (question numbers, 1-based), checked against the game's question count. */
function eliminationErrors(s: SettingsInput, questionCount: number): FieldErrors {
	const errors: FieldErrors = {};
	if (s.eliminationAfter != null && s.eliminationAfter >= questionCount)
		errors.eliminationAfter = `Câu loại phải trước câu cuối (hội thi có ${questionCount} câu).`;
	if (s.revivePosition != null && s.revivePosition > questionCount) errors.revivePosition = `Hội thi chỉ có ${questionCount} câu.`;
	return errors;
}

export function saveSettings(user: SessionUser, gameId: number, s: SettingsInput): Promise<FormResult> {
	return editDraft(user, gameId, 'live.settings', async (trx, game) => {
		const unit = await unitFor(trx, user, hasRole(user, 'organiser') ? s.unitId : game.unitId);
		if (!unit.ok) return unit;
		const count = (await repo.listQuestions(trx, gameId)).length;
		const errors = eliminationErrors(s, count);
		if (Object.keys(errors).length) return { ok: false, errors };
		const row: repo.SettingsRow = {
			title: s.title,
			unitId: unit.unitId,
			secondsPerQuestion: s.secondsPerQuestion,
			displayMode: s.displayMode,
			speedBonus: s.speedBonus,
			teamMode: s.teamMode,
			teamScoring: s.teamScoring,
			quizWeight: s.quizWeight,
			judgedWeight: s.judgedWeight,
			eliminationAfter: s.eliminationAfter == null ? null : s.eliminationAfter - 1,
			eliminationKeep: s.eliminationKeep,
			revivePosition: s.revivePosition == null ? null : s.revivePosition - 1
		};
		await repo.updateSettings(trx, gameId, row, Date.now());
		// Teams of the other kind no longer fit: a switch to “per unit” or “custom” starts from none.
		if (s.teamMode !== game.teamMode) await repo.deleteTeams(trx, gameId);
		return { ok: true, details: { before: settingsOf(game), after: row } };
	});
}

function settingsOf(g: Game): repo.SettingsRow {
	return {
		title: g.title,
		unitId: g.unitId,
		secondsPerQuestion: g.secondsPerQuestion,
		displayMode: g.displayMode,
		speedBonus: g.speedBonus,
		teamMode: g.teamMode,
		teamScoring: g.teamScoring,
		quizWeight: g.quizWeight,
		judgedWeight: g.judgedWeight,
		eliminationAfter: g.eliminationAfter,
		eliminationKeep: g.eliminationKeep,
		revivePosition: g.revivePosition
	};
}

/** Replaces the game's questions by a new draw. */
export function redraw(user: SessionUser, gameId: number, d: DrawInput, rng: Rng = cryptoRng): Promise<FormResult> {
	return editDraft(user, gameId, 'live.questions.draw', async (trx) => {
		const drawn = await drawPinned(trx, d, rng);
		if (!drawn.ok) return drawn;
		await repo.replaceQuestions(trx, gameId, drawn.items);
		return { ok: true, details: { questionCount: d.questionCount, quotas: d.quotas, questionIds: drawn.items.map((q) => q.questionId) } };
	});
}

/** Appends published questions picked by id (those already in the game are left where they are). */
export function addQuestions(
	user: SessionUser,
	gameId: number,
	ids: readonly number[],
	rng: Rng = cryptoRng
): Promise<FormResult<{ added: number }>> {
	return editDraft<{ added: number }>(user, gameId, 'live.questions.add', async (trx) => {
		const current = await repo.listQuestions(trx, gameId);
		const have = new Set(current.map((q) => q.questionId));
		const pool = await questions.listDrawPool(trx);
		const published = new Set(pool.map((p) => p.id));
		const wanted = [...new Set(ids)].filter((id) => !have.has(id));
		if (wanted.some((id) => !published.has(id)))
			return { ok: false, errors: { pick: 'Chỉ thêm được câu hỏi đã công bố trong ngân hàng.' } };
		if (current.length + wanted.length > 100) return { ok: false, errors: { pick: 'Một hội thi có tối đa 100 câu hỏi.' } };
		const added = await pin(trx, pool, wanted, rng);
		await repo.replaceQuestions(trx, gameId, [...current, ...added]);
		return { ok: true, added: added.length, details: { questionIds: wanted } };
	});
}

export function removeQuestion(user: SessionUser, gameId: number, position: number): Promise<FormResult> {
	return editDraft(user, gameId, 'live.questions.remove', async (trx) => {
		const current = await repo.listQuestions(trx, gameId);
		const gone = current.find((q) => q.position === position);
		if (!gone) return { ok: false, errors: { questions: 'Câu hỏi này không còn trong hội thi.' } };
		await repo.replaceQuestions(
			trx,
			gameId,
			current.filter((q) => q !== gone)
		);
		return { ok: true, details: { questionId: gone.questionId, position } };
	});
}

/** Moves the question at `position` one place up (-1) or down (+1). */
export function moveQuestion(user: SessionUser, gameId: number, position: number, delta: -1 | 1): Promise<FormResult> {
	return editDraft(user, gameId, 'live.questions.move', async (trx) => {
		const current = await repo.listQuestions(trx, gameId);
		const to = position + delta;
		if (!current[position] || !current[to]) return { ok: false, errors: { questions: 'Không thể chuyển câu hỏi này.' } };
		[current[position], current[to]] = [current[to], current[position]];
		await repo.replaceQuestions(trx, gameId, current);
		return { ok: true, details: { questionId: current[to].questionId, from: position, to } };
	});
}

const TEAM_TAKEN = 'Đã có đội mang tên này.';

export function addTeam(user: SessionUser, gameId: number, name: string): Promise<FormResult> {
	return editDraft(user, gameId, 'live.team.add', async (trx, game, now) => {
		if (game.teamMode !== 'custom')
			return { ok: false, errors: { name: 'Hãy chọn “Đội do Ban tổ chức đặt tên” trong phần thiết lập trước.' } };
		const teams = await repo.listTeams(trx, gameId);
		if (teams.some((t) => t.name.toLocaleLowerCase('vi') === name.toLocaleLowerCase('vi')))
			return { ok: false, errors: { name: TEAM_TAKEN } };
		if (teams.length >= 100) return { ok: false, errors: { name: 'Một hội thi có tối đa 100 đội.' } };
		const id = await repo.insertTeam(trx, gameId, { name, unitId: null }, now);
		return { ok: true, details: { teamId: id, name } };
	});
}

/** “Per unit”: the game's teams become exactly the chosen units (each a team named after it). */
export function setUnitTeams(user: SessionUser, gameId: number, unitIds: readonly number[]): Promise<FormResult> {
	return editDraft(user, gameId, 'live.team.units', async (trx, game, now) => {
		if (game.teamMode !== 'unit') return { ok: false, errors: { units: 'Hãy chọn “Mỗi đơn vị một đội” trong phần thiết lập trước.' } };
		const wanted = [...new Set(unitIds)];
		const offered = new Map((await teamUnitChoices(trx, game.unitId)).map((u) => [u.id, u.name]));
		if (wanted.some((id) => !offered.has(id))) return { ok: false, errors: { units: 'Đơn vị không hợp lệ.' } };
		await repo.deleteTeams(trx, gameId);
		for (const id of wanted) await repo.insertTeam(trx, gameId, { name: offered.get(id)!, unitId: id }, now);
		return { ok: true, details: { unitIds: wanted } };
	});
}

export function removeTeam(user: SessionUser, gameId: number, teamId: number): Promise<FormResult> {
	return editDraft(user, gameId, 'live.team.remove', async (trx) => {
		if (!(await repo.deleteTeam(trx, gameId, teamId))) return { ok: false, errors: { teams: 'Đội này không còn trong hội thi.' } };
		return { ok: true, details: { teamId } };
	});
}

export function addPart(user: SessionUser, gameId: number, p: PartInput): Promise<FormResult> {
	return editDraft(user, gameId, 'live.part.add', async (trx) => {
		const parts = await repo.listParts(trx, gameId);
		if (parts.length >= 10) return { ok: false, errors: { partTitle: 'Một hội thi có tối đa 10 phần thi chấm điểm.' } };
		const id = await repo.insertPart(trx, gameId, { ...p, sortOrder: parts.length });
		return { ok: true, details: { partId: id, ...p } };
	});
}

export function removePart(user: SessionUser, gameId: number, partId: number): Promise<FormResult> {
	return editDraft(user, gameId, 'live.part.remove', async (trx) => {
		if (!(await repo.deletePart(trx, gameId, partId))) return { ok: false, errors: { parts: 'Phần thi này không còn trong hội thi.' } };
		return { ok: true, details: { partId } };
	});
}

/**
 * Adds a judge and answers the judge's link — the only time it is ever shown: the database keeps
 * its SHA-256 alone, so a lost link can only be replaced (`reissueJudge`), never shown again.
 */
export function addJudge(user: SessionUser, gameId: number, name: string): Promise<FormResult<{ judgeId: number; token: string }>> {
	return editDraft<{ judgeId: number; token: string }>(user, gameId, 'live.judge.add', async (trx, _game, now) => {
		if ((await repo.listJudges(trx, gameId)).length >= 20)
			return { ok: false, errors: { judgeName: 'Một hội thi có tối đa 20 giám khảo.' } };
		const { token, hash } = newJudgeToken();
		const judgeId = await repo.insertJudge(trx, gameId, { name, tokenHash: hash }, now);
		return { ok: true, judgeId, token, details: { judgeId, name } };
	});
}

export function removeJudge(user: SessionUser, gameId: number, judgeId: number): Promise<FormResult> {
	return editDraft(user, gameId, 'live.judge.remove', async (trx) => {
		if (!(await repo.deleteJudge(trx, gameId, judgeId))) return { ok: false, errors: { judges: 'Giám khảo này không còn trong hội thi.' } };
		return { ok: true, details: { judgeId } };
	});
}

/**
 * A new link for a judge who lost theirs or changed phone: the old link stops working at once and
 * the new one binds to the next device that opens it. Allowed until the game has finished (a judge
 * may lose a phone in the middle of the hội thi); audit-logged.
 */
export async function reissueJudge(
	user: SessionUser,
	gameId: number,
	judgeId: number
): Promise<FormResult<{ judgeId: number; name: string; token: string }>> {
	return getDb()
		.transaction()
		.execute(async (trx): Promise<FormResult<{ judgeId: number; name: string; token: string }>> => {
			await lockRow(trx, 'live_games', gameId);
			const game = await repo.findGame(trx, gameId);
			if (!game) return { ok: false, errors: { form: GONE } };
			if (!mayHost(user, game)) return { ok: false, errors: { form: 'Bạn không có quyền sửa hội thi này.' } };
			if (game.status === 'finished') return { ok: false, errors: { judges: 'Hội thi đã kết thúc.' } };
			const judge = (await repo.listJudges(trx, gameId)).find((j) => j.id === judgeId);
			if (!judge) return { ok: false, errors: { judges: 'Giám khảo này không còn trong hội thi.' } };
			const { token, hash } = newJudgeToken();
			await repo.replaceJudgeToken(trx, gameId, judgeId, hash);
			await audit(trx, { actorUserId: user.id, action: 'live.judge.reissue', entity: 'live_game', entityId: gameId, details: { judgeId } });
			return { ok: true, judgeId, name: judge.name, token };
		});
}

/* ——— Open, delete ——— */

/**
 * What keeps a draft from opening: no questions; questions taken out of the bank since they were
 * picked; teams missing for a team game; judged parts without teams or judges; an elimination
 * that no longer fits the question count.
 */
export function openProblems(
	game: Pick<Game, 'teamMode' | 'eliminationAfter' | 'revivePosition'>,
	qs: readonly Pick<repo.GameQuestion, 'position' | 'status'>[],
	teams: number,
	parts: number,
	judges: number
): string[] {
	const out: string[] = [];
	if (qs.length === 0) out.push('Hội thi chưa có câu hỏi nào.');
	const retired = qs.filter((q) => q.status !== 'published').map((q) => q.position + 1);
	if (retired.length) out.push(`Câu ${retired.join(', ')} không còn được công bố trong ngân hàng: hãy bỏ hoặc thay câu đó.`);
	if (game.teamMode !== 'none' && teams < 2) out.push('Hội thi chia đội cần ít nhất 2 đội.');
	if (parts > 0 && game.teamMode === 'none') out.push('Phần thi giám khảo chấm điểm cho từng đội: hãy chia đội.');
	if (parts > 0 && judges === 0) out.push('Có phần thi chấm điểm nhưng chưa có giám khảo.');
	if (game.eliminationAfter != null && game.eliminationAfter >= qs.length - 1) out.push('Câu loại phải trước câu cuối.');
	if (game.revivePosition != null && game.revivePosition >= qs.length) out.push('Câu cứu trợ vượt quá số câu của hội thi.');
	return out;
}

/**
 * draft → lobby: players may join from now on. A question edited in the bank since it was picked
 * is pinned to its current version (a correction made before the room opens is what the hall
 * should see), with a new option order when its options changed.
 */
export async function openRoom(user: SessionUser, gameId: number, rng: Rng = cryptoRng): Promise<FormResult<{ code: string }>> {
	return editDraft<{ code: string }>(user, gameId, 'live.open', async (trx, game, now): Promise<Edited<{ code: string }>> => {
		const [qs, teams, parts, judges] = await Promise.all([
			repo.listQuestions(trx, gameId),
			repo.listTeams(trx, gameId),
			repo.listParts(trx, gameId),
			repo.listJudges(trx, gameId)
		]);
		const problems = openProblems(game, qs, teams.length, parts.length, judges.length);
		if (problems.length) return { ok: false, errors: { open: problems.join(' ') } };
		const stale = qs.filter((q) => q.currentVersionId != null && q.currentVersionId !== q.versionId);
		if (stale.length) {
			const versions = await questions.getVersions(
				trx,
				stale.map((q) => q.currentVersionId!)
			);
			const repinned = qs.map((q) => {
				if (!stale.includes(q)) return q;
				const v = versions.get(q.currentVersionId!)!;
				const ids = v.options.map((o) => o.id);
				const same = ids.length === q.optionOrder.length && ids.every((id) => q.optionOrder.includes(id));
				return { ...q, versionId: v.id, optionOrder: same ? q.optionOrder : shuffle(ids, rng) };
			});
			await repo.replaceQuestions(trx, gameId, repinned);
		}
		if (!(await repo.openRoom(trx, gameId, now))) return { ok: false, errors: { form: NOT_DRAFT } };
		// A host console already open on the draft moves to the lobby (a new version of the game).
		afterTransaction(trx, (committed) => {
			if (committed) liveBus().publish(gameId);
		});
		return { ok: true, code: game.code, details: { code: game.code, questions: qs.length, repinned: stale.map((q) => q.questionId) } };
	});
}

export function deleteGame(user: SessionUser, gameId: number): Promise<FormResult> {
	return editDraft(user, gameId, 'live.delete', async (trx, game) => {
		await repo.deleteDraft(trx, gameId);
		return { ok: true, details: { title: game.title, code: game.code } };
	});
}

/** Where a judge's link points (relative: the page makes it absolute with the address it was opened at). */
export function judgePath(token: string): string {
	return livePaths.judge(token);
}
