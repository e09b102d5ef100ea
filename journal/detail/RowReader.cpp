#include "journal/detail/RowReader.hpp"

#include <stdexcept>

#include "domain/Lists.hpp"
#include "domain/Time.hpp"

namespace lp::journal::detail {
namespace {

using domain::from_utc_text;

}  // namespace

const char* const select_columns =
    "SELECT id, scheduled_at, started_at, ended_at, media_item_id, file, title, topic, form, slot, "
    "outputs, played_ms, ordinal, status, reason, media_sha256, manual_by, corrects, chain_seq, seal, "
    "start_lateness_us, detail, seal_version, ordered_by, approved_by, clock_synced, archive_file, archive_offset_ms "
    "FROM journal ";

std::string topics_column(const std::vector<std::string>& topics) {
    return topics.empty() ? std::string("other") : domain::join_commas(topics);
}

std::vector<std::string> topics_from_column(std::string_view text) { return domain::split_commas(text); }

JournalRow read_row(const sqlite::Statement& st) {
    JournalRow r;
    r.id = st.integer(0);
    r.plan.scheduled_at = from_utc_text(st.text_view(1));
    if (!st.is_null(2)) r.started_at = from_utc_text(st.text_view(2));
    if (!st.is_null(3)) r.ended_at = from_utc_text(st.text_view(3));
    r.plan.media_item_id = st.optional_integer(4);
    r.plan.file = st.text(5);
    r.plan.title = st.text(6);
    r.plan.topics = topics_from_column(st.text_view(7));
    r.plan.form = st.text(8);
    r.plan.slot = st.text(9);
    r.outputs = domain::split_commas(st.text_view(10));
    r.played = Millis(st.integer(11));
    if (auto o = st.optional_integer(12)) r.ordinal = static_cast<int>(*o);
    const auto status = status_from_code(st.text_view(13));
    if (!status) throw std::runtime_error("journal row " + std::to_string(r.id) + ": unknown status " + st.text(13));
    r.status = *status;
    r.reason = st.text(14);
    r.media_sha256 = st.optional_text(15);
    r.manual_by = st.text(16);
    r.corrects = st.optional_integer(17);
    r.chain_seq = st.optional_integer(18);
    r.seal = st.text(19);
    if (auto us = st.optional_integer(20)) r.start_lateness = std::chrono::microseconds{*us};
    r.detail = st.text(21);
    // Rows sealed before seal_version existed were sealed with version 1.
    if (!r.seal.empty()) r.seal_version = static_cast<int>(st.optional_integer(22).value_or(1));
    r.ordered_by = st.text(23);
    r.approved_by = st.text(24);
    if (auto synced = st.optional_integer(25)) r.start_evidence.clock_synced = *synced != 0;
    r.start_evidence.archive_file = st.text(26);
    if (auto ms = st.optional_integer(27)) r.start_evidence.archive_offset = Millis{*ms};
    return r;
}

}  // namespace lp::journal::detail
