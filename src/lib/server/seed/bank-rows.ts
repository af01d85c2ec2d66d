import type { RawRow } from '../questions/bank-format';
import { toRowCells } from '../questions/bank-format';
import type { SeedQuestion, SeedTopic } from './types';

/** Seed questions → sheet rows (as if read from an XLSX), so the seed uses the import path. */
export function seedBankRows(topics: readonly SeedTopic[], questions: readonly SeedQuestion[]): RawRow[] {
	const names = new Map(topics.map((t) => [t.code, t.name]));
	return questions.map((q, i) => ({
		row: i + 2,
		cells: toRowCells({
			topicCode: q.topic,
			topicName: names.get(q.topic) ?? '',
			difficulty: q.difficulty,
			status: 'published',
			content: { kind: q.kind, stem: q.stem, options: q.options, explanation: q.explanation, legalRef: q.legalRef }
		})
	}));
}
