import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDatabase, testDb, type ScratchDatabase } from './db';

/** bank:import / bank:export as the people who run the server use them (tsx, DATABASE_PATH or DATABASE_URL). */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-bank-cli-'));
const made: ScratchDatabase[] = [];
afterAll(async () => {
	for (const db of made) await db.drop();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** A new empty database (a file in `dir` on SQLite). */
async function database(name: string) {
	const db = await scratchDatabase('bank_cli_' + name, path.join(dir, name + '.db'));
	made.push(db);
	return db;
}
function run(script: string, args: string[], db: ScratchDatabase) {
	return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
		env: db.env,
		encoding: 'utf8'
	});
}
const count = async (db: ScratchDatabase) => ((await testDb(db.target).get('select count(*) as n from questions')) as { n: number }).n;

const HEADER = 'topic_code,topic_name,difficulty,kind,stem,option_a,option_b,correct';

describe('npm run bank:import / bank:export', () => {
	it('prints the per-row report, exits non-zero and writes nothing when a row is rejected', { timeout: 30_000 }, async () => {
		const db = await database('bad');
		const file = path.join(dir, 'bad.csv');
		fs.writeFileSync(
			file,
			[
				HEADER,
				'ky-nang,Kỹ năng,1,single,Số điện thoại của công an?,113,114,A',
				'ky-nang,,4,single,Số điện thoại cứu thương?,115,113,Z'
			].join('\n')
		);
		const r = run('scripts/bank-import.ts', [file], db);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('Dòng 3, cột difficulty: Độ khó “4” không hợp lệ');
		expect(r.stderr).toContain('Dòng 3, cột correct:');
		expect(await count(db)).toBe(0);
	});

	it('writes nothing with --dry-run, imports otherwise, and exports a file that imports again', { timeout: 30_000 }, async () => {
		const db = await database('good');
		const file = path.join(dir, 'good.csv');
		fs.writeFileSync(
			file,
			[HEADER, 'ky-nang,Kỹ năng,1,single,Số điện thoại của công an?,113,114,A', 'ky-nang,,2.0,true_false,Gọi 111 là miễn phí.,,,Đúng'].join(
				'\n'
			)
		);
		const dry = run('scripts/bank-import.ts', [file, '--dry-run'], db);
		expect(dry.status).toBe(0);
		expect(dry.stdout).toContain('2 hợp lệ');
		expect(await count(db)).toBe(0);
		expect(run('scripts/bank-import.ts', [file], db).status).toBe(0);
		expect(await count(db)).toBe(2);

		const out = path.join(dir, 'bank.xlsx');
		const exp = run('scripts/bank-export.ts', [out], db);
		expect(exp.stdout).toContain('Đã xuất 2 câu hỏi');
		const copy = await database('copy');
		const again = run('scripts/bank-import.ts', [out], copy);
		expect(again.status).toBe(0);
		expect(await count(copy)).toBe(2);
		// Importing the same questions into the same bank reports them as duplicates.
		const dup = run('scripts/bank-import.ts', [out], db);
		expect(dup.status).toBe(1);
		expect(dup.stderr).toContain('Câu hỏi đã có trong ngân hàng');
	});
});
