import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

/** The page itself never scrolls sideways at 360 px (a wide table scrolls inside its wrapper). */
async function expectFits(page: Page) {
	expect(
		await page.evaluate(() => document.documentElement.scrollWidth <= Math.min(window.innerWidth, document.documentElement.clientWidth))
	).toBe(true);
}

/**
 * Issue 16: an organiser sets a closed round's prizes, proposes the winners from the ranking,
 * reviews those the fairness report names, freezes and publishes the list; the public "Kết quả
 * đạt giải" page and a certificate's verification page (no login) show them.
 */
test('an organiser proposes, reviews, freezes and publishes a round’s prizes, seen on the public page and a certificate’s verification page', async ({
	page,
	browser
}) => {
	await login(page, '0900000002');
	await page.goto('/organiser/contests/1');
	await page.getByRole('link', { name: 'Giải thưởng đợt thi Tuần 1' }).click();
	await expect(page.getByRole('heading', { name: 'Giải thưởng · Tuần 1' })).toBeVisible();

	// A small prize structure: the defaults are there, trimmed to 1 Nhất, 2 Nhì, 3 Ba.
	await page.getByLabel('Số giải 1').fill('1');
	await page.getByLabel('Số giải 2').fill('2');
	await page.getByLabel('Số giải 3').fill('3');
	await page.getByLabel('Tên giải 4').fill('');
	await page.getByLabel('Số giải 4').fill('');
	await page.getByRole('button', { name: 'Lưu cơ cấu giải' }).click();
	await expect(page.getByRole('status')).toContainText('Đã lưu cơ cấu giải: 6 giải.');

	await page.getByRole('button', { name: 'Đề xuất người đạt giải' }).click();
	await expect(page.getByRole('status')).toContainText('Đã đề xuất 6 người đạt giải');
	const rows = page.locator('tr[data-entry]');
	await expect(rows).toHaveCount(6);

	// Review: whoever the fairness report names has the evidence one click away; confirm them.
	const review = page.locator('tr[data-status="review"]');
	while ((await review.count()) > 0) {
		const row = review.first();
		await expect(row.getByRole('link', { name: 'Xem bằng chứng' })).toHaveAttribute(
			'href',
			/\/organiser\/fairness\/rounds\/\d+#case-person-\d+/
		);
		const id = await row.getAttribute('data-entry');
		await row.getByRole('button', { name: 'Xác nhận' }).click();
		await expect(page.locator(`tr[data-entry="${id}"]`)).toHaveAttribute('data-status', 'confirmed');
	}

	await page.getByRole('button', { name: 'Chốt danh sách' }).click();
	await expect(page.getByRole('status')).toContainText('Đã chốt danh sách 6 giải. Mã băm SHA-256:');
	const hash = (await page.locator('code.hash').first().innerText()).trim();
	expect(hash).toMatch(/^[0-9a-f]{64}$/);
	await page.getByRole('button', { name: 'Công bố kết quả đạt giải' }).click();
	await expect(page.getByText('Đã công bố', { exact: true })).toBeVisible();
	await expectFits(page);

	// The winner of the Nhất prize and their certificate's code.
	const winner = rows.filter({ hasText: 'Giải Nhất' }).first();
	const name = (await winner.locator('th a').innerText()).trim();
	const code = (await winner.getByRole('link', { name: /^[0-9A-Z]{10}$/ }).innerText()).trim();

	// Anyone, without logging in: the public page from the home page, and the verification page.
	const visitor = await browser.newPage({ viewport: { width: 360, height: 740 } });
	await visitor.goto('/');
	await visitor.getByRole('link', { name: 'Kết quả đạt giải' }).first().click();
	await expect(visitor.getByRole('heading', { name: 'Kết quả đạt giải Tuần 1' })).toBeVisible();
	const first = visitor.locator('tbody tr').first();
	await expect(first).toContainText('Giải Nhất');
	await expect(first).toContainText(name);
	await expect(visitor.getByText(hash)).toBeVisible();
	await expectFits(visitor);

	await visitor.goto(`/v/${code}`);
	await expect(visitor.getByRole('status')).toContainText('Giấy chứng nhận hợp lệ');
	await expect(visitor.locator('dl')).toContainText(name);
	await expect(visitor.locator('dl')).toContainText('Giải Nhất');
	await expect(visitor.locator('dl')).toContainText('Tuần 1');
	await expectFits(visitor);
	await visitor.close();
});
