/**
 * Vietnamese phone numbers to E.164. Accepts "0912 345 678", "0912.345.678", "+84 912 345 678",
 * "84912345678". Returns null for anything that is not a plausible Vietnamese number
 * (9 digits after the country code, first digit 3/5/7/8/9 for mobiles or 2 for landlines).
 */
export function normalisePhone(input: string): string | null {
	const compact = input.normalize('NFKC').replace(/[\s.\-()]/g, '');
	let national: string;
	if (/^\+84\d+$/.test(compact)) national = compact.slice(3);
	else if (/^0084\d+$/.test(compact)) national = compact.slice(4);
	else if (/^84\d{9}$/.test(compact)) national = compact.slice(2);
	else if (/^0\d+$/.test(compact)) national = compact.slice(1);
	else return null;
	if (national.startsWith('0')) national = national.slice(1);
	if (/^[35789]\d{8}$/.test(national)) return '+84' + national;
	if (/^2\d{9}$/.test(national)) return '+84' + national;
	return null;
}

/** "+84912345678" → "0912 345 678" for display. */
export function formatPhone(e164: string): string {
	if (!e164.startsWith('+84')) return e164;
	const n = '0' + e164.slice(3);
	return n.length === 10 ? `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}` : n;
}

/**
 * A search box's text read as (part of) a phone number, the way lists show and people type them:
 * "0981 000 007", "0981.000.007", "+84 981 000 007", "84981000007", "000 007". Returns the national
 * digits without the leading 0 (what follows +84 in the stored E.164), or null when the text is
 * not a phone number (letters, or fewer than 3 digits).
 */
export function phoneSearchDigits(input: string): string | null {
	const t = input.normalize('NFKC').trim();
	if (!/^\+?[\d\s.\-()]+$/.test(t)) return null;
	let digits = t.replace(/\D/g, '');
	if (t.startsWith('+84')) digits = digits.slice(2);
	else if (digits.startsWith('0084')) digits = digits.slice(4);
	else if (/^84\d{9}$/.test(digits)) digits = digits.slice(2);
	if (digits.startsWith('0')) digits = digits.slice(1);
	return digits.length >= 3 ? digits : null;
}
