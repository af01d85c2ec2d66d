/**
 * npm run bank:import -- <file.xlsx|file.csv> [--dry-run] [--skip-existing] [--include-hidden]
 * Validates every row with the same code as the organiser page and prints one line per problem
 * (row, column, what). Any rejected row → exit code 1 and nothing written; otherwise all rows are
 * written in one transaction (--dry-run: only the report). Warnings (stems that differ from
 * another only in diacritics) are printed and do not stop the import; rows hidden in Excel are
 * left out unless --include-hidden.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { config } from '../src/lib/server/config';
import { databaseLabel } from '../src/lib/server/db/dialect';
import * as bank from '../src/lib/server/questions/bank';

const { values, positionals } = parseArgs({
	options: {
		'dry-run': { type: 'boolean', default: false },
		'skip-existing': { type: 'boolean', default: false },
		'include-hidden': { type: 'boolean', default: false }
	},
	allowPositionals: true
});
const file = positionals[0];
if (!file) {
	console.error('Usage: npm run bank:import -- <file.xlsx|file.csv> [--dry-run] [--skip-existing] [--include-hidden]');
	process.exit(2);
}
let bytes: Uint8Array;
try {
	bytes = fs.readFileSync(file);
} catch {
	console.error(`Không đọc được tệp ${file}.`);
	process.exit(2);
}
const db = getDb();
await migrateToLatest(db);
const t0 = performance.now();
const res = await bank.previewFile(
	db,
	{ name: path.basename(file), bytes },
	{ skipExisting: values['skip-existing'], includeHidden: values['include-hidden'] }
);
if (!res.ok) {
	console.error(res.message);
	console.error('Không có câu nào được nhập.');
	await db.destroy();
	process.exit(1);
}
const { report, plan } = res;
if (report.sheet) console.log(`Trang tính: “${report.sheet}”`);
const hidden = bank.hiddenRowsNotice(report, 'chạy lại với --include-hidden');
if (hidden) console.log(hidden);
for (const line of bank.formatErrors(report.errors)) console.error(line);
for (const line of bank.formatErrors(report.warnings)) console.log(`Cảnh báo — ${line}`);
for (const s of report.skipped) console.log(`Dòng ${s.row}: đã có trong ngân hàng (câu số ${s.questionId}), bỏ qua.`);
for (const t of report.newTopics) console.log(`Chủ đề mới: ${t.code} — ${t.name}`);
console.log(
	`${file}: ${report.total} dòng, ${report.valid} hợp lệ, ${report.rejectedRows} dòng có lỗi, ${report.skipped.length} bỏ qua (kiểm tra ${Math.round(performance.now() - t0)} ms).`
);
if (!plan) {
	console.error('Không có câu nào được nhập: hãy sửa các dòng có lỗi rồi chạy lại.');
	process.exitCode = 1;
} else if (values['dry-run']) {
	console.log('--dry-run: không ghi gì vào cơ sở dữ liệu.');
} else {
	const t1 = performance.now();
	const r = await bank.applyImport(db, plan, null);
	console.log(
		`Đã nhập ${r.created} câu hỏi, tạo ${r.topicsCreated} chủ đề mới vào ${databaseLabel(config())} (ghi ${Math.round(performance.now() - t1)} ms).`
	);
}
await db.destroy();
