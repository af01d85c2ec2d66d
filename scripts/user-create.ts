/**
 * npm run user:create -- --role admin --name "Nguyễn Thị A" --phone 0912345678 --unit 001
 *   [--email a@b.vn] [--birth 1980-01-31] [--gender female] [--password …]
 * Creates an account (e.g. the first admin). Without --password, one is generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { createAccount } from '../src/lib/server/users/accounts';
import { RegisterSchema } from '../src/lib/schemas/auth';
import { fieldErrors } from '../src/lib/schemas/form';

const { values } = parseArgs({
	options: {
		role: { type: 'string', default: 'participant' },
		name: { type: 'string' },
		phone: { type: 'string' },
		email: { type: 'string' },
		unit: { type: 'string' },
		birth: { type: 'string', default: '1980-01-01' },
		gender: { type: 'string', default: 'female' },
		password: { type: 'string' }
	}
});
const role = z.enum(['participant', 'district_lead', 'organiser', 'admin']).safeParse(values.role);
if (!role.success) {
	console.error('--role must be participant, district_lead, organiser or admin');
	process.exit(2);
}
const password = values.password ?? randomBytes(12).toString('base64url');
const parsed = RegisterSchema.safeParse({
	fullName: values.name ?? '',
	birthDate: values.birth,
	gender: values.gender,
	phone: values.phone ?? '',
	email: values.email ?? '',
	nationalId: '',
	unitCode: values.unit ?? '',
	password,
	consent: 'on'
});
if (!parsed.success) {
	for (const [k, m] of Object.entries(fieldErrors(parsed.error))) console.error(`${k}: ${m}`);
	process.exit(2);
}
const db = getDb();
await migrateToLatest(db);
const res = await createAccount(db, { ...parsed.data, role: role.data });
if (!res.ok) {
	for (const [k, m] of Object.entries(res.errors)) console.error(`${k}: ${m}`);
	process.exitCode = 1;
} else {
	console.log(`Created ${role.data} #${res.userId} (${parsed.data.phone}).`);
	if (!values.password) console.log(`Password (shown once): ${password}`);
}
await db.destroy();
