/**
 * The personal knowledge map (issue 15 item 2), pure: per topic, how many of a person's answers
 * were correct, from counted rounds (only where the round's answers may already be shown), from
 * practice and from live hội thi played with their account (issue 14 item 8: once the question
 * was closed and revealed in the hall), weakest topics first.
 */

export interface TopicCount {
	topicId: number;
	answered: number;
	correct: number;
}

export interface KnowledgeRow {
	topicId: number;
	topicName: string;
	/** answers in counted rounds whose correctness may be shown */
	roundAnswered: number;
	roundCorrect: number;
	practiceAnswered: number;
	practiceCorrect: number;
	/** answers in live hội thi (“trực tiếp”), after the question closed */
	liveAnswered: number;
	liveCorrect: number;
	answered: number;
	correct: number;
	/** correct ÷ answered, null when nothing was answered */
	share: number | null;
}

/**
 * Weakest first: the lowest share correct; on a tie, the topic with more answers first (more
 * evidence of the same gap), then by name. Topics never answered come last, by name: nothing is
 * known about them yet, which is not the same as weak.
 */
function compareKnowledge(a: KnowledgeRow, b: KnowledgeRow): number {
	if (a.share == null || b.share == null) {
		if (a.share != null) return -1;
		if (b.share != null) return 1;
	} else if (a.share !== b.share) return a.share - b.share;
	if (a.answered !== b.answered) return b.answered - a.answered;
	return a.topicName.localeCompare(b.topicName, 'vi');
}

export function buildKnowledgeMap(
	topics: readonly { id: number; name: string }[],
	rounds: readonly TopicCount[],
	practice: readonly TopicCount[],
	live: readonly TopicCount[] = []
): KnowledgeRow[] {
	const sum = (rows: readonly TopicCount[], topicId: number) =>
		rows
			.filter((r) => r.topicId === topicId)
			.reduce((s, r) => ({ answered: s.answered + r.answered, correct: s.correct + r.correct }), { answered: 0, correct: 0 });
	return topics
		.map((t) => {
			const r = sum(rounds, t.id);
			const p = sum(practice, t.id);
			const l = sum(live, t.id);
			const answered = r.answered + p.answered + l.answered;
			const correct = r.correct + p.correct + l.correct;
			return {
				topicId: t.id,
				topicName: t.name,
				roundAnswered: r.answered,
				roundCorrect: r.correct,
				practiceAnswered: p.answered,
				practiceCorrect: p.correct,
				liveAnswered: l.answered,
				liveCorrect: l.correct,
				answered,
				correct,
				share: answered > 0 ? correct / answered : null
			};
		})
		.sort(compareKnowledge);
}
