#include "evidence/CheckpointStore.hpp"

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "evidence/detail/SyncedWrite.hpp"
#include "journal/JournalStore.hpp"

namespace lp::evidence {
namespace {

void append_line(const std::filesystem::path& file, const std::string& line) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    detail::write_line_synced(file, line, O_APPEND, 0644);
}

}  // namespace

Checkpoint record_checkpoint(sqlite::Database& db, const KeyPair& key, const std::string& reason, domain::TimePoint now,
                             const std::filesystem::path& file, const std::optional<journal::ChainHead>& given) {
    const auto head = given ? *given : journal::JournalStore(db).head();
    const Checkpoint c = make_checkpoint(key, head.chain_seq, head.seal, now);
    auto st = db.prepare(
        "INSERT INTO journal_checkpoint (key_id, chain_seq, seal, made_at, reason, line) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, c.key_id).bind(2, c.chain_seq).bind(3, c.seal).bind(4, domain::to_utc_text(c.at)).bind(5, reason);
    st.bind(6, c.line());
    st.step();
    if (!file.empty()) append_line(file, c.line());
    return c;
}

std::optional<domain::TimePoint> last_checkpoint_time(sqlite::Database& db) {
    auto st = db.prepare("SELECT max(made_at) FROM journal_checkpoint");
    if (!st.step()) return std::nullopt;
    const auto t = st.optional_text(0);
    if (!t) return std::nullopt;
    return domain::from_utc_text(*t);
}

std::vector<KnownCheckpoint> stored_checkpoints(sqlite::Database& db) {
    std::vector<KnownCheckpoint> out;
    auto st = db.prepare("SELECT id, line FROM journal_checkpoint ORDER BY id");
    while (st.step()) {
        const std::string source = "cơ sở dữ liệu, mốc số " + std::to_string(st.integer(0));
        if (auto c = parse_checkpoint(st.text(1)))
            out.push_back({*c, source});
        else
            out.push_back({Checkpoint{}, source});
    }
    return out;
}

std::vector<KnownCheckpoint> file_checkpoints(const std::filesystem::path& file, int* malformed) {
    std::vector<KnownCheckpoint> out;
    if (malformed) *malformed = 0;
    if (!std::filesystem::exists(file)) return out;
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot read: " + std::strerror(errno));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty()) continue;
        if (auto c = parse_checkpoint(line))
            out.push_back({*c, "tệp " + file.filename().string() + ", dòng " + std::to_string(n)});
        else if (malformed)
            ++*malformed;
    }
    return out;
}

}  // namespace lp::evidence
