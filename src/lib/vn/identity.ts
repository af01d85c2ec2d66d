/** Email is compared lowercased and trimmed; returns null when it is not an address. */
export function normaliseEmail(input: string): string | null {
	const e = input.normalize('NFC').trim().toLowerCase();
	if (e === '') return null;
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) && e.length <= 254 ? e : null;
}

/** Citizen ID (CCCD): exactly 12 digits once spaces are removed; null otherwise. */
export function normaliseNationalId(input: string): string | null {
	const d = input.normalize('NFKC').replace(/[\s.-]/g, '');
	return /^\d{12}$/.test(d) ? d : null;
}
