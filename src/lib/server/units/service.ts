import { getDb, type Db, type Executor } from '../db';
import * as pending from './pending';
import { audit } from '../audit';
import { HANOI_CITY, UNIT_LISTS, type UnitListName } from './lists';
import * as units from './units';
import { parseUnitSheet, type SheetMode, type SheetUnit, type UnitRowError } from './sheet';

/**
 * Units and targets, the one code path behind `npm run units:import` and the organisers' pages:
 * check a sheet against what is stored (preview, writes nothing), then write it all in one
 * transaction with its audit entry, or nothing. Units are never deleted — a unit left out of a
 * list is hidden from registration and keeps its people and results.
 */

export type UnitImportPlan =
	| { mode: 'units'; entries: SheetUnit[]; replace: boolean }
	| { mode: 'targets'; targets: { id: number; code: string; targetCount: number }[] };

export interface PreviewRow {
	row: number;
	code: string;
	name: string;
	kind?: string;
	parentCode?: string;
	targetCount?: number;
	oldTarget: number | null;
	status: 'new' | 'changed' | 'same';
}

export interface UnitPreview {
	mode: SheetMode;
	sheet: string | null;
	total: number;
	valid: number;
	errors: UnitRowError[];
	rows: PreviewRow[];
	inserted: number;
	updated: number;
	unchanged: number;
	/** With `replace`: selectable units left out of the sheet (hidden), and the accounts in them. */
	hidden: number;
	peopleInHidden: number;
	replace: boolean;
}

export type PreviewResult = { ok: false; message: string } | { ok: true; preview: UnitPreview; plan: UnitImportPlan | null };

/** Checks an uploaded sheet row by row against the stored units; the plan only when every row is valid. */
export async function previewSheet(
	db: Executor,
	file: { name: string; bytes: Uint8Array },
	mode: SheetMode,
	replace = false
): Promise<PreviewResult> {
	const parsed = await parseUnitSheet(file.bytes, file.name, mode);
	if (!parsed.ok) return parsed;
	const stored = await units.mapByCode(db);
	const errors = [...parsed.errors];
	const total = parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size;
	const rows: PreviewRow[] = [];
	if (parsed.mode === 'targets') {
		const targets: { id: number; code: string; targetCount: number }[] = [];
		for (const r of parsed.rows) {
			const s = stored.get(r.code);
			if (!s || s.root) {
				errors.push({ row: r.row, column: 'code', message: `không có đơn vị mã ${r.code}` });
				continue;
			}
			targets.push({ id: s.id, code: r.code, targetCount: r.targetCount });
			rows.push({
				row: r.row,
				code: r.code,
				name: s.name,
				targetCount: r.targetCount,
				oldTarget: s.targetCount,
				status: s.targetCount === r.targetCount ? 'same' : 'changed'
			});
		}
		errors.sort((a, b) => a.row - b.row);
		const preview = summary('targets', parsed.sheet, total, errors, rows, false, 0, 0);
		return { ok: true, preview, plan: errors.length ? null : { mode: 'targets', targets } };
	}
	const inSheet = new Map(parsed.rows.map((r) => [r.code, r]));
	const codeById = new Map([...stored].map(([code, s]) => [s.id, code]));
	const storedParent = await parentsByCode(db, codeById);
	for (const r of parsed.rows) {
		if (r.code === HANOI_CITY.code) {
			errors.push({ row: r.row, column: 'code', message: `mã ${r.code} là mã của ${HANOI_CITY.name}` });
			continue;
		}
		if (r.parentCode && !inSheet.has(r.parentCode) && !stored.has(r.parentCode)) {
			errors.push({ row: r.row, column: 'parent', message: `không có đơn vị cấp trên mã ${r.parentCode} (trong tệp hay trong hệ thống)` });
			continue;
		}
		// A parent chain that comes back to the row (through the sheet or the stored tree) is a loop.
		const seen = new Set([r.code]);
		let p = r.parentCode;
		let loop = false;
		while (p && p !== HANOI_CITY.code) {
			if (seen.has(p)) {
				loop = true;
				break;
			}
			seen.add(p);
			p = inSheet.has(p) ? inSheet.get(p)!.parentCode : storedParent.get(p);
		}
		if (loop) {
			errors.push({ row: r.row, column: 'parent', message: 'đơn vị cấp trên tạo thành vòng lặp' });
			continue;
		}
		const s = stored.get(r.code);
		const same =
			s != null &&
			s.active &&
			s.name === r.name &&
			(r.targetCount === undefined || r.targetCount === s.targetCount) &&
			(storedParent.get(r.code) ?? null) === (r.parentCode ?? HANOI_CITY.code);
		rows.push({
			row: r.row,
			code: r.code,
			name: r.name,
			kind: r.kind,
			parentCode: r.parentCode,
			targetCount: r.targetCount,
			oldTarget: s?.targetCount ?? null,
			status: !s ? 'new' : same ? 'same' : 'changed'
		});
	}
	errors.sort((a, b) => a.row - b.row);
	let hidden = 0;
	let peopleInHidden = 0;
	if (replace) {
		const effect = await hideEffect(db, new Set(inSheet.keys()));
		hidden = effect.hidden;
		peopleInHidden = effect.peopleInHidden;
	}
	const preview = summary('units', parsed.sheet, total, errors, rows, replace, hidden, peopleInHidden);
	const entries = parsed.rows.map(({ row: _row, ...e }) => e);
	return { ok: true, preview, plan: errors.length ? null : { mode: 'units', entries, replace } };
}

