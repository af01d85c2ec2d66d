import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';

const COLUMNS = [
	'topic_code',
	'topic_name',
	'difficulty',
	'kind',
	'stem',
	'option_a',
	'option_b',
	'option_c',
	'option_d',
	'correct',
	'explanation',
	'legal_ref',
	'status'
];

async function smallSheet(tag: string): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Câu hỏi');
	ws.addRow(COLUMNS);
	ws.addRow([
		'ky-nang-e2e',
		'Kỹ năng (e2e)',
		1,
		'single',
		`Câu e2e ${tag} số 1: gọi số nào khi cần công an?`,
		'113',
		'114',
		'115',
		'',
		'A',
		'Số 113 là Công an.',
		'Quy định về số khẩn cấp',
		'published'
	]);
	ws.addRow([
		'ky-nang-e2e',
		'',
		2.0,
		'multiple',
		`Câu e2e ${tag} số 2: những nơi nào có thể tìm trợ giúp?`,
		'Công an xã, phường',
		'Hội Phụ nữ',
		'Không ai cả',
		'',
		'A,B',
		'',
		'',
		''
	]);
	ws.addRow([
		'ky-nang-e2e',
		'',
		'dễ',
		'true_false',
		`Câu e2e ${tag} số 3: bạo lực gia đình là chuyện riêng, không ai được can thiệp.`,
		'',
		'',
		'',
		'',
		'Sai',
		'',
		'',
		'draft'
	]);
	return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an organiser imports a small XLSX, confirms, sees the questions, then edits one into a new version', async ({ page }) => {
	const tag = String(Date.now() % 100000);
	await page.goto('/login');
	await page.getByLabel('Số điện thoại hoặc email').fill('0900000002');
	await page.getByLabel('Mật khẩu').fill('hoithi-demo-2026');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.getByRole('link', { name: 'Ban tổ chức' }).click();
	await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
	await page.getByRole('link', { name: 'Nhập từ tệp' }).click();

	await page.getByLabel('Tệp câu hỏi (.xlsx hoặc .csv)').setInputFiles({
		name: 'cau-hoi.xlsx',
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer: await smallSheet(tag)
	});
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByText('3 câu hợp lệ')).toBeVisible();
	await expect(page.getByText('Chủ đề mới sẽ được tạo: Kỹ năng (e2e) (ky-nang-e2e)')).toBeVisible();
	await page.getByRole('button', { name: 'Xác nhận nhập 3 câu hỏi' }).click();

	await expect(page.getByRole('status')).toContainText('Đã nhập 3 câu hỏi, tạo 1 chủ đề mới.');
	// Search ignores diacritics: typed without them.
	await page.getByLabel('Tìm theo nội dung').fill(`cau e2e ${tag}`);
	await page.getByRole('button', { name: 'Tìm' }).click();
	await expect(page.getByText('3 câu hỏi phù hợp')).toBeVisible();

	await page.getByRole('link', { name: new RegExp(`Câu e2e ${tag} số 1`) }).click();
	await expect(page.getByText('Phiên bản hiện tại: 1')).toBeVisible();
	const stem = page.getByLabel('Nội dung câu hỏi');
	await stem.fill(`Câu e2e ${tag} số 1: khi cần công an giúp đỡ khẩn cấp, gọi số nào?`);
	// The live preview shows what a participant would see.
	await expect(page.getByRole('region', { name: 'Xem trước (như người thi thấy)' })).toContainText('khi cần công an giúp đỡ khẩn cấp');
	await page.getByRole('button', { name: 'Lưu thay đổi' }).click();

	await expect(page.getByRole('status')).toContainText('Đã lưu phiên bản 2');
	await expect(page.getByText('Phiên bản hiện tại: 2')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Phiên bản 2 (hiện tại)' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Phiên bản 1', exact: true })).toBeVisible();
});
