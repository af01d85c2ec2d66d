import { describe, expect, it } from 'vitest';
import {
	RESET_TTL_MS,
	hashResetSecret,
	newLinkNonce,
	newResetCode,
	normaliseResetCode,
	signResetLink,
	verifyResetLink
} from './reset-tokens';

describe('reset codes', () => {
	it('carry at least 128 random bits in typeable groups of base32', () => {
		const code = newResetCode();
		expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){6}$/);
		// 28 base32 letters = 140 bits written, 136 of them random.
		expect(code.replace(/-/g, '').length * 5).toBeGreaterThanOrEqual(128 + 4);
		const many = new Set(Array.from({ length: 200 }, () => newResetCode()));
		expect(many.size).toBe(200);
	});

	it('read the same typed with spaces, small letters or look-alike digits', () => {
		const code = newResetCode();
		const typed = code.toLowerCase().replace(/-/g, ' ').replace(/O/gi, '0').replace(/I/gi, '1');
		expect(normaliseResetCode(typed)).toBe(code.replace(/-/g, ''));
		expect(hashResetSecret(normaliseResetCode(typed))).toBe(hashResetSecret(normaliseResetCode(code)));
	});

	it('are stored as a SHA-256 that does not contain the code', () => {
		const code = normaliseResetCode(newResetCode());
		const h = hashResetSecret(code);
		expect(h).toMatch(/^[0-9a-f]{64}$/);
		expect(h).not.toContain(code.toLowerCase());
		expect(hashResetSecret(code + 'A')).not.toBe(h);
	});
});

describe('reset links', () => {
	const now = 1_800_000_000_000;
	const nonce = newLinkNonce();

	it('verify while unexpired and name their reset', () => {
		const token = signResetLink(42, now + RESET_TTL_MS, nonce);
		expect(verifyResetLink(token, now)).toEqual({ resetId: 42, expiresAt: now + RESET_TTL_MS, nonce });
		expect(verifyResetLink(token, now + RESET_TTL_MS - 1)).not.toBeNull();
	});

	it('expire 30 minutes after issue', () => {
		expect(RESET_TTL_MS).toBe(30 * 60_000);
		const token = signResetLink(42, now + RESET_TTL_MS, nonce);
		expect(verifyResetLink(token, now + RESET_TTL_MS)).toBeNull();
	});

	it('are refused when any part is altered or the signature is forged', () => {
		const token = signResetLink(42, now + RESET_TTL_MS, nonce);
		const [id, exp, n, sig] = token.split('.');
		expect(verifyResetLink([43, exp, n, sig].join('.'), now)).toBeNull();
		expect(verifyResetLink([id, Number(exp) + 60_000, n, sig].join('.'), now)).toBeNull();
		expect(verifyResetLink([id, exp, newLinkNonce(), sig].join('.'), now)).toBeNull();
		expect(verifyResetLink([id, exp, n, '0'.repeat(64)].join('.'), now)).toBeNull();
		expect(verifyResetLink('', now)).toBeNull();
		expect(verifyResetLink(token + '.x', now)).toBeNull();
	});
});
