import type { Executor } from '../db';
import { invalidate, registerCache, TtlCache } from '../cache';
import { cleanText } from '../../vn/text';
import { HANOI_CITY, type UnitListEntry } from './lists';

export interface Unit {
	id: number;
	code: string;
	name: string;
	kind: string;
	parentId: number | null;
	targetCount: number | null;
}

/** Units people can register in: active units below the city root. */
export async function listSelectable(db: Executor): Promise<Unit[]> {
	const rows = await db
		.selectFrom('units')
		.select(['id', 'code', 'name', 'kind', 'parent_id', 'target_count'])
		.where('active', '=', 1)
		.where('parent_id', 'is not', null)
		.orderBy('name')
		.execute();
	return rows.map(toUnit);
}

/** Unit levels for the board filters; units change only by import (often in another process: `npm run units:import`), so a minute's cache is plenty. */
const unitKinds = registerCache('units.kinds', new TtlCache<string[], 'kinds'>(60_000, 1), { units: 'clear' });
export function listUnitKinds(db: Executor): Promise<string[]> {
	return unitKinds.get('kinds', async () => {
		const rows = await db.selectFrom('units').select('kind').distinct().where('parent_id', 'is not', null).orderBy('kind').execute();
		return rows.map((r) => r.kind);
	});
}

export async function findByCode(db: Executor, code: string): Promise<Unit | undefined> {
	const row = await db
		.selectFrom('units')
		.select(['id', 'code', 'name', 'kind', 'parent_id', 'target_count'])
		.where('code', '=', code)
		.where('active', '=', 1)
		.executeTakeFirst();
	return row && toUnit(row);
}

/** Any unit by id, active or not (a district's past figures stay reachable). */
export async function findById(db: Executor, id: number): Promise<Unit | undefined> {
	const row = await db
		.selectFrom('units')
		.select(['id', 'code', 'name', 'kind', 'parent_id', 'target_count'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toUnit(row);
}

/** Every unit below the city root, active or not, by name (the organisers' unit picker). */
export async function listBelowCity(db: Executor): Promise<{ id: number; name: string }[]> {
	return db.selectFrom('units').select(['id', 'name']).where('parent_id', 'is not', null).orderBy('name').execute();
}

function toUnit(r: { id: number; code: string; name: string; kind: string; parent_id: number | null; target_count: number | null }): Unit {
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		kind: r.kind,
		parentId: r.parent_id,
		targetCount: r.target_count
	};
}

/**
 * Loads a unit list under the city root (or under the parent a row names by code, in the list or
 * already stored): inserts new codes, renames existing ones and, with
 * `deactivateOthers`, hides the units of the previous list from registration (they stay in the
 * database because past participants and attempts point at them). Run inside a transaction.
 */
export async function importList(
	db: Executor,
	entries: (UnitListEntry & { targetCount?: number | null; parentCode?: string })[],
	opts: { deactivateOthers: boolean; now?: number }
): Promise<{ inserted: number; updated: number; deactivated: number }> {
	const now = opts.now ?? Date.now();
	await db
		.insertInto('units')
		.values({ code: HANOI_CITY.code, name: HANOI_CITY.name, kind: HANOI_CITY.kind, created_at: now })
		.onConflict((oc) => oc.column('code').doNothing())
		.execute();
	const city = await db.selectFrom('units').select('id').where('code', '=', HANOI_CITY.code).executeTakeFirstOrThrow();
	let inserted = 0;
	let updated = 0;
	for (const e of entries) {
		const existing = await db.selectFrom('units').select('id').where('code', '=', e.code).executeTakeFirst();
		const values = {
			name: cleanText(e.name),
			kind: e.kind,
			parent_id: city.id,
			active: 1,
			...(e.targetCount !== undefined ? { target_count: e.targetCount } : {})
		};
		if (existing) {
			await db.updateTable('units').set(values).where('id', '=', existing.id).execute();
			updated++;
		} else {
			await db
				.insertInto('units')
				.values({ code: e.code, created_at: now, ...values })
				.execute();
			inserted++;
		}
	}
	for (const e of entries) {
		if (!e.parentCode) continue;
		const parent = await db.selectFrom('units').select('id').where('code', '=', e.parentCode).executeTakeFirstOrThrow();
		await db.updateTable('units').set({ parent_id: parent.id }).where('code', '=', e.code).execute();
	}
	let deactivated = 0;
	if (opts.deactivateOthers) {
		const codes = entries.map((e) => e.code);
		const res = await db
			.updateTable('units')
			.set({ active: 0 })
			.where('parent_id', 'is not', null)
			.where('active', '=', 1)
			.$if(codes.length > 0, (q) => q.where('code', 'not in', codes))
			.executeTakeFirst();
		deactivated = Number(res.numUpdatedRows);
	}
	invalidate(db, 'units');
	return { inserted, updated, deactivated };
}

/** Every unit below the city root with its parent's code, whether it is selectable, and how many accounts sit in it (the organisers' unit list). */
export async function listForOrganisers(db: Executor) {
	const rows = await db
		.selectFrom('units as u')
		.leftJoin('units as p', 'p.id', 'u.parent_id')
		.select((eb) => [
			'u.id',
			'u.code',
			'u.name',
			'u.kind',
			'u.target_count',
			'u.active',
			'p.code as parent_code',
			'p.parent_id as grandparent_id',
			eb
				.selectFrom('users')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('users.unit_id', '=', 'u.id')
				.as('people')
		])
		.where('u.parent_id', 'is not', null)
		.orderBy('u.active', 'desc')
		.orderBy('u.code')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		kind: r.kind,
		targetCount: r.target_count,
		active: r.active === 1,
		// Units straight under the city root show no parent.
		parentCode: r.grandparent_id == null ? null : r.parent_code,
		people: Number(r.people ?? 0)
	}));
}

/** Codes (below the city root, active or not) → id, target and whether selectable: what an upload is checked against. */
export async function mapByCode(db: Executor) {
	const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'target_count', 'active', 'parent_id']).execute();
	return new Map(
		rows.map((r) => [r.code, { id: r.id, name: r.name, targetCount: r.target_count, active: r.active === 1, root: r.parent_id == null }])
	);
}

/** Accounts per unit, for the effect of hiding units. */
export async function countPeopleByUnit(db: Executor): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('users')
		.select(['unit_id', (e) => e.fn.countAll<number>().as('n')])
		.groupBy('unit_id')
		.execute();
	return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/** Sets targets by unit id (null clears one). Run inside a transaction; the caller audits. */
export async function updateTargets(db: Executor, targets: { id: number; targetCount: number | null }[]): Promise<void> {
	for (const t of targets) await db.updateTable('units').set({ target_count: t.targetCount }).where('id', '=', t.id).execute();
	invalidate(db, 'units');
}
