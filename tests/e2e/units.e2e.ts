import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

/** The unit that tops the participation-rate chart, as its accessible label says. */
async function topByRate(page: Page): Promise<string> {
	await page.goto('/organiser/dashboard');
	const label = await page.getByRole('img', { name: /tỉ lệ tham gia của/ }).getAttribute('aria-label');
	return /cao nhất là (.+) với/.exec(label ?? '')?.[1] ?? '';
}

test('an organiser uploads a unit sheet, edits a target inline, and the participation-rate ranking follows', async ({ page }) => {
	await login(page, '0900000002');
	// The unit with the most participants (first row of the dashboard's unit table).
	await page.goto('/organiser/dashboard');
	const unitName = (await page
		.getByRole('table', { name: /Các đơn vị/ })
		.getByRole('row')
		.nth(1)
		.getByRole('link')
		.textContent())!.trim();

	await page.goto('/organiser');
	await page.getByRole('link', { name: 'Đơn vị và chỉ tiêu' }).click();
	const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: new RegExp(`^${unitName} ·`) }) });
	const code = (await row.getByRole('cell').first().textContent())!.trim();
	const kind = (await row.getByRole('cell').nth(1).locator('span').textContent())!.replace('·', '').trim();
	const target = row.getByLabel(`Chỉ tiêu của ${unitName}`);
	const original = await target.inputValue();

	// A sheet that gives the unit a target so large its rate drops below the others'.
	await page.getByRole('link', { name: 'Tải danh sách / chỉ tiêu từ tệp' }).click();
	await page.getByLabel('Tệp (.xlsx hoặc .csv)').setInputFiles({
		name: 'don-vi.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`code,name,kind,target\n${code},${unitName},${kind},50.000.000\n`)
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByRole('cell', { name: '50.000.000' })).toBeVisible();
	await page.getByRole('button', { name: 'Xác nhận ghi 1 dòng' }).click();
	await expect(page.getByText(/Đã ghi tệp: 0 đơn vị thêm mới, 1 đơn vị cập nhật/)).toBeVisible();
	expect(await topByRate(page)).not.toBe(unitName);

	// Inline: a target of 1 puts the unit on top of the rate ranking at once.
	await page.goto('/organiser/units');
	await expect(row.getByLabel(`Chỉ tiêu của ${unitName}`)).toHaveValue('50.000.000');
	await row.getByLabel(`Chỉ tiêu của ${unitName}`).fill('-3');
	await row.getByRole('button', { name: 'Lưu' }).click();
	await expect(row.getByText('Chỉ tiêu phải là số nguyên không âm')).toBeVisible();
	await row.getByLabel(`Chỉ tiêu của ${unitName}`).fill('1');
	await row.getByRole('button', { name: 'Lưu' }).click();
	await expect(row.getByRole('status')).toHaveText('Đã lưu');
	expect(await topByRate(page)).toBe(unitName);

	// Back as it was, for the other tests on this database.
	await page.goto('/organiser/units');
	await row.getByLabel(`Chỉ tiêu của ${unitName}`).fill(original);
	await row.getByRole('button', { name: 'Lưu' }).click();
	await expect(row.getByRole('status')).toHaveText('Đã lưu');
});
