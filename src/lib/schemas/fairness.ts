import { z } from 'zod';
import { cleanText } from '../vn/text';

/** Every fairness decision needs a reason: it goes to the audit log and is shown to reviewers. */
const reasonField = z
	.string({ error: 'Vui lòng ghi lý do.' })
	.transform(cleanText)
	.pipe(z.string().min(5, 'Vui lòng ghi lý do (ít nhất 5 ký tự).').max(500, 'Lý do quá dài (tối đa 500 ký tự).'));

const id = z.coerce.number({ error: 'Mã không hợp lệ.' }).int().positive('Mã không hợp lệ.');

export const AttemptDecisionSchema = z.object({ attemptId: id, reason: reasonField });
export const PersonDecisionSchema = z.object({ reason: reasonField });
export const MergeSchema = z.object({ keepId: id, dropId: id, reason: reasonField });
export const DismissSchema = z.object({ a: id, b: id, reason: reasonField });
