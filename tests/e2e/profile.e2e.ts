import { expect, test } from '@playwright/test';
import { registerParticipant } from './helpers';

test('a participant changes their unit on the account page and sees it saved', async ({ page }) => {
	await registerParticipant(page, 'Trịnh Thị Minh Hằng');
	await page.goto('/account');
	const form = page.getByRole('region', { name: 'Thông tin cá nhân' });
	const unit = form.getByLabel('Đơn vị (quận, huyện, thị xã) *');
	await expect(unit.locator('option:checked')).toHaveText('Quận Hoàng Mai');

	// A new phone without the current password is refused, and what was typed stays.
	await unit.selectOption({ label: 'Quận Tây Hồ' });
	await form.getByLabel('Số điện thoại *').fill('0988 000 111');
	await form.getByRole('button', { name: 'Lưu thông tin' }).click();
	await expect(form.getByText('Vui lòng nhập mật khẩu hiện tại để đổi số điện thoại, email hoặc số CCCD.')).toBeVisible();
	await expect(form.getByLabel('Số điện thoại *')).toHaveValue('0988 000 111');
	await expect(unit.locator('option:checked')).toHaveText('Quận Tây Hồ');

	// Back to the stored phone: only the unit changes, no password needed.
	await page.reload();
	await unit.selectOption({ label: 'Quận Tây Hồ' });
	await form.getByRole('button', { name: 'Lưu thông tin' }).click();
	await expect(form.getByRole('status')).toHaveText('Đã lưu thay đổi (đơn vị).');
	await page.reload();
	await expect(unit.locator('option:checked')).toHaveText('Quận Tây Hồ');
});