function summary(
	mode: SheetMode,
	sheet: string | null,
	total: number,
	errors: UnitRowError[],
	rows: PreviewRow[],
	replace: boolean,
	hidden: number,
	peopleInHidden: number
): UnitPreview {
	const badRows = new Set(errors.map((e) => e.row)).size;
	return {
		mode,
		sheet,
		total,
		valid: total - badRows,
		errors,
		rows,
		inserted: rows.filter((r) => r.status === 'new').length,
		updated: rows.filter((r) => r.status === 'changed').length,
		unchanged: rows.filter((r) => r.status === 'same').length,
		hidden,
		peopleInHidden,
		replace
	};
}

async function parentsByCode(db: Executor, codeById: Map<number, string>): Promise<Map<string, string>> {
	const rows = await db.selectFrom('units').select(['code', 'parent_id']).where('parent_id', 'is not', null).execute();
	return new Map(rows.map((r) => [r.code, codeById.get(r.parent_id!) ?? HANOI_CITY.code]));
}

/** Selectable units a list leaves out (they would be hidden) and the accounts that sit in them. */
async function hideEffect(db: Executor, keep: Set<string>) {
	const [all, people] = await Promise.all([units.listForOrganisers(db), units.countPeopleByUnit(db)]);
	const hiddenUnits = all.filter((u) => u.active && !keep.has(u.code));
	return {
		hidden: hiddenUnits.length,
		peopleInHidden: hiddenUnits.reduce((a, u) => a + (people.get(u.id) ?? 0), 0),
		selectable: all.filter((u) => u.active).length
	};
}

/**
 * Writes a checked plan: the unit list (optionally hiding the units left out) or the targets, with
 * one audit entry, all or nothing. `npm run units:import` and the upload page's confirm both end here.
 */
export async function applyPlan(db: Db, actorUserId: number | null, plan: UnitImportPlan, source: string) {
	return db.transaction().execute(async (trx) => {
		if (plan.mode === 'targets') {
			await units.updateTargets(trx, plan.targets);
			await audit(trx, {
				actorUserId,
				action: 'units.targets_import',
				entity: 'units',
				details: { source, count: plan.targets.length, targets: plan.targets.map((t) => [t.code, t.targetCount]) }
			});
			return { inserted: 0, updated: plan.targets.length, deactivated: 0 };
		}
		const r = await units.importList(trx, plan.entries, { deactivateOthers: plan.replace });
		await audit(trx, { actorUserId, action: 'units.import', entity: 'units', details: { source, replace: plan.replace, ...r } });
		return r;
	});
}

