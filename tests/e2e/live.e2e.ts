import path from 'node:path';
import SQLite from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { login } from './helpers';

/**
 * A whole live hội thi (issue 14) in real Chromium contexts: the organiser prepares it on the
 * set-up pages, runs it from the host console while the big screen (1920×1080) follows and takes
 * keys, three phones join by code, one reloads mid-question, one loses its network while answering,
 * a judge scores a part, and the game ends on the podium.
 */

/** The live answers of a game as the e2e server's database has them (playwright.config.ts: test-results/e2e.db). */
function answersOf(gameId: number, position: number) {
	const db = new SQLite(path.resolve('test-results/e2e.db'), { readonly: true });
	try {
		return db
			.prepare(
				`select p.display_name as name, a.option_ids_json as options, a.request_id as requestId
				 from live_answers a join live_players p on p.id = a.player_id where a.game_id = ? and a.position = ? order by p.display_name`
			)
			.all(gameId, position) as { name: string; options: string; requestId: string }[];
	} finally {
		db.close();
	}
}

/** No serious or critical axe findings on a live screen as it is now (as accessibility.e2e.ts checks the other pages). */
async function expectAccessible(page: Page, name: string) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${name}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };

async function newPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext(phone);
	return { context, page: await context.newPage() };
}

/** Taps an option (by its letter) on a phone; a multi-select question then needs "Gửi". */
async function answer(page: Page, letter: string) {
	await page
		.getByRole('group', { name: 'Các đáp án' })
		.getByRole('button', { name: new RegExp(`^${letter}\\b`) })
		.click();
	const send = page.getByRole('button', { name: 'Gửi', exact: true });
	if (await send.isVisible()) await send.click();
}

