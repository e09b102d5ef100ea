#pragma once
// RAII around lxw_workbook: closed (and so written) exactly once.

#include <xlsxwriter.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace lp::exporting::xlsx {

inline constexpr const char* official_font = "Times New Roman";

class Workbook {
public:
    explicit Workbook(const std::filesystem::path& file);  // throws naming the file
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() const { return wb_; }
    lxw_worksheet* add_sheet(const std::string& name);
    lxw_format* format() { return workbook_add_format(wb_); }
    // The text of an official document (Nghị định 30/2020: Unicode Times New Roman), wrapped
    // and vertically centred; `boxed` adds thin cell borders.
    lxw_format* text_format(double size, bool bold, bool italic, std::uint8_t align, bool boxed = false);
    // A table's header cell: bold, centred, boxed, shaded.
    lxw_format* header_format(double size);
    // A boxed, centred number cell (11 pt) with `num_format` ("0.0", "[h]:mm:ss"; empty: general).
    lxw_format* number_format(bool bold, const char* num_format = "");
    // Writes the file; throws std::runtime_error "<file>: workbook_close() failed: <reason>".
    void close();

private:
    std::filesystem::path file_;
    lxw_workbook* wb_ = nullptr;
};

// Throws std::runtime_error "<what>() failed: <lxw_strerror>" unless err is LXW_NO_ERROR.
void check(lxw_error err, const char* what);

}  // namespace lp::exporting::xlsx
