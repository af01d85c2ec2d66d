import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openAttempt, registerParticipant } from './helpers';

async function expectNoSeriousViolations(page: Page, name: string) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(serious.map((v) => `${name}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('participant pages have no serious or critical axe findings', async ({ page }) => {
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const path of ['/', '/login', '/register', '/rounds/1/leaderboard', '/practice', '/practice?topic=1', '/khong-co-trang-nay']) {
			await page.goto(path);
			await expectNoSeriousViolations(page, `${path} (${colorScheme})`);
		}
	}
	await page.emulateMedia({ colorScheme: 'light' });
	await registerParticipant(page, 'Vũ Thị Truy Cập');
	await expectNoSeriousViolations(page, 'home (logged in)');
	await openAttempt(page);
	await expectNoSeriousViolations(page, 'attempt');
	await page.getByRole('button', { name: 'Xem lại & nộp bài' }).click();
	await expectNoSeriousViolations(page, 'review');
	await page.getByLabel(/Câu hỏi dự đoán/).fill('80');
	await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
	await expect(page.getByRole('heading', { name: /Kết quả lượt thi/ })).toBeVisible();
	await expectNoSeriousViolations(page, 'result');
	await page.goto('/me/results');
	await expectNoSeriousViolations(page, 'my results');
});

test('a whole attempt can be done with the keyboard alone', async ({ page }) => {
	await registerParticipant(page, 'Đinh Thị Bàn Phím');
	await openAttempt(page);
	const active = () =>
		page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return {
				tag: el?.tagName ?? '',
				type: (el as HTMLInputElement)?.type ?? '',
				text: el?.innerText ?? '',
				label: el?.getAttribute('aria-label') ?? ''
			};
		});
	async function tabUntil(match: (a: Awaited<ReturnType<typeof active>>) => boolean) {
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			if (match(await active())) return;
		}
		throw new Error('focus never reached the element');
	}
	for (let i = 1; i <= 10; i++) {
		await expect(page.getByRole('heading', { name: `Câu ${i}/10` })).toBeVisible();
		await tabUntil((a) => a.tag === 'INPUT' && (a.type === 'radio' || a.type === 'checkbox'));
		await page.keyboard.press('Space');
		await expect(page.getByText('Đã lưu ✓')).toBeVisible();
		await tabUntil((a) => a.tag === 'BUTTON' && /Câu sau|Xem lại bài/.test(a.text));
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('heading', { name: 'Xem lại trước khi nộp' })).toBeFocused();
	await expect(page.getByText('Bạn đã trả lời 10/10 câu.')).toBeVisible();
	await tabUntil((a) => a.tag === 'INPUT' && a.type === 'text');
	await page.keyboard.type('42');
	await tabUntil((a) => a.tag === 'BUTTON' && a.text === 'Nộp bài');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Kết quả lượt thi thứ 1' })).toBeVisible();
});
