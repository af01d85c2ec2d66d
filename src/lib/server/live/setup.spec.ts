import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, migrateToLatest } from '../db';
import * as users from '../users/users';
import { seedUnitsAndBank } from '../seed/base';
import { seededRng } from '../questions/draw';
import { CONSENT_VERSION } from '../../schemas/auth';
import { DrawSchema, NewGameSchema, SettingsSchema, drawFormToObject, TeamSchema, PartSchema } from '../../schemas/live-setup';
import type { SessionUser } from '../auth/sessions';
import * as setup from './setup';
import * as repo from './setup-repo';
import { judgeTokenHash } from './tokens';
import { clearCaches } from '../cache';
import { deleteQuestion, editQuestion } from '../questions/editing';
import { findQuestion } from '../questions/questions';

/** Issue 14 items 1 and 4: creating a live game — its room code, its drawn questions, its settings — and opening its room. */

const now = Date.now();
let organiser: SessionUser;
let lead: SessionUser;
let otherLead: SessionUser;
let participant: SessionUser;
let unitA: number;
let unitB: number;
let lawTopic: number;

async function person(phone: string, role: SessionUser['role'], unitId: number): Promise<SessionUser> {
	const id = await users.insertUser(getDb(), {
		full_name: `Người ${phone}`,
		name_folded: `nguoi ${phone}`,
		birth_date: '1990-01-01',
		gender: 'female',
		phone,
		email: null,
		national_id_hash: null,
		unit_id: unitId,
		role,
		password_hash: 'x',
		consent_at: now,
		consent_version: CONSENT_VERSION,
		created_at: now
	});
	return { id, fullName: `Người ${phone}`, role, unitId };
}

function form(fields: Record<string, string | string[]>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
	return f;
}

const newGame = (over: Record<string, string | string[]> = {}) =>
	NewGameSchema.parse(drawFormToObject(form({ title: 'Hội thi Ba Đình 2026', questionCount: '10', ...over })));

const SETTINGS = {
	title: 'Hội thi Ba Đình 2026',
	secondsPerQuestion: '20',
	displayMode: 'projector',
	speedBonus: 'on',
	teamMode: 'custom',
	teamScoring: 'average',
	quizWeight: '1',
	judgedWeight: '0,5',
	eliminationAfter: '',
	eliminationKeep: '',
	revivePosition: ''
};

beforeAll(async () => {
	process.env.DATABASE_PATH = ':memory:';
	await migrateToLatest(getDb());
	await getDb()
		.transaction()
		.execute((trx) => seedUnitsAndBank(trx, now - 86_400_000));
	const units = await getDb().selectFrom('units').select('id').where('parent_id', 'is not', null).orderBy('id').limit(2).execute();
	[unitA, unitB] = units.map((u) => u.id);
	lawTopic = (await getDb().selectFrom('topics').select('id').where('code', '=', 'bao-luc-gia-dinh').executeTakeFirstOrThrow()).id;
	organiser = await person('+84900000201', 'organiser', unitA);
	lead = await person('+84900000202', 'district_lead', unitA);
	otherLead = await person('+84900000203', 'district_lead', unitB);
	participant = await person('+84900000204', 'participant', unitA);
});

describe('the room code', () => {
	it('has six digits and never starts with 0', () => {
		for (let i = 0; i < 2000; i++) expect(setup.newRoomCode()).toMatch(setup.ROOM_CODE_RE);
		expect(setup.newRoomCode(() => 100000)).toBe('100000');
		expect(setup.ROOM_CODE_RE.test('012345')).toBe(false);
		expect(setup.ROOM_CODE_RE.test('12345')).toBe(false);
	});

	it('is unique: a code already taken is retried with another one', async () => {
		const first = await setup.createGame(organiser, newGame(), seededRng(1), () => '424242');
		expect(first).toMatchObject({ ok: true, code: '424242' });
		const codes = ['424242', '424242', '515151'];
		const second = await setup.createGame(organiser, newGame(), seededRng(2), () => codes.shift()!);
		expect(second).toMatchObject({ ok: true, code: '515151' });
		expect(codes).toHaveLength(0);
	});
});

