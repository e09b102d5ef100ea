#include "evidence/ReadBack.hpp"

#include <expat.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>

#include "evidence/Checkpoint.hpp"
#include "evidence/PdfText.hpp"
#include "export/ZipText.hpp"
#include "journal/Sha256.hpp"

namespace lp::evidence {
namespace {

bool carries_signature(const std::vector<std::string>& cells) {
    return std::any_of(cells.begin(), cells.end(),
                       [](const std::string& c) { return c.find(export_signature_tag) != std::string::npos; });
}

void trim(std::vector<std::string>& cells) {
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
}

// --- XLSX ------------------------------------------------------------------------------

struct ExpatParser {
    XML_Parser p = XML_ParserCreate("UTF-8");
    ~ExpatParser() { XML_ParserFree(p); }
    void parse(const std::string& xml, const std::string& what) {
        if (!p) throw std::runtime_error(what + ": XML_ParserCreate() failed");
        if (XML_Parse(p, xml.data(), static_cast<int>(xml.size()), XML_TRUE) != XML_STATUS_OK)
            throw std::runtime_error(what + ": " + XML_ErrorString(XML_GetErrorCode(p)) + " at line " +
                                     std::to_string(XML_GetCurrentLineNumber(p)));
    }
};

// Element name without its namespace prefix.
std::string_view local_name(const char* name) {
    std::string_view n(name);
    const auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** atts, std::string_view name) {
    for (int i = 0; atts[i]; i += 2)
        if (local_name(atts[i]) == name) return atts[i + 1];
    return nullptr;
}

struct SharedStrings {
    std::vector<std::string> strings;
    std::string current;
    int depth_rph = 0;  // phonetic runs are not shown
    bool in_t = false;
};

std::vector<std::string> shared_strings(const std::string& xml, const std::string& what) {
    SharedStrings state;
    ExpatParser parser;
    XML_SetUserData(parser.p, &state);
    XML_SetElementHandler(
        parser.p,
        [](void* d, const char* name, const char**) {
            auto& s = *static_cast<SharedStrings*>(d);
            const auto n = local_name(name);
            if (n == "si") s.current.clear();
            if (n == "rPh") ++s.depth_rph;
            if (n == "t" && s.depth_rph == 0) s.in_t = true;
        },
        [](void* d, const char* name) {
            auto& s = *static_cast<SharedStrings*>(d);
            const auto n = local_name(name);
            if (n == "si") s.strings.push_back(std::move(s.current));
            if (n == "rPh") --s.depth_rph;
            if (n == "t") s.in_t = false;
        });
    XML_SetCharacterDataHandler(parser.p, [](void* d, const char* text, int len) {
        auto& s = *static_cast<SharedStrings*>(d);
        if (s.in_t) s.current.append(text, static_cast<std::size_t>(len));
    });
    parser.parse(xml, what);
    return state.strings;
}

struct Sheet {
    const std::vector<std::string>* strings = nullptr;
    std::string what;
    std::map<long, std::map<long, std::string>> cells;  // row -> column -> text
    long row = 0;
    long next_col = 0;
    long col = 0;
    std::string type;
    std::string value;
    bool in_value = false;
    bool in_cell = false;
    bool bad = false;
};

// "AB12" -> column 27 (0-based), row 12.
void cell_ref(const char* ref, long& row, long& col) {
    long c = 0;
    const char* p = ref;
    while (*p >= 'A' && *p <= 'Z') c = c * 26 + (*p++ - 'A' + 1);
    col = c - 1;
    if (*p) row = std::strtol(p, nullptr, 10);
}

std::string number_text(const std::string& v) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str()) return v;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", d);
    return buf;
}

void read_sheet(const std::string& xml, Sheet& sh) {
    ExpatParser parser;
    XML_SetUserData(parser.p, &sh);
    XML_SetElementHandler(
        parser.p,
        [](void* d, const char* name, const char** atts) {
            auto& s = *static_cast<Sheet*>(d);
            const auto n = local_name(name);
            if (n == "row") {
                const char* r = attribute(atts, "r");
                s.row = r ? std::strtol(r, nullptr, 10) : s.row + 1;
                s.next_col = 0;
            } else if (n == "c") {
                s.in_cell = true;
                s.col = s.next_col;
                if (const char* r = attribute(atts, "r")) cell_ref(r, s.row, s.col);
                const char* t = attribute(atts, "t");
                s.type = t ? t : "n";
                s.value.clear();
            } else if (s.in_cell && (n == "v" || n == "t")) {
                s.in_value = true;
            }
        },
        [](void* d, const char* name) {
            auto& s = *static_cast<Sheet*>(d);
            const auto n = local_name(name);
            if (n == "v" || n == "t") s.in_value = false;
            if (n != "c") return;
            s.in_cell = false;
            s.next_col = s.col + 1;
            std::string text;
            if (s.type == "s") {
                const auto i = std::strtoul(s.value.c_str(), nullptr, 10);
                if (i >= s.strings->size()) {
                    s.bad = true;
                    return;
                }
                text = (*s.strings)[i];
            } else if (s.type == "n") {
                text = s.value.empty() ? "" : number_text(s.value);
            } else {
                text = s.value;  // str, inlineStr, b, e
            }
            if (!text.empty()) s.cells[s.row][s.col] = std::move(text);
        });
    XML_SetCharacterDataHandler(parser.p, [](void* d, const char* text, int len) {
        auto& s = *static_cast<Sheet*>(d);
        if (s.in_value) s.value.append(text, static_cast<std::size_t>(len));
    });
    parser.parse(xml, sh.what);
    if (sh.bad) throw std::runtime_error(sh.what + ": a cell names a shared string that does not exist");
}

