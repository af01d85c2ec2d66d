#!/usr/bin/env node
/**
 * npm run screenshots — renders the main pages at 360 px and 1280 px (light and dark) into
 * docs/screenshots/ and measures each page's transferred JavaScript/CSS/font bytes (as served,
 * compressed) into docs/page-weight.md. Needs `npm run build` and Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startTestServer } from './test-server.js';

const out = 'docs/screenshots';
fs.mkdirSync(out, { recursive: true });
const server = await startTestServer({ db: 'test-results/screenshots.db', port: Number(process.env.SHOTS_PORT ?? 4180) });
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update'] });
/** @type {({ name: string } & ReturnType<typeof meter>)[]} */
const weights = [];
/** The question with item-writing warnings the screenshots show (written on the first pass). */
let flaggedId = /** @type {number | null} */ (null);

/** @param {import('@playwright/test').Page} page */
function meter(page) {
	/** @type {Record<'js' | 'css' | 'font' | 'doc', number>} */
	const bytes = { js: 0, css: 0, font: 0, doc: 0 };
	page.on('requestfinished', async (req) => {
		const t = req.resourceType();
		const key = t === 'script' ? 'js' : t === 'stylesheet' ? 'css' : t === 'font' ? 'font' : t === 'document' ? 'doc' : null;
		if (!key) return;
		const s = await req.sizes().catch(() => null);
		if (s) bytes[key] += s.responseBodySize;
	});
	return bytes;
}

/**
 * A live hội thi (issue 14) in each pass: the organiser (logged in on `page`) makes and opens a
 * game on the set-up pages (projector mode at 360 px, "no projector" at 1280 px), a phone of this
 * width joins and plays one question; the big screen (1920×1080, dark whatever the scheme) is shot
 * in the light passes. Live pages hold an event stream open, so they are never "network idle":
 * the shots wait for the page to show what is asked instead.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {import('@playwright/test').Page} page
 * @param {number} width @param {number} height @param {'light' | 'dark'} colorScheme
 */
