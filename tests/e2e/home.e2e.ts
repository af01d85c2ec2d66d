import { expect, test, type Page } from '@playwright/test';
import { registerParticipant } from './helpers';

/** While a round is open, it and its “Vào thi” button come first; the next round's countdown after. */
async function expectOpenRoundFirst(page: Page) {
	const hero = page.locator('main section').first();
	await expect(hero.getByRole('heading', { name: /Đang mở Tuần 2/ })).toBeVisible();
	const enter = hero.getByRole('link', { name: 'Vào thi' });
	await expect(enter).toBeInViewport();
	const next = hero.getByText(/Tuần 3 mở sau/);
	await expect(next).toBeVisible();
	expect((await enter.boundingBox())!.y).toBeLessThan((await next.boundingBox())!.y);
}

test('the open round and its “Vào thi” button come first on the home page, logged in or not', async ({ page }) => {
	await page.goto('/');
	await expectOpenRoundFirst(page);
	// Not logged in, the button leads through the login back to the round.
	await expect(page.locator('main section').first().getByRole('link', { name: 'Vào thi' })).toHaveAttribute(
		'href',
		'/login?redirectTo=/rounds/2/attempt'
	);

	await registerParticipant(page, 'Lương Thị Trang Chủ');
	await expectOpenRoundFirst(page);
	await page.locator('main section').first().getByRole('link', { name: 'Vào thi' }).click();
	await expect(page.getByRole('heading', { name: 'Bắt đầu lượt thi thứ 1/3?' })).toBeVisible();
});

test('the rules say when each round shows its answers, as the round is set', async ({ page }) => {
	await page.goto('/');
	const rules = page.locator('section', { has: page.getByRole('heading', { name: 'Thể lệ cuộc thi' }) });
	await expect(rules).toContainText('Tuần 2: Đáp án và giải thích được công bố ngay sau khi bạn nộp bài.');
	await expect(rules).toContainText(/Tuần 3: Đáp án và giải thích được công bố sau khi đợt thi kết thúc \(\d\d:\d\d \d\d\/\d\d\/\d{4}\)\./);
	// The demo's own rules text no longer promises the answers right after hand-in for every round.
	await expect(rules).not.toContainText('công bố ngay sau khi nộp bài để');
});
