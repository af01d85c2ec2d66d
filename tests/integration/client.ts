import { inject } from 'vitest';
import { parse } from 'devalue';

/** A tiny HTTP client with a cookie jar, speaking to the test server like a browser would. */
export class Client {
	readonly base: string;
	private cookies = new Map<string, string>();

	/** `base` defaults to the shared test server; `headers` go with every request (e.g. x-forwarded-for). */
	constructor(
		base?: string,
		private readonly headers: Record<string, string> = {}
	) {
		this.base = base ?? inject('baseUrl');
	}

	private cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private store(res: Response) {
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attrs] = line.split(';');
			const i = pair.indexOf('=');
			const name = pair.slice(0, i).trim();
			const value = pair.slice(i + 1).trim();
			const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	/** The same browser (its cookies) on another network, e.g. `{ 'x-forwarded-for': ip }`. */
	elsewhere(headers: Record<string, string>): Client {
		const c = new Client(this.base, headers);
		c.cookies = this.cookies;
		return c;
	}

	/** The same browser (its cookies, its headers) talking to another server on the same database. */
	at(base: string): Client {
		const c = new Client(base, this.headers);
		c.cookies = this.cookies;
		return c;
	}

	get hasSession(): boolean {
		return this.cookies.has('hoithi_session');
	}

	async request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
		const res = await fetch(this.base + path, {
			method,
			body: init.body,
			redirect: 'manual',
			headers: { cookie: this.cookieHeader(), ...this.headers, ...init.headers },
			signal: init.signal,
			// A streamed (chunked) body needs duplex: 'half' in Node's fetch.
			...(init.body instanceof ReadableStream ? { duplex: 'half' } : {})
		} as RequestInit);
		this.store(res);
		return res;
	}

	get(path: string) {
		return this.request('GET', path);
	}

	json(method: string, path: string, body?: unknown) {
		return this.request(method, path, {
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
			headers: { 'content-type': 'application/json', origin: this.base }
		});
	}

	/** Posts a form action the way `use:enhance` does and decodes SvelteKit's JSON answer; pairs for repeated fields (checkboxes, rows). */
	async action(path: string, fields: Record<string, string> | [string, string][], origin: string | null = this.base) {
		const headers: Record<string, string> = {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		};
		if (origin) headers.origin = origin;
		const res = await this.request('POST', path, { body: new URLSearchParams(fields).toString(), headers });
		const text = await res.text();
		let body: { type: string; status: number; location?: string; data?: any } | null;
		try {
			const raw = JSON.parse(text);
			body = { ...raw, data: raw.data ? parse(raw.data) : undefined };
		} catch {
			body = null;
		}
		// SvelteKit answers enhanced actions with HTTP 200 and the real status inside the body.
		return { res, body, text, status: body?.status ?? res.status };
	}
}

let counter = 0;
/** A phone number no other test uses: 09 + 8 digits. */
export function freshPhone(): string {
	counter++;
	const n = (Date.now() % 1_000_000) * 100 + (counter % 100);
	return '09' + String(n).padStart(8, '0').slice(-8);
}

const GIVEN = [
	'An',
	'Bình',
	'Chi',
	'Dung',
	'Giang',
	'Hạnh',
	'Khánh',
	'Lan',
	'Mai',
	'Ngọc',
	'Oanh',
	'Phương',
	'Quyên',
	'Sương',
	'Thảo',
	'Uyên',
	'Vân',
	'Xuân',
	'Yến'
];
/** A plausible name that differs between test people, so they do not look like duplicates. */
function testName(): string {
	const n = counter + Date.now();
	return `Nguyễn Thị ${GIVEN[n % GIVEN.length]} ${GIVEN[Math.floor(n / GIVEN.length) % GIVEN.length]}`;
}

export function registration(over: Record<string, string> = {}): Record<string, string> {
	return {
		fullName: testName(),
		birthDate: '1990-05-20',
		gender: 'female',
		phone: freshPhone(),
		email: '',
		nationalId: '',
		unitCode: '005',
		groupId: '1',
		password: 'mat-khau-du-dai',
		consent: 'on',
		...over
	};
}

export async function registeredClient(over: Record<string, string> = {}) {
	const c = new Client();
	const form = registration(over);
	const { body } = await c.action('/register', form);
	if (body?.type !== 'redirect') throw new Error('registration failed: ' + JSON.stringify(body));
	return { client: c, form };
}

export const DEMO_PASSWORD = 'hoithi-demo-2026';
export async function loggedIn(phone: string) {
	const c = new Client();
	const { body } = await c.action('/login', { identifier: phone, password: DEMO_PASSWORD });
	if (body?.type !== 'redirect') throw new Error('login failed: ' + JSON.stringify(body));
	return c;
}