async function liveShots(context, page, width, height, colorScheme) {
	const projector = width === 360;
	/** @param {import('@playwright/test').Page} p @param {string} name */
	const snap = async (p, name) => {
		await p.waitForTimeout(400);
		await p.screenshot({ path: path.join(out, `${name}-${width}-${colorScheme}.png`), fullPage: width !== 360 });
	};
	await page.goto(server.url + '/live/games/new');
	await page.getByLabel('Tên hội thi').fill('Hội thi “Phụ nữ Thủ đô với pháp luật” 2026');
	await page.getByLabel('Số câu hỏi').fill('5');
	await page.getByRole('button', { name: 'Tạo hội thi' }).click();
	await page.waitForURL(/\/live\/games\/\d+/);
	const gameId = Number(/\/live\/games\/(\d+)/.exec(page.url())?.[1]);
	await page.getByLabel('Thời gian mỗi câu (giây)').fill('120');
	if (!projector) await page.locator('input[name="displayMode"][value="no_projector"]').check();
	await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
	await page.getByText('Đã lưu.').waitFor();
	await page.getByRole('checkbox', { name: /mở phòng ngay/ }).check();
	await page.getByRole('button', { name: 'Mở phòng', exact: true }).click();
	await page.getByRole('heading', { name: 'Điều khiển' }).waitFor();
	const code = (await page.getByTestId('room-code').innerText()).trim();
	const big = width === 1280 && colorScheme === 'light' ? await context.newPage() : null;
	/** @param {string} name */
	const bigSnap = async (name) => {
		await big?.waitForTimeout(600);
		await big?.screenshot({ path: path.join(out, `${name}-1920x1080.png`) });
	};
	if (big) {
		await big.setViewportSize({ width: 1920, height: 1080 });
		await big.goto(server.url + `/live/host/${gameId}/screen`);
	}
	const phoneContext = await browser.newContext({
		viewport: { width, height },
		colorScheme,
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		isMobile: width === 360,
		hasTouch: width === 360
	});
	const phone = await phoneContext.newPage();
	await phone.goto(server.url + '/live');
	await phone.getByLabel('Mã phòng').fill(code);
	await snap(phone, 'live-code');
	await phone.getByRole('button', { name: 'Vào phòng' }).click();
	await phone.getByLabel('Tên hiển thị *').waitFor();
	await snap(phone, 'live-join');
	await phone.getByLabel('Tên hiển thị *').fill('Nguyễn Thị Minh Khai');
	await phone.getByLabel(/^Chi hội/).fill('Chi hội Phúc Xá');
	await phone.getByRole('button', { name: 'Vào phòng' }).click();
	await phone.getByRole('heading', { name: 'Chờ người dẫn chương trình…' }).waitFor();
	await snap(phone, 'live-lobby');
	if (width === 360 && colorScheme === 'light') {
		// The player page's weight: a fresh context (empty cache) with the joined phone's cookie.
		const ctx = await browser.newContext({ viewport: { width, height }, storageState: await phoneContext.storageState() });
		const fresh = await ctx.newPage();
		const bytes = meter(fresh);
		await fresh.goto(server.url + `/live/${code}`);
		await fresh.getByRole('heading', { name: 'Chờ người dẫn chương trình…' }).waitFor();
		await fresh.waitForTimeout(1000);
		weights.push({ name: 'live player (lobby)', ...bytes });
		await ctx.close();
	}
	await bigSnap('live-screen-lobby');
	await page.getByRole('button', { name: /^Bắt đầu/ }).click();
	await phone.getByRole('heading', { name: /^Câu 1\// }).waitFor();
	await snap(phone, 'live-question');
	await bigSnap('live-screen-question');
	await phone.getByRole('group', { name: 'Các đáp án' }).getByRole('button').first().click();
	const send = phone.getByRole('button', { name: 'Gửi', exact: true });
	if (await send.isVisible()) await send.click();
	await phone.getByText('Đã gửi ✓').waitFor();
	await snap(phone, 'live-answered');
	await page.getByRole('button', { name: /^Hiện đáp án/ }).click();
	await phone.getByRole('heading', { name: /Chính xác!|Chưa đúng/ }).waitFor();
	await snap(phone, 'live-reveal');
	await bigSnap('live-screen-reveal');
	await page.getByRole('button', { name: /^Bảng điểm/ }).click();
	await phone.getByRole('heading', { name: 'Bảng điểm' }).waitFor();
	await snap(phone, 'live-scoreboard');
	await bigSnap('live-screen-scoreboard');
	await snap(page, 'live-host');
	await page.getByRole('button', { name: /^Vinh danh/ }).click();
	await phone.getByRole('heading', { name: 'Vinh danh' }).waitFor();
	await bigSnap('live-screen-podium');
	await phoneContext.close();
	await big?.close();
}

try {
	for (const [width, height] of [
		[360, 780],
		[1280, 900]
	]) {
		for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
			const context = await browser.newContext({
				viewport: { width, height },
				colorScheme,
				locale: 'vi-VN',
				timezoneId: 'Asia/Ho_Chi_Minh'
			});
			const page = await context.newPage();
			/** @param {string} name */
			const shot = async (name) => {
				await page.waitForLoadState('networkidle');
				await page.screenshot({ path: path.join(out, `${name}-${width}-${colorScheme}.png`), fullPage: width === 360 ? false : true });
			};
			// Weights are measured once (360 px, light) in a new context: empty cache, same cookies.
			/** @param {string} name @param {(page: import('@playwright/test').Page) => Promise<unknown>} go */
			const measure = async (name, go) => {
				if (width !== 360 || colorScheme !== 'light') return;
				const ctx = await browser.newContext({ viewport: { width, height }, storageState: await context.storageState() });
				const fresh = await ctx.newPage();
				const bytes = meter(fresh);
				await go(fresh);
				await fresh.waitForLoadState('networkidle');
				await new Promise((r) => setTimeout(r, 200));
				weights.push({ name, ...bytes });
				await ctx.close();
			};
			await page.goto(server.url + '/');
			await shot('home');
			await measure('home (anonymous)', (p) => p.goto(server.url + '/'));
			await page.goto(server.url + '/forgot-password');
			await shot('forgot-password');
			await page.goto(server.url + '/register');
			await shot('register');
			// A fresh participant per pass: each takes one of the round's attempts.
			await page.getByLabel('Họ và tên *').fill('Nguyễn Thị Minh Khai');
			await page.getByLabel('Ngày sinh *').fill('1990-10-20');
			await page.getByLabel('Giới tính *').selectOption('female');
			await page.getByLabel('Số điện thoại *').fill('093' + String(Date.now()).slice(-7));
			await page.getByLabel('Đơn vị (quận, huyện, thị xã) *').selectOption({ label: 'Quận Đống Đa' });
			await page.getByLabel('Đối tượng *').selectOption({ label: 'Hội viên phụ nữ' });
			await page.getByLabel('Mật khẩu *').fill('mot-mat-khau-dai');
			await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
			await page.getByRole('button', { name: 'Đăng ký' }).click();
			await page.waitForURL(/welcome/);
			await page.goto(server.url + '/rounds/2/attempt');
			await shot('attempt-start');
			await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
			await page.getByRole('heading', { name: /^Câu / }).waitFor();
			await page.locator('fieldset input').first().check();
			await shot('attempt');
			await measure('attempt', async (p) => {
				await p.goto(server.url + '/rounds/2/attempt');
				await p.getByRole('heading', { name: /^Câu / }).waitFor();
			});
			await page.getByRole('button', { name: 'Xem lại & nộp bài' }).click();
			await page.getByLabel(/Câu hỏi dự đoán/).fill('250');
			await shot('review');
			await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
			await page.getByRole('heading', { name: /Kết quả lượt thi/ }).waitFor();
			await shot('result');
			const resultUrl = page.url();
			await measure('result', (p) => p.goto(resultUrl));
			// Practice (topic list, a question, the feedback after an answer) and the knowledge map it feeds.
			await page.goto(server.url + '/practice');
			await shot('practice-topics');
			await page
				.getByRole('link', { name: /^Ôn tập chủ đề / })
				.first()
				.click();
			await page.getByRole('heading', { level: 1, name: /^Câu 1 · / }).waitFor();
			await shot('practice-question');
			const practiceUrl = page.url();
			await measure('practice', (p) => p.goto(practiceUrl));
			if (await page.getByRole('button', { name: 'Kiểm tra' }).isVisible()) {
				await page.locator('form fieldset input[type=checkbox]').first().check();
				await page.getByRole('button', { name: 'Kiểm tra' }).click();
			} else await page.locator('form fieldset button.choice').first().click();
			await page.getByRole('heading', { name: /^(✓ Chính xác!|✗ Chưa đúng)$/ }).waitFor();
			await shot('practice-feedback');
			await page.goto(server.url + '/me/results');
			await shot('my-results');
			await page.goto(server.url + '/rounds/2/leaderboard');
			await shot('leaderboard');
			// The organiser's fairness report: one round, with the first reason's evidence open, and the whole contest.
			await context.clearCookies();
			await page.goto(server.url + '/login');
			await page.getByLabel('Số điện thoại hoặc email').fill('0900000002');
			await page.getByLabel('Mật khẩu').fill('hoithi-demo-2026');
			await page.getByRole('button', { name: 'Đăng nhập' }).click();
			await page.waitForURL((u) => !u.pathname.startsWith('/login'));
			await page.goto(server.url + '/organiser/fairness/rounds/2');
			await page.locator('ol.cases summary').first().click();
			await shot('fairness-round');
			await page.goto(server.url + '/organiser/fairness/contests/1');
			await shot('fairness-contest');
			// Item-writing warnings (issue 15): a question whose correct option is far longer than the
			// others and that has one silly wrong option, written once (first pass), then its page and
			// the list filtered on open warnings.
			if (flaggedId == null) {
				const topics = await page.request.get(server.url + '/organiser/questions/new');
				const topicId = /<option value="(\d+)"/.exec(await topics.text())?.[1] ?? '1';
				const res = await page.request.post(server.url + '/organiser/questions/new', {
					headers: { origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' },
					form: {
						topicId,
						difficulty: '1',
						kind: 'single',
						status: 'draft',
						stem: 'Khi thấy một em nhỏ bị đánh đập, bạn nên làm gì?',
						option0: 'Im lặng',
						option1: 'Đánh lại',
						option2: 'Gọi ngay Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (miễn phí, 24/7) để được tư vấn, hỗ trợ',
						correct: '2',
						explanation: 'Tổng đài 111 miễn phí, hoạt động 24 giờ tất cả các ngày.',
						legalRef: 'Nghị định 56/2017/NĐ-CP'
					}
				});
				flaggedId = Number(/questions\/(\d+)/.exec(await res.text())?.[1]);
			}
			await page.goto(server.url + `/organiser/questions/${flaggedId}`);
			await shot('question-warnings');
			await page.goto(server.url + '/organiser/questions?warnings=open');
			await shot('questions-warnings');
			// Staff accounts (issue 16): the list, one district lead, and an officer issuing a reset code.
			await page.goto(server.url + '/admin/staff');
			await shot('staff');
			await page.goto(server.url + '/admin/staff?role=district_lead');
			await page.locator('tbody a').first().click();
			await page.waitForURL(/\/admin\/staff\/\d+/);
			await shot('staff-account');
			await page.goto(server.url + '/district/password?q=0900000004');
			await page
				.getByRole('button', { name: /^Cấp mã cho/ })
				.first()
				.click();
			await page.getByText('Chỉ hiện một lần').waitFor();
			await shot('reset-code');
			// Units and targets, the unit sheet's preview with row errors, groups, the report calendar (issue 16).
			await page.goto(server.url + '/organiser/units?switch=hanoi-communes-2025');
			await shot('units');
			await page.goto(server.url + '/organiser/units/import');
			await page.getByLabel('Tệp (.xlsx hoặc .csv)').setInputFiles({
				name: 'don-vi.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(
					'code,name,kind,parent,target\n00999,Phường Thử,phường,001,1.000\nab,Phường Sai,phường,,\n00998,Phường Con,tỉnh,77777,-5\n'
				)
			});
			await page.getByRole('button', { name: 'Xem trước' }).click();
			await page.getByRole('heading', { name: '2. Kiểm tra kết quả' }).waitFor();
			await shot('units-import');
			await page.goto(server.url + '/organiser/groups');
			await shot('groups');
			await page.goto(server.url + '/organiser/reports?kind=half&year=' + new Date().getFullYear());
			await shot('reports-half');
			await context.clearCookies();
			await page.goto(server.url + '/login');
			await page.getByLabel('Số điện thoại hoặc email').fill('0900000003');
			await page.getByLabel('Mật khẩu').fill('hoithi-demo-2026');
			await page.getByRole('button', { name: 'Đăng nhập' }).click();
			await page.waitForURL((u) => !u.pathname.startsWith('/login'));
			await page.goto(server.url + '/district/reports?kind=year&year=' + new Date().getFullYear());
			await shot('district-reports');
			// Live hội thi (issue 14): the lead's games, a new game, the demo game's set-up (room open) and its results.
			await page.goto(server.url + '/live/games');
			await shot('live-games');
			await page.goto(server.url + '/live/games/new');
			await shot('live-game-new');
			await page.goto(server.url + '/live/games');
			await page.locator('ul.games h2 a').first().click();
			await page.waitForURL(/\/live\/games\/\d+$/);
			const liveGame = page.url();
			await shot('live-game-setup');
			await page.goto(liveGame + '/results');
			await shot('live-game-results');
			// Back to the organiser for the prizes.
			await context.clearCookies();
			await page.goto(server.url + '/login');
			await page.getByLabel('Số điện thoại hoặc email').fill('0900000002');
			await page.getByLabel('Mật khẩu').fill('hoithi-demo-2026');
			await page.getByRole('button', { name: 'Đăng nhập' }).click();
			await page.waitForURL((u) => !u.pathname.startsWith('/login'));
			// Prizes of the closed Tuần 1: the first pass sets, proposes, confirms, freezes and publishes them.
			await page.goto(server.url + '/organiser/rounds/1/prizes');
			const propose = page.getByRole('button', { name: 'Đề xuất người đạt giải' });
			if (await propose.count()) {
				await page.getByRole('button', { name: 'Lưu cơ cấu giải' }).click();
				await page.getByRole('status').waitFor();
				await propose.click();
				await page.locator('tr[data-entry]').first().waitFor();
				await shot('prizes-review');
				const confirm = page.locator('tr[data-status="review"] button', { hasText: 'Xác nhận' });
				while (await confirm.count()) {
					const n = await confirm.count();
					await confirm.first().click();
					await page.waitForFunction((left) => document.querySelectorAll('tr[data-status="review"]').length < left, n);
				}
				await page.getByRole('button', { name: 'Chốt danh sách' }).click();
				await page.getByRole('button', { name: 'Công bố kết quả đạt giải' }).click();
				await page.getByText('Đã công bố', { exact: true }).waitFor();
			}
			await shot('prizes-organiser');
			const code = (await page.locator('a[href^="/v/"]').first().innerText()).trim();
			await page.goto(server.url + '/rounds/1/prizes');
			await shot('prizes-round');
			await page.goto(server.url + '/contests/1/prizes');
			await shot('prizes-contest');
			await page.goto(server.url + '/v/' + code);
			await shot('certificate-verify');
			await liveShots(context, page, width, height, colorScheme);
			await context.close();
		}
	}
	const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1);
	const lines = [
		'# Page weight (transferred, compressed as served by the production server (scripts/serve.js))',
		'',
		'Measured by `npm run screenshots` at 360 px, first visit (empty cache).',
		'',
		'| page | JS kB | CSS kB | font kB | HTML kB |',
		'|---|---:|---:|---:|---:|',
		...weights.map((w) => `| ${w.name} | ${kb(w.js)} | ${kb(w.css)} | ${kb(w.font)} | ${kb(w.doc)} |`),
		''
	];
	fs.writeFileSync('docs/page-weight.md', lines.join('\n'));
	console.log(lines.join('\n'));
} finally {
	await browser.close();
	await server.stop();
}
