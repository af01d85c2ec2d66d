/**
 * Starter question bank (≥120 questions, 6 topics), written only from facts in shared/CONTENT.md marked [V] or [S+]
 * and the law texts in shared/content/legal-excerpts.md. Loaded by the demo seed through the bank import code path.
 */
import type { SeedQuestion, SeedTopic } from './demo-questions';

export const starterTopics: SeedTopic[] = [
	{ code: 'bao-luc-gia-dinh', name: 'Luật Phòng, chống bạo lực gia đình 2022' },
	{ code: 'binh-dang-gioi', name: 'Luật Bình đẳng giới' },
	{ code: 'tre-em', name: 'Luật Trẻ em và phòng, chống xâm hại trẻ em' },
	{ code: 'hon-nhan-gia-dinh', name: 'Luật Hôn nhân và gia đình' },
	{ code: 'ky-nang', name: 'Kỹ năng an toàn và nơi tìm trợ giúp' },
	{ code: 'ngay-ky-niem', name: 'Các ngày, tháng kỷ niệm và mô hình của Hội Phụ nữ' }
];

export const starterQuestions: SeedQuestion[] = [
	// ——— Chủ đề 1: Luật Phòng, chống bạo lực gia đình 2022 ———
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, bạo lực gia đình là hành vi cố ý của thành viên gia đình gây tổn hại hoặc có khả năng gây tổn hại về những mặt nào đối với thành viên khác trong gia đình?',
		options: [
			{ text: 'Chỉ về thể chất (thân thể, sức khỏe)', correct: false },
			{ text: 'Về thể chất, tinh thần, tình dục, kinh tế', correct: true },
			{ text: 'Chỉ về thể chất và tinh thần', correct: false },
			{ text: 'Chỉ về kinh tế (tiền bạc, tài sản)', correct: false }
		],
		explanation: 'Luật định nghĩa bạo lực gia đình gồm tổn hại về thể chất, tinh thần, tình dục và kinh tế. Vì vậy không chỉ đánh đập, mà cả xúc phạm, ép buộc tình dục hay kiểm soát tiền bạc cũng có thể là bạo lực gia đình.',
		legalRef: 'Khoản 1 Điều 2, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Luật Phòng, chống bạo lực gia đình 2022 (Luật số 13/2022/QH15) có hiệu lực thi hành từ ngày nào?',
		options: [
			{ text: 'Ngày 01/6/2017', correct: false },
			{ text: 'Ngày 01/01/2015', correct: false },
			{ text: 'Ngày 01/7/2008', correct: false },
			{ text: 'Ngày 01/7/2023', correct: true }
		],
		explanation: 'Luật được thông qua ngày 14/11/2022 và có hiệu lực từ ngày 01/7/2023. Ngày 01/6/2017 là ngày Luật Trẻ em có hiệu lực, ngày 01/01/2015 là ngày Luật Hôn nhân và gia đình 2014 có hiệu lực.',
		legalRef: 'Luật Phòng, chống bạo lực gia đình 2022 (Luật số 13/2022/QH15)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Luật Phòng, chống bạo lực gia đình 2022 được Quốc hội khóa XV thông qua vào ngày nào?',
		options: [
			{ text: 'Ngày 14/11/2022', correct: true },
			{ text: 'Ngày 28/6/2022', correct: false },
			{ text: 'Ngày 01/7/2023', correct: false },
			{ text: 'Ngày 20/10/2022', correct: false }
		],
		explanation: 'Quốc hội khóa XV thông qua Luật tại kỳ họp thứ 4, ngày 14/11/2022. Ngày 01/7/2023 là ngày Luật bắt đầu có hiệu lực.',
		legalRef: 'Luật Phòng, chống bạo lực gia đình 2022 (Luật số 13/2022/QH15), thông qua ngày 14/11/2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'So với Luật Phòng, chống bạo lực gia đình năm 2007, định nghĩa bạo lực gia đình trong Luật năm 2022 được bổ sung thêm loại tổn hại nào?',
		options: [
			{ text: 'Tổn hại về thể chất', correct: false },
			{ text: 'Tổn hại về kinh tế', correct: false },
			{ text: 'Tổn hại về tình dục', correct: true },
			{ text: 'Tổn hại về tinh thần', correct: false }
		],
		explanation: 'Luật năm 2007 chỉ nêu tổn hại về thể chất, tinh thần, kinh tế. Luật năm 2022 bổ sung tổn hại về tình dục, để bảo vệ tốt hơn người bị ép buộc trong đời sống vợ chồng.',
		legalRef: 'Khoản 1 Điều 2, Luật Phòng, chống bạo lực gia đình 2022; khoản 2 Điều 1, Luật Phòng, chống bạo lực gia đình 2007'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Luật Phòng, chống bạo lực gia đình 2022 gồm bao nhiêu chương, bao nhiêu điều?',
		options: [
			{ text: '5 chương, 46 điều', correct: false },
			{ text: '6 chương, 56 điều', correct: true },
			{ text: '7 chương, 60 điều', correct: false },
			{ text: '9 chương, 72 điều', correct: false }
		],
		explanation: 'Luật Phòng, chống bạo lực gia đình 2022 có 6 chương, 56 điều, quy định đầy đủ hơn nhiều so với luật năm 2007.',
		legalRef: 'Luật Phòng, chống bạo lực gia đình 2022 (Luật số 13/2022/QH15)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, những hành vi nào sau đây là hành vi bạo lực gia đình? (chọn nhiều đáp án)',
		options: [
			{ text: 'Lăng mạ, chì chiết, xúc phạm danh dự, nhân phẩm của người thân trong gia đình', correct: true },
			{ text: 'Cả nhà cùng bàn bạc, thống nhất kế hoạch chi tiêu trong tháng', correct: false },
			{ text: 'Ngăn cản thành viên gia đình gặp gỡ người thân, bạn bè để cô lập họ', correct: true },
			{ text: 'Tiết lộ, phát tán chuyện riêng tư của thành viên gia đình nhằm xúc phạm danh dự của họ', correct: true }
		],
		explanation: 'Lăng mạ, chì chiết; cô lập, ngăn cản gặp gỡ người thân; tiết lộ đời sống riêng tư để xúc phạm đều nằm trong danh sách hành vi bạo lực gia đình. Cùng nhau bàn bạc chi tiêu là cách ứng xử bình đẳng, không phải bạo lực.',
		legalRef: 'Điểm b, e, h khoản 1 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Khoản 1 Điều 3 Luật Phòng, chống bạo lực gia đình 2022 liệt kê bao nhiêu nhóm hành vi bạo lực gia đình?',
		options: [
			{ text: '9 nhóm', correct: false },
			{ text: '12 nhóm', correct: false },
			{ text: '16 nhóm', correct: true },
			{ text: '20 nhóm', correct: false }
		],
		explanation: 'Luật năm 2022 liệt kê 16 nhóm hành vi bạo lực gia đình, nhiều hơn hẳn 9 nhóm của luật năm 2007, nhờ đó nhận diện rõ hơn các dạng bạo lực về tinh thần, tình dục, kinh tế.',
		legalRef: 'Khoản 1 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Theo Luật Phòng, chống bạo lực gia đình 2022, các quy định về hành vi bạo lực gia đình chỉ áp dụng giữa vợ và chồng đang còn hôn nhân.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Bạo lực gia đình có thể xảy ra giữa mọi thành viên gia đình (cha mẹ và con, ông bà và cháu, anh chị em…), và luật còn áp dụng cả với người đã ly hôn, người chung sống như vợ chồng, người từng là cha mẹ nuôi và con nuôi.',
		legalRef: 'Khoản 1 Điều 2 và khoản 2 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Nguyên tắc đầu tiên trong phòng, chống bạo lực gia đình theo Luật năm 2022 là gì?',
		options: [
			{ text: 'Xử phạt thật nặng là chính', correct: false },
			{ text: 'Phòng ngừa là chính, lấy người bị bạo lực gia đình làm trung tâm', correct: true },
			{ text: 'Chuyện trong nhà phải để gia đình tự giải quyết', correct: false },
			{ text: 'Chỉ can thiệp khi có người bị thương nặng', correct: false }
		],
		explanation: 'Luật đặt phòng ngừa lên hàng đầu và lấy người bị bạo lực làm trung tâm, nghĩa là phải ngăn bạo lực từ sớm và ưu tiên sự an toàn, nhu cầu của người bị bạo lực.',
		legalRef: 'Điều 4, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Cưỡng ép vợ hoặc chồng quan hệ tình dục trái với ý muốn của họ là hành vi bạo lực gia đình.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Kết hôn rồi vẫn phải tôn trọng ý muốn của nhau; cưỡng ép vợ hoặc chồng quan hệ tình dục trái ý muốn là một hành vi bạo lực gia đình được luật nêu rõ.',
		legalRef: 'Điểm i khoản 1 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'multiple',
		stem: 'Trong một gia đình, những hành vi nào sau đây là bạo lực gia đình theo Luật Phòng, chống bạo lực gia đình 2022? (chọn nhiều đáp án)',
		options: [
			{ text: 'Nhắc nhở con cái hoàn thành bài tập về nhà', correct: false },
			{ text: 'Bỏ mặc, không chăm sóc người cao tuổi trong gia đình', correct: true },
			{ text: 'Không nuôi dưỡng, chăm sóc người phụ nữ đang mang thai trong gia đình', correct: true },
			{ text: 'Cả nhà cùng nhau dọn dẹp nhà cửa vào cuối tuần', correct: false }
		],
		explanation: 'Bỏ mặc, không nuôi dưỡng, chăm sóc thành viên gia đình là trẻ em, phụ nữ mang thai, phụ nữ nuôi con dưới 36 tháng tuổi, người cao tuổi, người khuyết tật… là bạo lực gia đình. Nhắc con học bài hay cùng làm việc nhà là việc bình thường, có ích.',
		legalRef: 'Điểm d khoản 1 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Một người cha thường xuyên chê bai, đối xử kém hơn với con gái chỉ vì con là con gái. Theo Luật Phòng, chống bạo lực gia đình 2022, việc làm này là gì?',
		options: [
			{ text: 'Chuyện bình thường trong việc dạy con', correct: false },
			{ text: 'Quyền riêng của cha mẹ khi nuôi dạy con', correct: false },
			{ text: 'Chỉ là chuyện đạo đức, không liên quan đến pháp luật', correct: false },
			{ text: 'Hành vi bạo lực gia đình (kỳ thị, phân biệt đối xử về giới)', correct: true }
		],
		explanation: 'Kỳ thị, phân biệt đối xử về hình thể, giới, giới tính, năng lực của thành viên gia đình là hành vi bạo lực gia đình. Con trai hay con gái đều phải được yêu thương, đối xử như nhau.',
		legalRef: 'Điểm đ khoản 1 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Cưỡng ép thành viên gia đình phải chứng kiến cảnh đánh đập con vật nhằm gây áp lực thường xuyên về tâm lý cũng là hành vi bạo lực gia đình.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Luật coi việc cưỡng ép chứng kiến bạo lực đối với người hoặc con vật để gây áp lực thường xuyên về tâm lý là bạo lực gia đình, vì nó làm người khác sợ hãi, tổn thương tinh thần.',
		legalRef: 'Điểm c khoản 1 Điều 3, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Theo Nghị định 282/2025/NĐ-CP, cưỡng ép thành viên gia đình học tập quá sức có thể bị xử phạt vi phạm hành chính.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Cưỡng ép thành viên gia đình học tập quá sức là hành vi bạo lực gia đình và theo Nghị định 282/2025/NĐ-CP (hiệu lực từ 15/12/2025) bị phạt tiền từ 5 đến 10 triệu đồng. Cha mẹ nên động viên, không ép con học quá sức.',
		legalRef: 'Khoản 1 Điều 40, Nghị định 282/2025/NĐ-CP'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Từ ngày 15/12/2025, việc xử phạt vi phạm hành chính về phòng, chống bạo lực gia đình được thực hiện theo nghị định nào?',
		options: [
			{ text: 'Nghị định 144/2021/NĐ-CP', correct: false },
			{ text: 'Nghị định 56/2017/NĐ-CP', correct: false },
			{ text: 'Nghị định 282/2025/NĐ-CP', correct: true },
			{ text: 'Nghị định 167/2013/NĐ-CP', correct: false }
		],
		explanation: 'Nghị định 282/2025/NĐ-CP ký ngày 30/10/2025, có hiệu lực từ 15/12/2025 và thay thế Nghị định 144/2021/NĐ-CP. Nghị định này quy định xử phạt cả các vi phạm về phòng, chống bạo lực gia đình.',
		legalRef: 'Nghị định 282/2025/NĐ-CP ngày 30/10/2025 (thay thế Nghị định 144/2021/NĐ-CP)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Nghị định 282/2025/NĐ-CP, mức phạt tiền tối đa đối với cá nhân vi phạm hành chính trong lĩnh vực phòng, chống bạo lực gia đình là bao nhiêu?',
		options: [
			{ text: '10 triệu đồng', correct: false },
			{ text: '20 triệu đồng', correct: false },
			{ text: '60 triệu đồng', correct: false },
			{ text: '30 triệu đồng', correct: true }
		],
		explanation: 'Mức phạt tiền tối đa là 30 triệu đồng với cá nhân; tổ chức có cùng hành vi vi phạm bị phạt gấp 2 lần, tức tối đa 60 triệu đồng.',
		legalRef: 'Nghị định 282/2025/NĐ-CP (quy định chung về mức phạt trong lĩnh vực phòng, chống bạo lực gia đình)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Chủ tịch Ủy ban nhân dân cấp xã có thể ra quyết định cấm người có hành vi bạo lực gia đình tiếp xúc với người bị bạo lực. Mỗi lần cấm tiếp xúc như vậy kéo dài không quá bao lâu?',
		options: [
			{ text: '12 giờ', correct: false },
			{ text: '03 ngày', correct: true },
			{ text: '30 ngày', correct: false },
			{ text: '04 tháng', correct: false }
		],
		explanation: 'Quyết định cấm tiếp xúc của Chủ tịch UBND cấp xã có thời hạn mỗi lần không quá 03 ngày và có hiệu lực ngay khi ký, giúp tách người bị bạo lực khỏi nguy hiểm kịp thời.',
		legalRef: 'Điều 25, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Khi nhận được đề nghị cấm tiếp xúc, Chủ tịch Ủy ban nhân dân cấp xã phải xem xét, ra quyết định trong thời hạn bao lâu?',
		options: [
			{ text: '24 giờ', correct: false },
			{ text: '03 ngày', correct: false },
			{ text: '04 giờ', correct: false },
			{ text: '12 giờ', correct: true }
		],
		explanation: 'Chủ tịch UBND cấp xã phải xem xét, quyết định trong 12 giờ kể từ khi nhận đề nghị, và quyết định có hiệu lực ngay khi ký. Thời hạn ngắn giúp người bị bạo lực được bảo vệ nhanh nhất.',
		legalRef: 'Điều 25, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Khi Tòa án đang giải quyết vụ án dân sự giữa hai bên, Tòa án có thể ra quyết định cấm tiếp xúc đối với người có hành vi bạo lực gia đình trong thời hạn tối đa là bao lâu?',
		options: [
			{ text: '03 ngày', correct: false },
			{ text: '12 giờ', correct: false },
			{ text: '04 tháng', correct: true },
			{ text: '12 tháng', correct: false }
		],
		explanation: 'Cấm tiếp xúc theo quyết định của Tòa án có thời hạn không quá 04 tháng, dài hơn nhiều so với mức 03 ngày của Chủ tịch UBND cấp xã, để bảo vệ người bị bạo lực trong quá trình giải quyết vụ án.',
		legalRef: 'Điều 26, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Nghị định 76/2023/NĐ-CP, trong thời gian bị cấm tiếp xúc, người có hành vi bạo lực gia đình không được đến gần người bị bạo lực trong phạm vi bao nhiêu mét?',
		options: [
			{ text: '100 mét', correct: true },
			{ text: '30 mét', correct: false },
			{ text: '50 mét', correct: false },
			{ text: '200 mét', correct: false }
		],
		explanation: 'Nghị định 76/2023/NĐ-CP quy định khoảng cách cấm đến gần là 100 mét, xa hơn mức 30 mét của quy định cũ, để người bị bạo lực được an toàn hơn.',
		legalRef: 'Nghị định 76/2023/NĐ-CP ngày 01/11/2023 quy định chi tiết Luật Phòng, chống bạo lực gia đình'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Nghị định 76/2023/NĐ-CP, trong thời gian bị cấm tiếp xúc, nếu thuộc trường hợp được phép tiếp xúc (như gia đình có việc cưới, việc tang) thì mỗi lần tiếp xúc không quá bao lâu?',
		options: [
			{ text: '12 giờ', correct: false },
			{ text: '04 giờ', correct: true },
			{ text: '01 ngày', correct: false },
			{ text: '03 ngày', correct: false }
		],
		explanation: 'Người bị cấm tiếp xúc phải thông báo trước và mỗi lần tiếp xúc không quá 04 giờ. Quy định này vừa cho phép lo việc gia đình cần thiết, vừa giữ an toàn cho người bị bạo lực.',
		legalRef: 'Nghị định 76/2023/NĐ-CP ngày 01/11/2023 quy định chi tiết Luật Phòng, chống bạo lực gia đình'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, "cấm tiếp xúc" là biện pháp gì?',
		options: [
			{ text: 'Cấm người bị bạo lực gia đình ra khỏi nhà', correct: false },
			{ text: 'Cấm hàng xóm can thiệp vào chuyện của gia đình', correct: false },
			{ text: 'Cấm người có hành vi bạo lực gia đình đến gần người bị bạo lực hoặc dùng phương tiện, công cụ để thực hiện hành vi bạo lực', correct: true },
			{ text: 'Cấm người có hành vi bạo lực gia đình đi làm', correct: false }
		],
		explanation: 'Cấm tiếp xúc là biện pháp cấm người có hành vi bạo lực đến gần người bị bạo lực hoặc dùng phương tiện, công cụ (như điện thoại) để tiếp tục gây bạo lực. Biện pháp này nhằm bảo vệ người bị bạo lực, không hạn chế họ.',
		legalRef: 'Điều 2, Luật Phòng, chống bạo lực gia đình 2022 (giải thích từ ngữ)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, "giáo dục, hỗ trợ chuyển đổi hành vi bạo lực gia đình" nhằm mục đích gì?',
		options: [
			{ text: 'Giúp người bị bạo lực chịu đựng giỏi hơn', correct: false },
			{ text: 'Giúp người có hành vi bạo lực gia đình chấm dứt hành vi bạo lực', correct: true },
			{ text: 'Thay thế hoàn toàn mọi hình thức xử lý vi phạm', correct: false },
			{ text: 'Dạy trẻ em cách đánh trả người lớn', correct: false }
		],
		explanation: 'Đây là quá trình cung cấp kiến thức, kỹ năng ứng xử, cách kiềm chế cảm xúc tiêu cực… để người có hành vi bạo lực thay đổi và chấm dứt bạo lực.',
		legalRef: 'Điều 2, Luật Phòng, chống bạo lực gia đình 2022 (giải thích từ ngữ)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Những biện pháp nào sau đây có thể được áp dụng đối với người có hành vi bạo lực gia đình theo Luật Phòng, chống bạo lực gia đình 2022? (chọn nhiều đáp án)',
		options: [
			{ text: 'Buộc chấm dứt hành vi bạo lực gia đình', correct: true },
			{ text: 'Giáo dục, hỗ trợ chuyển đổi hành vi bạo lực gia đình', correct: true },
			{ text: 'Được khen thưởng nếu hứa không tái phạm', correct: false },
			{ text: 'Thực hiện công việc phục vụ cộng đồng', correct: true }
		],
		explanation: 'Luật quy định nhiều biện pháp ngăn chặn, bảo vệ, hỗ trợ, trong đó có buộc chấm dứt hành vi bạo lực, giáo dục chuyển đổi hành vi, góp ý, phê bình trong cộng đồng dân cư và thực hiện công việc phục vụ cộng đồng. Không có chuyện khen thưởng người gây bạo lực.',
		legalRef: 'Luật Phòng, chống bạo lực gia đình 2022 (các biện pháp ngăn chặn, bảo vệ, hỗ trợ)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Điều 185 Bộ luật Hình sự 2015 quy định về tội danh nào?',
		options: [
			{ text: 'Tội mua bán người', correct: false },
			{ text: 'Tội dâm ô đối với người dưới 16 tuổi', correct: false },
			{ text: 'Tội làm nhục người khác', correct: false },
			{ text: 'Tội ngược đãi hoặc hành hạ ông bà, cha mẹ, vợ chồng, con, cháu hoặc người có công nuôi dưỡng mình', correct: true }
		],
		explanation: 'Điều 185 là tội danh gắn trực tiếp với bạo lực gia đình: đối xử tồi tệ hoặc có hành vi bạo lực xâm phạm thân thể người thân trong gia đình. Bạo lực gia đình nghiêm trọng có thể bị xử lý hình sự, không chỉ phạt hành chính.',
		legalRef: 'Điều 185, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 3,
		kind: 'multiple',
		stem: 'Theo Điều 185 Bộ luật Hình sự, người đối xử tồi tệ hoặc có hành vi bạo lực xâm phạm thân thể ông bà, cha mẹ, vợ chồng, con, cháu bị truy cứu trách nhiệm hình sự khi thuộc trường hợp nào? (chọn nhiều đáp án)',
		options: [
			{ text: 'Thường xuyên làm cho nạn nhân bị đau đớn về thể xác, tinh thần', correct: true },
			{ text: 'Chỉ khi nạn nhân có đơn đòi bồi thường', correct: false },
			{ text: 'Đã bị xử phạt vi phạm hành chính về hành vi này mà còn vi phạm', correct: true },
			{ text: 'Chỉ khi hành vi xảy ra ở nơi công cộng', correct: false }
		],
		explanation: 'Người phạm tội bị xử lý khi thường xuyên làm nạn nhân đau đớn về thể xác, tinh thần, hoặc khi đã bị xử phạt hành chính về hành vi này mà còn vi phạm. Bạo lực xảy ra trong nhà vẫn bị xử lý như thường.',
		legalRef: 'Khoản 1 Điều 185, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Người nào đối xử tàn ác hoặc làm nhục người lệ thuộc mình (không phải trường hợp ông bà, cha mẹ, vợ chồng, con, cháu) có thể bị truy cứu về tội nào?',
		options: [
			{ text: 'Tội hành hạ người khác', correct: true },
			{ text: 'Tội tổ chức tảo hôn', correct: false },
			{ text: 'Tội mua bán người', correct: false },
			{ text: 'Tội đánh tráo người dưới 01 tuổi', correct: false }
		],
		explanation: 'Điều 140 quy định Tội hành hạ người khác: đối xử tàn ác hoặc làm nhục người lệ thuộc mình, nếu không thuộc trường hợp của Điều 185 (ngược đãi, hành hạ người thân trong gia đình).',
		legalRef: 'Khoản 1 Điều 140, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Bạo lực gia đình là chuyện riêng trong nhà, người ngoài không được báo tin cho chính quyền hay công an.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Luật quy định rõ nhiều địa chỉ tiếp nhận tin báo, tố giác về bạo lực gia đình như UBND cấp xã, Công an, Trưởng thôn, Tổ trưởng tổ dân phố. Báo tin kịp thời có thể cứu người bị bạo lực.',
		legalRef: 'Khoản 1 Điều 19, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'multiple',
		stem: 'Khi phát hiện hành vi bạo lực gia đình, người dân có thể báo tin cho những nơi nào sau đây? (chọn nhiều đáp án)',
		options: [
			{ text: 'Ủy ban nhân dân cấp xã nơi xảy ra hành vi bạo lực', correct: true },
			{ text: 'Cửa hàng tạp hóa gần nhà', correct: false },
			{ text: 'Cơ quan Công an gần nơi xảy ra hành vi bạo lực', correct: true },
			{ text: 'Trưởng thôn hoặc Tổ trưởng tổ dân phố', correct: true }
		],
		explanation: 'Luật liệt kê các địa chỉ tiếp nhận tin báo như UBND cấp xã, Công an hoặc Đồn Biên phòng, Trưởng thôn, Tổ trưởng tổ dân phố, cơ sở giáo dục nơi người bị bạo lực đang học, Tổng đài điện thoại quốc gia về phòng, chống bạo lực gia đình.',
		legalRef: 'Khoản 1 Điều 19, Luật Phòng, chống bạo lực gia đình 2022'
	},
	// ——— Chủ đề 2: Luật Bình đẳng giới ———
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'single',
		stem: 'Luật Bình đẳng giới (Luật số 73/2006/QH11) có hiệu lực thi hành từ ngày nào?',
		options: [
			{ text: 'Ngày 01/01/2015', correct: false },
			{ text: 'Ngày 01/7/2007', correct: true },
			{ text: 'Ngày 01/6/2017', correct: false },
			{ text: 'Ngày 01/7/2023', correct: false }
		],
		explanation: 'Luật Bình đẳng giới được Quốc hội thông qua ngày 29/11/2006 và có hiệu lực từ ngày 01/7/2007.',
		legalRef: 'Điều 43, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 3,
		kind: 'single',
		stem: 'Luật Bình đẳng giới được Quốc hội thông qua vào ngày nào?',
		options: [
			{ text: 'Ngày 05/4/2016', correct: false },
			{ text: 'Ngày 19/6/2014', correct: false },
			{ text: 'Ngày 14/11/2022', correct: false },
			{ text: 'Ngày 29/11/2006', correct: true }
		],
		explanation: 'Luật Bình đẳng giới được thông qua ngày 29/11/2006. Các ngày còn lại là ngày thông qua Luật Trẻ em (05/4/2016), Luật Hôn nhân và gia đình (19/6/2014) và Luật Phòng, chống bạo lực gia đình (14/11/2022).',
		legalRef: 'Luật Bình đẳng giới 2006 (Luật số 73/2006/QH11), thông qua ngày 29/11/2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, "giới tính" được hiểu là gì?',
		options: [
			{ text: 'Đặc điểm, vị trí, vai trò của nam và nữ trong tất cả các mối quan hệ xã hội', correct: false },
			{ text: 'Sở thích, cách ăn mặc của mỗi người', correct: false },
			{ text: 'Các đặc điểm sinh học của nam, nữ', correct: true },
			{ text: 'Nghề nghiệp mà nam, nữ thường làm', correct: false }
		],
		explanation: 'Giới tính chỉ các đặc điểm sinh học của nam, nữ. Còn "giới" chỉ đặc điểm, vị trí, vai trò của nam và nữ trong các mối quan hệ xã hội.',
		legalRef: 'Khoản 2 Điều 5, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, "giới" chỉ điều gì?',
		options: [
			{ text: 'Đặc điểm, vị trí, vai trò của nam và nữ trong tất cả các mối quan hệ xã hội', correct: true },
			{ text: 'Các đặc điểm sinh học của nam, nữ', correct: false },
			{ text: 'Số lượng nam và nữ trong một gia đình', correct: false },
			{ text: 'Tuổi tác của nam và nữ', correct: false }
		],
		explanation: '"Giới" nói về đặc điểm, vị trí, vai trò của nam và nữ trong xã hội, khác với "giới tính" là đặc điểm sinh học. Vai trò xã hội có thể thay đổi, nên nam cũng có thể chăm con, nữ cũng có thể làm lãnh đạo.',
		legalRef: 'Khoản 1 Điều 5, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, bình đẳng giới là gì?',
		options: [
			{ text: 'Nam và nữ phải làm những công việc giống hệt nhau', correct: false },
			{ text: 'Nữ giới được ưu tiên hơn nam giới trong mọi việc', correct: false },
			{ text: 'Nam, nữ có vị trí, vai trò ngang nhau, được tạo điều kiện và cơ hội phát huy năng lực, và thụ hưởng như nhau thành quả của sự phát triển', correct: true },
			{ text: 'Mỗi giới chỉ làm những việc truyền thống của giới mình', correct: false }
		],
		explanation: 'Bình đẳng giới không có nghĩa là nam, nữ làm việc giống hệt nhau, mà là có vị trí, vai trò ngang nhau, có cơ hội như nhau để phát huy năng lực và cùng hưởng thành quả phát triển.',
		legalRef: 'Khoản 3 Điều 5, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'single',
		stem: 'Suy nghĩ "con gái không cần học cao, chỉ cần lo việc nhà" là biểu hiện của điều gì theo cách hiểu của Luật Bình đẳng giới 2006?',
		options: [
			{ text: 'Bình đẳng giới', correct: false },
			{ text: 'Định kiến giới', correct: true },
			{ text: 'Biện pháp thúc đẩy bình đẳng giới', correct: false },
			{ text: 'Đặc điểm giới tính', correct: false }
		],
		explanation: 'Định kiến giới là nhận thức, thái độ và đánh giá thiên lệch, tiêu cực về đặc điểm, vị trí, vai trò và năng lực của nam hoặc nữ. Cho rằng con gái không cần học cao là đánh giá thiên lệch về năng lực và vai trò của nữ.',
		legalRef: 'Khoản 4 Điều 5, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'single',
		stem: 'Một cơ sở chỉ nhận lao động nam vào một công việc mà nữ hoàn toàn làm được, với lý do "phụ nữ làm không tốt". Theo Luật Bình đẳng giới 2006, việc làm này là gì?',
		options: [
			{ text: 'Biện pháp thúc đẩy bình đẳng giới', correct: false },
			{ text: 'Chính sách bảo vệ và hỗ trợ người mẹ', correct: false },
			{ text: 'Một cách thực hiện bình đẳng giới', correct: false },
			{ text: 'Phân biệt đối xử về giới', correct: true }
		],
		explanation: 'Hạn chế, loại trừ, không coi trọng vai trò, vị trí của nữ so với nam, gây bất bình đẳng là phân biệt đối xử về giới. Luật nghiêm cấm phân biệt đối xử về giới dưới mọi hình thức.',
		legalRef: 'Khoản 5 Điều 5 và khoản 2 Điều 10, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Theo Luật Bình đẳng giới 2006, các thành viên nam, nữ trong gia đình có trách nhiệm chia sẻ công việc gia đình.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Việc nhà không phải là việc riêng của phụ nữ; luật quy định nam, nữ trong gia đình cùng có trách nhiệm chia sẻ công việc gia đình.',
		legalRef: 'Khoản 5 Điều 18, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Chính sách bảo vệ và hỗ trợ người mẹ bị coi là phân biệt đối xử về giới.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Luật ghi rõ chính sách bảo vệ và hỗ trợ người mẹ không bị coi là phân biệt đối xử về giới, vì người mẹ cần được hỗ trợ khi mang thai, sinh con và nuôi con nhỏ.',
		legalRef: 'Khoản 4 Điều 6, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Theo Luật Bình đẳng giới 2006, biện pháp thúc đẩy bình đẳng giới không bị coi là phân biệt đối xử về giới.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Đây là một nguyên tắc cơ bản của Luật: khi nam và nữ còn chênh lệch lớn, Nhà nước có thể áp dụng biện pháp thúc đẩy để thu hẹp khoảng cách, và việc đó không bị coi là phân biệt đối xử.',
		legalRef: 'Khoản 3 Điều 6, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, biện pháp thúc đẩy bình đẳng giới được thực hiện trong bao lâu?',
		options: [
			{ text: 'Trong một thời gian nhất định và chấm dứt khi mục đích bình đẳng giới đã đạt được', correct: true },
			{ text: 'Áp dụng mãi mãi, không bao giờ chấm dứt', correct: false },
			{ text: 'Đúng 5 năm kể từ ngày ban hành', correct: false },
			{ text: 'Chỉ trong Tháng hành động vì bình đẳng giới', correct: false }
		],
		explanation: 'Biện pháp thúc đẩy bình đẳng giới chỉ dùng khi có chênh lệch lớn giữa nam và nữ, được thực hiện trong một thời gian nhất định và chấm dứt khi đã đạt mục đích bình đẳng giới.',
		legalRef: 'Khoản 6 Điều 5, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Những hành vi nào sau đây bị nghiêm cấm theo Luật Bình đẳng giới 2006? (chọn nhiều đáp án)',
		options: [
			{ text: 'Cản trở nam, nữ thực hiện bình đẳng giới', correct: true },
			{ text: 'Bạo lực trên cơ sở giới', correct: true },
			{ text: 'Khuyến khích người chồng cùng chăm sóc con nhỏ', correct: false },
			{ text: 'Phân biệt đối xử về giới dưới mọi hình thức', correct: true }
		],
		explanation: 'Luật nghiêm cấm cản trở nam, nữ thực hiện bình đẳng giới, phân biệt đối xử về giới dưới mọi hình thức và bạo lực trên cơ sở giới. Khuyến khích người chồng chăm con là việc làm tốt, góp phần thực hiện bình đẳng giới.',
		legalRef: 'Khoản 1, 2, 3 Điều 10, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 3,
		kind: 'single',
		stem: 'Chương II Luật Bình đẳng giới 2006 quy định bình đẳng giới trong bao nhiêu lĩnh vực của đời sống xã hội và gia đình?',
		options: [
			{ text: '5 lĩnh vực', correct: false },
			{ text: '6 lĩnh vực', correct: false },
			{ text: '8 lĩnh vực', correct: true },
			{ text: '10 lĩnh vực', correct: false }
		],
		explanation: 'Có 8 lĩnh vực: chính trị; kinh tế; lao động; giáo dục và đào tạo; khoa học và công nghệ; văn hóa, thông tin, thể dục, thể thao; y tế; gia đình.',
		legalRef: 'Điều 11 đến Điều 18, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Những lĩnh vực nào sau đây có trong các lĩnh vực bình đẳng giới được quy định tại Chương II Luật Bình đẳng giới 2006? (chọn nhiều đáp án)',
		options: [
			{ text: 'Chính trị', correct: true },
			{ text: 'Tín ngưỡng, tôn giáo', correct: false },
			{ text: 'Lao động', correct: true },
			{ text: 'Gia đình', correct: true }
		],
		explanation: 'Tám lĩnh vực gồm chính trị; kinh tế; lao động; giáo dục và đào tạo; khoa học và công nghệ; văn hóa, thông tin, thể dục, thể thao; y tế; gia đình. Tín ngưỡng, tôn giáo không nằm trong danh sách này.',
		legalRef: 'Điều 11 đến Điều 18, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, hành vi lựa chọn giới tính thai nhi dưới mọi hình thức là vi phạm pháp luật về bình đẳng giới trong lĩnh vực nào?',
		options: [
			{ text: 'Giáo dục và đào tạo', correct: false },
			{ text: 'Y tế', correct: true },
			{ text: 'Lao động', correct: false },
			{ text: 'Chính trị', correct: false }
		],
		explanation: 'Lựa chọn giới tính thai nhi, hoặc xúi giục, ép buộc người khác phá thai vì giới tính của thai nhi, là vi phạm pháp luật về bình đẳng giới trong lĩnh vực y tế, vì con trai hay con gái đều quý như nhau.',
		legalRef: 'Điểm b khoản 7 Điều 40, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, mục tiêu bình đẳng giới là gì?',
		options: [
			{ text: 'Để nữ giới thay thế nam giới trong mọi công việc', correct: false },
			{ text: 'Chia đều số lượng nam, nữ trong mọi gia đình', correct: false },
			{ text: 'Xóa bỏ mọi khác biệt sinh học giữa nam và nữ', correct: false },
			{ text: 'Xóa bỏ phân biệt đối xử về giới, tạo cơ hội như nhau cho nam và nữ, tiến tới bình đẳng giới thực chất', correct: true }
		],
		explanation: 'Mục tiêu của Luật là xóa bỏ phân biệt đối xử về giới, tạo cơ hội như nhau cho nam và nữ trong phát triển kinh tế – xã hội, tiến tới bình đẳng giới thực chất và xây dựng quan hệ hợp tác, hỗ trợ giữa nam và nữ.',
		legalRef: 'Điều 4, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, Chỉ số phát triển giới (GDI) được tính trên cơ sở những yếu tố nào của nam và nữ?',
		options: [
			{ text: 'Chiều cao, cân nặng và sức khỏe', correct: false },
			{ text: 'Tuổi thọ trung bình, trình độ giáo dục và thu nhập bình quân đầu người', correct: true },
			{ text: 'Số con, số giờ làm việc nhà và số giờ nghỉ ngơi', correct: false },
			{ text: 'Số người đi làm, số người nghỉ hưu và số người thất nghiệp', correct: false }
		],
		explanation: 'Chỉ số phát triển giới (GDI) là số liệu tổng hợp phản ánh thực trạng bình đẳng giới, tính trên tuổi thọ trung bình, trình độ giáo dục và thu nhập bình quân đầu người của nam và nữ.',
		legalRef: 'Khoản 9 Điều 5, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, con trai và con gái trong gia đình được đối xử như thế nào?',
		options: [
			{ text: 'Được gia đình chăm sóc, giáo dục và tạo điều kiện như nhau để học tập, lao động, vui chơi, giải trí và phát triển', correct: true },
			{ text: 'Con trai được ưu tiên cho đi học hơn', correct: false },
			{ text: 'Con gái phải làm nhiều việc nhà hơn con trai', correct: false },
			{ text: 'Con trưởng được hưởng nhiều quyền lợi hơn các con khác', correct: false }
		],
		explanation: 'Luật yêu cầu gia đình chăm sóc, giáo dục và tạo điều kiện như nhau cho con trai và con gái. Không được ưu tiên con trai hay bắt con gái chịu thiệt thòi.',
		legalRef: 'Khoản 4 Điều 18, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Theo Luật Bình đẳng giới 2006, việc lựa chọn và sử dụng biện pháp kế hoạch hóa gia đình là việc riêng của người vợ, người chồng không cần tham gia.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Vợ, chồng bình đẳng với nhau trong việc bàn bạc, quyết định lựa chọn và sử dụng biện pháp kế hoạch hóa gia đình phù hợp; đây là trách nhiệm chung của cả hai.',
		legalRef: 'Khoản 3 Điều 18, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, vợ và chồng có quyền, nghĩa vụ như thế nào đối với tài sản chung?',
		options: [
			{ text: 'Người chồng có quyền quyết định tất cả', correct: false },
			{ text: 'Người kiếm được nhiều tiền hơn có nhiều quyền hơn', correct: false },
			{ text: 'Ngang nhau', correct: true },
			{ text: 'Người vợ chỉ có quyền khi được chồng đồng ý', correct: false }
		],
		explanation: 'Vợ, chồng có quyền, nghĩa vụ ngang nhau trong sở hữu tài sản chung, bình đẳng trong sử dụng thu nhập chung và quyết định các nguồn lực trong gia đình, dù ai kiếm được nhiều tiền hơn.',
		legalRef: 'Khoản 2 Điều 18, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, nữ cán bộ, công chức, viên chức khi đi đào tạo, bồi dưỡng mà mang theo con nhỏ dưới bao nhiêu tháng tuổi thì được hỗ trợ?',
		options: [
			{ text: 'Dưới 12 tháng tuổi', correct: false },
			{ text: 'Dưới 24 tháng tuổi', correct: false },
			{ text: 'Dưới 48 tháng tuổi', correct: false },
			{ text: 'Dưới 36 tháng tuổi', correct: true }
		],
		explanation: 'Nữ cán bộ, công chức, viên chức đi đào tạo, bồi dưỡng mang theo con dưới 36 tháng tuổi được hỗ trợ, để việc nuôi con nhỏ không cản trở cơ hội học tập, phát triển của phụ nữ.',
		legalRef: 'Khoản 4 Điều 14, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Thực hiện bình đẳng giới chỉ là trách nhiệm của các cơ quan nhà nước.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Thực hiện bình đẳng giới là trách nhiệm của cơ quan, tổ chức, gia đình và mỗi cá nhân, bắt đầu từ những việc nhỏ như chia sẻ việc nhà, đối xử công bằng với con trai và con gái.',
		legalRef: 'Khoản 6 Điều 6, Luật Bình đẳng giới 2006'
	},
	// ——— Chủ đề 3: Luật Trẻ em và phòng, chống xâm hại trẻ em ———
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, trẻ em là người ở độ tuổi nào?',
		options: [
			{ text: 'Dưới 18 tuổi', correct: false },
			{ text: 'Dưới 16 tuổi', correct: true },
			{ text: 'Từ 16 tuổi trở xuống', correct: false },
			{ text: 'Dưới 15 tuổi', correct: false }
		],
		explanation: 'Điều 1 Luật Trẻ em 2016 ghi rõ: "Trẻ em là người dưới 16 tuổi". Người vừa tròn 16 tuổi không còn là trẻ em theo luật này.',
		legalRef: 'Điều 1, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Theo Luật Trẻ em 2016, một bạn vừa tròn 16 tuổi vẫn được coi là trẻ em.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Luật quy định trẻ em là người dưới 16 tuổi, nên khi đã tròn 16 tuổi thì không còn là trẻ em theo Luật Trẻ em.',
		legalRef: 'Điều 1, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Luật Trẻ em 2016 (Luật số 102/2016/QH13) có hiệu lực thi hành từ ngày nào?',
		options: [
			{ text: 'Ngày 01/7/2023', correct: false },
			{ text: 'Ngày 01/7/2007', correct: false },
			{ text: 'Ngày 01/01/2015', correct: false },
			{ text: 'Ngày 01/6/2017', correct: true }
		],
		explanation: 'Luật Trẻ em được Quốc hội thông qua ngày 05/4/2016 và có hiệu lực từ ngày 01/6/2017.',
		legalRef: 'Luật Trẻ em 2016 (Luật số 102/2016/QH13)'
	},
	{
		topic: 'tre-em',
		difficulty: 3,
		kind: 'single',
		stem: 'Luật Trẻ em 2016 được Quốc hội thông qua vào ngày nào?',
		options: [
			{ text: 'Ngày 19/6/2014', correct: false },
			{ text: 'Ngày 29/11/2006', correct: false },
			{ text: 'Ngày 05/4/2016', correct: true },
			{ text: 'Ngày 14/11/2022', correct: false }
		],
		explanation: 'Luật Trẻ em được Quốc hội khóa XIII thông qua ngày 05/4/2016 và có hiệu lực từ ngày 01/6/2017.',
		legalRef: 'Luật Trẻ em 2016 (Luật số 102/2016/QH13), thông qua ngày 05/4/2016'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Theo Luật Trẻ em 2016, xâm hại trẻ em có thể diễn ra dưới những hình thức nào sau đây? (chọn nhiều đáp án)',
		options: [
			{ text: 'Bạo lực trẻ em', correct: true },
			{ text: 'Khuyến khích trẻ tham gia thể dục, thể thao', correct: false },
			{ text: 'Bóc lột trẻ em', correct: true },
			{ text: 'Bỏ rơi, bỏ mặc trẻ em', correct: true }
		],
		explanation: 'Xâm hại trẻ em là hành vi gây tổn hại về thể chất, tình cảm, tâm lý, danh dự, nhân phẩm của trẻ dưới các hình thức bạo lực, bóc lột, xâm hại tình dục, mua bán, bỏ rơi, bỏ mặc và các hình thức gây tổn hại khác.',
		legalRef: 'Khoản 5 Điều 4, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, bảo vệ trẻ em được thực hiện theo những cấp độ nào?',
		options: [
			{ text: 'Hai cấp độ: nhắc nhở và xử phạt', correct: false },
			{ text: 'Ba cấp độ: tuyên truyền, xử phạt, khen thưởng', correct: false },
			{ text: 'Ba cấp độ: phòng ngừa, hỗ trợ, can thiệp', correct: true },
			{ text: 'Bốn cấp độ: gia đình, nhà trường, xã hội, Nhà nước', correct: false }
		],
		explanation: 'Bảo vệ trẻ em gồm ba cấp độ: phòng ngừa (ngăn nguy cơ từ sớm), hỗ trợ (giúp trẻ có nguy cơ) và can thiệp (giúp trẻ đã bị tổn hại được an toàn, phục hồi).',
		legalRef: 'Khoản 1 Điều 47, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, ai có trách nhiệm thông báo, tố giác hành vi xâm hại trẻ em đến cơ quan có thẩm quyền?',
		options: [
			{ text: 'Chỉ cha mẹ của trẻ', correct: false },
			{ text: 'Chỉ giáo viên của trẻ', correct: false },
			{ text: 'Chỉ cơ quan công an', correct: false },
			{ text: 'Mọi cơ quan, tổ chức, cơ sở giáo dục, gia đình, cá nhân', correct: true }
		],
		explanation: 'Bảo vệ trẻ em là trách nhiệm của tất cả mọi người; ai biết trẻ bị xâm hại hoặc có nguy cơ bị bạo lực, bóc lột, bỏ rơi đều có trách nhiệm báo cho cơ quan có thẩm quyền.',
		legalRef: 'Khoản 1 Điều 51, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 3,
		kind: 'single',
		stem: 'Muốn công bố thông tin về đời sống riêng tư, bí mật cá nhân của một em nhỏ, phải có sự đồng ý của cha, mẹ, người giám hộ và của chính em đó nếu em từ đủ bao nhiêu tuổi trở lên?',
		options: [
			{ text: 'Từ đủ 10 tuổi', correct: false },
			{ text: 'Từ đủ 07 tuổi', correct: true },
			{ text: 'Từ đủ 13 tuổi', correct: false },
			{ text: 'Từ đủ 16 tuổi', correct: false }
		],
		explanation: 'Luật nghiêm cấm công bố, tiết lộ thông tin đời sống riêng tư của trẻ em mà không được sự đồng ý của trẻ em từ đủ 07 tuổi trở lên và của cha, mẹ, người giám hộ. Vì vậy không nên tùy tiện đăng ảnh, chuyện riêng của trẻ lên mạng.',
		legalRef: 'Khoản 11 Điều 6, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Cha mẹ không đánh con nhưng bỏ mặc, không chăm sóc, nuôi dưỡng con thì không bị coi là xâm hại trẻ em.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Bỏ rơi, bỏ mặc trẻ em (cha mẹ, người chăm sóc không thực hiện hoặc thực hiện không đầy đủ việc chăm sóc, nuôi dưỡng) cũng là một hình thức xâm hại trẻ em.',
		legalRef: 'Khoản 5 và khoản 9 Điều 4, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 3,
		kind: 'single',
		stem: 'Luật Trẻ em 2016 quy định bao nhiêu quyền của trẻ em?',
		options: [
			{ text: '25 quyền', correct: true },
			{ text: '15 quyền', correct: false },
			{ text: '20 quyền', correct: false },
			{ text: '30 quyền', correct: false }
		],
		explanation: 'Luật Trẻ em 2016 quy định 25 quyền của trẻ em từ Điều 12 đến Điều 36, ví dụ quyền sống, quyền được bảo vệ để không bị xâm hại tình dục, không bị bạo lực, bỏ rơi, bỏ mặc.',
		legalRef: 'Điều 12 đến Điều 36, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'multiple',
		stem: 'Theo Luật Trẻ em 2016, những hành vi nào sau đây là bạo lực trẻ em? (chọn nhiều đáp án)',
		options: [
			{ text: 'Lăng mạ, xúc phạm danh dự, nhân phẩm của trẻ', correct: true },
			{ text: 'Khen ngợi khi trẻ làm được việc tốt', correct: false },
			{ text: 'Cô lập, xua đuổi trẻ', correct: true },
			{ text: 'Đưa trẻ đi tiêm phòng đúng lịch', correct: false }
		],
		explanation: 'Bạo lực trẻ em gồm hành hạ, ngược đãi, đánh đập; xâm hại thân thể, sức khỏe; lăng mạ, xúc phạm danh dự, nhân phẩm; cô lập, xua đuổi và các hành vi cố ý khác gây tổn hại về thể chất, tinh thần của trẻ.',
		legalRef: 'Khoản 6 Điều 4, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, bắt trẻ em lao động trái quy định của pháp luật về lao động là hành vi gì?',
		options: [
			{ text: 'Giáo dục kỹ năng sống cho trẻ', correct: false },
			{ text: 'Bóc lột trẻ em', correct: true },
			{ text: 'Chăm sóc thay thế trẻ em', correct: false },
			{ text: 'Tạo điều kiện cho trẻ phát triển', correct: false }
		],
		explanation: 'Bóc lột trẻ em gồm bắt trẻ lao động trái pháp luật, bắt trẻ trình diễn hoặc sản xuất sản phẩm khiêu dâm, cho, nhận hoặc cung cấp trẻ em để hoạt động mại dâm và các hành vi khác sử dụng trẻ em để trục lợi.',
		legalRef: 'Khoản 7 Điều 4, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Lôi kéo, dụ dỗ trẻ em tham gia vào các hành vi liên quan đến tình dục, dù không dùng vũ lực, vẫn là xâm hại tình dục trẻ em.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Xâm hại tình dục trẻ em bao gồm cả việc ép buộc, lôi kéo, dụ dỗ trẻ tham gia các hành vi liên quan đến tình dục, không chỉ khi dùng vũ lực hay đe dọa.',
		legalRef: 'Khoản 8 Điều 4, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, mọi quyết định liên quan đến trẻ em phải bảo đảm điều gì?',
		options: [
			{ text: 'Lợi ích của người lớn trong gia đình', correct: false },
			{ text: 'Ý kiến của người lớn tuổi nhất trong họ', correct: false },
			{ text: 'Chi phí thấp nhất cho gia đình', correct: false },
			{ text: 'Lợi ích tốt nhất của trẻ em', correct: true }
		],
		explanation: 'Bảo đảm lợi ích tốt nhất của trẻ em trong các quyết định liên quan đến trẻ em là một nguyên tắc của Luật Trẻ em; người lớn phải đặt lợi ích của trẻ lên hàng đầu.',
		legalRef: 'Khoản 3 Điều 5, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, hành vi tổ chức, hỗ trợ, xúi giục, ép buộc trẻ em tảo hôn được xem như thế nào?',
		options: [
			{ text: 'Là hành vi bị nghiêm cấm', correct: true },
			{ text: 'Được phép nếu gia đình hai bên đồng ý', correct: false },
			{ text: 'Được phép nếu theo phong tục của địa phương', correct: false },
			{ text: 'Chỉ bị nhắc nhở, không bị xử lý', correct: false }
		],
		explanation: 'Tổ chức, hỗ trợ, xúi giục, ép buộc trẻ em tảo hôn là một trong các hành vi bị nghiêm cấm theo Luật Trẻ em, dù gia đình đồng ý hay theo phong tục.',
		legalRef: 'Khoản 4 Điều 6, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Bán rượu, bia, thuốc lá cho trẻ em là hành vi bị nghiêm cấm theo Luật Trẻ em 2016.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Luật nghiêm cấm bán cho trẻ em hoặc cho trẻ em sử dụng rượu, bia, thuốc lá và chất gây nghiện, chất kích thích khác, vì chúng có hại cho sức khỏe và sự phát triển của trẻ.',
		legalRef: 'Khoản 9 Điều 6, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Biết một em nhỏ bị xâm hại nhưng cố tình che giấu, không cung cấp thông tin cho cơ quan, người có thẩm quyền. Theo Luật Trẻ em 2016, việc làm này là gì?',
		options: [
			{ text: 'Việc riêng của mỗi người, không ai có quyền can thiệp', correct: false },
			{ text: 'Được phép nếu người che giấu là người thân của trẻ', correct: false },
			{ text: 'Hành vi bị nghiêm cấm', correct: true },
			{ text: 'Việc nên làm để giữ thể diện cho gia đình trẻ', correct: false }
		],
		explanation: 'Luật nghiêm cấm không cung cấp hoặc che giấu, ngăn cản việc cung cấp thông tin về trẻ em bị xâm hại. Che giấu khiến trẻ không được bảo vệ và có thể tiếp tục bị tổn hại.',
		legalRef: 'Khoản 7 Điều 6, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Luật Trẻ em 2016 nghiêm cấm kỳ thị, phân biệt đối xử với trẻ em vì những lý do nào sau đây? (chọn nhiều đáp án)',
		options: [
			{ text: 'Giới tính của trẻ', correct: true },
			{ text: 'Hoàn cảnh gia đình của trẻ', correct: true },
			{ text: 'Luật chỉ cấm kỳ thị trẻ em khuyết tật, không cấm các trường hợp khác', correct: false },
			{ text: 'Dân tộc của trẻ', correct: true }
		],
		explanation: 'Luật nghiêm cấm kỳ thị, phân biệt đối xử với trẻ em vì đặc điểm cá nhân, hoàn cảnh gia đình, giới tính, dân tộc, quốc tịch, tín ngưỡng, tôn giáo. Mọi trẻ em đều được đối xử công bằng.',
		legalRef: 'Khoản 8 Điều 6, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, trẻ em có quyền được bảo vệ để không bị xâm hại tình dục trong phạm vi nào?',
		options: [
			{ text: 'Chỉ khi ở trường học', correct: false },
			{ text: 'Chỉ khi ở nơi công cộng', correct: false },
			{ text: 'Chỉ khi trẻ dưới 10 tuổi', correct: false },
			{ text: 'Dưới mọi hình thức', correct: true }
		],
		explanation: 'Trẻ em có quyền được bảo vệ dưới mọi hình thức để không bị xâm hại tình dục, ở bất cứ đâu: trong nhà, ở trường, ngoài xã hội hay trên mạng.',
		legalRef: 'Điều 25, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, trẻ em được ưu tiên bảo vệ ở đâu?',
		options: [
			{ text: 'Tại cơ sở trợ giúp xã hội', correct: false },
			{ text: 'Tại gia đình, gia đình nhận chăm sóc thay thế', correct: true },
			{ text: 'Tại trụ sở công an', correct: false },
			{ text: 'Tại trường nội trú', correct: false }
		],
		explanation: 'Trẻ em được ưu tiên bảo vệ tại gia đình, gia đình nhận chăm sóc thay thế. Đưa trẻ vào cơ sở trợ giúp xã hội chỉ là biện pháp tạm thời khi không thể chăm sóc tại gia đình hoặc vì lợi ích tốt nhất của trẻ.',
		legalRef: 'Khoản 4 Điều 47, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Trẻ em 2016, Tháng hành động vì trẻ em được tổ chức nhằm mục đích gì?',
		options: [
			{ text: 'Tổng kết năm học của học sinh', correct: false },
			{ text: 'Thúc đẩy phong trào toàn dân chăm sóc, giáo dục và bảo vệ trẻ em', correct: true },
			{ text: 'Tổ chức thi tuyển vào các trường chuyên', correct: false },
			{ text: 'Khen thưởng các gia đình có nhiều con', correct: false }
		],
		explanation: 'Tháng hành động vì trẻ em (tháng 6 hằng năm) nhằm thúc đẩy phong trào toàn dân chăm sóc, giáo dục và bảo vệ trẻ em, đồng thời tuyên truyền, vận động nguồn lực cho trẻ em.',
		legalRef: 'Khoản 1 Điều 11, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Bộ luật Hình sự, người nào giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người dưới 13 tuổi, kể cả khi trẻ không phản đối, thì phạm tội gì?',
		options: [
			{ text: 'Tội cưỡng dâm', correct: false },
			{ text: 'Tội làm nhục người khác', correct: false },
			{ text: 'Tội hiếp dâm người dưới 16 tuổi', correct: true },
			{ text: 'Không phạm tội nếu trẻ tự nguyện', correct: false }
		],
		explanation: 'Giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người dưới 13 tuổi luôn là Tội hiếp dâm người dưới 16 tuổi, không cần xét trẻ có đồng ý hay không, vì trẻ nhỏ chưa đủ khả năng tự bảo vệ mình.',
		legalRef: 'Điểm b khoản 1 Điều 142, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Bộ luật Hình sự, người từ đủ 18 tuổi trở lên có hành vi dâm ô đối với người dưới 16 tuổi có thể bị xử lý như thế nào?',
		options: [
			{ text: 'Chỉ bị nhắc nhở nếu không gây thương tích', correct: false },
			{ text: 'Có thể bị truy cứu trách nhiệm hình sự về Tội dâm ô đối với người dưới 16 tuổi', correct: true },
			{ text: 'Chỉ phải xin lỗi gia đình của trẻ', correct: false },
			{ text: 'Không bị xử lý nếu trẻ không kể với ai', correct: false }
		],
		explanation: 'Bộ luật Hình sự có riêng Tội dâm ô đối với người dưới 16 tuổi (Điều 146) áp dụng với người từ đủ 18 tuổi trở lên, để bảo vệ trẻ em khỏi mọi hành vi xâm hại tình dục.',
		legalRef: 'Khoản 1 Điều 146, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'single',
		stem: 'Tội mua bán người dưới 16 tuổi được quy định tại điều nào của Bộ luật Hình sự 2015?',
		options: [
			{ text: 'Điều 150', correct: false },
			{ text: 'Điều 142', correct: false },
			{ text: 'Điều 185', correct: false },
			{ text: 'Điều 151', correct: true }
		],
		explanation: 'Điều 151 quy định Tội mua bán người dưới 16 tuổi; Điều 150 là Tội mua bán người nói chung. Pháp luật tách riêng tội mua bán trẻ em để bảo vệ trẻ nghiêm ngặt hơn.',
		legalRef: 'Điều 151, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'tre-em',
		difficulty: 3,
		kind: 'true_false',
		stem: 'Đúng hay sai: Người từ đủ 14 tuổi đến dưới 16 tuổi cũng có thể phải chịu trách nhiệm hình sự về tội hiếp dâm người dưới 16 tuổi.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Người từ đủ 14 đến dưới 16 tuổi phải chịu trách nhiệm hình sự về tội phạm rất nghiêm trọng, đặc biệt nghiêm trọng ở một số điều luật, trong đó có Điều 142 (Tội hiếp dâm người dưới 16 tuổi).',
		legalRef: 'Khoản 2 Điều 12 và Điều 142, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Những tội danh nào sau đây được Bộ luật Hình sự 2015 quy định riêng để bảo vệ người dưới 16 tuổi? (chọn nhiều đáp án)',
		options: [
			{ text: 'Tội dâm ô đối với người dưới 16 tuổi', correct: true },
			{ text: 'Tội vi phạm chế độ một vợ, một chồng', correct: false },
			{ text: 'Tội mua bán người dưới 16 tuổi', correct: true },
			{ text: 'Tội chiếm đoạt người dưới 16 tuổi', correct: true }
		],
		explanation: 'Bộ luật Hình sự có nhiều tội danh riêng cho nạn nhân dưới 16 tuổi như Tội dâm ô (Điều 146), Tội mua bán người dưới 16 tuổi (Điều 151), Tội chiếm đoạt người dưới 16 tuổi (Điều 153). Tội vi phạm chế độ một vợ, một chồng (Điều 182) nhằm bảo vệ chế độ hôn nhân.',
		legalRef: 'Điều 146, Điều 151, Điều 153, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'tre-em',
		difficulty: 2,
		kind: 'single',
		stem: 'Người từ đủ 18 tuổi trở lên lôi kéo, dụ dỗ, ép buộc người dưới 16 tuổi trình diễn khiêu dâm có thể bị truy cứu về tội nào?',
		options: [
			{ text: 'Tội sử dụng người dưới 16 tuổi vào mục đích khiêu dâm', correct: true },
			{ text: 'Tội làm nhục người khác', correct: false },
			{ text: 'Tội tổ chức tảo hôn', correct: false },
			{ text: 'Tội đánh tráo người dưới 01 tuổi', correct: false }
		],
		explanation: 'Điều 147 Bộ luật Hình sự quy định Tội sử dụng người dưới 16 tuổi vào mục đích khiêu dâm, áp dụng với người từ đủ 18 tuổi trở lên lôi kéo, dụ dỗ, ép buộc trẻ trình diễn khiêu dâm hoặc trực tiếp chứng kiến việc trình diễn khiêu dâm.',
		legalRef: 'Khoản 1 Điều 147, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'tre-em',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Bộ luật Hình sự 2015, người từ đủ bao nhiêu tuổi trở lên phải chịu trách nhiệm hình sự về mọi tội phạm (trừ những tội phạm mà Bộ luật có quy định khác)?',
		options: [
			{ text: 'Từ đủ 14 tuổi trở lên', correct: false },
			{ text: 'Từ đủ 18 tuổi trở lên', correct: false },
			{ text: 'Từ đủ 16 tuổi trở lên', correct: true },
			{ text: 'Từ đủ 13 tuổi trở lên', correct: false }
		],
		explanation: 'Người từ đủ 16 tuổi trở lên phải chịu trách nhiệm hình sự về mọi tội phạm, trừ trường hợp Bộ luật có quy định khác. Người từ đủ 14 đến dưới 16 tuổi chỉ chịu trách nhiệm về một số tội rất nghiêm trọng, đặc biệt nghiêm trọng.',
		legalRef: 'Khoản 1 Điều 12, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'tre-em',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Điều 145 Bộ luật Hình sự, người từ đủ bao nhiêu tuổi trở lên mà giao cấu với người từ đủ 13 tuổi đến dưới 16 tuổi (không thuộc trường hợp hiếp dâm, cưỡng dâm) thì phạm tội?',
		options: [
			{ text: 'Từ đủ 14 tuổi trở lên', correct: false },
			{ text: 'Từ đủ 16 tuổi trở lên', correct: false },
			{ text: 'Từ đủ 20 tuổi trở lên', correct: false },
			{ text: 'Từ đủ 18 tuổi trở lên', correct: true }
		],
		explanation: 'Điều 145 áp dụng với người đủ 18 tuổi trở lên giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người từ đủ 13 đến dưới 16 tuổi, kể cả khi trẻ đồng ý, vì trẻ ở tuổi này chưa đủ chín chắn để tự quyết định.',
		legalRef: 'Khoản 1 Điều 145, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	// ——— Chủ đề 4: Luật Hôn nhân và gia đình ———
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Luật Hôn nhân và gia đình 2014 có hiệu lực thi hành từ ngày nào?',
		options: [
			{ text: 'Ngày 01/7/2023', correct: false },
			{ text: 'Ngày 01/6/2017', correct: false },
			{ text: 'Ngày 01/01/2015', correct: true },
			{ text: 'Ngày 01/7/2007', correct: false }
		],
		explanation: 'Luật Hôn nhân và gia đình 2014 được Quốc hội thông qua ngày 19/6/2014 và có hiệu lực từ ngày 01/01/2015.',
		legalRef: 'Luật Hôn nhân và gia đình 2014 (Luật số 52/2014/QH13)'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Luật Hôn nhân và gia đình 2014 có số hiệu là gì?',
		options: [
			{ text: 'Luật số 102/2016/QH13', correct: false },
			{ text: 'Luật số 52/2014/QH13', correct: true },
			{ text: 'Luật số 73/2006/QH11', correct: false },
			{ text: 'Luật số 13/2022/QH15', correct: false }
		],
		explanation: 'Luật Hôn nhân và gia đình là Luật số 52/2014/QH13. Các số hiệu còn lại là của Luật Trẻ em (102/2016/QH13), Luật Bình đẳng giới (73/2006/QH11) và Luật Phòng, chống bạo lực gia đình (13/2022/QH15).',
		legalRef: 'Luật Hôn nhân và gia đình 2014 (Luật số 52/2014/QH13), thông qua ngày 19/6/2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, nam và nữ được kết hôn khi đủ bao nhiêu tuổi?',
		options: [
			{ text: 'Nam từ đủ 18 tuổi, nữ từ đủ 16 tuổi trở lên', correct: false },
			{ text: 'Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên', correct: true },
			{ text: 'Nam và nữ đều từ đủ 18 tuổi trở lên', correct: false },
			{ text: 'Nam và nữ đều từ đủ 20 tuổi trở lên', correct: false }
		],
		explanation: 'Điều kiện về tuổi kết hôn là nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên. Lấy vợ, lấy chồng khi chưa đủ tuổi này là tảo hôn.',
		legalRef: 'Điểm a khoản 1 Điều 8, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Một bạn nữ 17 tuổi đã đủ tuổi kết hôn theo Luật Hôn nhân và gia đình 2014.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Nữ phải từ đủ 18 tuổi trở lên mới được kết hôn; cho bạn nữ 17 tuổi lấy chồng là tảo hôn, bị pháp luật cấm.',
		legalRef: 'Điểm a khoản 1 Điều 8 và khoản 8 Điều 3, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, "tảo hôn" là gì?',
		options: [
			{ text: 'Kết hôn khi chưa có việc làm ổn định', correct: false },
			{ text: 'Kết hôn mà không tổ chức đám cưới', correct: false },
			{ text: 'Kết hôn với người ở nơi xa', correct: false },
			{ text: 'Lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi kết hôn', correct: true }
		],
		explanation: 'Tảo hôn là việc lấy vợ, lấy chồng khi một bên hoặc cả hai bên chưa đủ tuổi kết hôn. Tảo hôn ảnh hưởng xấu đến sức khỏe, việc học và tương lai của các em.',
		legalRef: 'Khoản 8 Điều 3, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, việc đe dọa, uy hiếp tinh thần, hành hạ, ngược đãi, yêu sách của cải hoặc hành vi khác để buộc người khác kết hôn trái ý muốn của họ được gọi là gì?',
		options: [
			{ text: 'Cưỡng ép kết hôn', correct: true },
			{ text: 'Tảo hôn', correct: false },
			{ text: 'Kết hôn giả tạo', correct: false },
			{ text: 'Kết hôn có yếu tố nước ngoài', correct: false }
		],
		explanation: 'Đó là cưỡng ép kết hôn, một hành vi bị cấm. Hôn nhân phải do nam, nữ tự nguyện quyết định, không ai được ép buộc.',
		legalRef: 'Khoản 9 Điều 3, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, nam, nữ kết hôn với nhau phải đáp ứng những điều kiện nào sau đây? (chọn nhiều đáp án)',
		options: [
			{ text: 'Việc kết hôn do nam và nữ tự nguyện quyết định', correct: true },
			{ text: 'Phải có nhà riêng', correct: false },
			{ text: 'Không bị mất năng lực hành vi dân sự', correct: true },
			{ text: 'Phải có thu nhập từ 10 triệu đồng mỗi tháng trở lên', correct: false },
			{ text: 'Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên', correct: true }
		],
		explanation: 'Điều kiện kết hôn gồm: đủ tuổi (nam từ đủ 20, nữ từ đủ 18), tự nguyện, không bị mất năng lực hành vi dân sự và không thuộc trường hợp cấm kết hôn. Nhà cửa, thu nhập không phải là điều kiện kết hôn.',
		legalRef: 'Khoản 1 Điều 8, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, nguyên tắc cơ bản của chế độ hôn nhân là gì?',
		options: [
			{ text: 'Hôn nhân do cha mẹ hai bên sắp đặt', correct: false },
			{ text: 'Người chồng quyết định mọi việc trong gia đình', correct: false },
			{ text: 'Hôn nhân tự nguyện, tiến bộ, một vợ một chồng, vợ chồng bình đẳng', correct: true },
			{ text: 'Nhà trai phải nộp đủ sính lễ theo yêu cầu của nhà gái', correct: false }
		],
		explanation: 'Nguyên tắc đầu tiên của chế độ hôn nhân và gia đình là hôn nhân tự nguyện, tiến bộ, một vợ một chồng, vợ chồng bình đẳng.',
		legalRef: 'Khoản 1 Điều 2, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Theo Luật Hôn nhân và gia đình 2014, Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Khoản 2 Điều 8 Luật Hôn nhân và gia đình 2014 ghi: "Nhà nước không thừa nhận hôn nhân giữa những người cùng giới tính".',
		legalRef: 'Khoản 2 Điều 8, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, các thành viên trong gia đình có nghĩa vụ gì với nhau?',
		options: [
			{ text: 'Chỉ người con trưởng phải chăm sóc cha mẹ', correct: false },
			{ text: 'Mỗi người tự lo cho bản thân mình', correct: false },
			{ text: 'Con trai được ưu tiên hơn con gái', correct: false },
			{ text: 'Tôn trọng, quan tâm, chăm sóc, giúp đỡ nhau; không phân biệt đối xử giữa các con', correct: true }
		],
		explanation: 'Luật đặt nguyên tắc xây dựng gia đình ấm no, tiến bộ, hạnh phúc; các thành viên gia đình có nghĩa vụ tôn trọng, quan tâm, chăm sóc, giúp đỡ nhau và không phân biệt đối xử giữa các con.',
		legalRef: 'Khoản 3 Điều 2, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Luật Hôn nhân và gia đình 2014 cấm hành vi bạo lực gia đình.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Bạo lực gia đình là một trong các hành vi bị cấm để bảo vệ chế độ hôn nhân và gia đình, bên cạnh tảo hôn, cưỡng ép kết hôn, cưỡng ép ly hôn…',
		legalRef: 'Điểm h khoản 2 Điều 5, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Gia đình nhà gái đòi nhà trai phải nộp rất nhiều tiền, vàng, coi đó là điều kiện bắt buộc mới cho cưới. Theo Luật Hôn nhân và gia đình 2014, việc làm này là gì?',
		options: [
			{ text: 'Phong tục được pháp luật bảo vệ', correct: false },
			{ text: 'Yêu sách của cải trong kết hôn, là hành vi bị cấm', correct: true },
			{ text: 'Một điều kiện kết hôn theo luật', correct: false },
			{ text: 'Việc riêng, pháp luật không điều chỉnh', correct: false }
		],
		explanation: 'Đòi hỏi của cải quá đáng và coi đó là điều kiện để kết hôn là yêu sách của cải trong kết hôn, một hành vi bị cấm vì cản trở hôn nhân tự nguyện.',
		legalRef: 'Điểm đ khoản 2 Điều 5, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, pháp luật cấm kết hôn hoặc chung sống như vợ chồng giữa những người có họ trong phạm vi mấy đời?',
		options: [
			{ text: 'Hai đời', correct: false },
			{ text: 'Bốn đời', correct: false },
			{ text: 'Ba đời', correct: true },
			{ text: 'Năm đời', correct: false }
		],
		explanation: 'Luật cấm kết hôn hoặc chung sống như vợ chồng giữa những người cùng dòng máu về trực hệ và giữa những người có họ trong phạm vi ba đời.',
		legalRef: 'Điểm d khoản 2 Điều 5, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, người đang có vợ hoặc có chồng mà kết hôn hoặc chung sống như vợ chồng với người khác thì sao?',
		options: [
			{ text: 'Là hành vi bị cấm', correct: true },
			{ text: 'Được phép nếu vợ hoặc chồng đồng ý', correct: false },
			{ text: 'Được phép nếu không đăng ký kết hôn', correct: false },
			{ text: 'Được phép nếu hai người sống ở tỉnh khác', correct: false }
		],
		explanation: 'Hành vi này vi phạm nguyên tắc hôn nhân một vợ một chồng và bị pháp luật cấm, kể cả khi chỉ chung sống như vợ chồng mà không đăng ký kết hôn.',
		legalRef: 'Điểm c khoản 2 Điều 5, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Những hành vi nào sau đây bị cấm theo Luật Hôn nhân và gia đình 2014? (chọn nhiều đáp án)',
		options: [
			{ text: 'Kết hôn giả tạo, ly hôn giả tạo', correct: true },
			{ text: 'Vợ chồng cùng bàn bạc về việc sinh con', correct: false },
			{ text: 'Mang thai hộ vì mục đích thương mại', correct: true },
			{ text: 'Lựa chọn giới tính thai nhi', correct: true }
		],
		explanation: 'Luật cấm kết hôn giả tạo, ly hôn giả tạo; mang thai hộ vì mục đích thương mại; lựa chọn giới tính thai nhi và nhiều hành vi khác. Vợ chồng cùng bàn bạc việc sinh con là điều nên làm.',
		legalRef: 'Điểm a và điểm g khoản 2 Điều 5, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, lợi dụng việc kết hôn để làm việc nào sau đây là hành vi bị cấm?',
		options: [
			{ text: 'Cùng nhau chăm sóc cha mẹ già', correct: false },
			{ text: 'Cùng nhau nhận con nuôi theo đúng pháp luật', correct: false },
			{ text: 'Mua bán người, bóc lột sức lao động, xâm phạm tình dục', correct: true },
			{ text: 'Cùng nhau chia sẻ công việc gia đình', correct: false }
		],
		explanation: 'Luật cấm lợi dụng việc thực hiện quyền về hôn nhân và gia đình để mua bán người, bóc lột sức lao động, xâm phạm tình dục hoặc nhằm mục đích trục lợi. Cần cảnh giác với những lời hứa hẹn kết hôn đáng ngờ.',
		legalRef: 'Điểm i khoản 2 Điều 5, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Theo Luật Hôn nhân và gia đình 2014, những người nào sau đây là thành viên gia đình? (chọn nhiều đáp án)',
		options: [
			{ text: 'Con dâu, con rể', correct: true },
			{ text: 'Cha dượng, mẹ kế', correct: true },
			{ text: 'Hàng xóm thân thiết', correct: false },
			{ text: 'Ông bà nội, ông bà ngoại', correct: true }
		],
		explanation: 'Thành viên gia đình gồm vợ, chồng; cha mẹ đẻ, cha mẹ nuôi, cha dượng, mẹ kế, cha mẹ vợ, cha mẹ chồng; con đẻ, con nuôi, con riêng, con dâu, con rể; anh chị em; ông bà nội, ngoại; cháu… Hàng xóm dù thân đến đâu cũng không phải thành viên gia đình.',
		legalRef: 'Khoản 16 Điều 3, Luật Hôn nhân và gia đình 2014'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 3,
		kind: 'true_false',
		stem: 'Đúng hay sai: Người cưỡng ép người khác kết hôn trái với sự tự nguyện của họ bị truy cứu trách nhiệm hình sự theo Điều 181 Bộ luật Hình sự ngay từ lần vi phạm đầu tiên, dù chưa từng bị xử phạt vi phạm hành chính về hành vi này.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Điều 181 chỉ áp dụng khi người đó đã bị xử phạt vi phạm hành chính về hành vi này mà còn vi phạm. Lần đầu vi phạm bị xử phạt hành chính; nếu còn vi phạm mới bị xử lý hình sự.',
		legalRef: 'Điều 181, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Người tổ chức việc lấy vợ, lấy chồng cho những người chưa đến tuổi kết hôn, đã bị xử phạt vi phạm hành chính về hành vi này mà còn vi phạm, có thể bị truy cứu về tội nào?',
		options: [
			{ text: 'Tội mua bán người', correct: false },
			{ text: 'Tội tổ chức tảo hôn', correct: true },
			{ text: 'Tội làm nhục người khác', correct: false },
			{ text: 'Tội chiếm đoạt người dưới 16 tuổi', correct: false }
		],
		explanation: 'Điều 183 Bộ luật Hình sự quy định Tội tổ chức tảo hôn đối với người tổ chức việc lấy vợ, lấy chồng cho người chưa đến tuổi kết hôn, đã bị xử phạt hành chính mà còn vi phạm.',
		legalRef: 'Điều 183, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Tội vi phạm chế độ một vợ, một chồng được quy định tại điều nào của Bộ luật Hình sự 2015?',
		options: [
			{ text: 'Điều 181', correct: false },
			{ text: 'Điều 183', correct: false },
			{ text: 'Điều 185', correct: false },
			{ text: 'Điều 182', correct: true }
		],
		explanation: 'Điều 182 quy định Tội vi phạm chế độ một vợ, một chồng. Điều 181 là tội cưỡng ép kết hôn, ly hôn; Điều 183 là Tội tổ chức tảo hôn; Điều 185 là tội ngược đãi, hành hạ người thân trong gia đình.',
		legalRef: 'Điều 182, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hon-nhan-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Người có nghĩa vụ và có khả năng cấp dưỡng nhưng từ chối, trốn tránh, làm người được cấp dưỡng lâm vào tình trạng nguy hiểm đến tính mạng, sức khỏe, có thể bị truy cứu về tội nào?',
		options: [
			{ text: 'Tội từ chối hoặc trốn tránh nghĩa vụ cấp dưỡng', correct: true },
			{ text: 'Tội hành hạ người khác', correct: false },
			{ text: 'Tội làm nhục người khác', correct: false },
			{ text: 'Tội tổ chức tảo hôn', correct: false }
		],
		explanation: 'Điều 186 Bộ luật Hình sự quy định tội này khi người có nghĩa vụ cấp dưỡng, có khả năng thực tế mà từ chối, trốn tránh làm người được cấp dưỡng lâm vào tình trạng nguy hiểm, hoặc đã bị xử phạt hành chính mà còn vi phạm.',
		legalRef: 'Điều 186, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	// ——— Chủ đề 5: Kỹ năng an toàn và nơi tìm trợ giúp ———
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Tổng đài điện thoại quốc gia bảo vệ trẻ em có số điện thoại là bao nhiêu?',
		options: [
			{ text: '113', correct: false },
			{ text: '111', correct: true },
			{ text: '115', correct: false },
			{ text: '114', correct: false }
		],
		explanation: 'Tổng đài điện thoại quốc gia bảo vệ trẻ em dùng số 111. Khi trẻ em bị xâm hại hoặc có nguy cơ bị xâm hại, hãy gọi 111.',
		legalRef: 'Điều 23, Nghị định 56/2017/NĐ-CP (số ngắn 03 số); số 111 khai trương ngày 06/12/2017'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Khi thấy có người đang bị đánh đập dã man, tính mạng bị đe dọa, bạn nên gọi ngay số nào để báo Công an?',
		options: [
			{ text: '115', correct: false },
			{ text: '114', correct: false },
			{ text: '113', correct: true },
			{ text: '111', correct: false }
		],
		explanation: '113 là số gọi Công an khi có nguy hiểm về an ninh, trật tự, tội phạm. Số 114 dùng cho cháy nổ, cứu nạn cứu hộ; số 115 gọi cấp cứu y tế; số 111 là tổng đài bảo vệ trẻ em.',
		legalRef: 'Các số điện thoại khẩn cấp: 113 (Công an), 114 (cứu hỏa, cứu nạn cứu hộ), 115 (cấp cứu y tế)'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Khi có người bị thương nặng, cần cấp cứu y tế, bạn gọi số điện thoại nào?',
		options: [
			{ text: '113', correct: false },
			{ text: '114', correct: false },
			{ text: '111', correct: false },
			{ text: '115', correct: true }
		],
		explanation: '115 là số gọi cấp cứu y tế. Sau khi gọi, hãy nói rõ địa chỉ và tình trạng người bị thương để xe cấp cứu đến nhanh nhất.',
		legalRef: 'Các số điện thoại khẩn cấp: 113 (Công an), 114 (cứu hỏa, cứu nạn cứu hộ), 115 (cấp cứu y tế)'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Khi xảy ra cháy nhà hoặc cần cứu nạn, cứu hộ, bạn gọi số điện thoại nào?',
		options: [
			{ text: '114', correct: true },
			{ text: '113', correct: false },
			{ text: '115', correct: false },
			{ text: '111', correct: false }
		],
		explanation: '114 là số gọi phòng cháy chữa cháy, cứu nạn cứu hộ. Nên dạy trẻ phân biệt rõ 111, 113, 114, 115 để gọi đúng khi cần.',
		legalRef: 'Các số điện thoại khẩn cấp: 113 (Công an), 114 (cứu hỏa, cứu nạn cứu hộ), 115 (cấp cứu y tế)'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Trong "quy tắc 5 ngón tay" dạy trẻ cách giữ khoảng cách an toàn, ngón út tượng trưng cho ai?',
		options: [
			{ text: 'Ông bà, bố mẹ, anh chị em ruột', correct: false },
			{ text: 'Thầy cô, bạn bè', correct: false },
			{ text: 'Hàng xóm, bạn của bố mẹ', correct: false },
			{ text: 'Người lạ', correct: true }
		],
		explanation: 'Ngón út (xa ngón cái nhất) tượng trưng cho người lạ, là những người trẻ cần giữ khoảng cách nhiều nhất. Ngón cái là những người thân nhất như ông bà, bố mẹ, anh chị em ruột.',
		legalRef: 'Kỹ năng phòng ngừa xâm hại: quy tắc 5 ngón tay (tài liệu giáo dục kỹ năng, không phải văn bản pháp luật)'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Trong "quy tắc 5 ngón tay", ngón cái tượng trưng cho những ai?',
		options: [
			{ text: 'Người lạ', correct: false },
			{ text: 'Người thân ruột thịt như ông bà, bố mẹ, anh chị em ruột', correct: true },
			{ text: 'Người mới gặp lần đầu', correct: false },
			{ text: 'Người bán hàng rong', correct: false }
		],
		explanation: 'Ngón cái, gần lòng bàn tay nhất, tượng trưng cho những người thân ruột thịt, gần gũi nhất với trẻ như ông bà, bố mẹ, anh chị em ruột.',
		legalRef: 'Kỹ năng phòng ngừa xâm hại: quy tắc 5 ngón tay (tài liệu giáo dục kỹ năng, không phải văn bản pháp luật)'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Người gọi đến Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 không phải trả phí.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Tổng đài không thu phí viễn thông và phí tư vấn đối với người gọi đến, nên trẻ em và người lớn có thể gọi bất cứ lúc nào mà không lo tốn tiền.',
		legalRef: 'Khoản 2 Điều 23, Nghị định 56/2017/NĐ-CP'
	},
	{
		topic: 'ky-nang',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Tổng đài điện thoại quốc gia bảo vệ trẻ em có những đặc điểm nào sau đây? (chọn nhiều đáp án)',
		options: [
			{ text: 'Hoạt động 24 giờ tất cả các ngày', correct: true },
			{ text: 'Chỉ làm việc trong giờ hành chính, nghỉ thứ Bảy và Chủ nhật', correct: false },
			{ text: 'Không thu phí viễn thông và phí tư vấn đối với người gọi', correct: true },
			{ text: 'Dùng số điện thoại ngắn 03 số, dễ nhớ', correct: true }
		],
		explanation: 'Tổng đài hoạt động 24 giờ tất cả các ngày, dùng số ngắn 03 số và không thu phí viễn thông, phí tư vấn, nên ai cũng có thể gọi bất cứ lúc nào.',
		legalRef: 'Khoản 1 và khoản 2 Điều 23, Nghị định 56/2017/NĐ-CP'
	},
	{
		topic: 'ky-nang',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, người dân có thể báo tin về bạo lực gia đình bằng những hình thức nào?',
		options: [
			{ text: 'Chỉ bằng đơn có chữ ký của hai người làm chứng', correct: false },
			{ text: 'Chỉ bằng cách đến trực tiếp trụ sở Công an', correct: false },
			{ text: 'Gọi điện, nhắn tin; gửi đơn, thư; hoặc trực tiếp báo tin', correct: true },
			{ text: 'Chỉ bằng cách đăng bài lên mạng xã hội', correct: false }
		],
		explanation: 'Luật cho phép báo tin bằng nhiều cách: gọi điện, nhắn tin; gửi đơn, thư; hoặc trực tiếp báo tin. Hãy chọn cách nhanh và an toàn nhất với mình.',
		legalRef: 'Khoản 2 Điều 19, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, "nơi tạm lánh" là gì?',
		options: [
			{ text: 'Địa điểm để bảo đảm an toàn cho người bị bạo lực gia đình', correct: true },
			{ text: 'Nơi giam giữ người có hành vi bạo lực gia đình', correct: false },
			{ text: 'Nơi tổ chức hòa giải mâu thuẫn giữa vợ và chồng', correct: false },
			{ text: 'Nơi người có hành vi bạo lực học kỹ năng kiềm chế cảm xúc', correct: false }
		],
		explanation: 'Nơi tạm lánh là địa điểm để bảo đảm an toàn cho người bị bạo lực gia đình. Khi ở nhà không an toàn, người bị bạo lực có thể được bố trí đến nơi tạm lánh.',
		legalRef: 'Điều 2, Luật Phòng, chống bạo lực gia đình 2022 (giải thích từ ngữ)'
	},
	{
		topic: 'ky-nang',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Khi phát hiện một em nhỏ bị xâm hại hoặc có nguy cơ bị xâm hại, bạn có thể thông báo ngay cho những nơi nào sau đây? (chọn nhiều đáp án)',
		options: [
			{ text: 'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111', correct: true },
			{ text: 'Không báo cho ai, chỉ kể cho người trong nhà biết', correct: false },
			{ text: 'Cơ quan công an', correct: true },
			{ text: 'Ủy ban nhân dân cấp xã nơi xảy ra vụ việc', correct: true }
		],
		explanation: 'Người phát hiện trẻ em bị xâm hại có trách nhiệm thông báo ngay cho Tổng đài 111, cơ quan công an hoặc UBND cấp xã nơi xảy ra vụ việc. Im lặng có thể khiến trẻ tiếp tục bị tổn hại.',
		legalRef: 'Khoản 1 Điều 25, Nghị định 56/2017/NĐ-CP; khoản 1 Điều 51, Luật Trẻ em 2016'
	},
	{
		topic: 'ky-nang',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Nghị định 76/2023/NĐ-CP, trong thời gian bị cấm tiếp xúc, người có hành vi bạo lực gia đình được phép tiếp xúc với người bị bạo lực (sau khi thông báo trước) trong trường hợp nào sau đây?',
		options: [
			{ text: 'Muốn đến nhà để xin lỗi', correct: false },
			{ text: 'Gia đình có việc cưới, việc tang', correct: true },
			{ text: 'Muốn thuyết phục người bị bạo lực rút đơn trình báo', correct: false },
			{ text: 'Vào các dịp lễ, Tết', correct: false }
		],
		explanation: 'Chỉ có 3 trường hợp được tiếp xúc: gia đình có việc cưới, việc tang; có người bị tai nạn hoặc bệnh nặng cần chăm sóc; khắc phục thiên tai, hỏa hoạn, dịch bệnh. Phải thông báo trước và mỗi lần không quá 04 giờ.',
		legalRef: 'Nghị định 76/2023/NĐ-CP ngày 01/11/2023 quy định chi tiết Luật Phòng, chống bạo lực gia đình'
	},
	{
		topic: 'ky-nang',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Khi hành vi bạo lực gia đình đe dọa tính mạng của người bị bạo lực, Chủ tịch Ủy ban nhân dân cấp xã có thể tự mình ra quyết định cấm tiếp xúc mà không cần chờ đơn đề nghị.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Để kịp thời bảo vệ người bị bạo lực, Chủ tịch UBND cấp xã được tự ra quyết định cấm tiếp xúc khi tính mạng người bị bạo lực bị đe dọa; quyết định có hiệu lực ngay khi ký.',
		legalRef: 'Điều 25, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Chỉ trẻ em mới được gọi đến Tổng đài 111; người lớn phát hiện trẻ bị xâm hại thì không được gọi.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Tổng đài 111 tiếp nhận thông báo, tố giác từ mọi cơ quan, tổ chức, cơ sở giáo dục, gia đình, cá nhân. Người lớn thấy trẻ gặp nguy hiểm nên gọi ngay.',
		legalRef: 'Khoản 2 Điều 22, Nghị định 56/2017/NĐ-CP'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Lan là học sinh lớp 7, thường xuyên bị người nhà đánh. Theo Luật Phòng, chống bạo lực gia đình 2022, ngoài Ủy ban nhân dân xã và Công an, nơi nào sau đây cũng là địa chỉ tiếp nhận tin báo về trường hợp của Lan?',
		options: [
			{ text: 'Cửa hàng nơi Lan hay mua đồ', correct: false },
			{ text: 'Câu lạc bộ thể thao của bạn Lan', correct: false },
			{ text: 'Trường học nơi Lan đang học', correct: true },
			{ text: 'Một trang mạng xã hội bất kỳ', correct: false }
		],
		explanation: 'Cơ sở giáo dục nơi người bị bạo lực gia đình đang học là một địa chỉ tiếp nhận tin báo theo luật. Lan có thể kể với thầy cô, và thầy cô có trách nhiệm tiếp nhận, giúp đỡ.',
		legalRef: 'Điểm c khoản 1 Điều 19, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'ky-nang',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 tư vấn cho trẻ em, cha mẹ và người chăm sóc trẻ về những vấn đề nào? (chọn nhiều đáp án)',
		options: [
			{ text: 'Tâm lý', correct: true },
			{ text: 'Pháp luật', correct: true },
			{ text: 'Mua bán cổ phiếu, đầu tư', correct: false },
			{ text: 'Chính sách', correct: true },
			{ text: 'Giới thiệu sản phẩm quảng cáo', correct: false }
		],
		explanation: 'Tổng đài 111 tư vấn tâm lý, pháp luật, chính sách cho trẻ em, cha, mẹ, thành viên gia đình và người chăm sóc trẻ em, đồng thời tiếp nhận, chuyển thông tin để trẻ được bảo vệ kịp thời.',
		legalRef: 'Khoản 7 Điều 22, Nghị định 56/2017/NĐ-CP'
	},
	{
		topic: 'ky-nang',
		difficulty: 3,
		kind: 'single',
		stem: 'Trước khi có Tổng đài 111, đường dây tư vấn và hỗ trợ trẻ em dùng số điện thoại nào?',
		options: [
			{ text: '113', correct: false },
			{ text: '115', correct: false },
			{ text: '18001567', correct: true },
			{ text: '1080', correct: false }
		],
		explanation: 'Tổng đài 111 ra đời thay cho đường dây tư vấn và hỗ trợ trẻ em 18001567. Ngày nay chỉ cần nhớ số ngắn 111.',
		legalRef: 'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (Nghị định 56/2017/NĐ-CP), thay đường dây 18001567'
	},
	{
		topic: 'ky-nang',
		difficulty: 3,
		kind: 'single',
		stem: 'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 chính thức khai trương vào ngày nào?',
		options: [
			{ text: 'Ngày 01/6/2017', correct: false },
			{ text: 'Ngày 01/7/2017', correct: false },
			{ text: 'Ngày 20/11/2018', correct: false },
			{ text: 'Ngày 06/12/2017', correct: true }
		],
		explanation: 'Tổng đài 111 khai trương ngày 06/12/2017. Ngày 01/6/2017 là ngày Luật Trẻ em có hiệu lực, còn ngày 01/7/2017 là ngày Nghị định 56/2017/NĐ-CP có hiệu lực.',
		legalRef: 'Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (Nghị định 56/2017/NĐ-CP), khai trương ngày 06/12/2017'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Chị Hoa bị chồng đánh đập, đe dọa tính mạng. Để người chồng không được đến gần mình trong thời gian ngắn, chị có thể đề nghị ai ra quyết định cấm tiếp xúc?',
		options: [
			{ text: 'Chủ tịch Ủy ban nhân dân cấp xã', correct: true },
			{ text: 'Trưởng họ nhà chồng', correct: false },
			{ text: 'Người hàng xóm', correct: false },
			{ text: 'Giám đốc nơi chồng làm việc', correct: false }
		],
		explanation: 'Chủ tịch UBND cấp xã có thẩm quyền ra quyết định cấm tiếp xúc, mỗi lần không quá 03 ngày, có hiệu lực ngay khi ký. Nếu nguy hiểm ngay lập tức, hãy gọi 113.',
		legalRef: 'Điều 25, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'ky-nang',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Người bị bạo lực gia đình có thể được hỗ trợ những gì theo Luật Phòng, chống bạo lực gia đình 2022? (chọn nhiều đáp án)',
		options: [
			{ text: 'Chăm sóc, điều trị', correct: true },
			{ text: 'Bị buộc phải quay về sống chung ngay với người gây bạo lực', correct: false },
			{ text: 'Trợ giúp pháp lý, tư vấn tâm lý, kỹ năng ứng phó', correct: true },
			{ text: 'Bố trí nơi tạm lánh và hỗ trợ nhu cầu thiết yếu', correct: true }
		],
		explanation: 'Các biện pháp bảo vệ, hỗ trợ gồm bố trí nơi tạm lánh và hỗ trợ nhu cầu thiết yếu; chăm sóc, điều trị; trợ giúp pháp lý, tư vấn tâm lý và kỹ năng ứng phó. Không ai được ép người bị bạo lực quay về nơi không an toàn.',
		legalRef: 'Luật Phòng, chống bạo lực gia đình 2022 (các biện pháp ngăn chặn, bảo vệ, hỗ trợ)'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Mẹ muốn đăng lên mạng xã hội chuyện riêng tư của bé Na (9 tuổi). Theo Luật Trẻ em 2016, cần có sự đồng ý của ai?',
		options: [
			{ text: 'Không cần hỏi ai vì mẹ là người sinh ra bé', correct: false },
			{ text: 'Chỉ cần hỏi ý kiến cô giáo của bé', correct: false },
			{ text: 'Chỉ cần hỏi ý kiến hàng xóm', correct: false },
			{ text: 'Của chính bé Na và của cha, mẹ hoặc người giám hộ của bé', correct: true }
		],
		explanation: 'Trẻ từ đủ 07 tuổi trở lên phải được hỏi và đồng ý, cùng với cha, mẹ hoặc người giám hộ, trước khi công bố thông tin đời sống riêng tư của trẻ. Tôn trọng quyền riêng tư giúp bảo vệ trẻ trên mạng.',
		legalRef: 'Khoản 11 Điều 6, Luật Trẻ em 2016'
	},
	{
		topic: 'ky-nang',
		difficulty: 1,
		kind: 'single',
		stem: 'Một bạn nhỏ đang lo sợ vì bị người khác đe dọa, muốn được tư vấn tâm lý miễn phí. Bạn ấy có thể gọi số nào?',
		options: [
			{ text: '114', correct: false },
			{ text: '111', correct: true },
			{ text: '115', correct: false },
			{ text: '1080', correct: false }
		],
		explanation: 'Tổng đài 111 hoạt động 24 giờ mỗi ngày, miễn phí, có tư vấn tâm lý cho trẻ em. Bạn nhỏ cũng nên kể ngay với bố mẹ, thầy cô hoặc người lớn tin cậy.',
		legalRef: 'Khoản 7 Điều 22 và Điều 23, Nghị định 56/2017/NĐ-CP'
	},
	// ——— Chủ đề 6: Các ngày, tháng kỷ niệm và mô hình của Hội Phụ nữ ———
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'single',
		stem: 'Ngày Phụ nữ Việt Nam là ngày nào trong năm?',
		options: [
			{ text: 'Ngày 8/3', correct: false },
			{ text: 'Ngày 20/10', correct: true },
			{ text: 'Ngày 25/11', correct: false },
			{ text: 'Ngày 11/10', correct: false }
		],
		explanation: 'Ngày 20/10 là Ngày Phụ nữ Việt Nam, kỷ niệm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930). Ngày 8/3 là Ngày Quốc tế Phụ nữ.',
		legalRef: 'Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930)'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 2,
		kind: 'single',
		stem: 'Hội Liên hiệp Phụ nữ Việt Nam được thành lập vào năm nào?',
		options: [
			{ text: 'Năm 1945', correct: false },
			{ text: 'Năm 1954', correct: false },
			{ text: 'Năm 1930', correct: true },
			{ text: 'Năm 1975', correct: false }
		],
		explanation: 'Hội Liên hiệp Phụ nữ Việt Nam được thành lập ngày 20/10/1930; vì vậy ngày 20/10 hằng năm được lấy làm Ngày Phụ nữ Việt Nam.',
		legalRef: 'Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930)'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'single',
		stem: 'Ngày Quốc tế Phụ nữ là ngày nào trong năm?',
		options: [
			{ text: 'Ngày 20/10', correct: false },
			{ text: 'Ngày 28/6', correct: false },
			{ text: 'Ngày 8/3', correct: true },
			{ text: 'Ngày 9/11', correct: false }
		],
		explanation: 'Ngày 8/3 là Ngày Quốc tế Phụ nữ, được Liên Hợp Quốc kỷ niệm từ năm 1975. Ngày 20/10 là Ngày Phụ nữ Việt Nam.',
		legalRef: 'Ngày Quốc tế Phụ nữ 8/3 (Liên Hợp Quốc kỷ niệm từ năm 1975, Năm Quốc tế Phụ nữ)'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 3,
		kind: 'single',
		stem: 'Liên Hợp Quốc bắt đầu kỷ niệm Ngày Quốc tế Phụ nữ 8/3 từ năm nào?',
		options: [
			{ text: 'Năm 1930', correct: false },
			{ text: 'Năm 1999', correct: false },
			{ text: 'Năm 2012', correct: false },
			{ text: 'Năm 1975', correct: true }
		],
		explanation: 'Liên Hợp Quốc bắt đầu kỷ niệm Ngày Quốc tế Phụ nữ từ năm 1975, năm được chọn là Năm Quốc tế Phụ nữ.',
		legalRef: 'Ngày Quốc tế Phụ nữ 8/3 (Liên Hợp Quốc kỷ niệm từ năm 1975, Năm Quốc tế Phụ nữ)'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'single',
		stem: 'Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ là ngày nào trong năm?',
		options: [
			{ text: 'Ngày 25/11', correct: true },
			{ text: 'Ngày 8/3', correct: false },
			{ text: 'Ngày 20/10', correct: false },
			{ text: 'Ngày 11/10', correct: false }
		],
		explanation: 'Đại hội đồng Liên Hợp Quốc chọn ngày 25/11 hằng năm là Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ. Ngày 8/3 là Ngày Quốc tế Phụ nữ, 20/10 là Ngày Phụ nữ Việt Nam, 11/10 là Ngày Quốc tế trẻ em gái.',
		legalRef: 'Nghị quyết 54/134 ngày 17/12/1999 của Đại hội đồng Liên Hợp Quốc'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 3,
		kind: 'single',
		stem: 'Đại hội đồng Liên Hợp Quốc thông qua nghị quyết chọn ngày 25/11 làm Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ vào năm nào?',
		options: [
			{ text: 'Năm 1975', correct: false },
			{ text: 'Năm 2006', correct: false },
			{ text: 'Năm 1999', correct: true },
			{ text: 'Năm 2011', correct: false }
		],
		explanation: 'Nghị quyết 54/134 của Đại hội đồng Liên Hợp Quốc được thông qua ngày 17/12/1999, chọn ngày 25/11 hằng năm là Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ.',
		legalRef: 'Nghị quyết 54/134 ngày 17/12/1999 của Đại hội đồng Liên Hợp Quốc'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 2,
		kind: 'single',
		stem: 'Ngày Quốc tế trẻ em gái là ngày nào trong năm?',
		options: [
			{ text: 'Ngày 11/10', correct: true },
			{ text: 'Ngày 1/6', correct: false },
			{ text: 'Ngày 8/3', correct: false },
			{ text: 'Ngày 20/3', correct: false }
		],
		explanation: 'Ngày 11/10 hằng năm là Ngày Quốc tế trẻ em gái, theo Nghị quyết 66/170 của Đại hội đồng Liên Hợp Quốc, nhằm thúc đẩy quyền và cơ hội của các em gái.',
		legalRef: 'Nghị quyết 66/170 ngày 19/12/2011 của Đại hội đồng Liên Hợp Quốc'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 3,
		kind: 'single',
		stem: 'Ngày Quốc tế trẻ em gái (11/10) được kỷ niệm lần đầu tiên vào năm nào?',
		options: [
			{ text: 'Năm 1999', correct: false },
			{ text: 'Năm 2012', correct: true },
			{ text: 'Năm 2007', correct: false },
			{ text: 'Năm 2016', correct: false }
		],
		explanation: 'Nghị quyết 66/170 được Đại hội đồng Liên Hợp Quốc thông qua ngày 19/12/2011, và Ngày Quốc tế trẻ em gái được kỷ niệm từ năm 2012.',
		legalRef: 'Nghị quyết 66/170 ngày 19/12/2011 của Đại hội đồng Liên Hợp Quốc'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'single',
		stem: 'Ngày Gia đình Việt Nam là ngày nào trong năm?',
		options: [
			{ text: 'Ngày 20/10', correct: false },
			{ text: 'Ngày 1/6', correct: false },
			{ text: 'Ngày 9/11', correct: false },
			{ text: 'Ngày 28/6', correct: true }
		],
		explanation: 'Ngày 28/6 hằng năm là Ngày Gia đình Việt Nam, dịp để mọi người cùng vun đắp gia đình ấm no, tiến bộ, hạnh phúc, không có bạo lực.',
		legalRef: 'Quyết định 72/2001/QĐ-TTg ngày 04/5/2001 của Thủ tướng Chính phủ; Điều 9, Nghị định 02/2013/NĐ-CP'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 3,
		kind: 'single',
		stem: 'Ngày Gia đình Việt Nam (28/6) được Thủ tướng Chính phủ quyết định lấy làm ngày kỷ niệm từ năm nào?',
		options: [
			{ text: 'Năm 1990', correct: false },
			{ text: 'Năm 2007', correct: false },
			{ text: 'Năm 2001', correct: true },
			{ text: 'Năm 2013', correct: false }
		],
		explanation: 'Ngày Gia đình Việt Nam được xác định theo Quyết định 72/2001/QĐ-TTg ngày 04/5/2001 của Thủ tướng Chính phủ.',
		legalRef: 'Quyết định 72/2001/QĐ-TTg ngày 04/5/2001 của Thủ tướng Chính phủ'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 2,
		kind: 'single',
		stem: 'Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam là ngày nào?',
		options: [
			{ text: 'Ngày 28/6', correct: false },
			{ text: 'Ngày 9/11', correct: true },
			{ text: 'Ngày 20/11', correct: false },
			{ text: 'Ngày 2/9', correct: false }
		],
		explanation: 'Ngày 9/11 hằng năm là Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam, được quy định trong Luật Phổ biến, giáo dục pháp luật 2012.',
		legalRef: 'Điều 8, Luật Phổ biến, giáo dục pháp luật 2012'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 2,
		kind: 'single',
		stem: 'Ngày Pháp luật Việt Nam (9/11) được tổ chức nhằm mục đích gì?',
		options: [
			{ text: 'Tổng kết công tác của ngành Tòa án', correct: false },
			{ text: 'Tôn vinh riêng nghề luật sư', correct: false },
			{ text: 'Kỷ niệm ngày ban hành Bộ luật Hình sự', correct: false },
			{ text: 'Tôn vinh Hiến pháp, pháp luật, giáo dục ý thức thượng tôn pháp luật', correct: true }
		],
		explanation: 'Ngày Pháp luật được tổ chức nhằm tôn vinh Hiến pháp, pháp luật và giáo dục ý thức thượng tôn pháp luật cho mọi người trong xã hội.',
		legalRef: 'Điều 8, Luật Phổ biến, giáo dục pháp luật 2012'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 2,
		kind: 'single',
		stem: 'Ngày Quốc tế Hạnh phúc do Liên Hợp Quốc công nhận là ngày nào?',
		options: [
			{ text: 'Ngày 28/6', correct: false },
			{ text: 'Ngày 8/3', correct: false },
			{ text: 'Ngày 20/3', correct: true },
			{ text: 'Ngày 11/10', correct: false }
		],
		explanation: 'Ngày 20/3 hằng năm là Ngày Quốc tế Hạnh phúc, theo Nghị quyết 66/281 của Đại hội đồng Liên Hợp Quốc thông qua năm 2012. Ngày 28/6 là Ngày Gia đình Việt Nam.',
		legalRef: 'Nghị quyết 66/281 (năm 2012) của Đại hội đồng Liên Hợp Quốc'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'single',
		stem: 'Tháng hành động vì trẻ em được tổ chức vào tháng nào hằng năm?',
		options: [
			{ text: 'Tháng 3', correct: false },
			{ text: 'Tháng 11', correct: false },
			{ text: 'Tháng 6', correct: true },
			{ text: 'Tháng 10', correct: false }
		],
		explanation: 'Tháng hành động vì trẻ em được tổ chức vào tháng 6 hằng năm để thúc đẩy phong trào toàn dân chăm sóc, giáo dục và bảo vệ trẻ em.',
		legalRef: 'Khoản 1 Điều 11, Luật Trẻ em 2016'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Thông tư 28/2019/TT-BLĐTBXH, lễ phát động Tháng hành động vì trẻ em được tổ chức vào thời gian nào?',
		options: [
			{ text: 'Tuần cuối của tháng 5 hoặc ngày 01/6', correct: true },
			{ text: 'Ngày 15/11', correct: false },
			{ text: 'Ngày 20/10', correct: false },
			{ text: 'Tuần đầu của tháng 7', correct: false }
		],
		explanation: 'Lễ phát động Tháng hành động vì trẻ em được tổ chức vào tuần cuối tháng 5 hoặc ngày 01/6, để mở đầu cho các hoạt động vì trẻ em trong suốt tháng 6.',
		legalRef: 'Điều 2, Thông tư 28/2019/TT-BLĐTBXH'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 3,
		kind: 'single',
		stem: 'Chủ đề Tháng hành động vì trẻ em năm 2025 là gì?',
		options: [
			{ text: 'Chung tay xóa bỏ bạo lực đối với phụ nữ và trẻ em gái', correct: false },
			{ text: 'Chủ động phòng, chống bạo lực, xâm hại phụ nữ và trẻ em', correct: false },
			{ text: 'Ưu tiên nguồn lực hoàn thành các mục tiêu vì trẻ em', correct: true },
			{ text: 'Gia đình hạnh phúc, không còn bạo lực', correct: false }
		],
		explanation: 'Tháng hành động vì trẻ em năm 2025 (từ 1/6 đến 30/6/2025) có chủ đề "Ưu tiên nguồn lực hoàn thành các mục tiêu vì trẻ em". Chủ đề mỗi năm nhắc mọi người cùng chung tay vì quyền và sự an toàn của trẻ em.',
		legalRef: 'Hướng dẫn tổ chức Tháng hành động vì trẻ em năm 2025 (Cục Bà mẹ và Trẻ em, Bộ Y tế)'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'single',
		stem: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới được tổ chức hằng năm vào khoảng thời gian nào?',
		options: [
			{ text: 'Từ ngày 01/6 đến ngày 30/6', correct: false },
			{ text: 'Từ ngày 15/11 đến ngày 15/12', correct: true },
			{ text: 'Từ ngày 01/3 đến ngày 31/3', correct: false },
			{ text: 'Từ ngày 20/10 đến ngày 20/11', correct: false }
		],
		explanation: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới diễn ra từ 15/11 đến 15/12 hằng năm. Tháng 6 là Tháng hành động vì trẻ em.',
		legalRef: 'Quyết định 1696/QĐ-TTg ngày 02/10/2015 của Thủ tướng Chính phủ (Chương trình hành động quốc gia về bình đẳng giới giai đoạn 2016–2020)'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 2,
		kind: 'single',
		stem: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới được tổ chức hằng năm bắt đầu từ năm nào?',
		options: [
			{ text: 'Năm 2006', correct: false },
			{ text: 'Năm 2010', correct: false },
			{ text: 'Năm 2020', correct: false },
			{ text: 'Năm 2016', correct: true }
		],
		explanation: 'Tháng hành động được tổ chức hằng năm từ năm 2016, theo Chương trình hành động quốc gia về bình đẳng giới giai đoạn 2016–2020.',
		legalRef: 'Quyết định 1696/QĐ-TTg ngày 02/10/2015 của Thủ tướng Chính phủ (Chương trình hành động quốc gia về bình đẳng giới giai đoạn 2016–2020)'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 2,
		kind: 'true_false',
		stem: 'Đúng hay sai: Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ (25/11) nằm trong khoảng thời gian của Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới.',
		options: [
			{ text: 'Đúng', correct: true },
			{ text: 'Sai', correct: false }
		],
		explanation: 'Đúng. Tháng hành động diễn ra từ 15/11 đến 15/12, nên ngày 25/11 nằm trong tháng này; đây là dịp để tuyên truyền mạnh mẽ về chấm dứt bạo lực với phụ nữ.',
		legalRef: 'Quyết định 1696/QĐ-TTg ngày 02/10/2015 của Thủ tướng Chính phủ; Nghị quyết 54/134 ngày 17/12/1999 của Đại hội đồng Liên Hợp Quốc'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Ngày Phụ nữ Việt Nam và Ngày Quốc tế Phụ nữ là cùng một ngày.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Ngày Phụ nữ Việt Nam là 20/10 (ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam năm 1930), còn Ngày Quốc tế Phụ nữ là 8/3.',
		legalRef: 'Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930); Ngày Quốc tế Phụ nữ 8/3'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 2,
		kind: 'multiple',
		stem: 'Những cặp ngày và sự kiện nào sau đây là đúng? (chọn nhiều đáp án)',
		options: [
			{ text: '28/6 – Ngày Gia đình Việt Nam', correct: true },
			{ text: '11/10 – Ngày Phụ nữ Việt Nam', correct: false },
			{ text: '9/11 – Ngày Pháp luật Việt Nam', correct: true },
			{ text: '20/3 – Ngày Quốc tế trẻ em gái', correct: false },
			{ text: '25/11 – Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ', correct: true }
		],
		explanation: '28/6 là Ngày Gia đình Việt Nam, 9/11 là Ngày Pháp luật Việt Nam, 25/11 là Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ. Ngày Phụ nữ Việt Nam là 20/10; Ngày Quốc tế trẻ em gái là 11/10, còn 20/3 là Ngày Quốc tế Hạnh phúc.',
		legalRef: 'Quyết định 72/2001/QĐ-TTg; Điều 8, Luật Phổ biến, giáo dục pháp luật 2012; Nghị quyết 54/134, 66/170, 66/281 của Đại hội đồng Liên Hợp Quốc'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'true_false',
		stem: 'Đúng hay sai: Tháng hành động vì trẻ em và Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới được tổ chức vào cùng một thời điểm trong năm.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Tháng hành động vì trẻ em là tháng 6, còn Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới diễn ra từ 15/11 đến 15/12.',
		legalRef: 'Khoản 1 Điều 11, Luật Trẻ em 2016; Quyết định 1696/QĐ-TTg ngày 02/10/2015 của Thủ tướng Chính phủ'
	},
	{
		topic: 'ngay-ky-niem',
		difficulty: 1,
		kind: 'multiple',
		stem: 'Trong các ngày, tháng sau, đâu là dịp dành riêng cho trẻ em? (chọn nhiều đáp án)',
		options: [
			{ text: 'Tháng 6 – Tháng hành động vì trẻ em', correct: true },
			{ text: '20/3 – Ngày Quốc tế Hạnh phúc', correct: false },
			{ text: '11/10 – Ngày Quốc tế trẻ em gái', correct: true },
			{ text: '9/11 – Ngày Pháp luật Việt Nam', correct: false }
		],
		explanation: 'Tháng 6 là Tháng hành động vì trẻ em và 11/10 là Ngày Quốc tế trẻ em gái. Ngày 20/3 (Quốc tế Hạnh phúc) và 9/11 (Ngày Pháp luật) dành cho mọi người.',
		legalRef: 'Khoản 1 Điều 11, Luật Trẻ em 2016; Nghị quyết 66/170 ngày 19/12/2011 của Đại hội đồng Liên Hợp Quốc'
	}
];
