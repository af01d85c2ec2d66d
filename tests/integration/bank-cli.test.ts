import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';

/** bank:import / bank:export as the people who run the server use them (tsx, DATABASE_PATH). */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-bank-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[], db: string) {
	return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
		env: { ...process.env, DATABASE_PATH: db },
		encoding: 'utf8'
	});
}
const count = (db: string) => {
	const s = new SQLite(db);
	const n = (s.prepare('select count(*) as n from questions').get() as { n: number }).n;
	s.close();
	return n;
};

const HEADER = 'topic_code,topic_name,difficulty,kind,stem,option_a,option_b,correct';

describe('npm run bank:import / bank:export', () => {
	it('prints the per-row report, exits non-zero and writes nothing when a row is rejected', { timeout: 30_000 }, () => {
		const db = path.join(dir, 'bad.db');
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
		expect(count(db)).toBe(0);
	});

	it('writes nothing with --dry-run, imports otherwise, and exports a file that imports again', { timeout: 30_000 }, () => {
		const db = path.join(dir, 'good.db');
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
		expect(count(db)).toBe(0);
		expect(run('scripts/bank-import.ts', [file], db).status).toBe(0);
		expect(count(db)).toBe(2);

		const out = path.join(dir, 'bank.xlsx');
		const exp = run('scripts/bank-export.ts', [out], db);
		expect(exp.stdout).toContain('Đã xuất 2 câu hỏi');
		const again = run('scripts/bank-import.ts', [out], path.join(dir, 'copy.db'));
		expect(again.status).toBe(0);
		expect(count(path.join(dir, 'copy.db'))).toBe(2);
		// Importing the same questions into the same bank reports them as duplicates.
		const dup = run('scripts/bank-import.ts', [out], db);
		expect(dup.status).toBe(1);
		expect(dup.stderr).toContain('Câu hỏi đã có trong ngân hàng');
	});
});
