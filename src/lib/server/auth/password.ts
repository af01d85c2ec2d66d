import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane); ~50 ms here.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
	try {
		return await verify(hashed, password.normalize('NFC'));
	} catch {
		return false;
	}
}

/** A valid hash of a random password, to spend the same time when the account does not exist. */
let dummy: Promise<string> | null = null;
export async function burnPasswordTime(password: string): Promise<void> {
	dummy ??= hashPassword('dummy-password-for-timing');
	await verifyPassword(await dummy, password);
}
