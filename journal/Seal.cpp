#include "journal/Seal.hpp"

#include <stdexcept>

#include "domain/Lists.hpp"
#include "domain/Time.hpp"
#include "journal/Sha256.hpp"

namespace lp::journal {
namespace {

class Encoder {
public:
    void text(std::string_view s) {
        out_ += std::to_string(s.size());
        out_ += ':';
        out_ += s;
        out_ += ',';
    }
    void none() { out_ += "~,"; }
    template <typename T>
    void optional(const std::optional<T>& v) {
        if (!v) return none();
        if constexpr (std::is_same_v<T, std::string>)
            text(*v);
        else
            text(std::to_string(*v));
    }
    void instant(const std::optional<TimePoint>& t) {
        if (!t) return none();
        text(domain::to_utc_text(*t));
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

}  // namespace

std::string canonical(const JournalRow& r, std::int64_t chain_seq) {
    if (r.seal_version < 1 || r.seal_version > 4)
        throw std::invalid_argument("journal row " + std::to_string(r.id) + ": unknown seal version " +
                                    std::to_string(r.seal_version));
    Encoder e;
    e.text("loaphuong-journal-v" + std::to_string(r.seal_version));
    e.text(std::to_string(chain_seq));
    e.text(std::to_string(r.id));
    e.instant(r.plan.scheduled_at);
    e.instant(r.started_at);
    e.instant(r.ended_at);
    e.optional(r.plan.media_item_id);
    e.text(r.plan.file);
    e.optional(r.media_sha256);
    e.text(r.plan.title);
    e.text(domain::join_commas(r.plan.topics));
    e.text(r.plan.form);
    e.text(r.plan.slot);
    e.text(domain::join_commas(r.outputs));
    e.text(std::to_string(r.played.count()));
    e.optional(r.ordinal);
    e.text(to_code(r.status));
    e.text(r.reason);
    e.text(r.manual_by);
    e.optional(r.corrects);
    if (r.seal_version >= 2) {
        e.optional(r.start_lateness ? std::optional<std::int64_t>{r.start_lateness->count()} : std::nullopt);
        e.text(r.detail);
    }
    if (r.seal_version >= 3) {
        e.text(r.ordered_by);
        e.text(r.approved_by);
    }
    if (r.seal_version >= 4) {
        const auto& ev = r.start_evidence;
        e.optional(ev.clock_synced ? std::optional<std::string>{*ev.clock_synced ? "1" : "0"} : std::nullopt);
        e.text(ev.archive_file);
        e.optional(ev.archive_offset ? std::optional<std::int64_t>{ev.archive_offset->count()} : std::nullopt);
    }
    return e.take();
}

std::string seal_of(std::string_view previous_seal, const JournalRow& row, std::int64_t chain_seq) {
    Sha256 h;
    h.update(previous_seal);
    h.update(canonical(row, chain_seq));
    return h.hex_digest();
}

}  // namespace lp::journal
