/**
 * The server owns time. The page estimates the server's clock from a response's `serverNow`,
 * taken at the middle of the round trip, and from then on only measures elapsed time with the
 * phone's clock — so a phone set hours wrong still shows the right remaining time. The estimate
 * is refined when a later response had a shorter round trip (less uncertainty).
 */
export class ServerClock {
	private offset = 0;
	private bestRtt = Number.POSITIVE_INFINITY;

	constructor(private readonly local: () => number = Date.now) {}

	/** `sentAt`/`receivedAt` are local times around the request; `serverNow` is what the server said. */
	sync(serverNow: number, sentAt: number, receivedAt: number): void {
		const rtt = Math.max(0, receivedAt - sentAt);
		if (rtt > this.bestRtt) return;
		this.bestRtt = rtt;
		this.offset = serverNow - (sentAt + rtt / 2);
	}

	now(): number {
		return this.local() + this.offset;
	}

	/** Milliseconds left until a server deadline, never negative. */
	left(deadline: number): number {
		return Math.max(0, deadline - this.now());
	}
}

/** mm:ss for the countdown. */
export function clockText(ms: number): string {
	const s = Math.ceil(Math.max(0, ms) / 1000);
	return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Which warning (if any) is due: 5 minutes and 1 minute before the deadline, each once. */
export function dueWarning(leftMs: number, given: { five: boolean; one: boolean }): 'five' | 'one' | null {
	if (leftMs <= 0) return null;
	if (leftMs <= 60_000 && !given.one) return 'one';
	if (leftMs <= 5 * 60_000 && leftMs > 60_000 && !given.five) return 'five';
	return null;
}
