import { expect, test } from '@playwright/test';
import { openAttempt, registerParticipant } from './helpers';

test('answers given offline are kept, replayed when the network returns, and none is lost', async ({ page, context }) => {
	await registerParticipant(page);
	await openAttempt(page);
	await page.locator('fieldset input').first().check();
	await expect(page.getByText('Mọi câu trả lời đã được lưu.')).toBeVisible();

	await context.setOffline(true);
	for (let i = 2; i <= 4; i++) {
		await page.getByRole('button', { name: `Câu ${i},` }).click();
		await page.locator('fieldset input').nth(1).check();
	}
	await expect(page.getByText(/Mất kết nối — \d câu trả lời đã lưu trên máy/)).toBeVisible();
	await expect(page.getByText('Đang chờ mạng — đã lưu trên máy.')).toBeVisible();

	await context.setOffline(false);
	await expect(page.getByText('Mọi câu trả lời đã được lưu.')).toBeVisible({ timeout: 15_000 });

	// What the server has now is what the person chose: reload and check all four.
	await page.reload();
	for (let i = 1; i <= 4; i++) await expect(page.getByRole('button', { name: `Câu ${i}, đã trả lời` })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Câu 5, chưa trả lời' })).toBeVisible();
});

test('a hand-in during an outage waits and goes through when the network returns', async ({ page, context }) => {
	await registerParticipant(page, 'Lê Văn Mạng');
	await openAttempt(page);
	await page.locator('fieldset input').first().check();
	await expect(page.getByText('Đã lưu ✓')).toBeVisible();
	await page.getByRole('button', { name: 'Xem lại & nộp bài' }).click();
	await page.getByLabel(/Câu hỏi dự đoán/).fill('120');

	await context.setOffline(true);
	await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('bài sẽ tự nộp khi có mạng trở lại');
	await context.setOffline(false);
	await expect(page.getByRole('heading', { name: 'Kết quả lượt thi thứ 1' })).toBeVisible({ timeout: 15_000 });
});

test('an answer the server never acknowledged is replayed from the journal after a reload', async ({ page }) => {
	await registerParticipant(page, 'Ngô Thị Tải Lại');
	await openAttempt(page);
	// The request is lost on the way (the browser itself still thinks it is online).
	await page.route('**/api/attempts/*/answers', (route) => route.abort('internetdisconnected'));
	await page.locator('fieldset input').first().check();
	await expect(page.getByText('Đang chờ mạng — đã lưu trên máy.')).toBeVisible();
	await page.unroute('**/api/attempts/*/answers');
	// Reload before any retry: only the journal knows the answer, and it is sent on load.
	await page.reload();
	await expect(page.getByText('Mọi câu trả lời đã được lưu.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Câu 1, đã trả lời' })).toBeVisible();
	// And the server has it: a fresh browser context (no journal) sees it too.
	const fresh = await page
		.context()
		.browser()!
		.newContext({ storageState: await page.context().storageState() });
	const other = await fresh.newPage();
	await other.evaluate(() => localStorage.clear()).catch(() => {});
	await other.goto(page.url());
	await expect(other.getByRole('button', { name: 'Câu 1, đã trả lời' })).toBeVisible();
	await fresh.close();
});

test('the countdown follows the server even when the phone clock is three hours wrong', async ({ page }) => {
	await page.addInitScript(() => {
		const skew = 3 * 60 * 60 * 1000;
		const realNow = Date.now.bind(Date);
		Date.now = () => realNow() + skew;
	});
	await registerParticipant(page, 'Trịnh Thị Đồng Hồ');
	await openAttempt(page);
	const text = await page.getByRole('timer').innerText();
	const [, mm] = /(\d\d):(\d\d)/.exec(text)!;
	expect(Number(mm)).toBeGreaterThanOrEqual(14);
	expect(Number(mm)).toBeLessThanOrEqual(15);
});
