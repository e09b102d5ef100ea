#include "export/xlsx/Workbook.hpp"

#include <stdexcept>

namespace lp::exporting::xlsx {

void check(lxw_error err, const char* what) {
    if (err != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + "() failed: " + lxw_strerror(err));
}

Workbook::Workbook(const std::filesystem::path& file) : file_(file), wb_(workbook_new(file.c_str())) {
    if (!wb_) throw std::runtime_error(file.string() + ": workbook_new() failed");
}

Workbook::~Workbook() {
    if (wb_) workbook_close(wb_);  // frees; an error here has no one to tell
}

lxw_worksheet* Workbook::add_sheet(const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
    if (!ws) throw std::runtime_error(file_.string() + ": workbook_add_worksheet(\"" + name + "\") failed");
    return ws;
}

void Workbook::close() {
    const lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR)
        throw std::runtime_error(file_.string() + ": workbook_close() failed: " + lxw_strerror(err));
}

lxw_format* Workbook::text_format(double size, bool bold, bool italic, std::uint8_t align, bool boxed) {
    lxw_format* f = format();
    format_set_font_name(f, official_font);
    format_set_font_size(f, size);
    if (bold) format_set_bold(f);
    if (italic) format_set_italic(f);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    if (boxed) format_set_border(f, LXW_BORDER_THIN);
    return f;
}

lxw_format* Workbook::header_format(double size) {
    lxw_format* f = text_format(size, true, false, LXW_ALIGN_CENTER, true);
    format_set_bg_color(f, 0xE7E6E6);
    return f;
}

lxw_format* Workbook::number_format(bool bold, const char* num_format) {
    lxw_format* f = text_format(11, bold, false, LXW_ALIGN_CENTER, true);
    if (*num_format) format_set_num_format(f, num_format);
    return f;
}

}  // namespace lp::exporting::xlsx
