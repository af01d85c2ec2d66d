import { describe, expect, it } from 'vitest';
import { parse } from 'devalue';
import { loggedIn, type Client } from './client';
import { testDb } from './db';

/**
 * Item-writing warnings (issue 15 item 4) through HTTP: a flagged question is saved anyway and its
 * page shows the warning; accepting stores who/when for the current version; the list filters
 * on warnings; the import preview lists them.
 */
const db = testDb();
const ORGANISER = '0900000002';
const tag = `iw${Date.now() % 1_000_000}`;

async function topicId(): Promise<string> {
	const r = (await db.get('select id from topics order by id limit 1')) as { id: number };
	return String(r.id);
}

/** A single-choice question whose correct option is far longer than the others (long_correct). */
async function flaggedForm(stem: string, status = 'published') {
	return {
		topicId: await topicId(),
		difficulty: '1',
		kind: 'single',
		status,
		stem,
		option0: 'Đánh con',
		option1: 'Im lặng',
		option2: 'Gọi Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 để được tư vấn, hỗ trợ miễn phí',
		correct: '2',
		explanation: 'Tổng đài 111 miễn phí, 24/7.',
		legalRef: 'Nghị định 56/2017/NĐ-CP'
	};
}

async function createFlagged(c: Client, stem: string) {
	const res = await c.action('/organiser/questions/new', await flaggedForm(stem));
	expect(res.body?.type).toBe('redirect');
	const id = Number(/\/organiser\/questions\/(\d+)\?saved=created/.exec(res.body!.location!)![1]);
	return { id, location: res.body!.location! };
}

const listText = async (c: Client, query: string) => (await c.get(`/organiser/questions?${query}`)).text();

