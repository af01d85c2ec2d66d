/** Shape of questions written in TypeScript for the seed (starter-bank.ts); loaded through the bank import path. */
export interface SeedTopic {
	code: string;
	name: string;
}
export interface SeedQuestion {
	topic: string; // SeedTopic.code
	difficulty: 1 | 2 | 3; // 1 dễ, 2 trung bình, 3 khó
	kind: 'single' | 'multiple' | 'true_false';
	stem: string;
	options: { text: string; correct: boolean }[];
	explanation: string;
	legalRef: string;
}
