#include "evidence/PdfText.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "evidence/Checkpoint.hpp"

namespace lp::evidence {
namespace {

// poppler reports through one process-wide function; its last message goes into the
// exception when a document cannot be loaded (instead of onto stderr).
std::mutex poppler_mutex;
std::string poppler_message;

void keep_message(const std::string& message, void*) { poppler_message = message; }

bool is_hex(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789abcdef") == s.npos; }

// A wrapped line of the signature paragraph: "seq=12 seal=…" fields or a hex run cut by the wrap.
bool continues_signature(const ReadRow& row) {
    if (row.cells.empty()) return false;
    std::string_view line = row.cells.front();
    while (!line.empty()) {
        const auto space = line.find(' ');
        const auto word = line.substr(0, space);
        const auto eq = word.find('=');
        const bool field = eq != word.npos && eq > 0 &&
                           word.substr(0, eq).find_first_not_of("abcdefghijklmnopqrstuvwxyz") == word.npos;
        if (!field && !is_hex(word)) return false;
        if (space == line.npos) break;
        line.remove_prefix(space + 1);
    }
    return true;
}

}  // namespace

std::vector<ReadRow> page_rows(const std::string& text, int page) {
    std::vector<ReadRow> rows;
    int n = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line;
        for (std::size_t i = start; i < end; ++i) {
            const char c = text[i];
            const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\f';
            if (space) {
                if (!line.empty() && line.back() != ' ') line += ' ';
            } else {
                line += c;
            }
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        ++n;
        if (!line.empty())
            rows.push_back({"pdf", "trang " + std::to_string(page) + ", dòng " + std::to_string(n), {std::move(line)}});
        start = end + 1;
    }
    return rows;
}

std::vector<ReadRow> without_signature(std::vector<ReadRow> rows) {
    std::vector<ReadRow> out;
    bool in_signature = false;
    for (auto& row : rows) {
        if (!row.cells.empty() && row.cells.front().find(export_signature_tag) != std::string::npos) {
            in_signature = true;
            continue;
        }
        if (in_signature && continues_signature(row)) continue;
        in_signature = false;
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<ReadRow> read_pdf(const std::string& bytes, const std::string& what) {
    std::vector<ReadRow> rows;
    {
        const std::lock_guard lock(poppler_mutex);
        poppler::set_debug_error_function(keep_message, nullptr);
        poppler_message.clear();
        const std::unique_ptr<poppler::document> doc(
            poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
        if (!doc)
            throw std::runtime_error(what + ": poppler::document::load_from_raw_data() failed" +
                                     (poppler_message.empty() ? std::string() : ": " + poppler_message));
        if (doc->is_locked()) throw std::runtime_error(what + ": the PDF is locked with a password");
        for (int p = 0; p < doc->pages(); ++p) {
            const std::unique_ptr<poppler::page> page(doc->create_page(p));
            if (!page) throw std::runtime_error(what + ": page " + std::to_string(p + 1) + " cannot be read");
            const auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
            auto page_lines = page_rows(std::string(utf8.begin(), utf8.end()), p + 1);
            rows.insert(rows.end(), std::make_move_iterator(page_lines.begin()),
                        std::make_move_iterator(page_lines.end()));
        }
    }
    if (rows.empty()) throw std::runtime_error(what + ": the PDF holds no text (not a loaphuong report?)");
    return without_signature(std::move(rows));
}

}  // namespace lp::evidence
