import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login } from './helpers';

/** Issue 16: staff accounts made in the browser, and a forgotten password got back with an officer's code. */

test('an admin creates a district lead, who logs in with the one-time password', async ({ page, browser }) => {
	await login(page, '0900000001');
	await page.goto('/organiser');
	await page.getByRole('link', { name: 'Tài khoản cán bộ' }).click();
	await expect(page.getByRole('heading', { name: 'Tài khoản cán bộ', level: 1 })).toBeVisible();
	const phone = '097' + String(Date.now()).slice(-7);
	await page.getByLabel('Họ và tên *').fill('Hoàng Thị Cán Bộ');
	await page.getByLabel('Số điện thoại *').fill(phone);
	await page.getByLabel('Vai trò *').selectOption('district_lead');
	await page.getByLabel('Đơn vị *').selectOption({ label: 'Quận Tây Hồ' });
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	const created = page.getByRole('status');
	await expect(created).toContainText('Đã tạo tài khoản cho Hoàng Thị Cán Bộ');
	const password = (await created.locator('code').textContent())!.trim();
	expect(password).toHaveLength(16);
	await expect(page.getByRole('link', { name: 'Hoàng Thị Cán Bộ' })).toBeVisible();

	const leadContext = await browser.newContext();
	const lead = await leadContext.newPage();
	await login(lead, phone, password);
	await lead.getByRole('link', { name: 'Quận/huyện của tôi' }).click();
	await expect(lead.getByRole('heading', { name: 'Quận Tây Hồ', level: 1 })).toBeVisible();
	await leadContext.close();

	// The list now shows when the new lead last logged in.
	await page.goto('/admin/staff?q=' + phone);
	await expect(page.getByRole('row', { name: /Hoàng Thị Cán Bộ/ })).not.toContainText('Chưa đăng nhập');
});

test('a participant forgets the password, gets a code from their district lead and logs in', async ({ page, browser }) => {
	const phone = '098' + String(Date.now()).slice(-7);
	await page.goto('/register');
	await page.getByLabel('Họ và tên *').fill('Đặng Thị Quên');
	await page.getByLabel('Ngày sinh *').fill('1985-03-08');
	await page.getByLabel('Giới tính *').selectOption('female');
	await page.getByLabel('Số điện thoại *').fill(phone);
	await page.getByLabel('Đơn vị (quận, huyện, thị xã) *').selectOption({ label: 'Quận Ba Đình' });
	await page.getByLabel('Đối tượng *').selectOption({ label: 'Hội viên phụ nữ' });
	await page.getByLabel('Mật khẩu *').fill('mat khau cu da quen');
	await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await expect(page.getByText('Tài khoản đã được tạo')).toBeVisible();
	await page.getByRole('button', { name: 'Đăng xuất' }).click();

	// The participant cannot log in and opens "Quên mật khẩu?".
	await page.goto('/login');
	await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
	await expect(page.getByRole('heading', { name: 'Quên mật khẩu?' })).toBeVisible();
	await expect(page.getByText('chưa gửi được email')).toBeVisible();

	// The district lead of Ba Đình, on their own phone, finds the person and issues a code.
	const leadContext = await browser.newContext();
	const lead = await leadContext.newPage();
	await login(lead, '0900000003', DEMO_PASSWORD);
	await lead.goto('/district');
	await lead.getByRole('link', { name: /Cấp mã đặt lại mật khẩu/ }).click();
	// Typed after the page is live (hydration would reset a box filled earlier).
	await lead.waitForLoadState('networkidle');
	await lead.getByLabel('Tìm theo tên hoặc số điện thoại').fill(phone);
	await lead.getByRole('button', { name: 'Tìm' }).click();
	await expect(lead).toHaveURL(/q=/);
	await lead.getByRole('button', { name: 'Cấp mã cho Đặng Thị Quên' }).click();
	const code = (await lead.getByLabel('Mã đặt lại mật khẩu').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){6}$/);
	await leadContext.close();

	await page.getByLabel('Số điện thoại đã đăng ký').fill(phone);
	await page.getByLabel('Mã đặt lại mật khẩu').fill(code.toLowerCase());
	await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat khau moi nho roi');
	await page.getByLabel('Nhập lại mật khẩu mới').fill('mat khau moi nho roi');
	await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
	await expect(page.getByText('Đã đặt mật khẩu mới')).toBeVisible();
	await login(page, phone, 'mat khau moi nho roi');
});
