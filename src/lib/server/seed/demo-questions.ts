/**
 * Demo question bank for the first contest, written from shared/CONTENT.md (facts marked [V] or [S+] only).
 * Each question carries its explanation and legal reference; options are listed with the correct one(s) flagged.
 */
export interface SeedTopic {
	code: string;
	name: string;
}
export interface SeedQuestion {
	topic: string; // SeedTopic.code
	difficulty: 1 | 2 | 3; // 1 dễ, 2 trung bình, 3 khó
	kind: 'single' | 'multiple' | 'true_false';
	stem: string;
	options: { text: string; correct: boolean }[];
	explanation: string;
	legalRef: string;
}
export const seedTopics: SeedTopic[] = [
	{ code: 'bao-luc-gia-dinh', name: 'Phòng, chống bạo lực gia đình' },
	{ code: 'tre-em', name: 'Quyền trẻ em và bảo vệ trẻ em' },
	{ code: 'binh-dang-gioi', name: 'Bình đẳng giới' },
	{ code: 'hinh-su', name: 'Tội phạm xâm hại phụ nữ, trẻ em' },
	{ code: 'ky-nang', name: 'Kỹ năng phòng ngừa, ứng phó và đường dây nóng' }
];
export const seedQuestions: SeedQuestion[] = [
	// ——— Chủ đề 1: Phòng, chống bạo lực gia đình ———
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, bạo lực gia đình là hành vi cố ý của thành viên gia đình gây tổn hại hoặc có khả năng gây tổn hại về những mặt nào đối với thành viên khác trong gia đình?',
		options: [
			{ text: 'Chỉ về thể chất (thân thể, sức khỏe)', correct: false },
			{ text: 'Về thể chất và tinh thần', correct: false },
			{ text: 'Về thể chất, tinh thần, tình dục, kinh tế', correct: true },
			{ text: 'Chỉ về kinh tế (tiền bạc, tài sản)', correct: false }
		],
		explanation: 'Luật định nghĩa bạo lực gia đình gồm tổn hại về thể chất, tinh thần, tình dục và kinh tế. Như vậy không chỉ đánh đập mà cả xúc phạm, ép buộc tình dục hay kiểm soát tiền bạc cũng có thể là bạo lực gia đình.',
		legalRef: 'Khoản 1 Điều 2, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'single',
		stem: 'Luật Phòng, chống bạo lực gia đình 2022 (Luật số 13/2022/QH15) có hiệu lực thi hành từ ngày nào?',
		options: [
			{ text: 'Ngày 01/6/2017', correct: false },
			{ text: 'Ngày 01/7/2023', correct: true },
			{ text: 'Ngày 01/01/2015', correct: false },
			{ text: 'Ngày 01/7/2008', correct: false }
		],
		explanation: 'Luật được Quốc hội khóa XV thông qua ngày 14/11/2022 và có hiệu lực từ ngày 01/7/2023. Ngày 01/6/2017 là ngày Luật Trẻ em 2016 có hiệu lực, còn ngày 01/01/2015 là ngày Luật Hôn nhân và gia đình 2014 có hiệu lực.',
		legalRef: 'Luật Phòng, chống bạo lực gia đình 2022 (Luật số 13/2022/QH15), thông qua ngày 14/11/2022'
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
			{ text: 'Chuyện trong nhà phải để gia đình tự giải quyết', correct: false },
			{ text: 'Chỉ can thiệp khi có người bị thương nặng', correct: false },
			{ text: 'Phòng ngừa là chính, lấy người bị bạo lực gia đình làm trung tâm', correct: true }
		],
		explanation: 'Luật đặt phòng ngừa lên hàng đầu và lấy người bị bạo lực làm trung tâm, nghĩa là phải ngăn bạo lực từ sớm và ưu tiên sự an toàn, nhu cầu của người bị bạo lực.',
		legalRef: 'Điều 4, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 2,
		kind: 'single',
		stem: 'Chủ tịch Ủy ban nhân dân cấp xã có thể ra quyết định cấm người có hành vi bạo lực gia đình tiếp xúc với người bị bạo lực. Mỗi lần cấm tiếp xúc như vậy kéo dài không quá bao lâu?',
		options: [
			{ text: '03 ngày', correct: true },
			{ text: '12 giờ', correct: false },
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
		stem: 'Theo Nghị định 76/2023/NĐ-CP, trong thời gian bị cấm tiếp xúc, người có hành vi bạo lực gia đình không được đến gần người bị bạo lực trong phạm vi bao nhiêu mét?',
		options: [
			{ text: '30 mét', correct: false },
			{ text: '50 mét', correct: false },
			{ text: '100 mét', correct: true },
			{ text: '200 mét', correct: false }
		],
		explanation: 'Nghị định 76/2023/NĐ-CP quy định khoảng cách cấm đến gần là 100 mét, đủ xa để người bị bạo lực được an toàn trong thời gian cấm tiếp xúc.',
		legalRef: 'Nghị định 76/2023/NĐ-CP ngày 01/11/2023 quy định chi tiết Luật Phòng, chống bạo lực gia đình'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 1,
		kind: 'multiple',
		stem: 'Khi phát hiện hành vi bạo lực gia đình, người dân có thể báo tin cho những nơi nào sau đây? (chọn nhiều đáp án)',
		options: [
			{ text: 'Ủy ban nhân dân cấp xã nơi xảy ra hành vi bạo lực', correct: true },
			{ text: 'Cơ quan Công an gần nơi xảy ra hành vi bạo lực', correct: true },
			{ text: 'Cửa hàng tạp hóa gần nhà', correct: false },
			{ text: 'Trưởng thôn hoặc Tổ trưởng tổ dân phố', correct: true }
		],
		explanation: 'Luật liệt kê các địa chỉ tiếp nhận tin báo như UBND cấp xã, Công an, Trưởng thôn, Tổ trưởng tổ dân phố, cơ sở giáo dục nơi người bị bạo lực đang học… Báo đúng nơi giúp vụ việc được xử lý nhanh.',
		legalRef: 'Khoản 1 Điều 19, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'bao-luc-gia-dinh',
		difficulty: 3,
		kind: 'single',
		stem: 'Khi Tòa án đang giải quyết vụ án dân sự giữa hai bên, Tòa án có thể ra quyết định cấm tiếp xúc đối với người có hành vi bạo lực gia đình trong thời hạn tối đa là bao lâu?',
		options: [
			{ text: '03 ngày', correct: false },
			{ text: '04 tháng', correct: true },
			{ text: '12 tháng', correct: false },
			{ text: '12 giờ', correct: false }
		],
		explanation: 'Cấm tiếp xúc theo quyết định của Tòa án có thời hạn không quá 04 tháng, dài hơn nhiều so với mức 03 ngày của Chủ tịch UBND cấp xã, để bảo vệ người bị bạo lực trong suốt quá trình giải quyết vụ án.',
		legalRef: 'Điều 26, Luật Phòng, chống bạo lực gia đình 2022'
	},
	// ——— Chủ đề 2: Quyền trẻ em và bảo vệ trẻ em ———
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
		difficulty: 1,
		kind: 'single',
		stem: 'Luật Trẻ em 2016 (Luật số 102/2016/QH13) có hiệu lực thi hành từ ngày nào?',
		options: [
			{ text: 'Ngày 01/7/2023', correct: false },
			{ text: 'Ngày 01/7/2007', correct: false },
			{ text: 'Ngày 01/01/2015', correct: false },
			{ text: 'Ngày 01/6/2017', correct: true }
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
			{ text: 'Bóc lột trẻ em', correct: true },
			{ text: 'Khuyến khích trẻ tham gia thể dục, thể thao', correct: false },
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
			{ text: 'Ba cấp độ: phòng ngừa, hỗ trợ, can thiệp', correct: true },
			{ text: 'Hai cấp độ: nhắc nhở và xử phạt', correct: false },
			{ text: 'Ba cấp độ: tuyên truyền, xử phạt, khen thưởng', correct: false },
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
			{ text: 'Mọi cơ quan, tổ chức, cơ sở giáo dục, gia đình, cá nhân', correct: true },
			{ text: 'Chỉ cha mẹ của trẻ', correct: false },
			{ text: 'Chỉ giáo viên của trẻ', correct: false },
			{ text: 'Chỉ cơ quan công an', correct: false }
		],
		explanation: 'Bảo vệ trẻ em là trách nhiệm của tất cả mọi người; ai biết trẻ bị xâm hại hoặc có nguy cơ bị bạo lực, bóc lột, bỏ rơi đều phải báo cho cơ quan có thẩm quyền.',
		legalRef: 'Khoản 1 Điều 51, Luật Trẻ em 2016'
	},
	{
		topic: 'tre-em',
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
			{ text: '15 quyền', correct: false },
			{ text: '20 quyền', correct: false },
			{ text: '30 quyền', correct: false },
			{ text: '25 quyền', correct: true }
		],
		explanation: 'Luật Trẻ em 2016 quy định 25 quyền của trẻ em từ Điều 12 đến Điều 36, ví dụ quyền sống, quyền được bảo vệ để không bị xâm hại tình dục, không bị bạo lực, bỏ rơi, bỏ mặc.',
		legalRef: 'Điều 12 đến Điều 36, Luật Trẻ em 2016'
	},
	// ——— Chủ đề 3: Bình đẳng giới ———
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
		explanation: 'Giới tính chỉ các đặc điểm sinh học của nam, nữ. Còn "giới" chỉ đặc điểm, vị trí, vai trò của nam và nữ trong các mối quan hệ xã hội, là điều có thể thay đổi theo nhận thức của xã hội.',
		legalRef: 'Khoản 1 và khoản 2 Điều 5, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'single',
		stem: 'Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới được tổ chức hằng năm vào khoảng thời gian nào?',
		options: [
			{ text: 'Từ ngày 15/11 đến ngày 15/12', correct: true },
			{ text: 'Từ ngày 01/6 đến ngày 30/6', correct: false },
			{ text: 'Từ ngày 01/3 đến ngày 31/3', correct: false },
			{ text: 'Từ ngày 20/10 đến ngày 20/11', correct: false }
		],
		explanation: 'Từ năm 2016, Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới được tổ chức từ 15/11 đến 15/12 hằng năm. Tháng 6 là Tháng hành động vì trẻ em.',
		legalRef: 'Quyết định 1696/QĐ-TTg ngày 02/10/2015 của Thủ tướng Chính phủ (Chương trình hành động quốc gia về bình đẳng giới giai đoạn 2016–2020)'
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
		kind: 'single',
		stem: 'Suy nghĩ "con gái không cần học cao, chỉ cần lo việc nhà" là biểu hiện của điều gì theo cách hiểu của Luật Bình đẳng giới 2006?',
		options: [
			{ text: 'Bình đẳng giới', correct: false },
			{ text: 'Biện pháp thúc đẩy bình đẳng giới', correct: false },
			{ text: 'Đặc điểm giới tính', correct: false },
			{ text: 'Định kiến giới', correct: true }
		],
		explanation: 'Định kiến giới là nhận thức, thái độ và đánh giá thiên lệch, tiêu cực về đặc điểm, vị trí, vai trò và năng lực của nam hoặc nữ. Cho rằng con gái không cần học cao là đánh giá thiên lệch về năng lực và vai trò của nữ.',
		legalRef: 'Khoản 4 Điều 5, Luật Bình đẳng giới 2006'
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
		kind: 'multiple',
		stem: 'Những hành vi nào sau đây bị nghiêm cấm theo Luật Bình đẳng giới 2006? (chọn nhiều đáp án)',
		options: [
			{ text: 'Cản trở nam, nữ thực hiện bình đẳng giới', correct: true },
			{ text: 'Khuyến khích người chồng cùng chăm sóc con nhỏ', correct: false },
			{ text: 'Bạo lực trên cơ sở giới', correct: true },
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
			{ text: '8 lĩnh vực', correct: true },
			{ text: '6 lĩnh vực', correct: false },
			{ text: '10 lĩnh vực', correct: false }
		],
		explanation: 'Có 8 lĩnh vực: chính trị; kinh tế; lao động; giáo dục và đào tạo; khoa học và công nghệ; văn hóa, thông tin, thể dục, thể thao; y tế; gia đình.',
		legalRef: 'Điều 11 đến Điều 18, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 3,
		kind: 'single',
		stem: 'Theo Luật Bình đẳng giới 2006, hành vi lựa chọn giới tính thai nhi dưới mọi hình thức là vi phạm pháp luật về bình đẳng giới trong lĩnh vực nào?',
		options: [
			{ text: 'Giáo dục và đào tạo', correct: false },
			{ text: 'Lao động', correct: false },
			{ text: 'Y tế', correct: true },
			{ text: 'Chính trị', correct: false }
		],
		explanation: 'Lựa chọn giới tính thai nhi, hoặc xúi giục, ép buộc người khác phá thai vì giới tính của thai nhi, là vi phạm pháp luật về bình đẳng giới trong lĩnh vực y tế, vì con trai hay con gái đều có giá trị như nhau.',
		legalRef: 'Điểm b khoản 7 Điều 40, Luật Bình đẳng giới 2006'
	},
	{
		topic: 'binh-dang-gioi',
		difficulty: 1,
		kind: 'single',
		stem: 'Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ là ngày nào trong năm?',
		options: [
			{ text: 'Ngày 8/3', correct: false },
			{ text: 'Ngày 20/10', correct: false },
			{ text: 'Ngày 11/10', correct: false },
			{ text: 'Ngày 25/11', correct: true }
		],
		explanation: 'Đại hội đồng Liên Hợp Quốc chọn ngày 25/11 hằng năm là Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ. Ngày 8/3 là Ngày Quốc tế Phụ nữ, 20/10 là Ngày Phụ nữ Việt Nam, 11/10 là Ngày Quốc tế trẻ em gái.',
		legalRef: 'Nghị quyết 54/134 ngày 17/12/1999 của Đại hội đồng Liên Hợp Quốc'
	},
	// ——— Chủ đề 4: Tội phạm xâm hại phụ nữ, trẻ em ———
	{
		topic: 'hinh-su',
		difficulty: 2,
		kind: 'single',
		stem: 'Điều 185 Bộ luật Hình sự 2015 quy định về tội danh nào?',
		options: [
			{ text: 'Tội mua bán người', correct: false },
			{ text: 'Tội ngược đãi hoặc hành hạ ông bà, cha mẹ, vợ chồng, con, cháu hoặc người có công nuôi dưỡng mình', correct: true },
			{ text: 'Tội dâm ô đối với người dưới 16 tuổi', correct: false },
			{ text: 'Tội làm nhục người khác', correct: false }
		],
		explanation: 'Điều 185 là tội danh gắn trực tiếp với bạo lực gia đình: đối xử tồi tệ hoặc có hành vi bạo lực xâm phạm thân thể người thân, khi thường xuyên gây đau đớn về thể xác, tinh thần hoặc đã bị xử phạt hành chính mà còn vi phạm.',
		legalRef: 'Điều 185, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hinh-su',
		difficulty: 1,
		kind: 'single',
		stem: 'Tội mua bán người dưới 16 tuổi được quy định tại điều nào của Bộ luật Hình sự 2015?',
		options: [
			{ text: 'Điều 150', correct: false },
			{ text: 'Điều 142', correct: false },
			{ text: 'Điều 151', correct: true },
			{ text: 'Điều 185', correct: false }
		],
		explanation: 'Điều 151 quy định Tội mua bán người dưới 16 tuổi; Điều 150 là Tội mua bán người nói chung. Pháp luật tách riêng tội mua bán trẻ em để bảo vệ trẻ nghiêm ngặt hơn.',
		legalRef: 'Điều 151, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hinh-su',
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
		topic: 'hinh-su',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Bộ luật Hình sự, người nào giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người dưới 13 tuổi, kể cả khi trẻ không phản đối, thì phạm tội gì?',
		options: [
			{ text: 'Tội hiếp dâm người dưới 16 tuổi', correct: true },
			{ text: 'Tội cưỡng dâm', correct: false },
			{ text: 'Tội làm nhục người khác', correct: false },
			{ text: 'Không phạm tội nếu trẻ tự nguyện', correct: false }
		],
		explanation: 'Giao cấu hoặc thực hiện hành vi quan hệ tình dục khác với người dưới 13 tuổi luôn cấu thành Tội hiếp dâm người dưới 16 tuổi, không cần xét trẻ có đồng ý hay không, vì trẻ nhỏ chưa đủ khả năng tự bảo vệ mình.',
		legalRef: 'Điểm b khoản 1 Điều 142, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hinh-su',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Bộ luật Hình sự, người từ đủ 18 tuổi trở lên có hành vi dâm ô đối với người dưới 16 tuổi có thể bị xử lý như thế nào?',
		options: [
			{ text: 'Có thể bị truy cứu trách nhiệm hình sự về Tội dâm ô đối với người dưới 16 tuổi', correct: true },
			{ text: 'Chỉ bị nhắc nhở nếu không gây thương tích', correct: false },
			{ text: 'Chỉ phải xin lỗi gia đình của trẻ', correct: false },
			{ text: 'Không bị xử lý nếu trẻ không kể với ai', correct: false }
		],
		explanation: 'Bộ luật Hình sự có riêng Tội dâm ô đối với người dưới 16 tuổi (Điều 146) áp dụng với người từ đủ 18 tuổi trở lên, để bảo vệ trẻ em khỏi mọi hành vi xâm hại tình dục.',
		legalRef: 'Điều 146, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hinh-su',
		difficulty: 1,
		kind: 'single',
		stem: 'Theo Bộ luật Hình sự 2015, người từ đủ bao nhiêu tuổi trở lên phải chịu trách nhiệm hình sự về mọi tội phạm (trừ những tội phạm mà Bộ luật có quy định khác)?',
		options: [
			{ text: 'Từ đủ 14 tuổi trở lên', correct: false },
			{ text: 'Từ đủ 18 tuổi trở lên', correct: false },
			{ text: 'Từ đủ 13 tuổi trở lên', correct: false },
			{ text: 'Từ đủ 16 tuổi trở lên', correct: true }
		],
		explanation: 'Người từ đủ 16 tuổi trở lên phải chịu trách nhiệm hình sự về mọi tội phạm, trừ trường hợp Bộ luật có quy định khác. Người từ đủ 14 đến dưới 16 tuổi chỉ chịu trách nhiệm về một số tội rất nghiêm trọng, đặc biệt nghiêm trọng.',
		legalRef: 'Khoản 1 Điều 12, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hinh-su',
		difficulty: 1,
		kind: 'multiple',
		stem: 'Những tội danh nào sau đây được Bộ luật Hình sự 2015 quy định riêng để bảo vệ người dưới 16 tuổi? (chọn nhiều đáp án)',
		options: [
			{ text: 'Tội vi phạm chế độ một vợ, một chồng', correct: false },
			{ text: 'Tội dâm ô đối với người dưới 16 tuổi', correct: true },
			{ text: 'Tội mua bán người dưới 16 tuổi', correct: true },
			{ text: 'Tội chiếm đoạt người dưới 16 tuổi', correct: true }
		],
		explanation: 'Bộ luật Hình sự có nhiều tội danh riêng cho nạn nhân dưới 16 tuổi như Tội dâm ô (Điều 146), Tội mua bán người dưới 16 tuổi (Điều 151), Tội chiếm đoạt người dưới 16 tuổi (Điều 153). Tội vi phạm chế độ một vợ, một chồng (Điều 182) bảo vệ chế độ hôn nhân.',
		legalRef: 'Điều 146, Điều 151, Điều 153, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hinh-su',
		difficulty: 2,
		kind: 'single',
		stem: 'Người nào đối xử tàn ác hoặc làm nhục người lệ thuộc mình (không phải trường hợp ông bà, cha mẹ, vợ chồng, con, cháu) có thể bị truy cứu về tội nào?',
		options: [
			{ text: 'Tội mua bán người', correct: false },
			{ text: 'Tội tổ chức tảo hôn', correct: false },
			{ text: 'Tội hành hạ người khác', correct: true },
			{ text: 'Tội đánh tráo người dưới 01 tuổi', correct: false }
		],
		explanation: 'Điều 140 quy định Tội hành hạ người khác: đối xử tàn ác hoặc làm nhục người lệ thuộc mình, nếu không thuộc trường hợp của Điều 185 (ngược đãi, hành hạ người thân trong gia đình).',
		legalRef: 'Khoản 1 Điều 140, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	{
		topic: 'hinh-su',
		difficulty: 3,
		kind: 'true_false',
		stem: 'Đúng hay sai: Người cưỡng ép người khác kết hôn trái với sự tự nguyện của họ bị truy cứu trách nhiệm hình sự về Tội cưỡng ép kết hôn (Điều 181) ngay từ lần vi phạm đầu tiên, dù chưa từng bị xử phạt vi phạm hành chính về hành vi này.',
		options: [
			{ text: 'Đúng', correct: false },
			{ text: 'Sai', correct: true }
		],
		explanation: 'Sai. Điều 181 chỉ áp dụng khi người đó đã bị xử phạt vi phạm hành chính về hành vi này mà còn vi phạm. Lần đầu vi phạm thường bị xử phạt hành chính, nếu tái phạm mới bị xử lý hình sự theo tội này.',
		legalRef: 'Điều 181, Bộ luật Hình sự 2015 (sửa đổi, bổ sung 2017)'
	},
	// ——— Chủ đề 5: Kỹ năng phòng ngừa, ứng phó và đường dây nóng ———
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
		explanation: 'Tổng đài quốc gia bảo vệ trẻ em dùng số 111, khai trương ngày 06/12/2017. Khi trẻ em bị xâm hại hoặc có nguy cơ bị xâm hại, hãy gọi 111.',
		legalRef: 'Điều 23, Nghị định 56/2017/NĐ-CP; số 111 khai trương ngày 06/12/2017 (tacnghiep.thoidai.com.vn; plo.vn)'
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
			{ text: '112', correct: false }
		],
		explanation: '113 là số gọi Công an khi có nguy hiểm về an ninh, trật tự, tội phạm. Số 114 dùng cho cháy nổ, cứu nạn cứu hộ; số 115 gọi cấp cứu y tế.',
		legalRef: 'Số khẩn cấp 113 (Công an), 114 (cứu hỏa, cứu nạn), 115 (cấp cứu) theo CONTENT.md mục 3b (ancotnam.vn; ngaynay.vn)'
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
		explanation: 'Ngón út (xa ngón cái nhất) tượng trưng cho người lạ: trẻ không nên tiếp xúc, chỉ xua tay từ chối. Ngón cái là những người thân nhất như ông bà, bố mẹ, anh chị em ruột.',
		legalRef: 'Quy tắc 5 ngón tay (plo.vn – ThS Hoàng Thị Kim Huệ, ĐHSP Hà Nội; thaibinhtv.vn 15/03/2017)'
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
		explanation: 'Tổng đài hoạt động 24 giờ tất cả các ngày, dùng số ngắn 03 số và không thu phí viễn thông, phí tư vấn, nên ai cũng có thể gọi bất cứ lúc nào mà không mất tiền.',
		legalRef: 'Khoản 1 và khoản 2 Điều 23, Nghị định 56/2017/NĐ-CP'
	},
	{
		topic: 'ky-nang',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, người dân có thể báo tin về bạo lực gia đình bằng những hình thức nào?',
		options: [
			{ text: 'Chỉ bằng đơn có chữ ký của hai người làm chứng', correct: false },
			{ text: 'Gọi điện, nhắn tin; gửi đơn, thư; hoặc trực tiếp báo tin', correct: true },
			{ text: 'Chỉ bằng cách đến trực tiếp trụ sở Công an', correct: false },
			{ text: 'Chỉ bằng cách đăng bài lên mạng xã hội', correct: false }
		],
		explanation: 'Luật cho phép báo tin bằng nhiều cách: gọi điện, nhắn tin; gửi đơn, thư; hoặc trực tiếp báo tin. Hãy chọn cách nhanh và an toàn nhất với mình.',
		legalRef: 'Khoản 2 Điều 19, Luật Phòng, chống bạo lực gia đình 2022'
	},
	{
		topic: 'ky-nang',
		difficulty: 2,
		kind: 'single',
		stem: 'Theo Luật Phòng, chống bạo lực gia đình 2022, "nơi tạm lánh" là gì?',
		options: [
			{ text: 'Nơi giam giữ người có hành vi bạo lực gia đình', correct: false },
			{ text: 'Nơi tổ chức hòa giải mâu thuẫn giữa vợ và chồng', correct: false },
			{ text: 'Địa điểm để bảo đảm an toàn cho người bị bạo lực gia đình', correct: true },
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
			{ text: 'Cơ quan công an', correct: true },
			{ text: 'Không báo cho ai, chỉ kể cho người trong nhà biết', correct: false },
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
			{ text: 'Gia đình có việc cưới, việc tang', correct: true },
			{ text: 'Muốn đến nhà để xin lỗi', correct: false },
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
	}
];
