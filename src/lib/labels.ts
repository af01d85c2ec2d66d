import type { Gender, Role } from './server/db/types';
import type { DuplicateReason } from './server/fairness/detectors';

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

/** Why two accounts may be one person (fairness/detectors.ts), as the duplicate list and the fairness report name it. */
export const DUPLICATE_REASON_LABELS: Readonly<Record<DuplicateReason, string>> = {
	name_birth_date: 'Cùng họ tên và ngày sinh',
	name_unit_birth_year: 'Cùng họ tên, đơn vị và năm sinh',
	name_variant: 'Họ tên trùng khi bỏ hoặc viết tắt tên đệm',
	birth_day_off: 'Ngày sinh lệch một ngày',
	birth_year_off: 'Năm sinh lệch một năm',
	birth_swapped: 'Ngày và tháng sinh đảo chỗ'
};
