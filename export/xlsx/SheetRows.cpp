#include "export/xlsx/SheetRows.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "export/ZipText.hpp"
#include "export/ZipWriter.hpp"

namespace lp::exporting::xlsx {
namespace {

void append_int(std::string& out, std::uint64_t v) {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out.append(buf, end);
}

// "A".."XFD" then the 1-based row: the cell's reference.
void append_ref(std::string& out, lxw_col_t col, lxw_row_t row) {
    char letters[4];
    int n = 0;
    for (unsigned c = col + 1u; c > 0; c = (c - 1) / 26) letters[n++] = static_cast<char>('A' + (c - 1) % 26);
    while (n > 0) out += letters[--n];
    append_int(out, row + 1ull);
}

// As libxlsxwriter writes a shared string: XML-escaped, control characters as _xHHHH_ (which
// readers turn back), whitespace at either end kept.
void append_si(std::string& out, const std::string& s) {
    const bool keep_space = !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' ||
                                           s.back() == '\t' || s.front() == '\n' || s.back() == '\n');
    out += keep_space ? "<si><t xml:space=\"preserve\">" : "<si><t>";
    for (const char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default:
                if (u < 0x20 && ch != '\t' && ch != '\n') {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "_x%04X_", u);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    out += "</t></si>";
}

std::runtime_error damaged(const std::filesystem::path& file, const std::string& what) {
    return std::runtime_error(file.string() + ": " + what);
}

// The value of `name="…"` in the first element of `xml` starting with `tag`.
std::size_t attribute_at(const std::string& xml, std::string_view tag, std::string_view name, std::size_t* length) {
    const auto start = xml.find(tag);
    if (start == std::string::npos) return std::string::npos;
    const auto end = xml.find('>', start);
    const auto at = xml.find(std::string(" ") + std::string(name) + "=\"", start);
    if (at == std::string::npos || at > end) return std::string::npos;
    const auto value = at + name.size() + 3;
    *length = xml.find('"', value) - value;
    return value;
}

}  // namespace

void SheetRows::add(Cell c) {
    if (!cells_.empty() && (c.row < cells_.back().row || (c.row == cells_.back().row && c.col <= cells_.back().col)))
        throw std::logic_error("SheetRows: cells out of order");
    cells_.push_back(c);
}

std::int32_t SheetRows::style(lxw_format* format) {
    if (!format) return 0;
    for (const auto& [f, index] : styles_)
        if (f == format) return index;
    styles_.emplace_back(format, lxw_format_get_xf_index(format));
    return styles_.back().second;
}

void SheetRows::text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format) {
    const auto s = style(format);
    if (value.empty()) {  // libxlsxwriter writes an empty string as a blank cell (kept only when formatted)
        if (format) add({row, col, s, false, true, 0, 0});
        return;
    }
    auto [it, added] = ids_.try_emplace(std::string(value), static_cast<std::uint32_t>(strings_.size()));
    if (added) strings_.push_back(it->first);
    ++string_cells_;
    add({row, col, s, true, false, it->second, 0});
}

void SheetRows::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
    add({row, col, style(format), false, false, 0, value});
}

void SheetRows::height(lxw_row_t row, double points) {
    if (!heights_.empty() && row <= heights_.back().first) throw std::logic_error("SheetRows: heights out of order");
    heights_.emplace_back(row, points);
}

lxw_row_t SheetRows::first_row() const {
    if (cells_.empty()) return heights_.front().first;
    return heights_.empty() ? cells_.front().row : std::min(cells_.front().row, heights_.front().first);
}

lxw_row_t SheetRows::last_row() const {
    if (cells_.empty()) return heights_.back().first;
    return heights_.empty() ? cells_.back().row : std::max(cells_.back().row, heights_.back().first);
}

std::string SheetRows::xml(const std::vector<std::size_t>& string_index) const {
    std::string out;
    out.reserve(cells_.size() * 40 + heights_.size() * 48);
    auto cell = cells_.begin();
    auto high = heights_.begin();
    char number[40];
    while (cell != cells_.end() || high != heights_.end()) {
        const lxw_row_t row = cell == cells_.end()     ? high->first
                              : high == heights_.end() ? cell->row
                                                       : std::min(cell->row, high->first);
        out += "<row r=\"";
        append_int(out, row + 1ull);
        out += '"';
        if (high != heights_.end() && high->first == row) {
            std::snprintf(number, sizeof number, " ht=\"%g\" customHeight=\"1\"", high->second);
            out += number;
            ++high;
        }
        out += '>';
        for (; cell != cells_.end() && cell->row == row; ++cell) {
            out += "<c r=\"";
            append_ref(out, cell->col, row);
            out += '"';
            if (cell->style) {
                out += " s=\"";
                append_int(out, static_cast<std::uint64_t>(cell->style));
                out += '"';
            }
            if (cell->blank) {
                out += "/>";
            } else if (cell->is_text) {
                out += " t=\"s\"><v>";
                append_int(out, string_index[cell->string_id]);
                out += "</v></c>";
            } else {
                std::snprintf(number, sizeof number, "%.16G", cell->number);  // libxlsxwriter's form
                out += "><v>";
                out += number;
                out += "</v></c>";
            }
        }
        out += "</row>";
    }
    return out;
}

