import type { Db, Executor } from '../db';
import { formatNumber } from '../../vn/number';
import { checkAgeSupply, checkSupply, type AgeSupply, type Quota, type SupplyReport } from './draw';
import { audit } from '../audit';
import * as questions from './questions';
import { readSheet, writeSheet, type SheetFormat } from './bank-file';
import { CHECK_LABELS, checkBank, type CheckCode } from './item-checks';
import { listCheckInputs } from './item-warnings';
import { toRowCells, validateRows, type ImportQuestion, type RawRow, type RowError, type ValidationResult } from './bank-format';

/**
 * The one import/export path of the question bank, used by the organiser pages, the
 * bank:import / bank:export commands and the demo seed: read → validate (nothing written) →
 * apply (all rows or none, in one transaction).
 */

export interface ImportReport {
	format: SheetFormat | 'rows';
	total: number;
	valid: number;
	errors: RowError[];
	/** Not blocking: the organiser reads them and may still confirm. */
	warnings: RowError[];
	/** The XLSX worksheet that was read (null for CSV and plain rows). */
	sheet: string | null;
	/** Rows hidden in Excel, and whether they were imported (see `ReadOptions.includeHidden`). */
	hiddenRows: number[];
	hiddenIncluded: boolean;
	skipped: { row: number; questionId: number }[];
	newTopics: { code: string; name: string }[];
	/** Row numbers with at least one error. */
	rejectedRows: number;
	/**
	 * Item-writing warnings of the file's questions (item-checks.ts), checked together with the
	 * bank they go into: never blocking, the author may accept them later in the question's page.
	 */
	itemWarnings: { row: number; code: CheckCode; label: string; message: string }[];
	/** The first valid questions, to show what will be written. */
	sample: { row: number; topicCode: string; difficulty: number; kind: string; stem: string; correct: string; status: string }[];
}

export interface ImportPlan {
	questions: ImportQuestion[];
	newTopics: { code: string; name: string }[];
	skipExisting: boolean;
}

export type PreviewResult = { ok: false; message: string } | { ok: true; report: ImportReport; plan: ImportPlan | null };

async function contextOf(db: Executor, skipExisting: boolean) {
	const [topics, stems] = await Promise.all([questions.listTopics(db), questions.mapStems(db)]);
	return {
		topics: new Map(topics.map((t) => [t.code, { name: t.name }])),
		existing: stems.exact,
		lookalikes: stems.lookalike,
		skipExisting
	};
}

type FileFacts = Pick<ImportReport, 'sheet' | 'hiddenRows' | 'hiddenIncluded'>;
const NO_FILE: FileFacts = { sheet: null, hiddenRows: [], hiddenIncluded: false };

function reportOf(
	format: ImportReport['format'],
	v: ValidationResult,
	file: FileFacts,
	itemWarnings: ImportReport['itemWarnings'] = []
): ImportReport {
	return {
		itemWarnings,
		format,
		total: v.total,
		valid: v.valid.length,
		errors: v.errors,
		warnings: v.warnings,
		...file,
		skipped: v.skipped,
		newTopics: v.newTopics,
		rejectedRows: new Set(v.errors.map((e) => e.row)).size,
		sample: v.valid.slice(0, 20).map((q) => {
			const cells = toRowCells(q);
			return {
				row: q.row,
				topicCode: q.topicCode,
				difficulty: q.difficulty,
				kind: q.content.kind,
				stem: q.content.stem,
				correct: cells.correct,
				status: q.status
			};
		})
	};
}

/**
 * The item-writing checks over the file's valid rows and the bank together (a file row may answer
 * a bank question or another row). File rows get negative ids so they never meet a bank id.
 */