describe('item-writing warnings in the question bank', () => {
	it('saves a flagged question and shows the warning on its page, never blocking', async () => {
		const c = await loggedIn(ORGANISER);
		const stem = `Câu ${tag}-a: khi trẻ bị bạo lực, nên làm gì?`;
		const { id, location } = await createFlagged(c, stem);
		expect(await db.get('select id from questions where id = ?', id)).toBeTruthy();
		const page = await (await c.get(location)).text();
		expect(page).toContain('Cảnh báo soạn câu hỏi');
		expect(page).toContain('Đáp án đúng dài hơn hẳn');
		expect(page).toContain('Câu hỏi đã được lưu.');
		expect(page).toContain('Chấp nhận cảnh báo “Đáp án đúng dài hơn hẳn”');
	});

	it('lists it under “Có cảnh báo”, then, once accepted (who and when stored), under “Đã chấp nhận”', async () => {
		const c = await loggedIn(ORGANISER);
		const stem = `Câu ${tag}-b: khi trẻ bị bạo lực, nên làm gì?`;
		const { id } = await createFlagged(c, stem);
		const q = encodeURIComponent(`${tag}-b`);
		expect(await listText(c, `q=${q}&warnings=open`)).toContain(stem);
		expect(await listText(c, `q=${q}&warnings=accepted`)).not.toContain(stem);
		expect(await listText(c, `q=${q}`)).toMatch(/\d+ cảnh báo/);

		const t0 = Date.now();
		const res = await c.action(`/organiser/questions/${id}?/acceptCheck`, { check: 'long_correct' });
		expect(res.status).toBe(200);
		expect(res.body?.data).toEqual({ accepted: 'long_correct' });
		const row = (await db.get(
			`select a.check_code, a.accepted_at, u.phone, a.version_id = q.current_version_id as current
			   from question_check_acceptances a join users u on u.id = a.accepted_by join questions q on q.id = a.question_id
			  where a.question_id = ?`,
			id
		)) as { check_code: string; accepted_at: number; phone: string; current: number | boolean };
		expect(row).toMatchObject({ check_code: 'long_correct', phone: '+84900000002' });
		expect(Number(row.accepted_at)).toBeGreaterThanOrEqual(t0 - 1000);
		expect(Boolean(row.current)).toBe(true);

		expect(await listText(c, `q=${q}&warnings=open`)).not.toContain(stem);
		expect(await listText(c, `q=${q}&warnings=accepted`)).toContain(stem);
		const page = await (await c.get(`/organiser/questions/${id}`)).text();
		expect(page).toContain('Đã chấp nhận');
		expect(page).toContain('Chấp nhận bởi');

		// A new version of the content asks again.
		const form = await flaggedForm(stem);
		const saved = await c.action(`/organiser/questions/${id}?/save`, { ...form, option0: 'Đánh con thật đau' });
		expect(saved.body?.location).toBe(`/organiser/questions/${id}?saved=new_version`);
		expect(await listText(c, `q=${q}&warnings=open`)).toContain(stem);

		// Accepted again, then withdrawn: open again.
		expect((await c.action(`/organiser/questions/${id}?/acceptCheck`, { check: 'long_correct' })).status).toBe(200);
		expect(await listText(c, `q=${q}&warnings=open`)).not.toContain(stem);
		expect((await c.action(`/organiser/questions/${id}?/withdrawCheck`, { check: 'long_correct' })).status).toBe(200);
		expect(await listText(c, `q=${q}&warnings=open`)).toContain(stem);
		expect(await db.get('select * from question_check_acceptances where question_id = ?', id)).toBeFalsy();
		const logged = (await db.all(
			"select action from audit_log where entity = 'question' and entity_id = ? and action like 'question.%check' order by id",
			String(id)
		)) as { action: string }[];
		expect(logged.map((l) => l.action)).toEqual(['question.accept_check', 'question.accept_check', 'question.withdraw_check']);
	});

	it('refuses to accept a check the question is not flagged for (409) or an unknown one (400)', async () => {
		const c = await loggedIn(ORGANISER);
		const { id } = await createFlagged(c, `Câu ${tag}-c: khi trẻ bị bạo lực, nên làm gì?`);
		expect((await c.action(`/organiser/questions/${id}?/acceptCheck`, { check: 'double_negative' })).status).toBe(409);
		expect((await c.action(`/organiser/questions/${id}?/acceptCheck`, { check: 'nonsense' })).status).toBe(400);
		expect(await db.get('select * from question_check_acceptances where question_id = ?', id)).toBeFalsy();
	});

	it('shows the warnings of an uploaded file in the import preview, and the import still goes through', async () => {
		const c = await loggedIn(ORGANISER);
		const header = 'topic_code,topic_name,difficulty,kind,stem,option_a,option_b,option_c,correct';
		const stem = `Câu ${tag}-d: những nơi nào nhận tin báo bạo lực gia đình? (chọn nhiều đáp án)`;
		const csv = [
			header,
			`kiem-thu-iw,Kiểm thử cảnh báo,1,multiple,"${stem}",Ủy ban nhân dân cấp xã,Công an xã,Cửa hàng tạp hóa,"A,B"`
		].join('\r\n');
		const fd = new FormData();
		fd.set('file', new Blob([new TextEncoder().encode(csv)]), 'canh-bao.csv');
		const res = await c.request('POST', '/organiser/questions/import?/preview', {
			body: fd,
			headers: { origin: c.base, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		const raw = JSON.parse(await res.text());
		const p = parse(raw.data).preview;
		expect(p.errorCount).toBe(0);
		expect(p.itemWarnings).toEqual([
			expect.objectContaining({ row: 2, code: 'all_but_outliers', label: 'Chọn tất cả trừ phương án vô lý' })
		]);
		expect(p.itemWarningRows).toBe(1);
		const done = await c.action('/organiser/questions/import?/confirm', { token: p.token });
		expect(done.body?.type).toBe('redirect');
		expect(await listText(c, `q=${encodeURIComponent(`${tag}-d`)}&warnings=open`)).toContain(stem);
	});
});
