/**
 * Times are integer ms (UTC) everywhere in the server; people see and type them in
 * Asia/Ho_Chi_Minh. Vietnam has had no daylight saving since 1975, but we still go through
 * Intl rather than a hand-written +7 so that the zone stays a single named fact.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFmt = new Intl.DateTimeFormat('vi-VN', {
	timeZone: TIME_ZONE,
	day: '2-digit',
	month: '2-digit',
	year: 'numeric'
});
const timeFmt = new Intl.DateTimeFormat('vi-VN', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});
const partsFmt = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

const clockFmt = new Intl.DateTimeFormat('vi-VN', {
	timeZone: TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

/** hh:mm:ss in Vietnam time (a formatter made once: making one per call is slow). */
export function formatClock(ms: number): string {
	return clockFmt.format(new Date(ms));
}

function parts(ms: number): Record<string, string> {
	const out: Record<string, string> = {};
	for (const p of partsFmt.formatToParts(new Date(ms))) out[p.type] = p.value;
	return out;
}

/** dd/mm/yyyy */
export function formatDate(ms: number): string {
	return dateFmt.format(new Date(ms));
}

/** HH:mm dd/mm/yyyy */
export function formatDateTime(ms: number): string {
	return `${timeFmt.format(new Date(ms))} ${dateFmt.format(new Date(ms))}`;
}

/** Value for <input type="datetime-local">, in Hanoi time: "2026-12-01T08:00". */
export function toLocalInput(ms: number): string {
	const p = parts(ms);
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Offset of Hanoi from UTC at a given instant, in ms (always +7 h today). */
export function utcOffsetMs(ms: number): number {
	const p = parts(ms);
	const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Parses "YYYY-MM-DDTHH:mm" typed in Hanoi time; null if malformed. */
export function fromLocalInput(value: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
	if (!m) return null;
	const [, y, mo, d, h, mi, s] = m;
	const guess = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0));
	if (Number.isNaN(guess)) return null;
	const check = new Date(guess);
	if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d) return null;
	return guess - utcOffsetMs(guess);
}

/** "12 phút 05 giây" style duration for results. */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const m = Math.floor(total / 60);
	const s = total % 60;
	return m > 0 ? `${m} phút ${String(s).padStart(2, '0')} giây` : `${s} giây`;
}

/** Age in whole years on a given day, from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, atMs: number): number {
	const [y, m, d] = birthDate.split('-').map(Number);
	const p = parts(atMs);
	let age = +p.year - y;
	if (+p.month < m || (+p.month === m && +p.day < d)) age--;
	return age;
}
