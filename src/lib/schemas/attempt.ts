import { z } from 'zod';

export const SaveAnswerSchema = z.object({
	questionId: z.number({ error: 'Thiếu mã câu hỏi.' }).int('Mã câu hỏi không hợp lệ.').positive('Mã câu hỏi không hợp lệ.'),
	optionIds: z.array(z.string().min(1).max(64), { error: 'Danh sách đáp án không hợp lệ.' }).max(10, 'Quá nhiều đáp án.')
});

export const SubmitSchema = z.object({
	prediction: z
		.number({ error: 'Câu trả lời dự đoán phải là một số.' })
		.int('Câu trả lời dự đoán phải là số nguyên.')
		.min(0, 'Câu trả lời dự đoán không được âm.')
		.max(1_000_000_000, 'Câu trả lời dự đoán quá lớn.')
		.nullish()
});
