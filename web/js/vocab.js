// The plan's vocabulary with its Vietnamese labels (domain/Vocabulary.cpp, journal/Status.cpp,
// scheduler priorities). The server's own labels win where it sends them.

export const topics = [
    ['a', 'a. Quan điểm, chủ trương, chính sách, pháp luật về CCHC'],
    ['b', 'b. Vai trò, trách nhiệm của người đứng đầu trong CCHC'],
    ['c', 'c. Sắp xếp tổ chức bộ máy, chính quyền địa phương 02 cấp'],
    ['d', 'd. Ý nghĩa, mục tiêu CCHC; Chương trình tổng thể 2021 - 2030'],
    ['dd', 'đ. CCHC với môi trường đầu tư kinh doanh'],
    ['e', 'e. Kết quả CCHC năm 2025, phương hướng năm 2026; các chỉ số PAR Index, PCI, SIPAS, PAPI, DTI'],
    ['g', 'g. Mô hình, điển hình tiên tiến; văn hóa, đạo đức công vụ'],
    ['h', 'h. Quan hệ giữa Nhà nước và Nhân dân; quyền, nghĩa vụ của người dân'],
    ['i', 'i. Chỉ tiêu CCHC năm 2026; cải cách thể chế, thủ tục hành chính, bộ máy, công vụ, tài chính công'],
    ['k', 'k. Chương trình CCHC thành phố gắn với chuyển đổi số'],
    ['l', 'l. Ứng dụng công nghệ thông tin trong CCHC'],
    ['m', 'm. Dịch vụ công trực tuyến, đường dây nóng, tiếp nhận phản ánh, kiến nghị'],
    ['n', 'n. Hưởng ứng các cuộc thi về CCHC'],
    ['other', 'Nội dung khác'],
];

export const forms = [
    ['tin', 'Tin'],
    ['bai', 'Bài'],
    ['phong_su', 'Phóng sự'],
    ['phong_van', 'Phỏng vấn'],
    ['toa_dam', 'Tọa đàm'],
    ['thong_bao', 'Thông báo'],
    ['am_nhac', 'Âm nhạc, nhạc hiệu'],
    ['other', 'Hình thức khác'],
];

export const statuses = [
    ['playing', 'Đang phát'],
    ['completed', 'Đã phát'],
    ['interrupted', 'Bị ngắt giữa chừng'],
    ['failed', 'Không phát được'],
    ['skipped', 'Bỏ qua'],
    ['missed', 'Lỡ giờ phát'],
];

export const priorities = [
    ['thuong', 'Thông thường'],
    ['uu-tien', 'Ưu tiên'],
    ['khan-cap', 'Khẩn cấp'],
];

export const approvals = [
    ['pending', 'Chờ duyệt'],
    ['approved', 'Đã duyệt'],
    ['rejected', 'Bị từ chối'],
    ['revoked', 'Đã thu hồi duyệt'],
];

const lookup = (list) => (code) => (list.find(([c]) => c === code) || [code, code ?? ''])[1];
export const topicLabel = lookup(topics);
export const formLabel = lookup(forms);
export const statusLabel = lookup(statuses);
export const priorityLabel = lookup(priorities);
export const approvalLabel = lookup(approvals);
export const topicShort = (code) => (code === 'dd' ? 'đ' : code === 'other' ? 'khác' : code);
