import { describe, expect, it } from 'vitest';
import { buildKnowledgeMap } from './knowledge';

const topics = [
	{ id: 1, name: 'Luật Phòng, chống bạo lực gia đình' },
	{ id: 2, name: 'Kỹ năng an toàn' },
	{ id: 3, name: 'Bảo vệ trẻ em' },
	{ id: 4, name: 'Các mốc thời gian' }
];

describe('the knowledge map', () => {
	it('adds round and practice answers per topic', () => {
		const map = buildKnowledgeMap(
			topics,
			[
				{ topicId: 1, answered: 4, correct: 3 },
				{ topicId: 2, answered: 2, correct: 2 }
			],
			[
				{ topicId: 1, answered: 6, correct: 2 },
				{ topicId: 3, answered: 1, correct: 1 }
			]
		);
		const t1 = map.find((r) => r.topicId === 1)!;
		expect(t1).toMatchObject({
			roundAnswered: 4,
			roundCorrect: 3,
			practiceAnswered: 6,
			practiceCorrect: 2,
			answered: 10,
			correct: 5,
			share: 0.5
		});
		expect(map.find((r) => r.topicId === 4)).toMatchObject({ answered: 0, correct: 0, share: null });
	});

	it('lists the weakest topics first and the unanswered ones last', () => {
		const map = buildKnowledgeMap(
			topics,
			[
				{ topicId: 2, answered: 4, correct: 4 },
				{ topicId: 1, answered: 4, correct: 1 }
			],
			[{ topicId: 3, answered: 2, correct: 1 }]
		);
		expect(map.map((r) => r.topicId)).toEqual([1, 3, 2, 4]);
	});

	it('puts the topic with more answers first when shares are equal, then orders by name', () => {
		const map = buildKnowledgeMap(
			topics,
			[
				{ topicId: 1, answered: 2, correct: 1 },
				{ topicId: 2, answered: 8, correct: 4 }
			],
			[]
		);
		// 4/8 before 1/2; the unanswered “Bảo vệ trẻ em” before “Các mốc thời gian”.
		expect(map.map((r) => r.topicId)).toEqual([2, 1, 3, 4]);
	});

	it('gives every topic a row even without answers', () => {
		expect(buildKnowledgeMap(topics, [], []).map((r) => r.share)).toEqual([null, null, null, null]);
	});

	it('adds live hội thi answers as a source of their own', () => {
		const map = buildKnowledgeMap(
			topics,
			[{ topicId: 1, answered: 4, correct: 3 }],
			[],
			[
				{ topicId: 1, answered: 6, correct: 1 },
				{ topicId: 2, answered: 3, correct: 3 }
			]
		);
		expect(map.find((r) => r.topicId === 1)).toMatchObject({ roundAnswered: 4, liveAnswered: 6, liveCorrect: 1, answered: 10, correct: 4 });
		expect(map.find((r) => r.topicId === 2)).toMatchObject({ roundAnswered: 0, practiceAnswered: 0, liveAnswered: 3, share: 1 });
	});
});