void splice_rows(const std::filesystem::path& file, int sheet, const SheetRows& rows) {
    if (rows.empty()) return;
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw damaged(file, "cannot open");
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    auto entries = zip_entries(bytes, file.string());
    bytes.clear();
    const std::string sheet_name = "xl/worksheets/sheet" + std::to_string(sheet) + ".xml";
    std::string* strings = nullptr;
    std::string* sheet_xml = nullptr;
    for (auto& [name, data] : entries) {
        if (name == "xl/sharedStrings.xml") strings = &data;
        if (name == sheet_name) sheet_xml = &data;
    }
    if (!strings || !sheet_xml) throw damaged(file, "no shared string table or no " + sheet_name);

    // The table: counts updated, our strings after libxlsxwriter's.
    std::size_t count_len = 0, unique_len = 0;
    const auto count_at = attribute_at(*strings, "<sst", "count", &count_len);
    const auto unique_at = attribute_at(*strings, "<sst", "uniqueCount", &unique_len);
    const auto close_at = strings->rfind("</sst>");
    if (count_at == std::string::npos || unique_at == std::string::npos || close_at == std::string::npos)
        throw damaged(file, "xl/sharedStrings.xml is not as libxlsxwriter writes it");
    const std::size_t unique = std::stoul(strings->substr(unique_at, unique_len));
    const std::size_t count = std::stoul(strings->substr(count_at, count_len));
    // The table's entries by their XML, which is how ours are written too.
    std::unordered_map<std::string_view, std::size_t> existing;
    for (auto at = strings->find("<si>"); at != std::string::npos && at < close_at; at = strings->find("<si>", at)) {
        const auto end = strings->find("</si>", at);
        if (end == std::string::npos) break;
        existing.emplace(std::string_view(*strings).substr(at, end + 5 - at), existing.size());
        at = end;
    }
    if (existing.size() != unique)
        throw damaged(file, "xl/sharedStrings.xml: uniqueCount is not the number of strings");
    std::vector<std::size_t> index;
    index.reserve(rows.strings().size());
    std::string added, si;
    std::size_t next = unique;
    for (const auto& s : rows.strings()) {
        si.clear();
        append_si(si, s);
        const auto found = existing.find(si);
        index.push_back(found != existing.end() ? found->second : next++);
        if (found == existing.end()) added += si;
    }
    existing.clear();  // views into the text about to change
    strings->insert(close_at, added);
    // The later attribute first, so the earlier one's offset still holds.
    const auto replace = [&](std::size_t at, std::size_t len, std::size_t v) {
        strings->replace(at, len, std::to_string(v));
    };
    if (unique_at > count_at) {
        replace(unique_at, unique_len, next);
        replace(count_at, count_len, count + rows.string_cells());
    } else {
        replace(count_at, count_len, count + rows.string_cells());
        replace(unique_at, unique_len, next);
    }

    // The rows: before the first row of the sheet below the block.
    const auto data_end = sheet_xml->find("</sheetData>");
    if (data_end == std::string::npos) throw damaged(file, sheet_name + " has no <sheetData>");
    std::size_t insert_at = data_end;
    for (auto at = sheet_xml->find("<row r=\""); at != std::string::npos && at < data_end;
         at = sheet_xml->find("<row r=\"", at + 1)) {
        const unsigned long r = std::strtoul(sheet_xml->c_str() + at + 8, nullptr, 10);  // 1-based
        if (r >= rows.first_row() + 1ul && r <= rows.last_row() + 1ul)
            throw damaged(file, sheet_name + " already has row " + std::to_string(r));
        if (r > rows.last_row() + 1ul) {
            insert_at = at;
            break;
        }
    }
    sheet_xml->insert(insert_at, rows.xml(index));

    std::vector<ZipMember> members;
    members.reserve(entries.size());
    for (auto& [name, data] : entries) members.push_back({name, std::move(data)});
    const std::string archive = zip_archive(members, 1);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << archive;
    out.close();
    if (!out) throw damaged(file, "cannot write");
}

}  // namespace lp::exporting::xlsx
