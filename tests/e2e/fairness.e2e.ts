import { expect, test } from '@playwright/test';

test('an organiser disqualifies the leader’s attempts and the leaderboard changes', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Số điện thoại hoặc email').fill('0900000002');
	await page.getByLabel('Mật khẩu').fill('hoithi-demo-2026');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.getByRole('link', { name: 'Ban tổ chức' }).click();
	await page.getByRole('link', { name: 'Công bằng & gian lận' }).click();

	// The report of the open round is one list of cases (other tests running on the same server
	// from one address may add more, so only "at least one" is certain), each reason's evidence
	// one keyboard press away; ordinary shared networks are one folded line.
	await page.getByRole('link', { name: 'Báo cáo bất thường Tuần 2' }).click();
	await expect(page.getByRole('heading', { name: /Trường hợp cần xem xét/ })).toContainText(/\([1-9]\d*\)/);
	const alike = page.locator('summary', { hasText: 'Trả lời giống nhau bất thường' }).first();
	await alike.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText(/Khả năng những người làm bài độc lập/).first()).toBeVisible();
	await expect(page.locator('summary', { hasText: 'Tốc độ bất thường' }).first()).toBeVisible();
	await expect(page.locator('summary', { hasText: /mạng dùng chung bình thường/ })).toBeVisible();

	await page.goBack();
	await page.getByRole('link', { name: 'Bảng xếp hạng Tuần 2' }).click();
	await expect(page.getByRole('heading', { name: 'Bảng xếp hạng Tuần 2' })).toBeVisible();
	const leader = page.locator('tbody tr').first();
	const before = await leader.innerText();
	await leader.getByRole('link').click();

	// Disqualify every Tuần 2 attempt of the leader, each with a reason and a confirmation.
	await expect(page.getByRole('heading', { name: 'Các lượt thi' })).toBeVisible();
	const open = page
		.locator('li.card')
		.filter({ hasText: 'Tuần 2 ·' })
		.locator('summary', { hasText: /^Loại lượt thi #\d+$/ });
	const count = await open.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++) {
		const summary = open.first();
		const label = (await summary.innerText()).trim();
		const id = label.replace(/\D/g, '');
		await summary.click();
		const confirm = page.locator(`form:has(#a${id}-reason)`).getByRole('button', { name: 'Xác nhận loại lượt thi' });
		// Without a reason nothing happens: the browser asks for it.
		await confirm.click();
		await expect(page.getByText(`Khôi phục lượt thi #${id}`, { exact: true })).toHaveCount(0);
		await page.getByLabel(`Lý do loại lượt thi #${id}`).fill('Kiểm thử: nộp bài nhanh bất thường');
		await confirm.click();
		await expect(page.getByText(`Khôi phục lượt thi #${id}`, { exact: true })).toBeVisible();
	}
	await expect(page.getByRole('status')).toContainText('Đã loại lượt thi');

	await page.goBack();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Bảng xếp hạng Tuần 2' })).toBeVisible();
	await expect(page.locator('tbody tr').first()).not.toHaveText(before);

	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});
