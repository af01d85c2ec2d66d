import { expect, test } from '@playwright/test';
import SQLite from 'better-sqlite3';
import path from 'node:path';
import { login } from './helpers';

/**
 * Issue 15 item 3: a 12-year-old's attempt contains no adults-only question. The adults-only
 * questions are this test's own: an organiser imports 60 of them into the law topic that the open
 * round ("Tuần 2") draws 4 questions from (the starter bank has 29 for everyone there), so a draw
 * that ignored the audience would show one with a probability of about 99 %.
 * Named to run last: the other e2e files see the starter bank as it is.
 */
const MARK = 'Câu dành cho người lớn';
const HEADER = 'topic_code,difficulty,kind,stem,option_a,option_b,correct,status,audience';

function adultsOnlyCsv(tag: string): Buffer {
	const rows = Array.from(
		{ length: 60 },
		(_, i) =>
			`bao-luc-gia-dinh,${1 + (i % 3)},single,"${MARK} ${tag}-${i}: hành vi nào là bạo lực tình dục trong gia đình?",Cưỡng ép quan hệ tình dục,Cùng nhau nấu cơm,A,published,người lớn`
	);
	return Buffer.from('\uFEFF' + [HEADER, ...rows].join('\r\n'), 'utf8');
}

/** The audiences of a person's drawn questions, from the e2e server's database (playwright.config.ts). */
function drawnAudiences(phone: string): string[] {
	const db = new SQLite(path.resolve('test-results/e2e.db'), { readonly: true });
	try {
		return (
			db
				.prepare(
					`select q.audience from attempt_questions aq join attempts a on a.id = aq.attempt_id
					join users u on u.id = a.user_id join questions q on q.id = aq.question_id where u.phone = ?`
				)
				.all('+84' + phone.slice(1)) as { audience: string }[]
		).map((r) => r.audience);
	} finally {
		db.close();
	}
}

test('a 12-year-old’s attempt contains no adults-only question', async ({ page }) => {
	const tag = String(Date.now() % 100000);
	await login(page, '0900000002');
	await page.goto('/organiser/questions/import');
	await page
		.getByLabel('Tệp câu hỏi (.xlsx hoặc .csv)')
		.setInputFiles({ name: 'nguoi-lon.csv', mimeType: 'text/csv', buffer: adultsOnlyCsv(tag) });
	await page.getByRole('button', { name: 'Xem trước' }).click();
	await expect(page.getByText('60 câu hợp lệ')).toBeVisible();
	await page.getByRole('button', { name: 'Xác nhận nhập 60 câu hỏi' }).click();
	await expect(page.getByRole('status')).toContainText('Đã nhập 60 câu hỏi');
	await page.getByRole('button', { name: 'Đăng xuất' }).click();

	// A child registers (with a guardian's confirmation) and starts the open round.
	const born = `${new Date().getFullYear() - 12}-03-15`;
	const phone = '097' + String(Date.now()).slice(-7);
	await page.goto('/register');
	await page.getByLabel('Họ và tên *').fill('Nguyễn Thị Mười Hai');
	await page.getByLabel('Ngày sinh *').fill(born);
	await page.getByLabel('Giới tính *').selectOption('female');
	await page.getByLabel('Số điện thoại *').fill(phone);
	await page.getByLabel('Đơn vị (quận, huyện, thị xã) *').selectOption({ label: 'Quận Hoàng Mai' });
	await page.getByLabel('Đối tượng *').selectOption({ label: 'Học sinh' });
	await page.getByLabel('Họ và tên người giám hộ *').fill('Nguyễn Văn Bố');
	await page.getByLabel('Số điện thoại người giám hộ *').fill('0912' + String(Date.now()).slice(-6));
	await page.getByRole('checkbox', { name: /Tôi là cha, mẹ hoặc người giám hộ/ }).check();
	await page.getByLabel('Mật khẩu *').fill('mot-mat-khau-dai');
	await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await expect(page.getByText('Tài khoản đã được tạo')).toBeVisible();

	await page.goto('/rounds/2/attempt');
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();
	// Every question the child sees, one by one: none of the adults-only ones.
	for (let i = 1; i <= 10; i++) {
		await page.getByRole('button', { name: new RegExp(`^Câu ${i}, `) }).click();
		await expect(page.getByRole('heading', { name: `Câu ${i}/10` })).toBeVisible();
		await expect(page.locator('legend.stem')).not.toContainText(MARK);
	}
	const audiences = drawnAudiences(phone);
	expect(audiences).toHaveLength(10);
	expect(audiences.filter((a) => a !== 'all')).toEqual([]);
});