async function itemWarningsOf(db: Executor, valid: readonly ImportQuestion[]): Promise<ImportReport['itemWarnings']> {
	if (valid.length === 0) return [];
	const bank = await listCheckInputs(db);
	const file = valid.map((q) => ({ id: -q.row, content: q.content, group: q.fit.exclusionGroup }));
	const label = (id: number) => (id < 0 ? `dòng ${-id} của tệp` : `câu #${id} trong ngân hàng`);
	const out: ImportReport['itemWarnings'] = [];
	for (const [id, flags] of checkBank([...bank, ...file], label))
		if (id < 0) for (const f of flags) out.push({ row: -id, code: f.code, label: CHECK_LABELS[f.code], message: f.message });
	return out.sort((a, b) => a.row - b.row);
}

/** Validates rows against the bank. `plan` is null when any row is rejected: then nothing may be written. */
async function previewRows(
	db: Executor,
	rows: readonly RawRow[],
	opts: { skipExisting?: boolean; format?: ImportReport['format']; file?: FileFacts } = {}
) {
	const skipExisting = opts.skipExisting ?? false;
	const v = validateRows(rows, await contextOf(db, skipExisting));
	const report = reportOf(opts.format ?? 'rows', v, opts.file ?? NO_FILE, await itemWarningsOf(db, v.valid));
	const plan: ImportPlan | null = v.errors.length === 0 ? { questions: v.valid, newTopics: v.newTopics, skipExisting } : null;
	return { report, plan };
}

/** Reads and validates an uploaded file. Writes nothing. */
export async function previewFile(
	db: Executor,
	file: { name: string; bytes: Uint8Array },
	opts: { skipExisting?: boolean; includeHidden?: boolean } = {}
): Promise<PreviewResult> {
	const read = await readSheet(file.bytes, file.name, { includeHidden: opts.includeHidden });
	if (!read.ok) return read;
	const { report, plan } = await previewRows(db, read.rows, {
		skipExisting: opts.skipExisting,
		format: read.format,
		file: { sheet: read.sheet, hiddenRows: read.hiddenRows, hiddenIncluded: read.hiddenIncluded }
	});
	return { ok: true, report, plan };
}

export class ImportConflict extends Error {}

/**
 * Writes a validated plan in one transaction. The bank may have changed since the preview, so
 * duplicates are checked again inside the transaction; a new clash aborts everything.
 */
export async function applyImport(
	db: Db,
	plan: ImportPlan,
	actorUserId: number | null,
	now = Date.now()
): Promise<{ created: number; skipped: number; topicsCreated: number }> {
	return db.transaction().execute((trx) => writePlan(trx, plan, actorUserId, now));
}

/** applyImport's body, for callers that already hold a transaction (the demo seed). */
export async function writePlan(
	trx: Executor,
	plan: ImportPlan,
	actorUserId: number | null,
	now = Date.now()
): Promise<{ created: number; skipped: number; topicsCreated: number }> {
	{
		// Only an exact duplicate is a conflict; a look-alike was a warning the organiser accepted.
		const existing = (await questions.mapStems(trx)).exact;
		const topicIds = new Map((await questions.listTopics(trx)).map((t) => [t.code, t.id]));
		let topicsCreated = 0;
		for (const t of plan.newTopics)
			if (!topicIds.has(t.code)) {
				topicIds.set(t.code, await questions.insertTopic(trx, t.code, t.name));
				topicsCreated++;
			}
		let created = 0;
		let skipped = 0;
		for (const q of plan.questions) {
			const clash = existing.get(q.stemKey);
			if (clash !== undefined) {
				if (plan.skipExisting) {
					skipped++;
					continue;
				}
				throw new ImportConflict(
					`Dòng ${q.row}: câu hỏi vừa được thêm vào ngân hàng (câu số ${clash}) sau khi xem trước. Không có câu nào được nhập; hãy xem trước lại.`
				);
			}
			const topicId = topicIds.get(q.topicCode);
			if (topicId == null)
				throw new ImportConflict(`Dòng ${q.row}: chủ đề “${q.topicCode}” không còn trong ngân hàng. Không có câu nào được nhập.`);
			const id = await questions.createQuestion(
				trx,
				{
					topicId,
					difficulty: q.difficulty,
					kind: q.content.kind,
					status: q.status,
					stem: q.content.stem,
					options: q.content.options,
					explanation: q.content.explanation,
					legalRef: q.content.legalRef,
					fit: q.fit
				},
				now
			);
			existing.set(q.stemKey, id);
			created++;
		}
		await audit(trx, {
			actorUserId,
			action: 'questions.import',
			entity: 'questions',
			details: { created, skipped, topicsCreated },
			at: now
		});
		return { created, skipped, topicsCreated };
	}
}

