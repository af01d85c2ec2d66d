import type { Gender, Role } from './server/db/types';

/** How a role is named on every page (and, in lower case, by the seed's printout). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
	participant: 'Người dự thi',
	district_lead: 'Cán bộ quận/huyện',
	organiser: 'Ban Tổ chức',
	admin: 'Quản trị'
};

/** How a gender is named on forms, pages, exports and reports, in this order. */
export const GENDER_LABELS: Readonly<Record<Gender, string>> = { female: 'Nữ', male: 'Nam', other: 'Khác' };

/** The label of a stored gender; a value outside the list is shown as stored. */
export function genderLabel(gender: string): string {
	return Object.hasOwn(GENDER_LABELS, gender) ? GENDER_LABELS[gender as Gender] : gender;
}