/** Which shipped list the selectable units are, if exactly one. */
export function activeListName(selectableCodes: Set<string>): UnitListName | null {
	for (const [name, list] of Object.entries(UNIT_LISTS) as [UnitListName, (typeof UNIT_LISTS)[UnitListName]][])
		if (list.length === selectableCodes.size && list.every((u) => selectableCodes.has(u.code))) return name;
	return null;
}

export interface SwitchEffect {
	list: UnitListName;
	/** Units of the list that registration will offer: all of them. */
	selectable: number;
	/** …of which not selectable today (new, or hidden before). */
	becomeSelectable: number;
	/** Units selectable today that the switch hides, and the accounts in them. */
	hidden: number;
	peopleInHidden: number;
}

/** What switching to a shipped list would do to registration (writes nothing). */
export async function switchEffect(db: Executor, list: UnitListName): Promise<SwitchEffect> {
	const entries = UNIT_LISTS[list];
	const codes = new Set(entries.map((e) => e.code));
	const all = await units.listForOrganisers(db);
	const activeNow = new Set(all.filter((u) => u.active).map((u) => u.code));
	const effect = await hideEffect(db, codes);
	return {
		list,
		selectable: entries.length,
		becomeSelectable: entries.filter((e) => !activeNow.has(e.code)).length,
		hidden: effect.hidden,
		peopleInHidden: effect.peopleInHidden
	};
}

/** Switches registration to a shipped list: its units become selectable, the others are hidden (kept). */
export async function switchList(db: Db, actorUserId: number | null, list: UnitListName) {
	return db.transaction().execute(async (trx) => {
		const r = await units.importList(trx, UNIT_LISTS[list], { deactivateOthers: true });
		await audit(trx, { actorUserId, action: 'units.switch', entity: 'units', details: { list, ...r } });
		return r;
	});
}

/** Sets (or clears, null) one unit's target. */
export async function setTarget(db: Db, actorUserId: number, unitId: number, targetCount: number | null): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const unit = await units.findById(trx, unitId);
		if (!unit || unit.parentId == null) return false;
		await units.updateTargets(trx, [{ id: unitId, targetCount }]);
		await audit(trx, {
			actorUserId,
			action: 'units.target',
			entity: 'unit',
			entityId: unitId,
			details: { code: unit.code, from: unit.targetCount, to: targetCount }
		});
		return true;
	});
}

/* ——— What the organisers' pages call: like every service a route calls, each gets the database itself ——— */

/** The unit list page: every unit with its target and people, the list in use, and a switch's effect when asked for. */
export async function unitsPage(wanted: UnitListName | null) {
	const db = getDb();
	const [all, effect] = await Promise.all([units.listForOrganisers(db), wanted ? switchEffect(db, wanted) : Promise.resolve(null)]);
	return { units: all, active: activeListName(new Set(all.filter((u) => u.active).map((u) => u.code))), effect };
}

/** Checks an upload and keeps its plan for the uploader's confirm (token) when every row is valid. */
export async function previewUpload(userId: number, file: { name: string; bytes: Uint8Array }, mode: SheetMode, replace: boolean) {
	const db = getDb();
	const res = await previewSheet(db, file, mode, replace);
	if (!res.ok) return res;
	const token = res.plan ? await pending.put(db, userId, file.name, res.plan) : null;
	return { ok: true as const, preview: res.preview, token };
}

/** Writes a previewed upload (once, only for its uploader, within 30 minutes); null when the token is not (or no longer) valid. */
export async function confirmUpload(userId: number, token: string) {
	const db = getDb();
	const entry = await pending.take(db, userId, token);
	return entry ? applyPlan(db, userId, entry.plan, entry.fileName) : null;
}

export function setUnitTarget(actorUserId: number, unitId: number, targetCount: number | null) {
	return setTarget(getDb(), actorUserId, unitId, targetCount);
}

export function switchUnits(actorUserId: number, list: UnitListName) {
	return switchList(getDb(), actorUserId, list);
}
