import { expect, test, type Page } from '@playwright/test';
import { openAttempt, registerParticipant } from './helpers';

/** Opens practice on the first topic from the home page's navigation, as a visitor would. */
async function openFirstTopic(page: Page) {
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Ôn tập' }).click();
	await expect(page.getByRole('heading', { name: 'Ôn tập theo chủ đề' })).toBeVisible();
	await page
		.getByRole('link', { name: /^Ôn tập chủ đề / })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1, name: /^Câu 1 · / })).toBeVisible();
}

/** Answers the question on screen: the first option (single choice), or the first box then “Kiểm tra”. */
async function answerFirst(page: Page, byKeyboard = false) {
	const check = page.getByRole('button', { name: 'Kiểm tra' });
	const form = page.locator('form fieldset');
	if (await check.isVisible()) {
		await form.getByRole('checkbox').first().check();
		await check.click();
	} else if (byKeyboard) {
		await form.locator('button.choice').first().focus();
		await page.keyboard.press('Enter');
	} else await form.locator('button.choice').first().click();
}

test('practice by topic shows the answer, explanation and legal reference after each answer', async ({ page }) => {
	await openFirstTopic(page);
	for (let n = 1; n <= 3; n++) {
		await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Câu ${n} · `) })).toBeVisible();
		await answerFirst(page, n === 2);
		const verdict = page.getByRole('heading', { name: /^(✓ Chính xác!|✗ Chưa đúng)$/ });
		await expect(verdict).toBeVisible();
		// Focus goes to the verdict, so a screen reader reads it out at once.
		await expect(verdict).toBeFocused();
		await expect(page.getByText('Đáp án đúng', { exact: true }).first()).toBeVisible();
		await expect(page.getByText('Giải thích:')).toBeVisible();
		await expect(page.getByText('Căn cứ:')).toBeVisible();
		await expect(page.getByText(`Đã làm ${n} câu`)).toBeVisible();
		await page.getByRole('link', { name: 'Câu tiếp theo →' }).click();
		await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Câu ${n + 1} · `) })).toBeFocused();
	}
	// Nothing scrolls sideways at 360 px.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

/** A speechSynthesis of our own in the page: `voices` arrive late (voiceschanged), what is spoken is recorded. */
async function stubSpeech(page: Page, voices: { name: string; lang: string }[]) {
	await page.addInitScript((voices) => {
		const w = window as unknown as Record<string, unknown>;
		const spoken: { text: string; lang: string; voice: string | null }[] = [];
		const listeners: (() => void)[] = [];
		let list: unknown[] = [];
		const synth = {
			getVoices: () => list,
			speak: (u: { text: string; lang: string; voice: { name: string } | null }) =>
				spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null }),
			cancel: () => {},
			addEventListener: (type: string, f: () => void) => type === 'voiceschanged' && listeners.push(f),
			removeEventListener: () => {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		w.SpeechSynthesisUtterance = class {
			text: string;
			lang = '';
			voice: unknown = null;
			rate = 1;
			onend: unknown = null;
			onerror: unknown = null;
			constructor(text: string) {
				this.text = text;
			}
		};
		w.__spoken = spoken;
		setTimeout(() => {
			list = voices.map((v) => ({ ...v, localService: true, default: false, voiceURI: v.name }));
			for (const f of listeners) f();
		}, 300);
	}, voices);
}

test('“Đọc to” is hidden when the device has no Vietnamese voice', async ({ page }) => {
	await stubSpeech(page, [
		{ name: 'English', lang: 'en-US' },
		{ name: 'Français', lang: 'fr-FR' }
	]);
	await openFirstTopic(page);
	await page.waitForTimeout(600);
	await expect(page.getByRole('button', { name: /^Đọc to/ })).toHaveCount(0);
});

test('“Đọc to” reads the question with the Vietnamese voice once voices have loaded', async ({ page }) => {
	await stubSpeech(page, [
		{ name: 'English', lang: 'en-US' },
		{ name: 'Tiếng Việt', lang: 'vi-VN' }
	]);
	await openFirstTopic(page);
	const read = page.getByRole('button', { name: 'Đọc to câu hỏi' });
	await expect(read).toBeVisible();
	const stem = (await page.locator('legend.stem').textContent())!.trim();
	await read.click();
	const spoken = await page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken);
	expect(spoken).toEqual([{ text: stem, lang: 'vi-VN', voice: 'Tiếng Việt' }]);
	// Every option has its own button.
	const options = await page.locator('form fieldset button.choice, form fieldset input[type=checkbox]').count();
	await expect(page.getByRole('button', { name: /^Đọc to đáp án \d+$/ })).toHaveCount(options);
});

test('the text size is remembered on the device: over a reload and on the attempt page', async ({ page }) => {
	await openFirstTopic(page);
	const root = page.locator('html');
	const size = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
	const normal = await size();
	await page.getByRole('button', { name: 'Chữ lớn hơn' }).click();
	await expect(root).toHaveAttribute('data-text-size', '1');
	expect(parseFloat(await size())).toBeGreaterThan(parseFloat(normal));
	await page.reload();
	await expect(page.getByText('Cỡ chữ: lớn', { exact: true })).toBeVisible();
	await expect(root).toHaveAttribute('data-text-size', '1');

	await registerParticipant(page, 'Đỗ Thị Chữ To');
	// Pages without the control keep the normal size.
	await expect(root).not.toHaveAttribute('data-text-size', /.*/);
	await openAttempt(page);
	await expect(root).toHaveAttribute('data-text-size', '1');
	await page.getByRole('button', { name: 'Cỡ chữ vừa' }).click();
	await expect(root).toHaveAttribute('data-text-size', '0');
});
