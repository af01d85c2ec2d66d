import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createHash, getRandomValues } from 'node:crypto';
import { keyedHash } from './keyed-hash';

/**
 * The secrets of a forgotten-password reset (issue 16 item 4): an officer's one-time code and the
 * signed link of an email. Pure functions (no database): users/password-help.ts stores only
 * `hashResetSecret` of either and makes them single use.
 */

/** A code or a link is valid this long after it is issued. */
export const RESET_TTL_MS = 30 * 60_000;

/** 17 random bytes: 136 bits, 28 base32 letters and digits, read out in 7 groups of 4. */
const CODE_BYTES = 17;
const GROUP = 4;

/**
 * A one-time code an officer reads out or writes down: RFC 4648 base32 (A–Z, 2–7: no 0/1/8/9, so
 * nothing to confuse with O, I or B), grouped `ABCD-EFGH-…`. ≥ 128 bits, so guessing is hopeless
 * even without the rate limits.
 */
export function newResetCode(): string {
	const bytes = new Uint8Array(CODE_BYTES);
	getRandomValues(bytes);
	const letters = encodeBase32UpperCaseNoPadding(bytes);
	return letters.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/**
 * A typed code as stored: capitals, without spaces, dashes or dots; the digits people type for
 * look-alike letters (0 → O, 1 → I, 8 → B) are taken for the letters, since the alphabet has none.
 */
export function normaliseResetCode(typed: string): string {
	return typed
		.normalize('NFKC')
		.toUpperCase()
		.replace(/[\s\-–.·_]/g, '')
		.replace(/0/g, 'O')
		.replace(/1/g, 'I')
		.replace(/8/g, 'B');
}

/** What the database keeps of a code or a link's nonce: SHA-256, hex. */
export function hashResetSecret(secret: string): string {
	return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The random part of an emailed link (160 bits). */
export function newLinkNonce(): string {
	const bytes = new Uint8Array(20);
	getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

const signature = (payload: string) => keyedHash('reset-link', payload);

/**
 * The token of an emailed link: `resetId.expiresAt.nonce.signature`, the signature an HMAC (server
 * secret) of the rest. A forged or altered link is refused before the database is asked; the row
 * (the nonce's hash, used_at) still decides, so a link works once.
 */
export function signResetLink(resetId: number, expiresAt: number, nonce: string): string {
	const payload = `${resetId}.${expiresAt}.${nonce}`;
	return `${payload}.${signature(payload)}`;
}

/** The reset a link's token names when its signature holds and it has not expired; null otherwise. */
export function verifyResetLink(token: string, now = Date.now()): { resetId: number; expiresAt: number; nonce: string } | null {
	if (token.length > 300) return null;
	const m = /^([1-9]\d{0,12})\.(\d{1,16})\.([a-z2-7]{16,64})\.([0-9a-f]{64})$/.exec(token);
	if (!m) return null;
	const [, id, exp, nonce, sig] = m;
	const want = new TextEncoder().encode(signature(`${id}.${exp}.${nonce}`));
	if (!constantTimeEqual(want, new TextEncoder().encode(sig))) return null;
	const expiresAt = Number(exp);
	if (now >= expiresAt) return null;
	return { resetId: Number(id), expiresAt, nonce };
}
