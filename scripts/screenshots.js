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
			await page.goto(server.url + '/register');
			await shot('register');
			// A fresh participant per pass: each takes one of the round's attempts.
			await page.getByLabel('Họ và tên *').fill('Nguyễn Thị Minh Khai');
			await page.getByLabel('Ngày sinh *').fill('1990-10-20');
			await page.getByLabel('Giới tính *').selectOption('female');
			await page.getByLabel('Số điện thoại *').fill('093' + String(Date.now()).slice(-7));
			await page.getByLabel('Đơn vị (quận, huyện, thị xã) *').selectOption({ label: 'Quận Đống Đa' });
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
