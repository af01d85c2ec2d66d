import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { getRandomValues } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { keyedHash } from './keyed-hash';
import { isSecureOrigin } from '../config';
import { clientAddress } from '../http';

/**
 * A first-party device id: a random value in an HttpOnly cookie, set for everyone by the hooks.
 * It identifies a browser, not a person, and carries no personal data; the database only ever
 * sees keyed hashes of it and of the IP address (so a leaked database reveals neither).
 */
export const DEVICE_COOKIE = 'hoithi_device';
const TWO_YEARS_S = 2 * 365 * 24 * 60 * 60;

export interface Fingerprint {
	deviceHash: string | null;
	ipHash: string | null;
}

/** Returns the browser's device id, creating and setting one when it is missing or malformed. */
export function ensureDeviceId(cookies: Pick<Cookies, 'get' | 'set'>): string {
	const existing = cookies.get(DEVICE_COOKIE);
	if (existing && /^[a-z2-7]{32}$/.test(existing)) return existing;
	const bytes = new Uint8Array(20);
	getRandomValues(bytes);
	const id = encodeBase32LowerCaseNoPadding(bytes);
	cookies.set(DEVICE_COOKIE, id, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecureOrigin(),
		maxAge: TWO_YEARS_S
	});
	return id;
}

export function hashDevice(deviceId: string): string {
	return keyedHash('device', deviceId);
}

export function hashIp(ip: string): string {
	return keyedHash('ip', ip);
}

/**
 * The client's address: in production through the same rule as the hot path (http.ts
 * clientAddress, on adapter-node's node request); on the dev server, Vite's.
 */
export function clientIp(event: Pick<RequestEvent, 'getClientAddress' | 'platform'>): string | null {
	const req = event.platform?.req;
	if (req) return clientAddress(req);
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/** The keyed hashes of a device id and an IP address, for access events and limit keys. */
export function fingerprint(deviceId: string | null, ip: string | null): Fingerprint {
	return { deviceHash: deviceId ? hashDevice(deviceId) : null, ipHash: ip ? hashIp(ip) : null };
}

/** The keyed hashes of the request's device id and IP. */
export function fingerprintOf(event: Pick<RequestEvent, 'getClientAddress' | 'platform' | 'locals'>): Fingerprint {
	return fingerprint(event.locals.deviceId || null, clientIp(event));
}
