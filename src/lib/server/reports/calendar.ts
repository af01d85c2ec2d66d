import type { Db, Executor } from '../db';
import { audit } from '../audit';
import { CalendarSchema, DEFAULT_CALENDAR, type ReportCalendar } from './period';

/** The organisers' report calendar (settings row 'reports.calendar'); the plan's defaults until one is saved. */
const KEY = 'reports.calendar';

export async function getCalendar(db: Executor): Promise<ReportCalendar> {
	const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
	if (!row) return DEFAULT_CALENDAR;
	const parsed = CalendarSchema.safeParse(JSON.parse(row.value));
	return parsed.success ? parsed.data : DEFAULT_CALENDAR;
}

export async function saveCalendar(db: Db, actorUserId: number, cal: ReportCalendar, now = Date.now()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getCalendar(trx);
		const value = JSON.stringify(cal);
		await trx
			.insertInto('settings')
			.values({ key: KEY, value, updated_at: now })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
			.execute();
		await audit(trx, { actorUserId, action: 'reports.calendar', entity: 'settings', entityId: KEY, details: { from: before, to: cal } });
	});
}
