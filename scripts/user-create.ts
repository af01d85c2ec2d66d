/**
 * npm run user:create -- --role admin --name "Nguyễn Thị A" --phone 0912345678 --unit 001
 *   [--email a@b.vn] [--birth 1980-01-31] [--gender female] [--password …]
 * Creates an account (e.g. the first admin). Without --password, one is generated and printed once.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDb, migrateToLatest } from '../src/lib/server/db';
import { createAccount } from '../src/lib/server/users/accounts';
import { staffAccount } from '../src/lib/server/users/staff';

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
// The same input rule as the staff page (/admin/staff): users/staff.ts staffAccount.
const made = staffAccount({
	role: role.data,
	fullName: values.name ?? '',
	phone: values.phone ?? '',
	email: values.email ?? '',
	unitCode: values.unit ?? '',
	birthDate: values.birth,
	gender: values.gender,
	password: values.password
});
if (!made.ok) {
	for (const [k, m] of Object.entries(made.errors)) console.error(`${k}: ${m}`);
	process.exit(2);
}
const db = getDb();
await migrateToLatest(db);
const res = await createAccount(db, made.account);
if (!res.ok) {
	for (const [k, m] of Object.entries(res.errors)) console.error(`${k}: ${m}`);
	process.exitCode = 1;
} else {
	console.log(`Created ${role.data} #${res.userId} (${made.account.phone}).`);
	if (made.generated) console.log(`Password (shown once): ${made.password}`);
}
await db.destroy();
