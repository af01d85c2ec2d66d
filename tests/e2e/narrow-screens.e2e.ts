import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { login, registerParticipant } from './helpers';

/**
 * Every page a participant, a district lead and an organiser can reach fits a 360 px phone: the
 * page itself never scrolls sideways (a wide table may scroll inside its own overflow-x wrapper).
 * A failure names the elements that stick out of their parent, so the culprit is in the message.
 * The last test checks that the pages listed here are every page the app has.
 */

/** Every page route (src/routes/…/+page.svelte) the tests below visit, by role. */
const ROUTES = {
	participant: [
		'/',
		'/login',
		'/register',
		'/forgot-password',
		'/reset-password',
		'/rounds/[roundId]/attempt',
		'/attempts/[attemptId]',
		'/rounds/[roundId]/leaderboard',
		'/contests/[contestId]/leaderboard',
		'/me/results',
		'/practice',
		'/account',
		'/rounds/[roundId]/prizes',
		'/contests/[contestId]/prizes',
		'/v/[code]'
	],
	districtLead: [
		'/district',
		'/district/prizes',
		'/district/password',
		'/district/reports',
		'/live/games',
		'/live/games/new',
		'/live/games/[id]',
		'/live/games/[id]/results'
	],
	organiser: [
		'/organiser',
		'/organiser/units',
		'/organiser/units/import',
		'/organiser/groups',
		'/organiser/contests/new',
		'/organiser/contests/[contestId]',
		'/organiser/contests/[contestId]/rounds/new',
		'/organiser/rounds/[roundId]',
		'/organiser/questions',
		'/organiser/questions/new',
		'/organiser/questions/[questionId]',
		'/organiser/questions/import',
		'/organiser/questions/topics',
		'/organiser/dashboard',
		'/organiser/items',
		'/organiser/reports',
		'/organiser/fairness',
		'/organiser/fairness/rounds/[roundId]',
		'/organiser/fairness/contests/[contestId]',
		'/organiser/duplicates',
		'/organiser/audit',
		'/organiser/privacy',
		'/organiser/people/[userId]',
		'/organiser/rounds/[roundId]/prizes',
		'/organiser/contests/[contestId]/prizes',
		'/admin/staff',
		'/admin/staff/[userId]'
	],
	// Live hội thi (issue 14): a phone joining and playing, the host console, the judge page; the set-up and results pages.
	live: [
		'/live',
		'/live/[code]',
		'/live/host/[id]',
		'/live/host/[id]/screen',
		'/live/judge/[token]',
		'/live/games',
		'/live/games/new',
		'/live/games/[id]',
		'/live/games/[id]/results'
	]
};
const LISTED = new Set(Object.values(ROUTES).flat());
/** What the running test has visited: each test ends by checking it saw all of its role's routes. */
const seen = new Set<string>();
test.beforeEach(() => seen.clear());
const expectAllVisited = (routes: string[]) =>
	expect(
		routes.filter((r) => !seen.has(r)),
		'listed but not visited'
	).toEqual([]);

/** Opens `url` (which stands for `route`) and checks it fits. */
async function visit(page: Page, url: string, route = url.split('?')[0]) {
	expect(LISTED.has(route), `${route} is listed in ROUTES`).toBe(true);
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	await expectFits(page, url);
	seen.add(route);
}

