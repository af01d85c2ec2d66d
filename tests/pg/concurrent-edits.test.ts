import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { editQuestion } from '../../src/lib/server/questions/editing';
import { findQuestion } from '../../src/lib/server/questions/questions';
import { migratedDatabase } from './pg';

/**
 * Organisers' edits that read a row and then write depending on it, sent at the same moment on
 * PostgreSQL (several connections, no single writer as on SQLite): each takes its turn.
 */
let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
	const d = await migratedDatabase('edits');
	db = d.db;
	close = d.close;
	await seedDemo(db, Date.now(), 5);
}, 120_000);
afterAll(async () => {
	await close?.();
});

describe('concurrent edits on PostgreSQL', () => {
	it('ten simultaneous edits of a published question each get a version of their own', async () => {
		// A published question that attempts used: every change of its content is a new version.
		const { rows } = await sql<{ id: number }>`
			select q.id from questions q where q.status = 'published'
			and exists (select 1 from attempt_questions aq where aq.question_version_id = q.current_version_id)
			order by q.id limit 1`.execute(db);
		const id = rows[0].id;
		const q = (await findQuestion(db, id))!;
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				editQuestion(
					db,
					id,
					{
						topicId: q.topicId,
						difficulty: q.difficulty,
						status: 'published',
						content: {
							kind: q.kind,
							stem: `${q.stem} (sửa lần ${i + 1})`,
							options: q.options,
							explanation: q.explanation,
							legalRef: q.legalRef
						}
					},
					null
				)
			)
		);
		expect(results.every((r) => r.ok && r.mode === 'new_version')).toBe(true);
		const numbers = results.map((r) => (r.ok ? r.versionNo : 0)).sort((a, b) => a - b);
		expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => q.versionNo + 1 + i));
		const after = (await findQuestion(db, id))!;
		expect(after.versionNo).toBe(q.versionNo + 10);
	});
});
