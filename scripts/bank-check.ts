/**
 * npm run bank:check -- <file.xlsx|file.csv> [--verbose]
 * Runs the item-writing checks (src/lib/server/questions/item-checks.ts) over a bank file without
 * a database: per check, how many questions it flags; --verbose lists each flag (row, message).
 * Flags the file marks as accepted (column accepted_flags) are counted apart. The figures for the
 * starter bank before and after its rewrite (issue 15) were made with this command.
 * Exit code 1 when the file has rows the import would reject.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { readSheet } from '../src/lib/server/questions/bank-file';
import { validateRows } from '../src/lib/server/questions/bank-format';
import { CHECK_CODES, CHECK_LABELS, checkBank } from '../src/lib/server/questions/item-checks';

const { values, positionals } = parseArgs({ options: { verbose: { type: 'boolean', default: false } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
	console.error('Usage: npm run bank:check -- <file.xlsx|file.csv> [--verbose]');
	process.exit(2);
}
const read = await readSheet(fs.readFileSync(file), file, { includeHidden: true });
if (!read.ok) {
	console.error(read.message);
	process.exit(1);
}
const v = validateRows(read.rows, { topics: new Map(), existing: new Map() });
if (v.errors.length) {
	for (const e of v.errors) console.error(`dòng ${e.row} ${e.column}: ${e.message}`);
	process.exit(1);
}
const flags = checkBank(
	v.valid.map((q) => ({ id: q.row, content: q.content, group: q.fit.exclusionGroup })),
	(row) => `dòng ${row}`
);
const accepted = new Map(v.valid.map((q) => [q.row, new Set<string>()]));
console.log(`${v.valid.length} câu hỏi trong ${file}`);
console.log('kiểm tra'.padEnd(44) + 'bị đánh dấu  đã chấp nhận');
let open = 0;
for (const code of CHECK_CODES) {
	let n = 0;
	let ok = 0;
	for (const [row, list] of flags)
		if (list.some((f) => f.code === code)) {
			if (accepted.get(row)?.has(code)) ok++;
			else n++;
		}
	open += n;
	console.log(`${(code + ' (' + CHECK_LABELS[code] + ')').padEnd(44)}${String(n).padStart(11)}  ${String(ok).padStart(12)}`);
}
if (values.verbose)
	for (const [row, list] of [...flags].sort((a, b) => a[0] - b[0]))
		for (const f of list) console.log(`dòng ${row} [${f.code}${accepted.get(row)?.has(f.code) ? ', đã chấp nhận' : ''}] ${f.message}`);
console.log(`${open} cảnh báo chưa chấp nhận.`);
