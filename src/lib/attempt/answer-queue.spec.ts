import { describe, expect, it } from 'vitest';
import { AnswerQueue, type JournalStore, type PutOutcome } from './answer-queue';

function memoryStore(initial: string | null = null): JournalStore & { value: string | null } {
	const s = {
		value: initial,
		read: () => s.value,
		write: (v: string) => {
			s.value = v;
		},
		clear: () => {
			s.value = null;
		}
	};
	return s;
}

/** A fake server: records what arrives, can be switched offline, resolves when told to. */
function fakeServer() {
	const received: [number, string[]][] = [];
	let online = true;
	const server = {
		received,
		setOnline(v: boolean) {
			online = v;
		},
		put: async (qid: number, ids: string[]): Promise<PutOutcome> => {
			await Promise.resolve();
			if (!online) return { kind: 'network' };
			received.push([qid, ids]);
			return { kind: 'ok' };
		}
	};
	return server;
}

describe('AnswerQueue', () => {
	it('journals an answer before sending it and marks it saved once acknowledged', async () => {
		const store = memoryStore();
		let journalAtSend: string | null = null;
		const q = new AnswerQueue(async () => {
			journalAtSend = store.value;
			return { kind: 'ok' };
		}, store);
		await q.change(7, ['a']);
		expect(JSON.parse(journalAtSend!)).toMatchObject({ 7: { optionIds: ['a'], sent: false } });
		expect(q.states.get(7)).toBe('saved');
		expect(JSON.parse(store.value!)).toMatchObject({ 7: { optionIds: ['a'], sent: true } });
	});

	it('keeps answers made while offline and replays them in order when the network returns', async () => {
		const server = fakeServer();
		const q = new AnswerQueue(server.put, memoryStore());
		server.setOnline(false);
		await q.change(1, ['a']);
		await q.change(2, ['b']);
		await q.change(1, ['c']);
		expect(q.offline).toBe(true);
		expect(q.pendingCount).toBe(2);
		expect([...q.states.values()]).toEqual(['offline', 'offline']);
		server.setOnline(true);
		await q.flush();
		// Question 2 changed before the last change of question 1, so it goes first.
		expect(server.received).toEqual([
			[2, ['b']],
			[1, ['c']]
		]);
		expect(q.pendingCount).toBe(0);
		expect(q.offline).toBe(false);
	});

	it('never lets an older request overwrite a newer choice', async () => {
		const received: string[][] = [];
		let release: () => void = () => {};
		const put = async (_qid: number, ids: string[]): Promise<PutOutcome> => {
			if (received.length === 0) await new Promise<void>((r) => (release = r));
			received.push(ids);
			return { kind: 'ok' };
		};
		const q = new AnswerQueue(put, memoryStore());
		const first = q.change(3, ['old']);
		const second = q.change(3, ['new']);
		release();
		await Promise.all([first, second]);
		await q.flush();
		expect(received).toEqual([['old'], ['new']]);
		expect(q.states.get(3)).toBe('saved');
	});

	it('restores unsent answers from the journal after a reload, oldest first', async () => {
		const store = memoryStore(
			JSON.stringify({
				4: { optionIds: ['x'], seq: 2, sent: false },
				5: { optionIds: ['y'], seq: 1, sent: false },
				6: { optionIds: ['z'], seq: 3, sent: true },
				99: { optionIds: ['q'], seq: 4, sent: false }
			})
		);
		const server = fakeServer();
		const q = new AnswerQueue(server.put, store);
		q.seed([
			{ id: 4, answer: [] },
			{ id: 5, answer: [] },
			{ id: 6, answer: ['z'] }
		]);
		const restored = q.restore(new Set([4, 5, 6]));
		expect([...restored]).toEqual([
			[5, ['y']],
			[4, ['x']]
		]);
		await q.flush();
		expect(server.received).toEqual([
			[5, ['y']],
			[4, ['x']]
		]);
	});

	it('survives a broken journal', () => {
		const q = new AnswerQueue(fakeServer().put, memoryStore('{oops'));
		expect(q.restore(new Set([1])).size).toBe(0);
	});

	it('stops and reports when the server says the attempt is closed', async () => {
		const closed: string[] = [];
		const q = new AnswerQueue(
			async () => ({ kind: 'closed', message: 'Đã hết giờ làm bài.' }),
			memoryStore(),
			undefined,
			(m) => closed.push(m)
		);
		await q.change(1, ['a']);
		expect(closed).toEqual(['Đã hết giờ làm bài.']);
		expect(q.states.get(1)).toBe('error');
	});

	it('marks a rejected answer as an error and moves on to the next', async () => {
		const sent: number[] = [];
		const q = new AnswerQueue(async (qid) => {
			sent.push(qid);
			return qid === 1 ? { kind: 'rejected', message: 'Đáp án không thuộc câu hỏi này.' } : { kind: 'ok' };
		}, memoryStore());
		await q.change(1, ['bad']);
		await q.change(2, ['ok']);
		expect(sent).toEqual([1, 2]);
		expect(q.states.get(1)).toBe('error');
		expect(q.states.get(2)).toBe('saved');
		expect(q.pendingCount).toBe(0);
	});
});
