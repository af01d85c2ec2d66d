import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fitsAge, quotaMatches, seededRng, shuffle, type PoolItem, type Quota, type Rng } from '../questions/draw';

/**
 * Practice (ôn tập) rules, pure: which questions practice may draw, the draw itself, and the signed
 * token that carries a practice session in the page (no account, no server state: the token says
 * which question was drawn, how its options were shuffled and what was already seen).
 */

/** What an open round needs to know to say which questions it could draw. */
export interface OpenRoundSpec {
	questionCount: number;
	quotas: readonly Quota[];
}

/**
 * The questions a round could put in an attempt (questions/draw.ts): when its quotas fill the whole
 * question count, only questions matching some quota; otherwise the free part of the draw may take
 * any published question, so the whole pool.
 */
export function roundCanDraw(pool: readonly PoolItem[], round: OpenRoundSpec): Set<number> {
	const quotaTotal = round.quotas.reduce((s, q) => s + q.count, 0);
	if (quotaTotal < round.questionCount) return new Set(pool.map((p) => p.id));
	return new Set(pool.filter((p) => round.quotas.some((q) => quotaMatches(q, p))).map((p) => p.id));
}

/** Everything the open rounds of contests with the switch "no open-round questions in practice" on could draw. */
export function hiddenFromPractice(pool: readonly PoolItem[], openRounds: readonly OpenRoundSpec[]): Set<number> {
	const hidden = new Set<number>();
	for (const r of openRounds) for (const id of roundCanDraw(pool, r)) hidden.add(id);
	return hidden;
}

export interface PracticeFilter {
	topicId: number;
	/** Questions of open rounds the organiser keeps out of practice. */
	hidden: ReadonlySet<number>;
	/**
	 * The practising person's age today (questions/draw.ts `takerAge`); 0 when unknown, i.e. for
	 * anonymous practice: only questions fit for everyone, as a round draws for a person without a
	 * birth date.
	 */
	age: number;
}

/**
 * THE practice pool: the one place that says which published questions practice may show (the
 * topic list's counts and every draw go through it): the topic's questions fit for the person's
 * age that no open round keeps out.
 */
export function practicePool<P extends PoolItem>(pool: readonly P[], f: PracticeFilter): P[] {
	return pool.filter((p) => p.topicId === f.topicId && !f.hidden.has(p.id) && fitsAge(p, f.age));
}

/**
 * The next practice question: at random among the candidates not seen yet; once all were seen, a
 * new lap starts (anything but the question just shown, when there is another). Null: none at all.
 */
export function drawPracticeQuestion(
	candidates: readonly PoolItem[],
	seen: readonly number[],
	rng: Rng
): { id: number; lap: boolean } | null {
	if (candidates.length === 0) return null;
	const seenSet = new Set(seen);
	const fresh = candidates.filter((c) => !seenSet.has(c.id));
	if (fresh.length > 0) return { id: fresh[Math.floor(rng() * fresh.length)].id, lap: false };
	const last = seen[seen.length - 1];
	const others = candidates.length > 1 ? candidates.filter((c) => c.id !== last) : candidates;
	return { id: others[Math.floor(rng() * others.length)].id, lap: true };
}

/** A practice session as the page carries it (signed, so the server can trust what was drawn). */
export interface PracticeToken {
	/** topic */
	t: number;
	/** question */
	q: number;
	/** the question's version shown */
	v: number;
	/** seed of the option shuffle */
	s: number;
	/** nonce of this draw: one recorded answer per drawn question and person */
	n: string;
	/** questions already seen in this lap, oldest first (at most SEEN_MAX) */
	seen: number[];
	/** answered so far in this session, and how many of them correctly */
	done: number;
	right: number;
}

export const SEEN_MAX = 60;

function mac(secret: string, payload: string): Buffer {
	return createHmac('sha256', secret).update(`practice-token:${payload}`).digest();
}

export function signToken(tok: PracticeToken, secret: string): string {
	const payload = Buffer.from(JSON.stringify(tok)).toString('base64url');
	return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isId = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) > 0;

/** The token's content, or null when it is malformed or its signature does not match. */
export function readToken(text: unknown, secret: string): PracticeToken | null {
	if (typeof text !== 'string' || text.length > 4000) return null;
	const dot = text.indexOf('.');
	if (dot <= 0) return null;
	const payload = text.slice(0, dot);
	const given = Buffer.from(text.slice(dot + 1), 'base64url');
	const want = mac(secret, payload);
	if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
	let o: unknown;
	try {
		o = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	const t = o as PracticeToken;
	if (!t || typeof t !== 'object') return null;
	if (!isId(t.t) || !isId(t.q) || !isId(t.v) || !isCount(t.s) || typeof t.n !== 'string') return null;
	if (!Array.isArray(t.seen) || !t.seen.every(isId) || !isCount(t.done) || !isCount(t.right)) return null;
	return { t: t.t, q: t.q, v: t.v, s: t.s, n: t.n, seen: t.seen, done: t.done, right: t.right };
}

/** A new draw's token: the question joins the lap's seen list (a new lap starts it afresh). */
export function nextToken(
	prev: Pick<PracticeToken, 'seen' | 'done' | 'right'> | null,
	draw: { topicId: number; questionId: number; versionId: number; lap: boolean }
): PracticeToken {
	const seen = draw.lap || !prev ? [] : prev.seen;
	return {
		t: draw.topicId,
		q: draw.questionId,
		v: draw.versionId,
		s: randomBytes(4).readUInt32BE(0),
		n: randomBytes(9).toString('base64url'),
		seen: [...seen, draw.questionId].slice(-SEEN_MAX),
		done: prev?.done ?? 0,
		right: prev?.right ?? 0
	};
}

/** The options in the order this draw shows them (a per-draw shuffle, as attempts do). */
export function optionOrder<O>(options: readonly O[], seed: number): O[] {
	return shuffle(options, seededRng(seed));
}