// "xl/worksheets/sheet12.xml" -> 12, else 0.
long sheet_number(const std::string& name) {
    const std::string prefix = "xl/worksheets/sheet";
    if (name.rfind(prefix, 0) != 0 || name.size() < prefix.size() + 5 || name.substr(name.size() - 4) != ".xml")
        return 0;
    const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - 4);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::strtol(digits.c_str(), nullptr, 10);
}

// --- CSV -------------------------------------------------------------------------------

std::vector<std::vector<std::string>> csv_records(std::string_view s, const std::string& what) {
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> rec;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        any = true;
        if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rec.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            rec.push_back(std::move(field));
            field.clear();
            out.push_back(std::move(rec));
            rec.clear();
            any = false;
        } else {
            field += c;
        }
    }
    if (quoted) throw std::runtime_error(what + ": a quoted CSV field is not closed (the file is cut short?)");
    if (any || !field.empty()) {
        rec.push_back(std::move(field));
        out.push_back(std::move(rec));
    }
    return out;
}

}  // namespace

std::vector<ReadRow> read_xlsx(const std::string& bytes, const std::string& what) {
    if (bytes.compare(0, 4, "PK\x03\x04") != 0) throw std::runtime_error(what + ": not an XLSX (zip) file");
    const auto entries = exporting::zip_entries(bytes, what);
    std::vector<std::string> strings;
    std::map<long, const std::string*> sheets;
    for (const auto& [name, data] : entries) {
        if (name == "xl/sharedStrings.xml") strings = shared_strings(data, what + ": " + name);
        if (const long n = sheet_number(name)) sheets[n] = &data;
    }
    if (sheets.empty()) throw std::runtime_error(what + ": no worksheet in the XLSX file");
    std::vector<ReadRow> rows;
    for (const auto& [n, xml] : sheets) {
        Sheet sh;
        sh.strings = &strings;
        sh.what = what + ": xl/worksheets/sheet" + std::to_string(n) + ".xml";
        read_sheet(*xml, sh);
        for (const auto& [r, cols] : sh.cells) {
            ReadRow row{std::to_string(n), "trang tính " + std::to_string(n) + ", hàng " + std::to_string(r), {}};
            for (const auto& [c, text] : cols) {
                if (row.cells.size() <= static_cast<std::size_t>(c)) row.cells.resize(static_cast<std::size_t>(c) + 1);
                row.cells[static_cast<std::size_t>(c)] = text;
            }
            trim(row.cells);
            if (!row.cells.empty() && !carries_signature(row.cells)) rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<ReadRow> read_csv(const std::string& bytes, const std::string& what) {
    std::vector<ReadRow> rows;
    int n = 0;
    for (auto& rec : csv_records(bytes, what)) {
        ++n;
        trim(rec);
        if (rec.empty() || carries_signature(rec)) continue;
        rows.push_back({"csv", "dòng " + std::to_string(n), std::move(rec)});
    }
    return rows;
}

std::vector<ReadRow> read_json(const std::string& bytes, const std::string& what) {
    nlohmann::ordered_json doc;
    try {
        doc = nlohmann::ordered_json::parse(bytes);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(what + ": " + e.what());
    }
    if (!doc.is_object()) throw std::runtime_error(what + ": not a loaphuong report (no JSON object)");
    std::vector<ReadRow> rows;
    for (const auto& [key, value] : doc.items()) {
        if (key == "signature") continue;
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i)
                rows.push_back({key, key + "[" + std::to_string(i) + "]", {value[i].dump()}});
        } else {
            rows.push_back({key, key, {value.dump()}});
        }
    }
    return rows;
}

std::vector<ReadRow> read_rows(const std::string& format, const std::string& bytes, const std::string& what) {
    if (format == "xlsx") return read_xlsx(bytes, what);
    if (format == "csv") return read_csv(bytes, what);
    if (format == "json") return read_json(bytes, what);
    if (format == "pdf") return read_pdf(bytes, what);
    throw std::invalid_argument("rows cannot be read back from a " + format + " file");
}

std::string rows_digest(const std::vector<ReadRow>& rows) {
    journal::Sha256 h;
    const auto field = [&](const std::string& s) {
        h.update(std::to_string(s.size()));
        h.update(":");
        h.update(s);
    };
    for (const auto& r : rows) {
        field(r.group);
        h.update(std::to_string(r.cells.size()));
        for (const auto& c : r.cells) field(c);
        h.update("\n");
    }
    return h.hex_digest();
}

std::string summary(const ReadRow& row) {
    std::string out;
    for (const auto& c : row.cells) {
        if (c.empty()) continue;
        if (!out.empty()) out += " | ";
        out += c;
        if (out.size() > 100) break;
    }
    if (out.size() > 110) {
        std::size_t cut = 100;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out = out.substr(0, cut) + "…";
    }
    return out;
}

}  // namespace lp::evidence
