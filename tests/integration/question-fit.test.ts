import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, type Client } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * Issue 15 items 3, 4 and 6 through HTTP: the question editor keeps who a question fits and its
 * exclusion group; the round page warns, before the round opens, when the questions fit for
 * under-16s (and 16–17-year-olds) cannot meet its quotas; the round form keeps the equal-forms
 * band; the round page and the fairness report show the spread of the forms drawn.
 */
const ORGANISER = '0900000002';
const tag = `${Date.now() % 1_000_000}`;
const created: number[] = [];
let c: Client;

const question = (over: Record<string, string> = {}) => ({
	topicId: '',
	difficulty: '2',
	kind: 'single',
	status: 'draft',
	stem: `Câu kiểm thử đối tượng ${tag}: hành vi nào là bạo lực tình dục?`,
	option0: 'Cưỡng ép quan hệ tình dục',
	option1: 'Cùng nhau nấu cơm',
	correct: '0',
	explanation: '',
	legalRef: '',
	audience: 'adults',
	minAge: '16',
	exclusionGroup: `Fit-${tag}`,
	...over
});

async function createQuestion(fields: Record<string, string>): Promise<number> {
	const r = await c.action('/organiser/questions/new', fields);
	expect(r.body?.type, r.text).toBe('redirect');
	const id = Number(/\/organiser\/questions\/(\d+)\?saved=created/.exec(r.body!.location!)![1]);
	created.push(id);
	return id;
}

const row = (id: number) =>
	db.get<{ audience: string; min_age: number | null; exclusion_group: string | null }>(
		'select audience, min_age, exclusion_group from questions where id = ?',
		id
	);

beforeAll(async () => {
	c = await loggedIn(ORGANISER);
});

afterAll(async () => {
	// Out of every later draw of the shared test server: the bank's other tests see it as before.
	for (const id of created) await c.action(`/organiser/questions/${id}?/status`, { status: 'retired' });
});

describe('the question editor', () => {
	it('stores the audience, the minimum age and the exclusion group (lowered), and shows them again', async () => {
		const topic = await db.get<{ id: number }>('select id from topics order by id limit 1');
		const id = await createQuestion(question({ topicId: String(topic!.id) }));
		expect(await row(id)).toEqual({ audience: 'adults', min_age: 16, exclusion_group: `fit-${tag}` });
		const html = await (await c.get(`/organiser/questions/${id}`)).text();
		expect(html).toMatch(/<option value="adults" selected[^>]*>Người lớn \(từ 18 tuổi\)<\/option>/);
		expect(html).toMatch(/name="minAge"[^>]*value="16"/);
		expect(html).toContain(`value="fit-${tag}"`);
	});

	it('refuses bad values with Vietnamese field errors, keeping what was typed and writing nothing', async () => {
		const topic = await db.get<{ id: number }>('select id from topics order by id limit 1');
		const fields = question({
			topicId: String(topic!.id),
			stem: `Câu sai đối tượng ${tag}?`,
			audience: 'trẻ em',
			minAge: '5',
			exclusionGroup: 'nhóm 1'
		});
		const { status, body } = await c.action('/organiser/questions/new', fields);
		expect(status).toBe(400);
		expect(body?.data.errors).toEqual({
			audience: 'Đối tượng “trẻ em” không hợp lệ; dùng “mọi người” (all) hoặc “người lớn” (adults).',
			minAge: 'Tuổi tối thiểu “5” không hợp lệ; ghi một số nguyên từ 6 đến 99, hoặc để trống.',
			exclusionGroup: 'Nhóm loại trừ “nhóm 1” chỉ được gồm chữ không dấu, số, “-”, “_”, “.” (tối đa 40 ký tự), hoặc để trống.'
		});
		expect(body?.data.values).toMatchObject({ audience: 'trẻ em', minAge: '5', exclusionGroup: 'nhóm 1' });
		expect(await db.all('select id from question_versions where stem = ?', `Câu sai đối tượng ${tag}?`)).toEqual([]);
	});

	it('changes who a question fits without a new version, and logs the change', async () => {
		const topic = await db.get<{ id: number }>('select id from topics order by id limit 1');
		const id = await createQuestion(question({ topicId: String(topic!.id), stem: `Câu đổi đối tượng ${tag}?`, status: 'published' }));
		const r = await c.action(
			`/organiser/questions/${id}?/save`,
			question({
				topicId: String(topic!.id),
				stem: `Câu đổi đối tượng ${tag}?`,
				status: 'published',
				audience: 'all',
				minAge: '',
				exclusionGroup: ''
			})
		);
		expect(r.body?.location).toBe(`/organiser/questions/${id}?saved=unchanged`);
		expect(await row(id)).toEqual({ audience: 'all', min_age: null, exclusion_group: null });
		expect(await db.all('select id from question_versions where question_id = ?', id)).toHaveLength(1);
		const audit = await db.get<{ details_json: string }>(
			"select details_json from audit_log where action = 'question.update' and entity_id = ? order by id desc limit 1",
			String(id)
		);
		expect(JSON.parse(audit!.details_json)).toMatchObject({
			fitBefore: { audience: 'adults', minAge: 16, exclusionGroup: `fit-${tag}` },
			fit: { audience: 'all', minAge: null, exclusionGroup: null }
		});
	});
});

