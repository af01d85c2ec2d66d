import type { Db, Executor } from '../db';
import { audit } from '../audit';
import { cleanText } from '../../vn/text';

/**
 * Participant groups (đối tượng): the plan's target audiences, a list the organisers edit. A person
 * declares one when registering (required) or later on /account; accounts made before groups
 * existed have none: "chưa khai báo". A group in use is hidden (no longer offered), never deleted,
 * so the figures of the people in it stay readable.
 */
export const UNDECLARED = 'Chưa khai báo';

export interface Group {
	id: number;
	name: string;
	position: number;
	hidden: boolean;
}

export async function listGroups(db: Executor, opts: { withHidden: boolean } = { withHidden: false }): Promise<Group[]> {
	const rows = await db
		.selectFrom('participant_groups')
		.select(['id', 'name', 'position', 'hidden'])
		.$if(!opts.withHidden, (q) => q.where('hidden', '=', 0))
		.orderBy('position')
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, position: r.position, hidden: r.hidden === 1 }));
}

/** Groups with how many accounts declared each (the organisers' page). */
export async function listGroupsWithCounts(db: Executor) {
	const [groups, counts] = await Promise.all([
		listGroups(db, { withHidden: true }),
		db
			.selectFrom('users')
			.select(['group_id', (e) => e.fn.countAll<number>().as('n')])
			.groupBy('group_id')
			.execute()
	]);
	const by = new Map(counts.map((c) => [c.group_id, Number(c.n)]));
	return { groups: groups.map((g) => ({ ...g, people: by.get(g.id) ?? 0 })), undeclared: by.get(null) ?? 0 };
}

/** A group a person may choose now (shown, existing). */
export async function findSelectable(db: Executor, id: number): Promise<Group | undefined> {
	return (await listGroups(db)).find((g) => g.id === id);
}

/**
 * People per group in the order of the list, then "chưa khai báo"; hidden groups only when someone
 * is in them. `counts` are { groupId (null: none), people } rows.
 */
export function breakdown(groups: Group[], counts: { groupId: number | null; people: number }[]): { label: string; people: number }[] {
	const by = new Map<number | null, number>();
	for (const c of counts) by.set(c.groupId, (by.get(c.groupId) ?? 0) + c.people);
	const rows = groups.filter((g) => !g.hidden || (by.get(g.id) ?? 0) > 0).map((g) => ({ label: g.name, people: by.get(g.id) ?? 0 }));
	// A group id no longer in the list cannot happen (groups are never deleted while in use); counted as undeclared if it did.
	const known = new Set(groups.map((g) => g.id));
	let undeclared = by.get(null) ?? 0;
	for (const [id, n] of by) if (id != null && !known.has(id)) undeclared += n;
	return [...rows, { label: UNDECLARED, people: undeclared }];
}

export type GroupResult = { ok: true } | { ok: false; errors: Record<string, string> };

async function nameTaken(db: Executor, name: string, exceptId?: number) {
	const rows = await db.selectFrom('participant_groups').select(['id', 'name']).execute();
	const key = name.toLocaleLowerCase('vi');
	return rows.some((r) => r.id !== exceptId && r.name.toLocaleLowerCase('vi') === key);
}

export async function createGroup(db: Db, actorUserId: number, rawName: string, now = Date.now()): Promise<GroupResult> {
	const name = cleanText(rawName);
	return db.transaction().execute(async (trx): Promise<GroupResult> => {
		if (await nameTaken(trx, name)) return { ok: false, errors: { name: 'Đã có nhóm đối tượng tên này.' } };
		const max = await trx
			.selectFrom('participant_groups')
			.select((e) => e.fn.max('position').as('p'))
			.executeTakeFirst();
		const row = await trx
			.insertInto('participant_groups')
			.values({ name, position: Number(max?.p ?? 0) + 1, hidden: 0, created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, { actorUserId, action: 'groups.create', entity: 'participant_group', entityId: row.id, details: { name } });
		return { ok: true };
	});
}

export async function renameGroup(db: Db, actorUserId: number, id: number, rawName: string): Promise<GroupResult> {
	const name = cleanText(rawName);
	return db.transaction().execute(async (trx): Promise<GroupResult> => {
		const g = await trx.selectFrom('participant_groups').select('name').where('id', '=', id).executeTakeFirst();
		if (!g) return { ok: false, errors: { form: 'Không tìm thấy nhóm đối tượng.' } };
		if (await nameTaken(trx, name, id)) return { ok: false, errors: { name: 'Đã có nhóm đối tượng tên này.' } };
		await trx.updateTable('participant_groups').set({ name }).where('id', '=', id).execute();
		await audit(trx, {
			actorUserId,
			action: 'groups.rename',
			entity: 'participant_group',
			entityId: id,
			details: { from: g.name, to: name }
		});
		return { ok: true };
	});
}

export async function setHidden(db: Db, actorUserId: number, id: number, hidden: boolean): Promise<GroupResult> {
	return db.transaction().execute(async (trx): Promise<GroupResult> => {
		const r = await trx
			.updateTable('participant_groups')
			.set({ hidden: hidden ? 1 : 0 })
			.where('id', '=', id)
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) return { ok: false, errors: { form: 'Không tìm thấy nhóm đối tượng.' } };
		await audit(trx, { actorUserId, action: hidden ? 'groups.hide' : 'groups.show', entity: 'participant_group', entityId: id });
		return { ok: true };
	});
}

/** Deletes a group nobody declared; one in use is refused (hide it instead). */
export async function deleteGroup(db: Db, actorUserId: number, id: number): Promise<GroupResult> {
	return db.transaction().execute(async (trx): Promise<GroupResult> => {
		const used = await trx.selectFrom('users').select('id').where('group_id', '=', id).limit(1).executeTakeFirst();
		if (used) return { ok: false, errors: { form: 'Nhóm đã có người khai báo nên không thể xóa; hãy ẩn nhóm thay vì xóa.' } };
		const g = await trx.deleteFrom('participant_groups').where('id', '=', id).returning('name').executeTakeFirst();
		if (!g) return { ok: false, errors: { form: 'Không tìm thấy nhóm đối tượng.' } };
		await audit(trx, { actorUserId, action: 'groups.delete', entity: 'participant_group', entityId: id, details: { name: g.name } });
		return { ok: true };
	});
}

/** The group a person declared (null: not declared). */
export async function findUserGroupId(db: Executor, userId: number): Promise<number | null> {
	const r = await db.selectFrom('users').select('group_id').where('id', '=', userId).executeTakeFirst();
	return r?.group_id ?? null;
}

/** A person declares (or changes) their own group on /account: a shown group only; audit-logged. */
export async function setOwnGroup(db: Db, userId: number, groupId: number): Promise<GroupResult> {
	return db.transaction().execute(async (trx): Promise<GroupResult> => {
		if (!(await findSelectable(trx, groupId))) return { ok: false, errors: { groupId: 'Vui lòng chọn đối tượng trong danh sách.' } };
		const before = await findUserGroupId(trx, userId);
		if (before === groupId) return { ok: true };
		await trx.updateTable('users').set({ group_id: groupId }).where('id', '=', userId).where('anonymised_at', 'is', null).execute();
		await audit(trx, {
			actorUserId: userId,
			action: 'user.group_change',
			entity: 'user',
			entityId: userId,
			details: { from: before, to: groupId }
		});
		return { ok: true };
	});
}
