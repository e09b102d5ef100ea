#include "domain/Vocabulary.hpp"

#include <algorithm>
#include <array>

namespace lp::domain {
namespace {

// Headings a..n of section II.1 of the ward's 2026 CCHC plan (đ is spelt dd in code).
constexpr std::array topic_terms{
    Term{"a", "Quan điểm, chủ trương, chính sách, pháp luật về CCHC"},
    Term{"b", "Vai trò, trách nhiệm của người đứng đầu trong CCHC"},
    Term{"c", "Sắp xếp tổ chức bộ máy, chính quyền địa phương 02 cấp"},
    Term{"d", "Ý nghĩa, mục tiêu CCHC; Chương trình tổng thể 2021 - 2030"},
    Term{"dd", "CCHC với môi trường đầu tư kinh doanh"},
    Term{"e", "Kết quả CCHC năm 2025, phương hướng năm 2026; các chỉ số PAR Index, PCI, SIPAS, PAPI, DTI"},
    Term{"g", "Mô hình, điển hình tiên tiến; văn hóa, đạo đức công vụ"},
    Term{"h", "Quan hệ giữa Nhà nước và Nhân dân; quyền, nghĩa vụ của người dân"},
    Term{"i", "Chỉ tiêu CCHC năm 2026; cải cách thể chế, thủ tục hành chính, bộ máy, công vụ, tài chính công"},
    Term{"k", "Chương trình CCHC thành phố gắn với chuyển đổi số"},
    Term{"l", "Ứng dụng công nghệ thông tin trong CCHC"},
    Term{"m", "Dịch vụ công trực tuyến, đường dây nóng, tiếp nhận phản ánh, kiến nghị"},
    Term{"n", "Hưởng ứng các cuộc thi về CCHC"},
    Term{"other", "Nội dung khác"},
};

constexpr std::array form_terms{
    Term{"tin", "Tin"},
    Term{"bai", "Bài"},
    Term{"phong_su", "Phóng sự"},
    Term{"phong_van", "Phỏng vấn"},
    Term{"toa_dam", "Tọa đàm"},
    Term{"thong_bao", "Thông báo"},
    Term{"am_nhac", "Âm nhạc, nhạc hiệu"},
    Term{"other", "Hình thức khác"},
};

const Term* find(std::span<const Term> terms, std::string_view code) {
    auto it = std::ranges::find(terms, code, &Term::code);
    return it == terms.end() ? nullptr : &*it;
}

}  // namespace

std::span<const Term> topics() { return topic_terms; }
std::span<const Term> forms() { return form_terms; }
bool is_topic(std::string_view code) { return find(topic_terms, code) != nullptr; }
bool is_form(std::string_view code) { return find(form_terms, code) != nullptr; }

std::string_view topic_label(std::string_view code) {
    const Term* t = find(topic_terms, code);
    return t ? t->label : code;
}

std::string topic_labels(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) {
        if (!out.empty()) out += "; ";
        out += topic_label(c);
    }
    return out;
}

std::string_view form_label(std::string_view code) {
    const Term* t = find(form_terms, code);
    return t ? t->label : code;
}

}  // namespace lp::domain
