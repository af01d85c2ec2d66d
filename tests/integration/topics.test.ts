import { describe, expect, it } from 'vitest';
import { loggedIn } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * The bank's writes that the question pages make (questions/service.ts): topics are added,
 * renamed and deleted together with their audit-log rows; a question for a topic that is not in
 * the bank is refused with the field's message; every export of the bank is logged.
 */

const ORGANISER = '0900000002';

async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
	const out = (await db.all(sql, ...params)) as T[];
	return out;
}

const auditOf = async (action: string, entityId: number) =>
	(
		await rows<{ details_json: string }>(
			'select details_json from audit_log where action = ? and entity_id = ? order by id',
			action,
			String(entityId)
		)
	).map((r) => JSON.parse(r.details_json));

const topicByCode = async (code: string) =>
	(await rows<{ id: number; name: string }>('select id, name from topics where code = ?', code))[0];

describe('topics', () => {
	it('adds, renames and deletes a topic, logging each step', async () => {
		const c = await loggedIn(ORGANISER);
		const created = await c.action('/organiser/questions/topics?/create', { code: 'KT-Nhat-Ky', name: 'Chủ đề kiểm thử nhật ký' });
		expect(created.body?.data).toEqual({ saved: 'Đã thêm chủ đề “Chủ đề kiểm thử nhật ký”.' });
		const topic = await topicByCode('kt-nhat-ky');
		expect(await auditOf('topic.create', topic.id)).toEqual([{ code: 'kt-nhat-ky', name: 'Chủ đề kiểm thử nhật ký' }]);

		const renamed = await c.action('/organiser/questions/topics?/rename', { id: String(topic.id), name: 'Chủ đề kiểm thử đổi tên' });
		expect(renamed.body?.data).toEqual({ saved: 'Đã đổi tên chủ đề.' });
		expect((await topicByCode('kt-nhat-ky')).name).toBe('Chủ đề kiểm thử đổi tên');
		expect(await auditOf('topic.rename', topic.id)).toEqual([{ name: 'Chủ đề kiểm thử đổi tên' }]);

		const deleted = await c.action('/organiser/questions/topics?/delete', { id: String(topic.id) });
		expect(deleted.body?.data).toEqual({ saved: 'Đã xóa chủ đề.' });
		expect(await topicByCode('kt-nhat-ky')).toBeUndefined();
		expect(await auditOf('topic.delete', topic.id)).toEqual([{}]);
	});

	it('refuses a code already in the bank as a field error, keeping what was typed and logging nothing', async () => {
		const c = await loggedIn(ORGANISER);
		const existing = (await rows<{ id: number; code: string }>('select id, code from topics order by id limit 1'))[0];
		const before = (await rows<{ n: number }>("select count(*) as n from audit_log where action = 'topic.create'"))[0].n;
		const { status, body } = await c.action('/organiser/questions/topics?/create', { code: existing.code.toUpperCase(), name: 'Trùng mã' });
		expect(status).toBe(400);
		expect(body?.data).toEqual({
			create: { values: { code: existing.code.toUpperCase(), name: 'Trùng mã' }, errors: { code: 'Mã chủ đề này đã có.' } }
		});
		expect((await rows<{ n: number }>("select count(*) as n from audit_log where action = 'topic.create'"))[0].n).toBe(before);
	});

	it('keeps a topic that questions use, logging nothing', async () => {
		const c = await loggedIn(ORGANISER);
		const used = (await rows<{ id: number }>('select topic_id as id from questions order by id limit 1'))[0];
		const { status, body } = await c.action('/organiser/questions/topics?/delete', { id: String(used.id) });
		expect(status).toBe(409);
		expect(body?.data.message).toBe('Chủ đề còn câu hỏi hoặc đang dùng trong hạn mức của đợt thi nên không thể xóa.');
		expect(await rows('select id from topics where id = ?', used.id)).toHaveLength(1);
		expect(await auditOf('topic.delete', used.id)).toEqual([]);
	});
});

describe('questions', () => {
	const question = (topicId: string) => ({
		topicId,
		difficulty: '1',
		kind: 'single',
		status: 'draft',
		stem: 'Câu hỏi kiểm thử chủ đề không có trong ngân hàng?',
		option0: 'Có',
		option1: 'Không',
		correct: '0',
		explanation: '',
		legalRef: ''
	});

	it('refuses a question for a topic that is not in the bank, keeping what was typed and writing nothing', async () => {
		const c = await loggedIn(ORGANISER);
		const { status, body } = await c.action('/organiser/questions/new', question('987654'));
		expect(status).toBe(400);
		expect(body?.data.errors).toEqual({ topicId: 'Chủ đề không tồn tại. Vui lòng chọn lại.' });
		expect(body?.data.values).toMatchObject({ topicId: '987654', stem: 'Câu hỏi kiểm thử chủ đề không có trong ngân hàng?' });
		expect(await rows("select id from question_versions where stem = 'Câu hỏi kiểm thử chủ đề không có trong ngân hàng?'")).toEqual([]);
	});

	it('refuses the same when an existing question is saved', async () => {
		const c = await loggedIn(ORGANISER);
		const q = (await rows<{ id: number }>('select id from questions order by id limit 1'))[0];
		const { status, body } = await c.action(`/organiser/questions/${q.id}?/save`, question('987654'));
		expect(status).toBe(400);
		expect(body?.data.errors).toEqual({ topicId: 'Chủ đề không tồn tại. Vui lòng chọn lại.' });
	});

	it('logs every export of the bank with its format and size', async () => {
		const c = await loggedIn(ORGANISER);
		const res = await c.get('/organiser/questions/export?format=csv&status=published');
		expect(res.status).toBe(200);
		await res.arrayBuffer();
		const published = (await rows<{ n: number }>("select count(*) as n from questions where status = 'published'"))[0].n;
		const [last] = await rows<{ details_json: string; actor: string }>(
			"select a.details_json, u.phone as actor from audit_log a join users u on u.id = a.actor_user_id where a.action = 'questions.export' order by a.id desc limit 1"
		);
		expect(last.actor).toBe('+84900000002');
		expect(JSON.parse(last.details_json)).toMatchObject({ format: 'csv', count: published, filter: { status: 'published' } });
	});
});
