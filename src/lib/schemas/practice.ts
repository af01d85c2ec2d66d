import { z } from 'zod';

/** One practice answer as the practice page's form posts it (option: one field per ticked option). */
export const PracticeAnswerSchema = z.object({
	token: z.string({ error: 'Phiên ôn tập không hợp lệ.' }).min(1, 'Phiên ôn tập không hợp lệ.').max(4000, 'Phiên ôn tập không hợp lệ.'),
	questionId: z.coerce
		.number({ error: 'Mã câu hỏi không hợp lệ.' })
		.int('Mã câu hỏi không hợp lệ.')
		.positive('Mã câu hỏi không hợp lệ.')
		.max(Number.MAX_SAFE_INTEGER, 'Mã câu hỏi không hợp lệ.'),
	option: z
		.array(z.string({ error: 'Đáp án không hợp lệ.' }).min(1, 'Đáp án không hợp lệ.').max(64, 'Đáp án không hợp lệ.'))
		.max(10, 'Quá nhiều đáp án.')
});
