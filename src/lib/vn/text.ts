/** Vietnamese text rules: one place for NFC, trimming, diacritic folding and name masking. */

/** NFC, collapse inner whitespace, trim; strips zero-width characters that sneak in from Word/Excel. */
export function cleanText(s: string): string {
	return s
		.normalize('NFC')
		.replace(/[\u200B-\u200D\uFEFF]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Same as cleanText but keeps line breaks (rules text, explanations). */
export function cleanMultiline(s: string): string {
	return s
		.normalize('NFC')
		.replace(/[\u200B-\u200D\uFEFF]/g, '')
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((l) => l.replace(/[ \t]+/g, ' ').trimEnd())
		.join('\n')
		.trim();
}

/**
 * Folds case and diacritics: "Nguyễn Thị Hằng" → "nguyen thi hang". đ/Đ are letters of their own
 * in Unicode (no decomposition), so they are mapped explicitly.
 */
export function foldVietnamese(s: string): string {
	return cleanText(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * Masks a full name for public leaderboards: family name kept, middle names and given name
 * reduced to initials — "Nguyễn Thị Hằng" → "Nguyễn T. H.".
 */
export function maskName(fullName: string): string {
	const parts = cleanText(fullName).split(' ').filter(Boolean);
	if (parts.length === 0) return '';
	if (parts.length === 1) return parts[0].slice(0, 1) + '.';
	const [family, ...rest] = parts;
	return [family, ...rest.map((p) => Array.from(p)[0].toUpperCase() + '.')].join(' ');
}
