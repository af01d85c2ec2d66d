import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

test('the login form answers empty fields with the server’s Vietnamese messages and keeps what was typed', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByText('Vui lòng nhập số điện thoại hoặc email.')).toBeVisible();
	await expect(page.getByText('Vui lòng nhập mật khẩu.')).toBeVisible();
	await page.getByLabel('Số điện thoại hoặc email').fill('0900000004');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByText('Vui lòng nhập mật khẩu.')).toBeVisible();
	await expect(page.getByText('Vui lòng nhập số điện thoại hoặc email.')).toBeHidden();
	await expect(page.getByLabel('Số điện thoại hoặc email')).toHaveValue('0900000004');
	await expect(page.getByLabel('Mật khẩu')).toHaveAttribute('aria-invalid', 'true');
});

test('a form sent from another address than the configured one says so in Vietnamese instead of emptying itself', async ({
	page,
	baseURL
}) => {
	// The e2e server has ORIGIN=http://localhost:PORT, like a deployment; the page is opened at 127.0.0.1.
	const elsewhere = baseURL!.replace('localhost', '127.0.0.1');
	await page.goto(elsewhere + '/login');
	await page.getByLabel('Số điện thoại hoặc email').fill('0900000004');
	await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('heading', { name: 'Chưa gửi được biểu mẫu' })).toBeVisible();
	await expect(page.getByText(`Vui lòng mở hội thi tại ${baseURL} rồi thử lại.`)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toHaveCount(0);
});

test('the registration list is grouped by kind and sorted by name, starting with Quận Ba Đình', async ({ page }) => {
	await page.goto('/register');
	const select = page.getByLabel('Đơn vị (quận, huyện, thị xã) *');
	expect(await select.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual(['Quận', 'Thị xã', 'Huyện']);
	await expect(select.locator('option:not([disabled])').first()).toHaveText('Quận Ba Đình');
	await expect(select.locator('optgroup[label="Huyện"] option').first()).toHaveText('Huyện Ba Vì');
	await expect(select.locator('optgroup[label="Huyện"] option').last()).toHaveText('Huyện Ứng Hòa');
});
