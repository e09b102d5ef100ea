// Hướng dẫn sử dụng: the operator's first week, step by step, for a non-technical person.

import { h } from '../dom.js';

const sections = [
    ['Ngày 1: Đăng nhập và xem tổng quan', [
        'Mở trình duyệt (Chrome, Edge hoặc Firefox) trên máy tính ở Trung tâm, gõ địa chỉ trang quản lý mà cán bộ kỹ thuật đã cho (nên lưu vào mục yêu thích của trình duyệt).',
        'Nhập tên đăng nhập và mật khẩu của bạn rồi nhấn “Đăng nhập”. Không đưa mật khẩu cho người khác.',
        'Trang “Tổng quan” cho biết: bài đang phát (thanh màu xanh chạy theo thời gian), chương trình hôm nay, tình trạng loa (chấm xanh là tốt, chấm đỏ là đang lỗi) và các lỗi gần đây.',
        'Góc trên có chữ “Tự cập nhật”: khi chấm xanh, trang tự cập nhật, không cần tải lại. Khi chấm đỏ và hiện “Mất kết nối”, trang đang tự kết nối lại; nếu lâu không được, hãy tải lại trang.',
        'Xong việc, nhấn “Đăng xuất” ở góc trên bên phải.',
    ]],
    ['Ngày 2: Đưa tin, bài vào thư viện', [
        'Vào “Thư viện”. Kéo tệp âm thanh (MP3, WAV…) từ máy tính thả vào ô “Kéo thả tệp âm thanh vào đây”, hoặc nhấn vào ô đó để chọn tệp. Thanh tiến độ cho biết tệp đã tải lên được bao nhiêu.',
        'Muốn tự đọc thông báo: ở ô “Ghi âm bằng micrô”, nhấn “Bắt đầu ghi âm” (lần đầu trình duyệt hỏi quyền dùng micrô: chọn “Cho phép”), đọc, nhấn “Dừng”, nghe lại, rồi nhấn “Lưu vào thư viện”.',
        'Muốn máy đọc một văn bản: gõ nội dung vào ô “Đọc văn bản thành tiếng”, đặt tên rồi nhấn “Tạo bản đọc”.',
        'Với mỗi tin, bài: nhấn “Sửa thông tin” để chọn nội dung (mục a, b, c… của kế hoạch CCHC), hình thức (tin, bài, phóng sự…) và thời gian hiệu lực, rồi nhấn “Lưu thay đổi”. Nhật ký và báo cáo dùng các thông tin này.',
        'Nhấn nút ▶ trên thanh nghe để nghe thử ngay trên máy tính.',
    ]],
    ['Ngày 3: Duyệt tin, bài', [
        'Tin, bài mới có nhãn “Chờ duyệt” và chưa được phát. Người có quyền duyệt vào “Thư viện”, nghe thử rồi nhấn “Duyệt” hoặc “Từ chối” (khi từ chối phải ghi lý do để người vận hành sửa).',
        'Việc duyệt được ghi lại kèm tên người duyệt và thời gian — đây là minh chứng khi chấm điểm CCHC.',
        'Người vận hành không tự duyệt bài của mình được; đó là việc của người duyệt.',
    ]],
    ['Ngày 4: Xếp lịch phát', [
        'Vào “Lịch phát”. Mỗi ô là một ngày trong tuần, trong đó có các khung giờ phát.',
        'Nhấn vào một khung giờ để sửa, hoặc “Thêm khung giờ”. Chọn giờ bắt đầu, các ngày trong tuần, độ dài tối đa.',
        'Ở “Chương trình phát”, thêm từng dòng: “Bài cố định” (chọn đúng một bài) hoặc “Chọn tự động từ kho” (máy tự chọn bài theo nội dung, luân phiên để bài nào cũng được phát).',
        'Nhấn “Kiểm tra và lưu”. Nếu có xung đột (ví dụ trùng giờ với khung khác, bài chưa duyệt, chương trình dài hơn khung giờ), trang hiện cảnh báo màu vàng; sửa lại, hoặc nhấn lần nữa nếu vẫn muốn lưu.',
        'Nhấn “Xem trước” dưới một ngày để biết ngày đó sẽ phát những bài nào và vì sao chọn bài đó.',
    ]],
    ['Ngày 5: Xem và sửa nhật ký', [
        'Vào “Nhật ký”. Mỗi lần phát là một dòng, do máy tự ghi. Chọn khoảng ngày, nội dung, hình thức, trạng thái rồi nhấn “Lọc”.',
        'Dòng mới tự hiện lên (tô vàng trong giây lát) khi máy vừa phát xong.',
        'Nếu có buổi phát không qua hệ thống (ví dụ đọc trực tiếp), mở “Thêm dòng nhật ký thủ công” và điền vào.',
        'Nếu một dòng ghi sai nội dung hoặc hình thức, nhấn “Sửa” ở dòng đó, sửa và ghi lý do. Dòng gốc không bị xóa; bản sửa được ghi kèm tên bạn.',
    ]],
    ['Khi có việc khẩn cấp', [
        'Vào “Phát khẩn cấp” (chữ đỏ ở thanh bên trái).',
        'Gõ nội dung thông báo (máy sẽ đọc thành tiếng) hoặc chọn một bản ghi có sẵn; chọn loa cần phát.',
        'Nhấn “Phát khẩn cấp ngay”, đọc lại trong hộp xác nhận rồi nhấn “Phát ngay”. Bài đang phát bị cắt ngang, thông báo được phát ngay; sau đó chương trình tự phát tiếp.',
        'Nếu không gấp đến mức cắt ngang, dùng “Phát ngay sau bài đang phát”.',
        'Muốn dừng loa ngay: nhấn “Dừng phát”.',
    ]],
    ['Cuối quý: Lập báo cáo', [
        'Vào “Báo cáo”. Chọn “Quý”, năm và quý (ví dụ Quý I năm 2026).',
        'Nhấn “Tải Excel (XLSX)” để có bảng nhật ký theo đúng thể thức, kèm phần tổng hợp theo nội dung và hình thức. Có thể tải PDF để in và ký.',
        'Ở mục “Số văn bản và phần đánh giá”, ghi số văn bản và ba phần: kết quả đạt được, tồn tại và hạn chế, đề xuất; nhấn “Lưu phần đánh giá”. Mỗi kỳ lưu riêng; báo cáo lập sau đó in phần này vào PDF và Excel.',
        'Báo cáo quý, 6 tháng và năm phải nộp trước ngày 8 của tháng cuối kỳ. Máy cũng tự lập sẵn: xem ở mục “Báo cáo định kỳ đã lập”.',
        'Tên cơ quan in trên đầu báo cáo do quản trị viên đặt ở “Cài đặt”.',
    ]],
    ['Khi gặp sự cố', [
        'Chấm đỏ ở “Đầu ra âm thanh” trên trang Tổng quan: loa hoặc máy phát có vấn đề. Đọc dòng “Lỗi gần nhất” và báo cho cán bộ kỹ thuật. Các loa khác vẫn phát bình thường.',
        'Trang báo “Tài khoản của bạn không có quyền làm việc này”: nhờ quản trị viên cấp thêm quyền.',
        'Trang đưa về màn hình đăng nhập: phiên làm việc đã hết hạn, chỉ cần đăng nhập lại.',
        'Thông báo lỗi màu đỏ luôn nằm ngay dưới ô cần sửa.',
    ]],
];

