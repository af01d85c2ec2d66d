import { z } from 'zod';

/**
 * Server configuration, read from the environment once and validated with zod.
 * Read through process.env (not $env) so that CLI scripts run by tsx share it.
 * Every secret has a development default; production refuses to start with it.
 */
const DEV_SECRET = 'hoithi-dev-secret-do-not-use-in-production';

const EnvSchema = z.object({
	NODE_ENV: z.string().default('development'),
	/** The SQLite file, unless DATABASE_URL names a PostgreSQL server. */
	DATABASE_PATH: z.string().min(1).default('data/hoithi.db'),
	/** `postgres://user:password@host:5432/db` (or `postgresql://`): run on PostgreSQL instead of the SQLite file. */
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\/\S+$/i, 'a postgres:// or postgresql:// URL')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	/**
	 * PostgreSQL only, optional: a read-only replica (streaming replication) for the heavy reads —
	 * reports, dashboards, closed-round rankings, rank snapshots. Without it they use DATABASE_URL
	 * (on connections of their own, read-only).
	 */
	DATABASE_REPLICA_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\/\S+$/i, 'a postgres:// or postgresql:// URL')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	/** PostgreSQL only: connections per process (the heavy reads get as many again). Keep processes × 2 × this under max_connections. */
	DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(8),
	/** HMAC key for citizen IDs and other keyed hashes. Changing it orphans existing hashes. */
	HASH_SECRET: z.string().min(16).default(DEV_SECRET),
	ORIGIN: z.string().optional(),
	/** Late answers within this many ms after the deadline are still accepted (network latency). */
	ANSWER_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
	/**
	 * How many server processes share the database: scripts/serve.js sets it for its workers
	 * (WORKERS); set it by hand when running several servers on one database yourself. With more
	 * than one, every hand-in tells the others (cache events) and the per-IP limits of the attempt
	 * API are split between them (auth/limits.ts).
	 */
	SERVER_PROCESSES: z.coerce.number().int().min(1).max(1024).default(1),
	/**
	 * Outgoing mail for the password-reset links (mail.ts): SMTP_URL (`smtp://user:pass@host:587`,
	 * `smtps://…:465`) or SMTP_HOST with SMTP_PORT/SMTP_USER/SMTP_PASS/SMTP_SECURE; MAIL_FROM is the
	 * sender. Neither: no mail, and the forgotten-password page says so.
	 */
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\/\S+$/i, 'an smtp:// or smtps:// URL')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	SMTP_HOST: z
		.string()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	SMTP_PORT: z.coerce
		.number()
		.int()
		.min(1)
		.max(65_535)
		.optional()
		.or(z.literal('').transform(() => undefined)),
	SMTP_USER: z.string().optional(),
	SMTP_PASS: z.string().optional(),
	SMTP_SECURE: z.enum(['0', '1', 'true', 'false']).optional(),
	MAIL_FROM: z.string().max(200).default('Hội thi trực tuyến <no-reply@localhost>')
});

export type Config = z.infer<typeof EnvSchema>;

let cached: Config | null = null;

export function config(): Config {
	if (cached) return cached;
	const parsed = EnvSchema.safeParse(process.env);
	if (!parsed.success) {
		throw new Error('Invalid environment: ' + z.prettifyError(parsed.error));
	}
	const c = parsed.data;
	if (c.DATABASE_REPLICA_URL && !c.DATABASE_URL)
		throw new Error('Invalid environment: DATABASE_REPLICA_URL needs DATABASE_URL (the primary)');
	if (c.NODE_ENV === 'production' && c.HASH_SECRET === DEV_SECRET && !process.env.HOITHI_ALLOW_DEV_SECRET) {
		console.warn('[hoithi] HASH_SECRET is the development default. Set HASH_SECRET (≥16 chars) in production.');
	}
	cached = c;
	return c;
}

/** Cookies get the Secure flag when the public origin is HTTPS. */
export function isSecureOrigin(): boolean {
	return (config().ORIGIN ?? '').startsWith('https://');
}
