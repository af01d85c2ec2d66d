import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase } from '../db/scratch';
import type { Db } from '../db';
import { RESET_TTL_MS } from '../auth/reset-tokens';
import { completeReset, issueResetCode, issueResetLink, pendingCodeReset, pendingLinkReset } from './password-help';

/** Reset codes and links against a real (scratch) SQLite database: lifetime, single use, hash only. */
let db: Db;
let dispose: () => Promise<void>;
let unitId: number;
let seq = 0;

async function person(role: 'participant' | 'district_lead' | 'organiser' = 'participant', unit = unitId) {
	seq++;
	const phone = `+8491000${String(seq).padStart(4, '0')}`;
	const row = await db
		.insertInto('users')
		.values({
			full_name: 'Nguyễn Thị Thử',
			name_folded: 'nguyen thi thu',
			birth_date: '1990-01-01',
			gender: 'female',
			phone,
			email: `thu${seq}@example.vn`,
			national_id_hash: null,
			unit_id: unit,
			role,
			password_hash: 'x',
			consent_at: 0,
			consent_version: 'v',
			disqualified_at: null,
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: row.id, phone, role, unitId: unit, email: `thu${seq}@example.vn` };
}

beforeAll(async () => {
	({ db, dispose } = await scratchDatabase('password-help'));
	const u = await db
		.insertInto('units')
		.values({ code: '001', name: 'Quận Ba Đình', kind: 'urban_district', parent_id: null, target_count: null, created_at: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	unitId = u.id;
});
afterAll(async () => dispose?.());

describe('reset codes', () => {
	it('are valid for 30 minutes from issue and no longer', async () => {
		const lead = await person('district_lead');
		const p = await person();
		const now = 1_800_000_000_000;
		const res = await issueResetCode(db, lead, p.id, now);
		if (!res.ok) throw new Error(res.message);
		expect(res.expiresAt).toBe(now + RESET_TTL_MS);
		expect(await pendingCodeReset(db, p.phone, res.code, now + RESET_TTL_MS - 1)).not.toBeNull();
		expect(await pendingCodeReset(db, p.phone, res.code, now + RESET_TTL_MS)).toBeNull();
		const late = await pendingCodeReset(db, p.phone, res.code, now + 1000);
		expect(await completeReset(db, late!, 'code', 'mot cau mat khau moi', now + RESET_TTL_MS)).toEqual({ ok: false, invalid: true });
	});

	it('work once, even when two uses race', async () => {
		const lead = await person('district_lead');
		const p = await person();
		const res = await issueResetCode(db, lead, p.id);
		if (!res.ok) throw new Error(res.message);
		const pending = (await pendingCodeReset(db, p.phone, res.code))!;
		const outcomes = await Promise.all([
			completeReset(db, pending, 'code', 'mot cau mat khau moi'),
			completeReset(db, pending, 'code', 'mot cau mat khau khac')
		]);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(await pendingCodeReset(db, p.phone, res.code)).toBeNull();
	});

	it('are stored only as a SHA-256 hash', async () => {
		const lead = await person('district_lead');
		const p = await person();
		const res = await issueResetCode(db, lead, p.id);
		if (!res.ok) throw new Error(res.message);
		const row = await db.selectFrom('password_resets').selectAll().where('user_id', '=', p.id).executeTakeFirstOrThrow();
		const plain = res.code.replace(/-/g, '');
		expect(row.secret_hash).toBe(createHash('sha256').update(plain).digest('hex'));
		expect(JSON.stringify(row)).not.toContain(plain);
		expect(JSON.stringify(row)).not.toContain(res.code);
	});

	it('are refused for another unit’s person, a lead for staff, and anyone for themselves', async () => {
		const other = await db
			.insertInto('units')
			.values({ code: '002', name: 'Quận Hoàn Kiếm', kind: 'urban_district', parent_id: null, target_count: null, created_at: 0 })
			.returning('id')
			.executeTakeFirstOrThrow();
		const lead = await person('district_lead');
		const there = await person('participant', other.id);
		expect(await issueResetCode(db, lead, there.id)).toMatchObject({ ok: false, status: 403 });
		expect(await issueResetCode(db, lead, (await person('district_lead')).id)).toMatchObject({ ok: false, status: 403 });
		expect(await issueResetCode(db, lead, lead.id)).toMatchObject({ ok: false, status: 403 });
		const org = await person('organiser');
		expect(await issueResetCode(db, org, there.id)).toMatchObject({ ok: true });
		expect(await issueResetCode(db, org, (await person('organiser')).id)).toMatchObject({ ok: false, status: 403 });
	});
});

describe('reset links', () => {
	it('name their reset until it expires or is used', async () => {
		const p = await person();
		const now = Date.now();
		const link = (await issueResetLink(db, p.email, now))!;
		expect(link.to).toBe(p.email);
		expect(await pendingLinkReset(db, link.token, now + RESET_TTL_MS - 1)).toMatchObject({ userId: p.id });
		expect(await pendingLinkReset(db, link.token, now + RESET_TTL_MS)).toBeNull();
		const pending = (await pendingLinkReset(db, link.token, now))!;
		expect(await completeReset(db, pending, 'link', 'mot cau mat khau moi', now)).toMatchObject({ ok: true });
		expect(await pendingLinkReset(db, link.token, now)).toBeNull();
		expect(await issueResetLink(db, 'khong-ai@example.vn', now)).toBeNull();
	});
});
