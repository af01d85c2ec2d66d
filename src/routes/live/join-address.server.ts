import os from 'node:os';
import { config } from '$lib/server/config';

/**
 * The address phones must open to join (shown on the big screen and in the QR code).
 *
 * In a hall without internet the app runs on a laptop and the big screen is often that laptop's
 * browser at http://localhost:3000 — an address no phone can reach. So when the screen was opened
 * at a loopback address, the join address uses the machine's LAN address (same port) instead;
 * otherwise it is the address the screen was opened at (the hall's Wi-Fi address, or the public
 * site). ORIGIN, when set (a real deployment), always wins.
 */
export function joinOrigin(
	requestUrl: URL,
	configured: string | undefined = config().ORIGIN,
	interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()
): string {
	if (configured) return configured.replace(/\/+$/, '');
	if (!isLoopback(requestUrl.hostname)) return requestUrl.origin;
	const lan = lanAddress(interfaces);
	if (!lan) return requestUrl.origin;
	return `${requestUrl.protocol}//${lan}${requestUrl.port ? `:${requestUrl.port}` : ''}`;
}

function isLoopback(host: string): boolean {
	return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
}

/** The likeliest Wi-Fi/LAN IPv4 address: private ranges first (192.168 before 10 before 172.16–31). */
export function lanAddress(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string | null {
	const all = Object.entries(interfaces)
		.flatMap(([name, list]) => (list ?? []).map((a) => ({ name, ...a })))
		.filter((a) => a.family === 'IPv4' && !a.internal);
	const score = (a: { address: string; name: string }) => {
		// Container and VM bridges are not what the phones are on.
		if (/^(docker|br-|veth|virbr|vmnet|vboxnet)/.test(a.name)) return 9;
		if (a.address.startsWith('192.168.')) return 0;
		if (a.address.startsWith('10.')) return 1;
		if (/^172\.(1[6-9]|2\d|3[01])\./.test(a.address)) return 2;
		return 3;
	};
	all.sort((a, b) => score(a) - score(b));
	return all[0]?.address ?? null;
}
