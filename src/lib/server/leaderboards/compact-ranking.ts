import type { RankedEntry } from './rows';

/**
 * A full ranking (a closed round, a whole contest: up to hundreds of thousands of people) kept in
 * memory so that each viewer's own row is a lookup, not a query. Stored column-wise in typed
 * arrays — about 34 bytes a person instead of ~130 for an array of objects plus a Map — so that a
 * few cached rankings fit comfortably under the server's heap cap (scripts/server-command.js).
 */
export class CompactRanking {
	readonly size: number;
	private readonly userIds: Int32Array;
	private readonly ranks: Int32Array;
	private readonly scores: Float64Array;
	private readonly totals: Int32Array;
	private readonly durations: Float64Array;
	/** NaN stands for "no prediction". */
	private readonly predictions: Float64Array;
	private readonly submitted: Float64Array;
	/** Positions sorted by user id, for binary search. */
	private readonly byUser: Int32Array;

	constructor(entries: readonly RankedEntry[]) {
		const n = (this.size = entries.length);
		this.userIds = new Int32Array(n);
		this.ranks = new Int32Array(n);
		this.scores = new Float64Array(n);
		this.totals = new Int32Array(n);
		this.durations = new Float64Array(n);
		this.predictions = new Float64Array(n);
		this.submitted = new Float64Array(n);
		entries.forEach((e, i) => {
			this.userIds[i] = e.userId;
			this.ranks[i] = e.rank;
			this.scores[i] = e.score;
			this.totals[i] = e.total;
			this.durations[i] = e.durationMs;
			this.predictions[i] = e.prediction ?? Number.NaN;
			this.submitted[i] = e.submittedAt;
		});
		const order = Int32Array.from({ length: n }, (_, i) => i);
		order.sort((a, b) => this.userIds[a] - this.userIds[b]);
		this.byUser = order;
	}

	at(i: number): RankedEntry {
		const p = this.predictions[i];
		return {
			userId: this.userIds[i],
			rank: this.ranks[i],
			score: this.scores[i],
			total: this.totals[i],
			durationMs: this.durations[i],
			prediction: Number.isNaN(p) ? null : p,
			submittedAt: this.submitted[i]
		};
	}

	/** The first `n` entries, in rank order. */
	head(n: number): RankedEntry[] {
		return Array.from({ length: Math.min(n, this.size) }, (_, i) => this.at(i));
	}

	/** Position of a person in the ranking, or -1. */
	indexOf(userId: number): number {
		let lo = 0;
		let hi = this.size - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const u = this.userIds[this.byUser[mid]];
			if (u === userId) return this.byUser[mid];
			if (u < userId) lo = mid + 1;
			else hi = mid - 1;
		}
		return -1;
	}
}
