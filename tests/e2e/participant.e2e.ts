import { expect, test } from '@playwright/test';

const uniquePhone = () => '097' + String(Date.now()).slice(-7);

test('a new participant registers, takes a round on a phone, submits and sees the result', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('phòng ngừa, ứng phó với bạo lực');
	await page.getByRole('link', { name: 'Đăng ký dự thi' }).click();

	// A first try with a bad phone keeps what was typed and says what is wrong.
	await page.getByLabel('Họ và tên *').fill('Đỗ Thị Thu Trang');
	await page.getByLabel('Ngày sinh *').fill('1992-04-15');
	await page.getByLabel('Giới tính *').selectOption('female');
	await page.getByLabel('Số điện thoại *').fill('12345');
	await page.getByLabel('Đơn vị (quận, huyện, thị xã) *').selectOption({ label: 'Quận Cầu Giấy' });
	await page.getByLabel('Đối tượng *').selectOption({ label: 'Hội viên phụ nữ' });
	await page.getByLabel('Mật khẩu *').fill('mot-mat-khau-dai');
	await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await expect(page.getByText('Số điện thoại không hợp lệ (ví dụ 0912 345 678).')).toBeVisible();
	await expect(page.getByLabel('Họ và tên *')).toHaveValue('Đỗ Thị Thu Trang');

	await page.getByLabel('Số điện thoại *').fill(uniquePhone());
	await page.getByLabel('Mật khẩu *').fill('mot-mat-khau-dai');
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await expect(page.getByText('Tài khoản đã được tạo')).toBeVisible();

	await page.getByRole('link', { name: 'Vào thi' }).click();
	await expect(page.getByRole('heading', { name: 'Bắt đầu lượt thi thứ 1/3?' })).toBeVisible();
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();
	await expect(page.getByRole('timer')).toContainText(/1[45]:\d\d/);

	// Answer two questions, reload: the attempt resumes with both answers.
	for (let i = 1; i <= 2; i++) {
		await page.locator('fieldset input').first().check();
		await expect(page.getByText('Đã lưu ✓')).toBeVisible();
		await page.getByRole('button', { name: 'Câu sau →' }).click();
	}
	await page.reload();
	await expect(page.getByRole('button', { name: 'Câu 1, đã trả lời' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Câu 2, đã trả lời' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Câu 3/10' })).toBeVisible();

	for (let i = 3; i <= 10; i++) {
		await expect(page.getByRole('heading', { name: `Câu ${i}/10` })).toBeVisible();
		await page.locator('fieldset input').first().check();
		await expect(page.getByText('Đã lưu ✓')).toBeVisible();
		await page.getByRole('button', { name: i < 10 ? 'Câu sau →' : 'Xem lại bài' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Xem lại trước khi nộp' })).toContainText('Xem lại');
	await expect(page.getByText('Bạn đã trả lời 10/10 câu.')).toBeVisible();

	// The prediction question is required before submitting.
	await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
	await expect(page.getByText('Vui lòng nhập một số nguyên không âm')).toBeVisible();
	await page.getByLabel(/Câu hỏi dự đoán/).fill('350');
	await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();

	await expect(page.getByRole('heading', { name: 'Kết quả lượt thi thứ 1' })).toBeVisible();
	await expect(page.getByText(/\d+\/10/).first()).toBeVisible();
	await expect(page.getByText('Giải thích:').first()).toBeVisible();
	await expect(page.getByText('Căn cứ:').first()).toBeVisible();

	// Nothing sticks out of a 360 px screen.
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);

	await page.getByRole('link', { name: 'Kết quả của tôi' }).first().click();
	await expect(page.getByRole('cell', { name: 'Tuần 2' })).toBeVisible();
});

test('the public leaderboard shows masked names and units', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Bảng xếp hạng' }).first().click();
	await expect(page.getByRole('heading', { name: /Bảng xếp hạng Tuần/ })).toBeVisible();
	const person = await page.locator('tbody tr').first().locator('td').nth(1).innerText();
	expect(person).toMatch(/^\p{L}+( \p{Lu}\.)+/u);
	await expect(page.locator('tbody tr').first()).toContainText(/Quận|Huyện|Thị xã/);
});
