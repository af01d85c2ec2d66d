import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { login } from './helpers';

test('a district lead sees their unit’s chart, with its table alternative, at 360 px', async ({ page }) => {
	await login(page, '0900000003');
	await page.getByRole('link', { name: 'Quận/huyện của tôi' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Quận Ba Đình' })).toBeVisible();
	const chart = page.getByRole('img', { name: /Biểu đồ đường: số người dự thi và số lượt thi của Quận Ba Đình/ });
	await expect(chart).toBeVisible();
	// chart.js has drawn into a canvas of real size (not 0×0).
	await expect.poll(async () => chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width > 100 && c.height > 100)).toBe(true);
	await page.getByText('Bảng số liệu theo ngày').click();
	await expect(page.getByRole('columnheader', { name: 'Lượt thi' }).first()).toBeVisible();
	await expect(page.getByTestId('unit-rank')).toContainText(/Xếp hạng theo số người dự thi: \d+\/\d+/);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(1);
});

test('an organiser downloads a period report that opens as XLSX with the expected sheets', async ({ page }) => {
	await login(page, '0900000002');
	await page.getByRole('link', { name: 'Ban tổ chức' }).click();
	await page.getByRole('link', { name: 'Báo cáo định kỳ' }).click();
	await page.getByLabel('Kỳ báo cáo').selectOption('year');
	await page.getByLabel('Năm', { exact: true }).fill(String(new Date().getFullYear()));
	await page.getByRole('button', { name: 'Xem báo cáo' }).click();
	await expect(page.getByRole('heading', { name: /Báo cáo năm \d{4}/ })).toBeVisible();
	await expect(page.getByText(/Số liệu từ 01\/01\/\d{4} – 15\/11\/\d{4}; hạn nộp 30\/11\/\d{4}/)).toBeVisible();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo (Excel)' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^bao-cao-hoi-thi-.*\.xlsx$/);
	const file = await download.path();
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
	expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo đơn vị']);
	const summary = wb.getWorksheet('Tổng hợp')!;
	const labels: string[] = [];
	summary.eachRow((r) => labels.push(String(r.getCell(1).value)));
	expect(labels).toContain('Người dự thi');
	expect(labels).toContain('Theo nhóm tuổi');
});
