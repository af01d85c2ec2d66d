/**
 * Numbers as Vietnamese readers write them, in one place for every page, chart and report:
 * "." groups thousands and "," marks decimals ("2.000 ký tự", "1,5 giây"), and a percent sign
 * is kept on the number's line with a no-break space ("12,5 %"). Formatters are made once per
 * precision (making one per call is slow).
 */
const LOCALE = 'vi-VN';
/** No-break space: "12,5 %" never wraps between the number and its unit. */
export const NBSP = '\u00A0';
/** Shown where there is no number (no attempts yet, no target set). */
const NONE = '—';

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(min: number, max: number): Intl.NumberFormat {
	const key = `${min}:${max}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: min, maximumFractionDigits: max });
		formatters.set(key, f);
	}
	return f;
}

type Maybe = number | null | undefined;
const missing = (x: Maybe): x is null | undefined => x == null || Number.isNaN(x);

/** 2000 → "2.000", 1.25 with 1 digit → "1,3"; trailing zeros dropped unless `minDigits` asks. */
export function formatNumber(x: Maybe, maxDigits = 0, minDigits = 0): string {
	if (missing(x)) return NONE;
	return formatter(Math.min(minDigits, maxDigits), maxDigits).format(x);
}

/** Exactly `digits` decimals: 0.2 → "0,20" (coefficients, averages that line up in a column). */
export function formatFixed(x: Maybe, digits: number): string {
	return formatNumber(x, digits, digits);
}

/** A share (0–1) as a percentage: 0.125 → "12,5 %" (with a no-break space). */
export function formatPercent(share: Maybe, maxDigits = 1, minDigits = 0): string {
	if (missing(share)) return NONE;
	return formatNumber(share * 100, maxDigits, minDigits) + NBSP + '%';
}

/**
 * Decimals that keep percentages up to `maxShare` apart: rates of a few per mille rounded to
 * 0,1 % all look alike. 12,3 % · 0,42 % · 0,042 % (two significant digits for the largest).
 */
export function percentDigits(maxShare: number): number {
	const p = Math.abs(maxShare) * 100;
	if (!(p > 0) || p >= 1) return 1;
	return Math.min(4, 1 - Math.floor(Math.log10(p)));
}

/** A duration in seconds, to tenths: 1500 ms → "1,5 giây". */
export function formatSeconds(ms: Maybe, maxDigits = 1): string {
	if (missing(ms)) return NONE;
	return formatNumber(ms / 1000, maxDigits) + NBSP + 'giây';
}

/** A file size: 5 × 1024² bytes → "5 MB", 1.3 MB → "1,3 MB". */
export function formatMegabytes(bytes: number, maxDigits = 1): string {
	return formatNumber(bytes / 1024 / 1024, maxDigits) + NBSP + 'MB';
}