test('a host, a big screen, three phones and a judge play a whole game', async ({ browser }) => {
	test.setTimeout(120_000);

	// The organiser prepares the game on the set-up pages: 3 questions of 90 s, two teams, a judged part, a judge.
	const hostContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
	const host = await hostContext.newPage();
	await login(host, '0900000002');
	await host.goto('/live/games/new');
	await host.getByLabel('Tên hội thi').fill('Hội thi “Phụ nữ với pháp luật” (e2e)');
	await host.getByLabel('Số câu hỏi').fill('3');
	await host.getByRole('button', { name: 'Tạo hội thi' }).click();
	await host.waitForURL(/\/live\/games\/\d+(\?|$)/);
	const gameId = Number(/\/live\/games\/(\d+)/.exec(host.url())![1]);

	await host.getByLabel('Thời gian mỗi câu (giây)').fill('90');
	await host.getByLabel('Đội do Ban tổ chức đặt tên').check();
	await host.getByRole('button', { name: 'Lưu thiết lập' }).click();
	await expect(host.getByText('Đã lưu.')).toBeVisible();
	for (const team of ['Đội Hoa Sen', 'Đội Hoa Mai']) {
		await host.getByLabel('Tên đội mới').fill(team);
		await host.getByRole('button', { name: 'Thêm đội' }).click();
		await expect(host.getByRole('button', { name: `Xóa đội ${team}` })).toBeVisible();
	}
	await host.getByLabel('Tên phần thi').fill('Tiểu phẩm');
	await host.getByLabel('Thang điểm').fill('10');
	await host.getByRole('button', { name: 'Thêm phần thi' }).click();
	await expect(host.getByRole('button', { name: 'Xóa phần thi Tiểu phẩm' })).toBeVisible();
	await host.getByLabel('Tên giám khảo').fill('Bà Nguyễn Thị Hà');
	await host.getByRole('button', { name: 'Thêm giám khảo' }).click();
	const judgeUrl = await host.locator('.judge-link .url a').getAttribute('href');
	expect(judgeUrl).toMatch(/\/live\/judge\/[a-z2-7]+$/);
	await host.getByRole('checkbox', { name: /mở phòng ngay/ }).check();
	await host.getByRole('button', { name: 'Mở phòng', exact: true }).click();
	// Opening the room leads to the host console; the big screen is its own window (the organiser's session).
	await expect(host.getByRole('heading', { name: 'Điều khiển' })).toBeVisible();
	const code = (await host.getByTestId('room-code').innerText()).trim();
	expect(code).toMatch(/^\d{6}$/);
	const screen = await hostContext.newPage();
	await screen.setViewportSize({ width: 1920, height: 1080 });
	await screen.goto(`/live/host/${gameId}/screen`);
	await expect(screen.getByLabel(`Mã phòng ${code.split('').join(' ')}`)).toBeVisible();
	await expect(screen.getByRole('img', { name: `Mã QR vào phòng ${code}` })).toBeVisible();

	// Three phones join: by the code form (a wrong code first), by the room's address.
	const lan = await newPhone(browser);
	await lan.page.goto('/live');
	await lan.page.getByLabel('Mã phòng').fill('000000');
	await lan.page.getByRole('button', { name: 'Vào phòng' }).click();
	await expect(lan.page.getByRole('alert')).toContainText('Không tìm thấy phòng thi');
	await expectAccessible(lan.page, 'room code form');
	await lan.page.getByLabel('Mã phòng').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
	await lan.page.getByRole('button', { name: 'Vào phòng' }).click();
	const players: Record<string, { context: BrowserContext; page: Page }> = { lan };
	for (const [name, team] of [
		['Nguyễn Thị Lan', 'Đội Hoa Sen'],
		['Trần Thị Mai', 'Đội Hoa Mai'],
		['Lê Thị Cúc', 'Đội Hoa Sen']
	] as const) {
		const p = name === 'Nguyễn Thị Lan' ? lan : await newPhone(browser);
		if (p !== lan) await p.page.goto(`/live/${code}`);
		if (p === lan) await expectAccessible(p.page, 'join form');
		await p.page.getByLabel('Tên hiển thị *').fill(name);
		await p.page.getByLabel('Đội *').selectOption({ label: team });
		await p.page.getByRole('button', { name: 'Vào phòng' }).click();
		await expect(p.page.getByRole('heading', { name: 'Chờ người dẫn chương trình…' })).toBeVisible();
		players[name] = p;
	}
	const mai = players['Trần Thị Mai'];
	const cuc = players['Lê Thị Cúc'];
	await expect(screen.getByText('3 người chơi đã vào phòng')).toBeVisible();
	await expect(host.getByRole('heading', { name: 'Người chơi (3)' })).toBeVisible();
	await expectAccessible(screen, 'big screen (lobby)');
	await expectAccessible(host, 'host console');

	// Question 1, started from the console.
	await host.getByRole('button', { name: /^Bắt đầu/ }).click();
	for (const p of [lan, mai, cuc]) await expect(p.page.getByRole('heading', { name: 'Câu 1/3' })).toBeVisible();
	await expect(screen.getByText('Câu 1/3')).toBeVisible();
	await expect(screen.getByRole('timer')).toBeVisible();

	await expectAccessible(lan.page, 'player (question)');
	await answer(lan.page, 'A');
	await expect(lan.page.getByText('Đã gửi ✓')).toBeVisible();

	// Mai answers, then reloads the page mid-question: back in the game with her answer.
	await answer(mai.page, 'B');
	await expect(mai.page.getByText('Đã gửi ✓')).toBeVisible();
	await mai.page.reload();
	await expect(mai.page.getByRole('heading', { name: 'Câu 1/3' })).toBeVisible();
	await expect(mai.page.getByText('Đã gửi ✓')).toBeVisible();
	await expect(mai.page.getByRole('button', { name: /B/, pressed: true })).toBeVisible();

	// Cúc's phone loses the network as she answers (a question may be true/false: A and B only): the answer waits on the phone and goes when it is back.
	await cuc.context.setOffline(true);
	await answer(cuc.page, 'A');
	await expect(cuc.page.getByText(/Chưa gửi được/)).toBeVisible();
	await cuc.context.setOffline(false);
	await expect(cuc.page.getByText('Đã gửi ✓')).toBeVisible({ timeout: 20_000 });

	await expect(screen.getByText(/3\s*\/3 đã trả lời/)).toBeVisible();
	// Each answer arrived once, as chosen (the offline one too), whatever the retries.
	const first = answersOf(gameId, 0);
	expect(first.map((a) => a.name)).toEqual(['Lê Thị Cúc', 'Nguyễn Thị Lan', 'Trần Thị Mai']);
	expect(new Set(first.map((a) => a.requestId)).size).toBe(3);

	// The big screen's keys: R reveals (answer, explanation), S shows the scoreboard.
	await screen.keyboard.press('r');
	await expect(screen.getByText(/trả lời đúng/)).toBeVisible();
	await expect(screen.getByText('Giải thích:')).toBeVisible();
	for (const p of [lan, mai, cuc]) await expect(p.page.getByRole('heading', { name: /Chính xác!|Chưa đúng/ })).toBeVisible();
	await expectAccessible(screen, 'big screen (reveal)');
	await expectAccessible(lan.page, 'player (reveal)');
	await screen.keyboard.press('s');
	await expect(screen.getByRole('heading', { name: 'Bảng điểm' })).toBeVisible();
	await expect(screen.getByRole('heading', { name: 'Đội' })).toBeVisible();
	for (const name of ['Nguyễn Thị Lan', 'Trần Thị Mai', 'Lê Thị Cúc']) await expect(screen.getByText(name)).toBeVisible();
	await expect(lan.page.getByText(/^Hạng \d/)).toBeVisible();

	// → on the big screen: the next question; the console follows.
	await screen.keyboard.press('ArrowRight');
	for (const p of [lan, mai, cuc]) await expect(p.page.getByRole('heading', { name: 'Câu 2/3' })).toBeVisible();
	await answer(lan.page, 'A');
	await expect(lan.page.getByText('Đã gửi ✓')).toBeVisible();
	await expect(host.getByTestId('phase')).toContainText('câu 2/3');
	// A command sent from a stale view (a double press, a second screen a step behind) is refused:
	// the console says so and shows the game as it is; nothing moved.
	await host.route('**/api/live/games/*/command', (route) =>
		route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), version: 1 }) })
	);
	await host.getByRole('button', { name: /^Hiện đáp án/ }).click();
	await expect(host.getByRole('alert')).toContainText('Màn hình đã thay đổi');
	await expect(lan.page.getByRole('heading', { name: 'Câu 2/3' })).toBeVisible();
	await host.unroute('**/api/live/games/*/command');
	await host.getByRole('button', { name: /^Hiện đáp án/ }).click();
	await expect(screen.getByText('Giải thích:')).toBeVisible();

	// The judged part: opened from the console, scored on the judge's phone, shown on the big screen.
	await host.getByRole('button', { name: 'Mở phần chấm' }).click();
	await expect(screen.getByRole('heading', { name: 'Tiểu phẩm' })).toBeVisible();
	const judge = await newPhone(browser);
	await judge.page.goto(judgeUrl!);
	await expect(judge.page.getByRole('heading', { name: 'Tiểu phẩm' })).toBeVisible();
	await judge.page.getByLabel('Đội Hoa Sen').fill('11');
	await judge.page.getByRole('listitem').filter({ hasText: 'Đội Hoa Sen' }).getByRole('button', { name: 'Gửi' }).click();
	await expect(judge.page.getByText('Điểm phải từ 0 đến 10, theo bước 0,5.')).toBeVisible();
	await judge.page.getByLabel('Đội Hoa Sen').fill('8,5');
	await judge.page.getByRole('listitem').filter({ hasText: 'Đội Hoa Sen' }).getByRole('button', { name: 'Gửi' }).click();
	await expect(judge.page.getByText('Đã gửi: 8,5 điểm ✓')).toBeVisible();
	await expectAccessible(judge.page, 'judge page');
	await expect(screen.getByRole('listitem').filter({ hasText: 'Đội Hoa Sen' })).toContainText('8,5');

	// The podium, then the end (the console asks first).
	await host.getByRole('button', { name: /^Vinh danh/ }).click();
	await expect(screen.getByRole('heading', { name: 'Vinh danh' })).toBeVisible();
	await expect(lan.page.getByRole('heading', { name: 'Vinh danh' })).toBeVisible();
	await host.getByRole('button', { name: 'Kết thúc hội thi…' }).click();
	await host.getByRole('button', { name: 'Kết thúc', exact: true }).click();
	for (const p of [lan, mai, cuc]) await expect(p.page.getByRole('heading', { name: 'Hội thi đã kết thúc' })).toBeVisible();
	await expect(screen.getByRole('heading', { name: 'Vinh danh' })).toBeVisible();

	for (const c of [hostContext, lan.context, mai.context, cuc.context, judge.context]) await c.close();
});
