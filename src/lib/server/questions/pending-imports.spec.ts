import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db';
import { pruneExpired, put, take } from './pending-imports';
import type { ImportPlan } from './bank';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
const plan: ImportPlan = {
	questions: [
		{
			row: 2,
			topicCode: 'kiem-thu',
			topicName: 'Chủ đề kiểm thử',
			difficulty: 2,
			status: 'published',
			content: {
				kind: 'single',
				stem: 'Câu hỏi “kiểm thử”?',
				options: [
					{ text: 'Có', correct: true },
					{ text: 'Không', correct: false }
				],
				explanation: 'Vì thế.',
				legalRef: 'Điều 1'
			},
			fit: { audience: 'adults', minAge: 16, exclusionGroup: 'kiem-thu' },
			stemKey: 'cau hoi kiem thu'
		}
	],
	newTopics: [{ code: 'kiem-thu', name: 'Chủ đề kiểm thử' }],
	skipExisting: false
};

let dir: string;
let one: Db;
let two: Db;
let organiser: number;
let other: number;

/** Two connections to one file: two server processes. */
beforeEach(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hoithi-imports-'));
	one = openDatabase(path.join(dir, 'db.sqlite'));
	await migrateToLatest(one);
	two = openDatabase(path.join(dir, 'db.sqlite'));
	const unit = await one
		.insertInto('units')
		.values({ code: '001', name: 'Đơn vị', kind: 'ward', created_at: T0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	const person = (phone: string) => ({
		full_name: 'Người Tổ Chức',
		name_folded: 'nguoi to chuc',
		birth_date: '1990-01-01',
		gender: 'female' as const,
		phone,
		unit_id: unit.id,
		password_hash: 'x',
		consent_at: T0,
		consent_version: 'v1',
		created_at: T0
	});
	organiser = (await one.insertInto('users').values(person('+84900000101')).returning('id').executeTakeFirstOrThrow()).id;
	other = (await one.insertInto('users').values(person('+84900000102')).returning('id').executeTakeFirstOrThrow()).id;
});
afterEach(async () => {
	await one.destroy();
	await two.destroy();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('pending imports', () => {
	it('hands the plan back to its uploader once, whichever process confirms', async () => {
		const token = await put(organiser, 'tot.xlsx', plan, T0, one);
		expect(await take(other, token, T0 + MIN, two)).toBeUndefined();
		expect(await take(organiser, token, T0 + MIN, two)).toEqual({ fileName: 'tot.xlsx', plan });
		expect(await take(organiser, token, T0 + MIN, one)).toBeUndefined();
	});

	it('gives two racing confirms the plan once', async () => {
		const token = await put(organiser, 'tot.xlsx', plan, T0, one);
		const both = await Promise.all([take(organiser, token, T0 + MIN, one), take(organiser, token, T0 + MIN, two)]);
		expect(both.filter(Boolean)).toHaveLength(1);
	});

	it('expires after 30 minutes and is pruned by the sweep', async () => {
		const token = await put(organiser, 'tot.xlsx', plan, T0, one);
		expect(await take(organiser, token, T0 + 30 * MIN, two)).toBeUndefined();
		expect(await pruneExpired(one, T0 + 30 * MIN)).toBe(1);
		expect(await one.selectFrom('pending_imports').select('token').execute()).toEqual([]);
	});

	it('keeps one pending upload per person: a new preview replaces the previous one', async () => {
		const first = await put(organiser, 'a.xlsx', plan, T0, one);
		const second = await put(organiser, 'b.xlsx', plan, T0 + MIN, two);
		const theirs = await put(other, 'c.xlsx', plan, T0 + MIN, one);
		expect(await take(organiser, first, T0 + 2 * MIN, one)).toBeUndefined();
		expect((await take(organiser, second, T0 + 2 * MIN, one))?.fileName).toBe('b.xlsx');
		expect((await take(other, theirs, T0 + 2 * MIN, two))?.fileName).toBe('c.xlsx');
	});
});