async function expectFits(page: Page, label: string) {
	const problem = await page.evaluate(() => {
		// With a phone's meta viewport Chromium widens innerWidth to the content (587 px on a page
		// 587 px wide), so the screen's width is the root element's client width.
		const width = Math.min(window.innerWidth, document.documentElement.clientWidth);
		const scrollWidth = document.documentElement.scrollWidth;
		if (scrollWidth <= width) return null;
		const name = (el: Element) => {
			const id = el.id ? `#${el.id}` : '';
			const cls = el.classList.length ? '.' + [...el.classList].filter((c) => !c.startsWith('svelte-')).join('.') : '';
			const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
			return `${el.tagName.toLowerCase()}${id}${cls} “${text}”`;
		};
		const scrolls = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
		const out: string[] = [];
		for (const el of document.body.querySelectorAll('*')) {
			const right = el.getBoundingClientRect().right;
			const parent = el.parentElement;
			if (right <= width + 0.5 || !parent) continue;
			const position = getComputedStyle(el).position;
			const placed = position === 'absolute' || position === 'fixed';
			// In flow, name only the outermost element that sticks out of its parent.
			if (!placed && parent.getBoundingClientRect().right > width + 0.5) continue;
			// Inside a scrolling wrapper is fine: the page itself does not move. A positioned element
			// is clipped only by wrappers around its containing block.
			let p: Element | null = position === 'fixed' ? null : parent;
			if (position === 'absolute') while (p && p !== document.body && getComputedStyle(p).position === 'static') p = p.parentElement;
			while (p && p !== document.body && !scrolls(p)) p = p.parentElement;
			if (p && p !== document.body) continue;
			out.push(`${name(el)} ends at ${Math.round(right)} px (in ${name(parent)})`);
		}
		return `scrollWidth ${scrollWidth} > ${width}: ${out.slice(0, 6).join('; ') || 'no single element found'}`;
	});
	expect.soft(problem, label).toBeNull();
}

test('a participant’s pages fit 360 px', async ({ page }) => {
	for (const url of ['/', '/login', '/register', '/forgot-password', '/reset-password']) await visit(page, url);
	await visit(page, '/rounds/1/leaderboard', '/rounds/[roundId]/leaderboard');
	await visit(page, '/rounds/2/leaderboard', '/rounds/[roundId]/leaderboard');
	await visit(page, '/contests/1/leaderboard', '/contests/[contestId]/leaderboard');
	// Before any list is published (prizes.e2e.ts checks them filled, at 360 px too); an unknown code's page.
	await visit(page, '/rounds/1/prizes', '/rounds/[roundId]/prizes');
	await visit(page, '/contests/1/prizes', '/contests/[contestId]/prizes');
	await visit(page, '/v/KHONGCOMA1', '/v/[code]');

	await visit(page, '/practice');
	await visit(page, '/practice?topic=1', '/practice');
	// A practice question's feedback: answer, explanation, legal reference.
	if (await page.getByRole('button', { name: 'Kiểm tra' }).isVisible()) {
		await page.locator('form fieldset input[type=checkbox]').first().check();
		await page.getByRole('button', { name: 'Kiểm tra' }).click();
	} else await page.locator('form fieldset button.choice').first().click();
	await expect(page.getByText('Giải thích:')).toBeVisible();
	await expectFits(page, 'practice: feedback');

	await registerParticipant(page, 'Phan Thị Màn Hẹp');
	await visit(page, '/');
	await visit(page, '/rounds/2/attempt', '/rounds/[roundId]/attempt');
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	// Every question: the page fits, and a radio or checkbox keeps its size next to a long option.
	for (let i = 1; i <= 10; i++) {
		await expect(page.getByRole('heading', { name: `Câu ${i}/10` })).toBeVisible();
		await expectFits(page, `attempt: question ${i}`);
		const widths = await page.locator('fieldset input').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
		expect.soft(Math.min(...widths), `question ${i}: narrowest radio/checkbox`).toBeGreaterThanOrEqual(20);
		await page.locator('fieldset input').first().check();
		await expect(page.getByText('Đã lưu ✓')).toBeVisible();
		if (i < 10) await page.getByRole('button', { name: 'Câu sau →' }).click();
	}
	await page.getByRole('button', { name: 'Xem lại bài' }).click();
	await expectFits(page, 'attempt: review');
	// The review list's columns do not run into each other: a second column's bullets hang to the
	// left of its text, so there must be room for them after the first column's text.
	const gap = await page.locator('ul.review li').evaluateAll((els) => {
		const rects = els.map((e) => e.getBoundingClientRect());
		const lefts = [...new Set(rects.map((r) => Math.round(r.left)))].sort((a, b) => a - b);
		if (lefts.length < 2) return Infinity;
		const firstRight = Math.max(...rects.filter((r) => Math.round(r.left) === lefts[0]).map((r) => r.right));
		return lefts[1] - firstRight;
	});
	expect.soft(gap, 'room between the review columns (px)').toBeGreaterThanOrEqual(32);
	await page.getByLabel(/Câu hỏi dự đoán/).fill('500');
	await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Kết quả lượt thi thứ 1' })).toBeVisible();
	await visit(page, page.url(), '/attempts/[attemptId]');
	// A pill (“Đáp án đúng”, “Bạn chọn”) never breaks inside its label.
	const broken = await page
		.locator('.tag')
		.evaluateAll((els) =>
			els.filter((e) => e.getClientRects().length > 1 || e.getBoundingClientRect().height > 30).map((e) => e.textContent)
		);
	expect.soft(broken, 'pills broken over two lines').toEqual([]);
	// Coming back to the attempt page: its question before the next attempt fits too.
	await visit(page, '/rounds/2/attempt', '/rounds/[roundId]/attempt');
	await visit(page, '/me/results');
	await expect(page.getByRole('link', { name: 'Xem chi tiết' }).first()).toBeInViewport();
	await visit(page, '/account');
	expectAllVisited(ROUTES.participant);
});

