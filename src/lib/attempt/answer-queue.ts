/**
 * The attempt page's answer journal and send queue (browser side, no framework).
 *
 * Every choice is written to the journal (localStorage) first, then sent. Only the latest choice
 * per question matters, and changes are sent one at a time in the order they were made, so a slow
 * old request can never overwrite a newer answer. A network failure stops the queue ("waiting for
 * the network"); `flush()` is called again when the browser comes back online, on a timer, and
 * before submitting. The server's PUT is idempotent, so replaying an answer is harmless.
 */
export type SaveState = 'saved' | 'pending' | 'offline' | 'error';

export type PutOutcome =
	| { kind: 'ok' }
	| { kind: 'network' } // no answer from the server: keep and retry
	| { kind: 'closed'; message: string } // 409: attempt submitted or out of time
	| { kind: 'rejected'; message: string }; // 400/404: this answer will never be accepted

export interface JournalStore {
	read(): string | null;
	write(value: string): void;
	clear(): void;
}

interface Entry {
	optionIds: string[];
	seq: number;
	sent: boolean;
}

export class AnswerQueue {
	private entries = new Map<number, Entry>();
	private seq = 0;
	private running: Promise<void> | null = null;
	readonly states = new Map<number, SaveState>();

	constructor(
		private readonly put: (questionId: number, optionIds: string[]) => Promise<PutOutcome>,
		private readonly store: JournalStore,
		private readonly onChange: (q: AnswerQueue) => void = () => {},
		private readonly onClosed: (message: string) => void = () => {}
	) {}

	/** Answers the server already has (from the start/resume response). */
	seed(saved: { id: number; answer: string[] }[]): void {
		for (const q of saved) {
			this.entries.set(q.id, { optionIds: q.answer, seq: 0, sent: true });
			this.states.set(q.id, 'saved');
		}
	}

	/**
	 * Replays what the journal holds but the server never acknowledged (after a reload or a crash).
	 * Returns the answers to show, so the page displays the person's latest choices.
	 */
	restore(knownQuestionIds: Set<number>): Map<number, string[]> {
		const restored = new Map<number, string[]>();
		let saved: Record<string, Entry>;
		try {
			saved = JSON.parse(this.store.read() ?? '{}');
		} catch {
			saved = {};
		}
		const unsent = Object.entries(saved)
			.filter(([qid, e]) => !e.sent && knownQuestionIds.has(Number(qid)) && Array.isArray(e.optionIds))
			.sort((a, b) => a[1].seq - b[1].seq);
		for (const [qid, e] of unsent) {
			this.record(Number(qid), e.optionIds);
			restored.set(Number(qid), e.optionIds);
		}
		return restored;
	}

	/** A new choice: journal it, then send (in order, after anything older). */
	change(questionId: number, optionIds: string[]): Promise<void> {
		this.record(questionId, optionIds);
		return this.flush();
	}

	get pendingCount(): number {
		let n = 0;
		for (const e of this.entries.values()) if (!e.sent) n++;
		return n;
	}

	get offline(): boolean {
		for (const s of this.states.values()) if (s === 'offline') return true;
		return false;
	}

	/** Sends unsent answers oldest first; stops at the first network failure. */
	flush(): Promise<void> {
		this.running ??= this.drain().finally(() => {
			this.running = null;
		});
		return this.running;
	}

	clear(): void {
		this.store.clear();
	}

	private record(questionId: number, optionIds: string[]) {
		this.entries.set(questionId, { optionIds: [...optionIds], seq: ++this.seq, sent: false });
		this.states.set(questionId, 'pending');
		this.persist();
		this.onChange(this);
	}

	private next(): [number, Entry] | undefined {
		let best: [number, Entry] | undefined;
		for (const [qid, e] of this.entries) if (!e.sent && (!best || e.seq < best[1].seq)) best = [qid, e];
		return best;
	}

	private async drain(): Promise<void> {
		for (let item = this.next(); item; item = this.next()) {
			const [qid, entry] = item;
			this.states.set(qid, 'pending');
			this.onChange(this);
			const outcome = await this.put(qid, entry.optionIds);
			// A newer change to the same question arrived meanwhile: send that one next.
			const current = this.entries.get(qid)!;
			const superseded = current.seq !== entry.seq;
			if (outcome.kind === 'network') {
				for (const [q, e] of this.entries) if (!e.sent) this.states.set(q, 'offline');
				this.onChange(this);
				return;
			}
			if (outcome.kind === 'closed') {
				this.states.set(qid, 'error');
				this.onChange(this);
				this.onClosed(outcome.message);
				return;
			}
			if (!superseded) {
				current.sent = true;
				this.states.set(qid, outcome.kind === 'ok' ? 'saved' : 'error');
				this.persist();
			}
			this.onChange(this);
		}
	}

	private persist() {
		const out: Record<number, Entry> = {};
		for (const [qid, e] of this.entries) out[qid] = e;
		try {
			this.store.write(JSON.stringify(out));
		} catch {
			/* private mode or full storage: the network copy still works */
		}
	}
}

/** localStorage-backed journal for one attempt. */
export function localJournal(attemptId: number): JournalStore {
	const key = `hoithi:attempt:${attemptId}`;
	return {
		read: () => {
			try {
				return localStorage.getItem(key);
			} catch {
				return null;
			}
		},
		write: (v) => localStorage.setItem(key, v),
		clear: () => {
			try {
				localStorage.removeItem(key);
			} catch {
				/* ignore */
			}
		}
	};
}
