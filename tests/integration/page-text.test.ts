import { describe, expect, it } from 'vitest';
import { loggedIn } from './client';
import { testDb } from './db';

const db = testDb();

/**
 * Svelte drops the whitespace at the start and end of a block ({#if …} text{/if}), so a space
 * written there vanishes: “Đúng(đúng)”, “Tỉ lệ tham gia(chỉ tiêu 2.000)”, “2/30· theo …”. The
 * pages' visible text must keep a space before a parenthesis that follows a word and around “·”.
 */
function visibleText(html: string): string {
	const body = html.slice(html.indexOf('<body'));
	return body
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(br|p|li|td|th|tr|div|dd|dt|h\d|option|section|ul|ol|table|caption|details|summary)\b[^>]*>/gi, ' ')
		.replace(/<[^>]+>/g, '')
		.replace(/&nbsp;|&#160;/g, ' ')
		.replace(/\s+/g, ' ');
}

function glued(text: string): string[] {
	const found = [...text.matchAll(/.{0,25}(?:\S·|·\S|[\p{L}\d]\((?:đúng|chỉ tiêu|chỉ các)).{0,25}/gu)].map((m) => m[0]);
	return found;
}

describe('spaces around inline additions', () => {
	it('district, item-analysis, question and fairness pages keep their spaces', async () => {
		// A true/false question with a correct option “Đúng”: its page shows “Đúng (đúng)”.
		const tf = (await db.get("select id from questions where kind = 'true_false' order by id limit 1")) as { id: number };
		const lead = await loggedIn('0900000003');
		const organiser = await loggedIn('0900000002');
		const pages: [typeof lead, string][] = [
			[lead, '/district'],
			[lead, '/district?round=2'],
			[organiser, '/organiser/items?round=1'],
			[organiser, `/organiser/questions/${tf.id}`],
			[organiser, '/organiser/dashboard?round=2'],
			[organiser, '/organiser/fairness/rounds/2']
		];
		for (const [who, path] of pages) {
			const res = await who.get(path);
			expect(res.status, path).toBe(200);
			expect.soft(glued(visibleText(await res.text())), path).toEqual([]);
		}
	});
});