test('a district lead’s pages fit 360 px', async ({ page }) => {
	await login(page, '0900000003');
	await visit(page, '/district');
	await visit(page, '/district?round=2');
	await visit(page, '/district?q=Nguy%E1%BB%85n');
	await visit(page, '/district/prizes');
	// By phone digits: demo participants' numbers start 0981 (their names vary with the seed).
	await visit(page, '/district/password?q=0981');
	await page
		.getByRole('button', { name: /^Cấp mã cho/ })
		.first()
		.click();
	await expect(page.getByText('Chỉ hiện một lần')).toBeVisible();
	await expectFits(page, 'an issued reset code');
	await visit(page, '/district/reports?kind=year&year=' + new Date().getFullYear(), '/district/reports');
	// Live hội thi (issue 14): the list, a new game refused with its errors, the demo game and its results.
	await visit(page, '/live/games');
	await visit(page, '/live/games/new');
	await page.getByLabel('Số câu hỏi').fill('0');
	await page.getByRole('button', { name: 'Tạo hội thi' }).click();
	await expect(page.getByText('Số câu hỏi tối thiểu là 1.')).toBeVisible();
	await expectFits(page, 'a refused new live game');
	// Then made: its draft set-up page, with the bank's questions to pick from.
	await page.getByLabel('Tên hội thi').fill('Hội thi thử trên điện thoại');
	await page.getByLabel('Số câu hỏi').fill('5');
	await page.getByRole('button', { name: 'Tạo hội thi' }).click();
	await page.waitForURL(/\/live\/games\/\d+\?created=1$/);
	const draft = new URL(page.url()).pathname;
	await visit(page, draft + '?q=b%E1%BA%A1o%20l%E1%BB%B1c', '/live/games/[id]');
	await visit(page, '/live/games');
	const game = await page.locator('ul.games h2 a').last().getAttribute('href');
	await visit(page, game!, '/live/games/[id]');
	await visit(page, game + '/results', '/live/games/[id]/results');
	await visit(page, '/me/results');
	await visit(page, '/account');
	expectAllVisited(ROUTES.districtLead);
});

test('an organiser’s pages fit 360 px', async ({ page }) => {
	await login(page, '0900000002');
	for (const url of [
		'/organiser',
		'/organiser/contests/new',
		'/organiser/questions',
		'/organiser/questions/new',
		'/organiser/questions/import',
		'/organiser/questions/topics',
		'/organiser/dashboard',
		'/organiser/dashboard?round=2',
		'/organiser/items',
		'/organiser/reports',
		'/organiser/reports?period=year&year=' + new Date().getFullYear(),
		'/organiser/units',
		'/organiser/units?switch=hanoi-communes-2025',
		'/organiser/units/import',
		'/organiser/groups',
		'/organiser/fairness',
		'/organiser/duplicates',
		'/organiser/audit',
		'/organiser/privacy',
		'/admin/staff'
	])
		await visit(page, url);
	await visit(page, '/admin/staff?role=district_lead', '/admin/staff');
	const lead = await page.locator('a[href^="/admin/staff/"]').first().getAttribute('href');
	await visit(page, lead!, '/admin/staff/[userId]');
	await visit(page, '/organiser/contests/1', '/organiser/contests/[contestId]');
	await visit(page, '/organiser/contests/1/rounds/new', '/organiser/contests/[contestId]/rounds/new');
	for (const id of [1, 2, 3]) await visit(page, `/organiser/rounds/${id}`, '/organiser/rounds/[roundId]');
	for (const id of [1, 2]) await visit(page, `/organiser/rounds/${id}/prizes`, '/organiser/rounds/[roundId]/prizes');
	await visit(page, '/organiser/contests/1/prizes', '/organiser/contests/[contestId]/prizes');
	await visit(page, '/organiser/fairness/rounds/2', '/organiser/fairness/rounds/[roundId]');
	await visit(page, '/organiser/fairness/contests/1', '/organiser/fairness/contests/[contestId]');
	await visit(page, '/organiser/questions/1', '/organiser/questions/[questionId]');
	// A person's page, reached from a leaderboard's review link.
	await visit(page, '/rounds/1/leaderboard', '/rounds/[roundId]/leaderboard');
	const person = await page.locator('a[href^="/organiser/people/"]').first().getAttribute('href');
	await visit(page, person!, '/organiser/people/[userId]');
	await visit(page, '/district');
	await visit(page, '/me/results');
	await visit(page, '/account');
	expectAllVisited(ROUTES.organiser);
});

