import { expect, test } from '@playwright/test';

test('an organiser creates a round and sees it in the contest', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Số điện thoại hoặc email').fill('0900000002');
	await page.getByLabel('Mật khẩu').fill('hoithi-demo-2026');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.getByRole('link', { name: 'Ban tổ chức' }).click();
	await page
		.getByRole('link', { name: /Tìm hiểu kiến thức phòng ngừa/ })
		.first()
		.click();
	await page.getByRole('link', { name: 'Thêm đợt thi' }).click();

	await page.getByLabel('Tên đợt thi').fill('Tuần 4 — kiểm thử');
	await page.getByLabel('Thời gian mở (giờ Hà Nội)').fill('2027-01-10T08:00');
	// Closing before opening is refused, and what was typed stays.
	await page.getByLabel('Thời gian đóng (giờ Hà Nội)').fill('2027-01-09T08:00');
	await page.getByRole('button', { name: 'Thêm đợt thi' }).click();
	await expect(page.getByText('Thời gian đóng phải sau thời gian mở.')).toBeVisible();
	await expect(page.getByLabel('Tên đợt thi')).toHaveValue('Tuần 4 — kiểm thử');

	await page.getByLabel('Thời gian đóng (giờ Hà Nội)').fill('2027-01-17T20:00');
	await page.getByLabel('Số câu hỏi mỗi lượt').fill('12');
	await page.getByLabel('Thời gian làm bài (phút)').fill('20');
	await page.getByLabel('Số lượt thi tối đa mỗi người').fill('2');
	await page.getByLabel('Câu hỏi dự đoán', { exact: true }).selectOption('perfect_scores');
	await page.getByLabel('Nội dung câu hỏi dự đoán').fill('Có bao nhiêu người đạt điểm tuyệt đối trong Tuần 4?');
	await page.getByLabel('Chủ đề, dòng 1').selectOption({ index: 1 });
	await page.getByLabel('Số câu, dòng 1').fill('3');
	await page.getByRole('button', { name: 'Thêm đợt thi' }).click();

	await expect(page.getByRole('status')).toContainText('Đã lưu');
	const row = page.getByRole('row', { name: /Tuần 4 — kiểm thử/ });
	await expect(row).toContainText('08:00 10/01/2027');
	await expect(row).toContainText('20:00 17/01/2027');
	await expect(row).toContainText('12');
	await expect(row).toContainText('Sắp mở');
});
