import nodemailer, { type Transporter } from 'nodemailer';
import { config } from './config';

/**
 * Outgoing mail (the password-reset links): SMTP through nodemailer, configured by env (config.ts:
 * SMTP_URL, or SMTP_HOST/PORT/USER/PASS/SECURE, and MAIL_FROM). One transport per process, made on
 * first use. Unconfigured, `mailConfigured()` is false and nothing is sent: the pages say so.
 */
let transport: Transporter | null = null;

export function mailConfigured(): boolean {
	const c = config();
	return Boolean(c.SMTP_URL || c.SMTP_HOST);
}

function transporter(): Transporter {
	if (transport) return transport;
	const c = config();
	if (c.SMTP_URL) transport = nodemailer.createTransport(c.SMTP_URL);
	else {
		const port = c.SMTP_PORT ?? 587;
		const secure = c.SMTP_SECURE ? c.SMTP_SECURE === '1' || c.SMTP_SECURE === 'true' : port === 465;
		transport = nodemailer.createTransport({
			host: c.SMTP_HOST,
			port,
			secure,
			auth: c.SMTP_USER ? { user: c.SMTP_USER, pass: c.SMTP_PASS ?? '' } : undefined
		});
	}
	return transport;
}

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/** Sends one message (plain text, UTF-8); throws when the server refuses it. */
export async function sendMail(m: Mail): Promise<void> {
	if (!mailConfigured()) throw new Error('mail is not configured (SMTP_URL or SMTP_HOST)');
	await transporter().sendMail({ from: config().MAIL_FROM, to: m.to, subject: m.subject.normalize('NFC'), text: m.text.normalize('NFC') });
}
