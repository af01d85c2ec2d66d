import { expect, test, type Page } from '@playwright/test';
import SQLite from 'better-sqlite3';
import path from 'node:path';
import { openAttempt, registerParticipant } from './helpers';

/** The person's attempts in the e2e server's database (playwright.config.ts: test-results/e2e.db). */
function attemptsOf(phone: string): number {
	const db = new SQLite(path.resolve('test-results/e2e.db'), { readonly: true });
	try {
		const row = db
			.prepare('select count(*) as n from attempts a join users u on u.id = a.user_id where u.phone = ?')
			.get('+84' + phone.slice(1)) as { n: number };
		return row.n;
	} finally {
		db.close();
	}
}

async function handIn(page: Page, attemptNo: number) {
	await page.locator('fieldset input').first().check();
	await expect(page.getByText('Đã lưu ✓')).toBeVisible();
	await page.getByRole('button', { name: 'Xem lại & nộp bài' }).click();
	await page.getByLabel(/Câu hỏi dự đoán/).fill('300');
	await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
	await expect(page.getByRole('heading', { name: `Kết quả lượt thi thứ ${attemptNo}` })).toBeVisible();
}

test('Back after handing in never starts a new attempt; the attempt page asks first', async ({ page }) => {
	const phone = await registerParticipant(page, 'Hoàng Thị Quay Lại');
	await openAttempt(page);
	expect(attemptsOf(phone)).toBe(1);
	await handIn(page, 1);

	// Back leads to where the person came from (the home page), not to the attempt page.
	await page.goBack();
	await expect(page).toHaveURL(/\/$/);
	await page.waitForLoadState('networkidle');
	expect(attemptsOf(phone)).toBe(1);

	// Coming to the attempt page again asks before starting the next attempt, with what is left.
	await page.goForward();
	await expect(page.getByRole('heading', { name: 'Kết quả lượt thi thứ 1' })).toBeVisible();
	await page.getByRole('link', { name: 'Thi lượt tiếp theo' }).click();
	await expect(page.getByRole('heading', { name: 'Bắt đầu lượt thi thứ 2/3?' })).toBeVisible();
	await expect(page.getByText('Sau lượt này bạn còn 1 lượt thi.')).toBeVisible();
	await expect(page.getByRole('timer')).toHaveCount(0);
	// Leaving and coming back by the history mounts the page again: still only the question.
	await page.goBack();
	await page.goForward();
	await expect(page.getByRole('heading', { name: 'Bắt đầu lượt thi thứ 2/3?' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Bắt đầu lượt thi thứ 2/3?' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(attemptsOf(phone)).toBe(1);

	// Saying yes starts it; the last one says so; after it the page only says none are left.
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await expect(page.getByRole('heading', { name: 'Câu 1/10' })).toBeVisible();
	expect(attemptsOf(phone)).toBe(2);
	await handIn(page, 2);
	await page.getByRole('link', { name: 'Thi lượt tiếp theo' }).click();
	await expect(page.getByRole('heading', { name: 'Bắt đầu lượt thi thứ 3/3?' })).toBeVisible();
	await expect(page.getByText('Đây là lượt thi cuối cùng của bạn trong đợt này.')).toBeVisible();
	await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
	await handIn(page, 3);
	await page.goto('/rounds/2/attempt');
	await expect(page.getByRole('alert')).toHaveText('Bạn đã dùng hết 3 lượt thi của đợt này.');
	await page.waitForLoadState('networkidle');
	expect(attemptsOf(phone)).toBe(3);
});

test('an attempt in progress is resumed without asking', async ({ page }) => {
	const phone = await registerParticipant(page, 'Đào Thị Tiếp Tục');
	await openAttempt(page);
	await page.locator('fieldset input').first().check();
	await expect(page.getByText('Đã lưu ✓')).toBeVisible();
	await page.goto('/');
	// The home page says what the button does now.
	await page.getByRole('link', { name: 'Tiếp tục làm bài' }).click();
	await expect(page.getByRole('button', { name: 'Câu 1, đã trả lời' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Bắt đầu làm bài' })).toHaveCount(0);
	expect(attemptsOf(phone)).toBe(1);
});