/** A live page holds an event stream open (never "network idle"): it is checked once it shows `ready`. */
async function visitLive(page: Page, url: string, route: string, ready: Locator) {
	expect(LISTED.has(route), `${route} is listed in ROUTES`).toBe(true);
	await page.goto(url);
	await expect(ready).toBeVisible();
	await expectFits(page, url);
	seen.add(route);
}

test('the live pages fit 360 px', async ({ page }) => {
	await login(page, '0900000002');
	// The demo's live game in its lobby (seed), by the e2e server's database.
	const db = new SQLite(path.resolve('test-results/e2e.db'), { readonly: true });
	const game = db.prepare("select id, code from live_games where status = 'lobby' order by id limit 1").get() as {
		id: number;
		code: string;
	};
	db.close();
	await visitLive(page, '/live', '/live', page.getByRole('heading', { name: 'Vào hội thi trực tiếp' }));
	await visitLive(page, `/live/${game.code}`, '/live/[code]', page.getByRole('button', { name: 'Tham gia bằng tài khoản hoithi' }));
	await page.getByLabel('Tên hiển thị *').fill('Hoàng Thị Màn Hẹp Có Một Cái Tên Rất Dài');
	const unit = page.getByLabel(/^Đơn vị/);
	if (await unit.isVisible()) await unit.selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Vào phòng' }).click();
	await expect(page.getByRole('heading', { name: 'Chờ người dẫn chương trình…' })).toBeVisible();
	await expectFits(page, 'live: the lobby on a phone');
	await visitLive(page, `/live/host/${game.id}`, '/live/host/[id]', page.getByRole('heading', { name: 'Điều khiển' }));
	await visitLive(page, `/live/host/${game.id}/screen`, '/live/host/[id]/screen', page.getByRole('button', { name: 'Toàn màn hình' }));
	await visit(page, '/live/games');
	await visit(page, '/live/games/new');
	await visit(page, `/live/games/${game.id}/results`, '/live/games/[id]/results');
	await visit(page, `/live/games/${game.id}`, '/live/games/[id]');
	// A judge link, issued again on the set-up page (links are shown once).
	await page.goto(`/live/games/${game.id}`);
	await page
		.getByRole('button', { name: /^Cấp lại liên kết cho/ })
		.first()
		.click();
	const judge = await page.locator('.judge-link .url a').getAttribute('href');
	await visitLive(page, judge!, '/live/judge/[token]', page.getByText(/Giám khảo:/));
	expectAllVisited(ROUTES.live);
});

test('the pages checked above are every page of the app', () => {
	const root = path.resolve('src/routes');
	const pages: string[] = [];
	const walk = (dir: string) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			if (e.isDirectory()) walk(path.join(dir, e.name));
			else if (e.name === '+page.svelte')
				pages.push(
					'/' +
						path
							.relative(root, dir)
							.split(path.sep)
							.filter((s) => s && !/^\(.*\)$/.test(s))
							.join('/')
				);
		}
	};
	walk(root);
	expect(pages.filter((p) => !LISTED.has(p)).sort()).toEqual([]);
});