/** The bank (or a filter of it) as sheet rows, in the import layout. */
export async function exportRows(db: Executor, filter: questions.QuestionFilter = {}) {
	const list = await questions.listForExport(db, filter);
	return list.map((q) =>
		toRowCells({
			topicCode: q.topicCode,
			topicName: q.topicName,
			difficulty: q.difficulty,
			status: q.status,
			fit: q.fit,
			content: {
				kind: q.kind,
				stem: q.stem,
				options: q.options.map((o) => ({ text: o.text, correct: o.correct })),
				explanation: q.explanation,
				legalRef: q.legalRef
			}
		})
	);
}

export async function exportFile(db: Executor, format: SheetFormat, filter: questions.QuestionFilter = {}) {
	const rows = await exportRows(db, filter);
	return { bytes: await writeSheet(format, rows), count: rows.length };
}

/** An empty sheet with the header row (and, in XLSX, the column guide). */
export function templateFile(format: SheetFormat): Promise<Uint8Array> {
	return writeSheet(format, []);
}

export const CONTENT_TYPES: Record<SheetFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
};

/** One line per problem, for the command line: "Dòng 7, cột correct: …". */
export function formatErrors(errors: readonly RowError[]): string[] {
	return errors.map((e) => `Dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}: ${e.message}`);
}

/** Row numbers as short ranges: [4, 7, 8, 9] → "4, 7–9". */
function rowRanges(rows: readonly number[]): string {
	const sorted = [...new Set(rows)].sort((a, b) => a - b);
	const out: string[] = [];
	for (let i = 0; i < sorted.length; i++) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
		i = j;
	}
	return out.join(', ');
}

/**
 * The sentence about rows hidden in Excel, for the preview and the command line (null when none);
 * `howToInclude` says how to take them in (a checkbox on the page, a flag on the command line).
 */
export function hiddenRowsNotice(
	report: Pick<ImportReport, 'hiddenRows' | 'hiddenIncluded'>,
	howToInclude = 'chọn “Nhập cả các dòng đang bị ẩn” rồi xem trước lại'
): string | null {
	const n = report.hiddenRows.length;
	if (n === 0) return null;
	const which = `${n === 1 ? 'Dòng' : `${formatNumber(n)} dòng`} ${rowRanges(report.hiddenRows)} đang bị ẩn trong Excel`;
	return report.hiddenIncluded
		? `${which} và được nhập như các dòng khác.`
		: `${which} nên không được nhập. Muốn nhập cả các dòng này, hãy ${howToInclude}.`;
}

/** Can the published bank serve a round with this count and these quotas? (same rule as the draw) */
export async function supplyFor(db: Executor, questionCount: number, quotas: readonly Quota[]): Promise<SupplyReport> {
	return checkSupply(await questions.listDrawPool(db), quotas, questionCount);
}

/** The same per age bracket of the takers (questions fit for their age only): the round page's warning. */
export async function ageSupplyFor(db: Executor, questionCount: number, quotas: readonly Quota[]): Promise<AgeSupply[]> {
	return checkAgeSupply(await questions.listDrawPool(db), quotas, questionCount);
}

/** Published questions per topic and difficulty, for planning quotas. */
export async function publishedMatrix(db: Executor) {
	const [pool, topics] = await Promise.all([questions.listDrawPool(db), questions.listTopics(db)]);
	return topics.map((t) => {
		const mine = pool.filter((p) => p.topicId === t.id);
		return {
			topicId: t.id,
			name: t.name,
			byDifficulty: [1, 2, 3].map((d) => mine.filter((p) => p.difficulty === d).length),
			total: mine.length
		};
	});
}
