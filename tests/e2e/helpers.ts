import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'hoithi-demo-2026';

/** Registers a fresh participant through the form and lands on the home page, logged in. */
export async function registerParticipant(page: Page, fullName = 'Phạm Thị Thu Hà'): Promise<string> {
	const phone = '096' + String(Date.now()).slice(-7);
	await page.goto('/register');
	await page.getByLabel('Họ và tên *').fill(fullName);
	await page.getByLabel('Ngày sinh *').fill('1988-09-02');
	await page.getByLabel('Giới tính *').selectOption('female');
	await page.getByLabel('Số điện thoại *').fill(phone);
	await page.getByLabel('Đơn vị (quận, huyện, thị xã) *').selectOption({ label: 'Quận Hoàng Mai' });
	await page.getByLabel('Đối tượng *').selectOption({ label: 'Hội viên phụ nữ' });
	await page.getByLabel('Mật khẩu *').fill('mot-mat-khau-dai');
	await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await expect(page.getByText('Tài khoản đã được tạo')).toBeVisible();
	return phone;
}

export async function login(page: Page, phone: string, password = DEMO_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('Số điện thoại hoặc email').fill(phone);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

/** Opens the open round's attempt page, confirms the start and waits for the first question. */
export async function openAttempt(page: Page) {
	await page.goto('/');
	await page
		.getByRole('link', { name: /Vào thi|Thi lượt/ })
		.first()
		.click();
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await expect(page.getByRole('heading', { name: /^Câu \d+\/10$/ })).toBeVisible();
}
