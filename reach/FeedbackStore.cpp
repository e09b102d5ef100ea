#include "reach/FeedbackStore.hpp"

#include "domain/FeedbackChannels.hpp"

namespace lp::reach {
namespace {

constexpr std::string_view columns =
    "f.id, f.media_item_id, f.topic, f.channel, f.day, f.rating, f.comment, f.status, f.recorded_by, f.decided_by, "
    "f.decided_at, m.title FROM feedback f LEFT JOIN media_item m ON m.id = f.media_item_id";

Feedback row(const sqlite::Statement& st) {
    Feedback f;
    f.id = st.integer(0);
    f.item = st.optional_integer(1);
    f.topic = st.optional_text(2);
    f.channel = st.text(3);
    f.day = domain::parse_date(st.text(4)).value_or(domain::LocalDate{});
    if (const auto r = st.optional_integer(5)) f.rating = static_cast<int>(*r);
    f.comment = st.optional_text(6);
    f.status = st.text(7);
    f.recorded_by = st.optional_text(8);
    f.decided_by = st.optional_text(9);
    f.decided_at = st.optional_text(10);
    f.item_title = st.optional_text(11);
    return f;
}

}  // namespace

bool is_channel(std::string_view code) { return domain::is_feedback_channel(code); }
std::string_view channel_label(std::string_view code) { return domain::feedback_channel_label(code); }
std::string channel_codes() { return domain::feedback_channel_codes(); }

std::int64_t FeedbackStore::add(const Feedback& f) {
    std::optional<std::int64_t> rating;
    if (f.rating) rating = *f.rating;
    db_.prepare(
           "INSERT INTO feedback (media_item_id, topic, channel, day, rating, comment, status, recorded_by) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, f.item)
        .bind(2, f.topic)
        .bind(3, f.channel)
        .bind(4, domain::iso_date_text(f.day))
        .bind(5, rating)
        .bind(6, f.comment)
        .bind(7, f.status)
        .bind(8, f.recorded_by)
        .run();
    return db_.last_insert_rowid();
}

std::vector<Feedback> FeedbackStore::list(std::string_view status, std::optional<std::int64_t> item, int limit) {
    auto st = db_.prepare("SELECT " + std::string(columns) +
                          " WHERE f.status = ?1 AND (?2 IS NULL OR f.media_item_id = ?2) ORDER BY f.id DESC LIMIT ?3");
    st.bind(1, status).bind(2, item).bind(3, limit);
    std::vector<Feedback> out;
    while (st.step()) out.push_back(row(st));
    return out;
}

std::optional<Feedback> FeedbackStore::find(std::int64_t id) {
    auto st = db_.prepare("SELECT " + std::string(columns) + " WHERE f.id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return row(st);
}

bool FeedbackStore::decide(std::int64_t id, bool approve, const std::string& by, domain::TimePoint at) {
    db_.prepare(
           "UPDATE feedback SET status = ?2, decided_by = ?3, decided_at = ?4 WHERE id = ?1 AND status = 'pending'")
        .bind(1, id)
        .bind(2, approve ? "approved" : "rejected")
        .bind(3, by)
        .bind(4, domain::to_utc_text(at))
        .run();
    return db_.changes() > 0;
}

}  // namespace lp::reach