export default function help(root) {
    root.append(
        h('div', { class: 'help' },
            h('p', { class: 'tip' }, 'Trang này hướng dẫn tuần làm việc đầu tiên với hệ thống loa phường. Bạn không cần biết gì về máy tính ngoài việc dùng trình duyệt.'),
            h('nav', { 'aria-label': 'Mục lục hướng dẫn' }, h('ol', {}, sections.map(([t], i) => h('li', {}, h('a', { href: `#/huong-dan`, onclick: (ev) => { ev.preventDefault(); document.getElementById(`hd-${i}`).scrollIntoView(); } }, t))))),
            sections.map(([title, steps], i) => [h('h2', { id: `hd-${i}` }, title), h('ol', {}, steps.map((s) => h('li', {}, s)))]),
            h('h2', {}, 'Các vai trò'),
            h('ul', {},
                h('li', {}, h('strong', {}, 'Người vận hành: '), 'đưa tin, bài vào thư viện, xếp lịch, phát khẩn cấp, ghi và sửa nhật ký.'),
                h('li', {}, h('strong', {}, 'Người duyệt: '), 'duyệt hoặc từ chối tin, bài.'),
                h('li', {}, h('strong', {}, 'Người xem: '), 'xem và tải báo cáo.'),
                h('li', {}, h('strong', {}, 'Quản trị: '), 'mọi việc trên, cộng tài khoản và cài đặt.'))),
    );
}
