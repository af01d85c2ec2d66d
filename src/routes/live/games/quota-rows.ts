/** Four quota rows to fill in, or as many as were typed (the new-game and redraw forms). */
export function quotaRowsOf(v: { quotaTopic: string[]; quotaDifficulty: string[]; quotaCount: string[] }) {
	return Array.from({ length: Math.max(4, v.quotaCount.length) }, (_, i) => ({
		n: i + 1,
		topic: v.quotaTopic[i] ?? '',
		difficulty: v.quotaDifficulty[i] ?? '',
		count: v.quotaCount[i] ?? ''
	}));
}
