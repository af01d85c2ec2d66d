import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Executor } from '../db';
import * as units from '../units/units';
import { hanoiDistricts2024 } from '../units/lists';
import { previewFile, writePlan, formatErrors } from '../questions/bank';

/**
 * The starter bank (151 questions, 6 topics): a CSV in the bank's import layout, written only from
 * facts in shared/CONTENT.md marked [V] or [S+] and the law texts in shared/content/legal-excerpts.md
 * — except the five questions on the Women's Union's models (issue 15), which CONTENT.md has only
 * as [S] (Điều 36 of the domestic-violence law, the Union's own site): each names its source.
 * Organisers and reviewers edit it in Excel (UTF-8 with BOM; save as "CSV UTF-8"). Found next to
 * this module, so it loads the same under tsx (npm run seed / gen) and vitest; the built server
 * never seeds.
 */
export const STARTER_BANK_FILE = fileURLToPath(new URL('./starter-bank.csv', import.meta.url));

/**
 * What every seeded database starts from (the demo, the adversarial fairness round): the 30
 * districts of 2024 with targets, and the starter bank through the same read + validate + write
 * path as an uploaded file.
 */
export async function seedUnitsAndBank(trx: Executor, now: number): Promise<void> {
	await units.importList(
		trx,
		hanoiDistricts2024.map((u, i) => ({ ...u, targetCount: 2000 + ((i * 7919) % 9) * 1000 })),
		{ deactivateOthers: false, now }
	);
	const read = await previewFile(trx, { name: path.basename(STARTER_BANK_FILE), bytes: fs.readFileSync(STARTER_BANK_FILE) });
	if (!read.ok) throw new Error(`${STARTER_BANK_FILE}: ${read.message}`);
	if (!read.plan) throw new Error(`${STARTER_BANK_FILE} does not validate:\n` + formatErrors(read.report.errors).join('\n'));
	await writePlan(trx, read.plan, null, now);
}