describe('creating a game', () => {
	it('draws the questions by quota, pins each to its current version with one option order', async () => {
		const made = await setup.createGame(
			organiser,
			newGame({ quotaTopic: [String(lawTopic), ''], quotaDifficulty: ['', '1'], quotaCount: ['4', '3'] }),
			seededRng(7)
		);
		if (!made.ok) throw new Error(JSON.stringify(made.errors));
		const qs = await repo.listQuestions(getDb(), made.id);
		expect(qs.map((q) => q.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(new Set(qs.map((q) => q.questionId)).size).toBe(10);
		const bank = await getDb().selectFrom('questions').select(['id', 'topic_id', 'difficulty', 'current_version_id']).execute();
		const byId = new Map(bank.map((b) => [b.id, b]));
		expect(qs.filter((q) => byId.get(q.questionId)!.topic_id === lawTopic).length).toBeGreaterThanOrEqual(4);
		expect(qs.filter((q) => byId.get(q.questionId)!.difficulty === 1).length).toBeGreaterThanOrEqual(3);
		for (const q of qs) {
			expect(q.versionId).toBe(byId.get(q.questionId)!.current_version_id);
			const v = await getDb()
				.selectFrom('question_versions')
				.select('options_json')
				.where('id', '=', q.versionId)
				.executeTakeFirstOrThrow();
			const ids = (JSON.parse(v.options_json) as { id: string }[]).map((o) => o.id);
			expect([...q.optionOrder].sort()).toEqual([...ids].sort());
		}
		const game = await repo.findGame(getDb(), made.id);
		expect(game).toMatchObject({ status: 'draft', ownerId: organiser.id, unitId: null, secondsPerQuestion: 20 });
		const log = await getDb()
			.selectFrom('audit_log')
			.select('details_json')
			.where('action', '=', 'live.create')
			.where('entity_id', '=', String(made.id))
			.executeTakeFirst();
		expect(log).toBeDefined();
	});

	it('refuses quotas the bank cannot meet, with the reason, and writes nothing', async () => {
		const before = await getDb()
			.selectFrom('live_games')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const res = await setup.createGame(
			organiser,
			newGame({ questionCount: '100', quotaTopic: [String(lawTopic)], quotaDifficulty: ['3'], quotaCount: ['90'] })
		);
		expect(res.ok).toBe(false);
		if (!res.ok) expect(res.errors.quotas).toMatch(/Hạn mức dòng 1 cần 90 câu/);
		const after = await getDb()
			.selectFrom('live_games')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
	});

	it('puts a district lead’s game in their own unit whatever the form says; an organiser may choose a unit or the city', async () => {
		const byLead = await setup.createGame(lead, newGame({ unitId: String(unitB) }));
		expect(byLead.ok).toBe(true);
		if (byLead.ok) expect((await repo.findGame(getDb(), byLead.id))!.unitId).toBe(unitA);
		const byOrganiser = await setup.createGame(organiser, newGame({ unitId: String(unitB) }));
		if (byOrganiser.ok) expect((await repo.findGame(getDb(), byOrganiser.id))!.unitId).toBe(unitB);
		const unknownUnit = await setup.createGame(organiser, newGame({ unitId: '999999' }));
		expect(unknownUnit).toMatchObject({ ok: false, errors: { unitId: 'Đơn vị không tồn tại.' } });
		expect(await setup.createGame(participant, newGame())).toMatchObject({ ok: false });
	});

	it('lets the hosts of a game in, never a district lead of another unit', async () => {
		const made = await setup.createGame(lead, newGame());
		if (!made.ok) throw new Error('not made');
		expect(await setup.access(lead, made.id)).toMatchObject({ ok: true });
		expect(await setup.access(organiser, made.id)).toMatchObject({ ok: true });
		expect(await setup.access(otherLead, made.id)).toEqual({ ok: false, status: 403 });
		expect(await setup.access(participant, made.id)).toEqual({ ok: false, status: 403 });
		expect(await setup.access(organiser, 987654)).toEqual({ ok: false, status: 404 });
		const city = await setup.createGame(organiser, newGame());
		if (city.ok) expect(await setup.access(lead, city.id)).toEqual({ ok: false, status: 403 });
		expect(await setup.saveSettings(otherLead, made.id, SettingsSchema.parse(SETTINGS))).toMatchObject({ ok: false });
	});
});

describe('the forms', () => {
	it('keep seconds per question within 5–120 and weights as per mille', () => {
		expect(SettingsSchema.safeParse({ ...SETTINGS, secondsPerQuestion: '4' }).success).toBe(false);
		expect(SettingsSchema.safeParse({ ...SETTINGS, secondsPerQuestion: '121' }).success).toBe(false);
		const ok = SettingsSchema.parse({ ...SETTINGS, secondsPerQuestion: '120' });
		expect(ok).toMatchObject({ secondsPerQuestion: 120, quizWeight: 1000, judgedWeight: 500, speedBonus: true, eliminationAfter: null });
		expect(SettingsSchema.safeParse({ ...SETTINGS, quizWeight: '0', judgedWeight: '0' }).success).toBe(false);
		expect(SettingsSchema.safeParse({ ...SETTINGS, quizWeight: '-1' }).success).toBe(false);
	});

	it('want an elimination whole, and a revive question after it', () => {
		const half = SettingsSchema.safeParse({ ...SETTINGS, eliminationAfter: '5' });
		expect(half.success).toBe(false);
		const early = SettingsSchema.safeParse({ ...SETTINGS, eliminationAfter: '5', eliminationKeep: '10', revivePosition: '5' });
		expect(early.error?.issues[0]).toMatchObject({ path: ['revivePosition'] });
		const reviveAlone = SettingsSchema.safeParse({ ...SETTINGS, revivePosition: '7' });
		expect(reviveAlone.success).toBe(false);
		expect(SettingsSchema.parse({ ...SETTINGS, eliminationAfter: '5', eliminationKeep: '10', revivePosition: '6' })).toMatchObject({
			eliminationAfter: 5,
			eliminationKeep: 10,
			revivePosition: 6
		});
	});

	it('refuse names with emoji, empty or too long, as the join form does, and clean the rest', () => {
		expect(TeamSchema.safeParse({ name: 'Đội 🌸 Hoa Sen' }).error?.issues[0].message).toBe(
			'Tên đội không được chứa biểu tượng cảm xúc (emoji).'
		);
		expect(TeamSchema.safeParse({ name: '   ' }).error?.issues[0].message).toBe('Vui lòng nhập tên đội.');
		expect(TeamSchema.safeParse({ name: 'a'.repeat(200) }).error?.issues[0].message).toBe('Tên đội dài quá 60 ký tự.');
		expect(TeamSchema.parse({ name: '  Chi hội   Phúc Xá ' }).name).toBe('Chi hội Phúc Xá');
		expect(PartSchema.safeParse({ title: 'Tiểu phẩm', scaleMax: '0' }).success).toBe(false);
		expect(DrawSchema.safeParse({ questionCount: '5', quotas: [{ topicId: null, difficulty: 1, count: 6 }] }).success).toBe(false);
	});
});

describe('preparing and opening the room', () => {
	it('keeps edits to drafts, checks what the room needs, then opens it once', async () => {
		const made = await setup.createGame(organiser, newGame({ questionCount: '6' }));
		if (!made.ok) throw new Error('not made');
		const id = made.id;
		expect(
			await setup.saveSettings(organiser, id, SettingsSchema.parse({ ...SETTINGS, eliminationAfter: '6', eliminationKeep: '3' }))
		).toMatchObject({
			ok: false,
			errors: { eliminationAfter: expect.stringMatching(/trước câu cuối/) }
		});
		expect(await setup.saveSettings(organiser, id, SettingsSchema.parse(SETTINGS))).toEqual({ ok: true });
		expect(await setup.addPart(organiser, id, PartSchema.parse({ title: 'Tiểu phẩm', scaleMax: '10' }))).toEqual({ ok: true });

		let open = await setup.openRoom(organiser, id);
		expect(open.ok).toBe(false);
		if (!open.ok) expect(open.errors.open).toMatch(/ít nhất 2 đội.*chưa có giám khảo/);

		expect(await setup.addTeam(organiser, id, 'Đội Hoa Sen')).toEqual({ ok: true });
		expect(await setup.addTeam(organiser, id, 'đội hoa sen')).toMatchObject({ ok: false, errors: { name: 'Đã có đội mang tên này.' } });
		expect(await setup.addTeam(organiser, id, 'Đội Hoa Mai')).toEqual({ ok: true });
		const judge = await setup.addJudge(organiser, id, 'Bà Nguyễn Thị Giám Khảo');
		if (!judge.ok) throw new Error('no judge');
		expect(judge.token).toMatch(/^[a-z2-7]{32}$/);
		const stored = await getDb().selectFrom('live_judges').select('token_hash').where('id', '=', judge.judgeId).executeTakeFirstOrThrow();
		expect(stored.token_hash).toBe(judgeTokenHash(judge.token));
		expect(stored.token_hash).not.toContain(judge.token);

		await setup.moveQuestion(organiser, id, 0, 1);
		const order = (await repo.listQuestions(getDb(), id)).map((q) => q.questionId);
		open = await setup.openRoom(organiser, id);
		expect(open).toEqual({ ok: true, code: made.code });
		expect(await repo.findGame(getDb(), id)).toMatchObject({ status: 'lobby' });
		expect((await repo.listQuestions(getDb(), id)).map((q) => q.questionId)).toEqual(order);

		// Opened: nothing of the set-up changes any more, and it cannot be deleted.
		expect(await setup.addTeam(organiser, id, 'Đội muộn')).toMatchObject({
			ok: false,
			errors: { form: expect.stringMatching(/đã mở phòng/) }
		});
		expect(await setup.saveSettings(organiser, id, SettingsSchema.parse(SETTINGS))).toMatchObject({ ok: false });
		expect(await setup.deleteGame(organiser, id)).toMatchObject({ ok: false });
		expect(await setup.openRoom(organiser, id)).toMatchObject({ ok: false });
		// A lost judge link can still be replaced.
		const again = await setup.reissueJudge(organiser, id, judge.judgeId);
		expect(again.ok).toBe(true);
		if (again.ok) expect(again.token).not.toBe(judge.token);
	});

	it('deletes a draft with its questions and teams', async () => {
		const made = await setup.createGame(lead, newGame({ questionCount: '3' }));
		if (!made.ok) throw new Error('not made');
		expect(await setup.deleteGame(otherLead, made.id)).toMatchObject({ ok: false });
		expect(await setup.deleteGame(lead, made.id)).toEqual({ ok: true });
		expect(await repo.findGame(getDb(), made.id)).toBeUndefined();
		expect(await repo.listQuestions(getDb(), made.id)).toEqual([]);
	});

	it('adds published questions by id, and refuses others', async () => {
		const made = await setup.createGame(organiser, newGame({ questionCount: '2' }));
		if (!made.ok) throw new Error('not made');
		const have = (await repo.listQuestions(getDb(), made.id)).map((q) => q.questionId);
		const other = await getDb()
			.selectFrom('questions')
			.select('id')
			.where('status', '=', 'published')
			.where('id', 'not in', have)
			.limit(2)
			.execute();
		const res = await setup.addQuestions(organiser, made.id, [...other.map((o) => o.id), have[0]]);
		expect(res).toEqual({ ok: true, added: 2 });
		expect((await repo.listQuestions(getDb(), made.id)).map((q) => q.questionId)).toEqual([...have, ...other.map((o) => o.id)]);
		await getDb().updateTable('questions').set({ status: 'retired' }).where('id', '=', other[0].id).execute();
		const draft = await getDb()
			.selectFrom('questions')
			.select('id')
			.where('id', 'not in', [...have, ...other.map((o) => o.id)])
			.limit(1)
			.executeTakeFirstOrThrow();
		await getDb().updateTable('questions').set({ status: 'draft' }).where('id', '=', draft.id).execute();
		clearCaches();
		expect(await setup.addQuestions(organiser, made.id, [draft.id])).toMatchObject({ ok: false, errors: { pick: expect.any(String) } });
		// The question retired after it was picked keeps the room from opening.
		const open = await setup.openRoom(organiser, made.id);
		expect(open.ok).toBe(false);
		if (!open.ok) expect(open.errors.open).toMatch(/Câu 3 không còn được công bố/);
	});

	it('keeps a question a live game uses from being deleted or overwritten in place', async () => {
		const made = await setup.createGame(organiser, newGame({ questionCount: '1' }));
		if (!made.ok) throw new Error('not made');
		const [q] = await repo.listQuestions(getDb(), made.id);
		const refused = await deleteQuestion(getDb(), q.questionId, organiser.id);
		expect(refused).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/hội thi trực tiếp/) });
		expect(await findQuestion(getDb(), q.questionId)).toBeDefined();
		// Back to draft and edited: the version the game pinned stays as it was (a new version is made).
		await getDb().updateTable('questions').set({ status: 'draft' }).where('id', '=', q.questionId).execute();
		const before = await getDb().selectFrom('question_versions').select('stem').where('id', '=', q.versionId).executeTakeFirstOrThrow();
		const d = (await findQuestion(getDb(), q.questionId))!;
		const res = await editQuestion(
			getDb(),
			q.questionId,
			{
				topicId: d.topicId,
				difficulty: d.difficulty,
				status: 'draft',
				fit: d.fit,
				content: {
					kind: d.kind,
					stem: d.stem + ' (sửa)',
					options: d.options.map((o) => ({ text: o.text, correct: o.correct })),
					explanation: d.explanation,
					legalRef: d.legalRef
				}
			},
			organiser.id
		);
		expect(res).toMatchObject({ ok: true, mode: 'new_version' });
		expect(await getDb().selectFrom('question_versions').select('stem').where('id', '=', q.versionId).executeTakeFirstOrThrow()).toEqual(
			before
		);
	});
});