describe('the round page', () => {
	let roundId: number;

	beforeAll(async () => {
		// A topic of three published questions, two of them for adults only, and a draft contest whose
		// upcoming round asks for three of that topic: under-18s cannot meet the quota.
		const made = await c.action('/organiser/questions/topics?/create', { code: `fit-${tag}`, name: `Chủ đề đối tượng ${tag}` });
		expect(made.body?.data?.saved).toBeTruthy();
		const topic = (await db.get<{ id: number }>('select id from topics where code = ?', `fit-${tag}`))!;
		for (const [i, audience] of ['all', 'adults', 'adults'].entries())
			await createQuestion(
				question({
					topicId: String(topic.id),
					status: 'published',
					stem: `Câu ${i} của chủ đề đối tượng ${tag}?`,
					audience,
					minAge: '',
					exclusionGroup: ''
				})
			);
		const contest = await c.action('/organiser/contests/new', { title: `Cuộc thi đối tượng ${tag}`, rules: '', status: 'draft' });
		const contestId = Number(/\/organiser\/contests\/(\d+)/.exec(contest.body!.location!)![1]);
		const round = {
			title: `Đợt kiểm thử đối tượng ${tag}`,
			opensAt: '2027-01-05T08:00',
			closesAt: '2027-01-12T20:00',
			questionCount: '10',
			timeLimitMinutes: '15',
			maxAttempts: '3',
			revealPolicy: 'after_close',
			predictionKind: '',
			predictionQuestion: '',
			quotaTopic: String(topic.id),
			quotaDifficulty: '',
			quotaCount: '3'
		};
		const bad = await c.action(`/organiser/contests/${contestId}/rounds/new`, { ...round, formBand: '5' });
		expect(bad.status).toBe(400);
		expect(bad.body?.data.errors.formBand).toBe('Độ lệch cho phép tối đa là 3 điểm.');
		expect(bad.body?.data.values.formBand).toBe('5');
		const ok = await c.action(`/organiser/contests/${contestId}/rounds/new`, { ...round, formBand: '0,3' });
		expect(ok.body?.type, ok.text).toBe('redirect');
		roundId = (await db.get<{ id: number; form_band: number }>('select id, form_band from rounds where title = ?', round.title))!.id;
	});

	it('keeps the round’s equal-forms band', async () => {
		expect((await db.get<{ form_band: number }>('select form_band from rounds where id = ?', roundId))!.form_band).toBe(30);
		expect(await (await c.get(`/organiser/rounds/${roundId}`)).text()).toMatch(/name="formBand"[^>]*value="0,3"/);
	});

	it('warns before the round opens that the questions fit for under-16s and 16–17s cannot meet the quotas', async () => {
		const html = await (await c.get(`/organiser/rounds/${roundId}`)).text();
		expect(html).toMatch(/Đủ câu hỏi: ngân hàng có \d+ câu đã công bố cho 10 câu mỗi lượt thi\./);
		expect(html).toContain('Ngân hàng chưa đủ câu phù hợp cho người dưới 16 tuổi, 16–17 tuổi');
		expect(html).toContain('đề của họ không đáp ứng đủ hạn mức theo chủ đề/độ khó');
		expect(html).toMatch(/<td>Từ 18 tuổi<\/td>\s*<td class="num">[\d.]+<\/td>\s*<td>Đủ<\/td>/);
	});

	it('shows no age warning when every bracket is served', async () => {
		const open = (await db.get<{ id: number }>("select id from rounds where title = 'Tuần 2' order by id limit 1"))!;
		const html = await (await c.get(`/organiser/rounds/${open.id}`)).text();
		expect(html).toContain('Theo độ tuổi người thi');
		expect(html).not.toContain('Ngân hàng chưa đủ câu phù hợp');
	});

	it('shows the spread of the expected scores of the forms drawn, here and in the fairness report', async () => {
		const open = (await db.get<{ id: number }>("select id from rounds where title = 'Tuần 2' order by id limit 1"))!;
		const spread = async () =>
			(await db.get<{ n: number; lo: number; hi: number }>(
				'select count(*) as n, min(expected_score) as lo, max(expected_score) as hi from attempts where round_id = ? and expected_score is not null',
				open.id
			))!;
		const num = (s: string | undefined) => Number((s ?? '').replace(/\./g, '').replace(',', '.'));
		for (const page of [`/organiser/rounds/${open.id}`, `/organiser/fairness/rounds/${open.id}`]) {
			// Other test files may start attempts in this round meanwhile: the page lies between two reads.
			const before = await spread();
			const html = await (await c.get(page)).text();
			const after = await spread();
			expect(before.n, 'the demo drew its forms through the attempt service').toBeGreaterThan(0);
			expect(html, page).toContain('Độ tương đương của các đề đã rút');
			const shown = (label: string) => num(new RegExp(`${label}</dt>\\s*<dd[^>]*>([^<]+)</dd>`).exec(html)?.[1]);
			expect(shown('Số đề đã rút'), page).toBeGreaterThanOrEqual(before.n);
			expect(shown('Số đề đã rút'), page).toBeLessThanOrEqual(after.n);
			expect(shown('Điểm kỳ vọng thấp nhất'), page).toBeLessThanOrEqual(before.lo / 1000 + 0.005);
			expect(shown('Điểm kỳ vọng thấp nhất'), page).toBeGreaterThanOrEqual(after.lo / 1000 - 0.005);
			expect(shown('Cao nhất'), page).toBeGreaterThanOrEqual(before.hi / 1000 - 0.005);
			expect(shown('Cao nhất'), page).toBeLessThanOrEqual(after.hi / 1000 + 0.005);
			expect(shown('Trung vị'), page).toBeGreaterThanOrEqual(after.lo / 1000 - 0.005);
		}
	});
});
