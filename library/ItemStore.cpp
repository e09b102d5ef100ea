#include "library/ItemStore.hpp"

#include <algorithm>
#include <sstream>

#include "domain/Fold.hpp"

namespace lp::library {
namespace {

// Columns in the order read_item() reads them; the topics come as one comma-joined text.
constexpr std::string_view select_items =
    "SELECT m.id, m.file, m.title, m.form, m.source, m.note, m.valid_from, m.valid_until, m.speech_text,"
    " m.original_name, m.sha256, m.duration_ms, m.container, m.codec, m.sample_rate, m.channels, m.bit_rate,"
    " m.size_bytes, m.loudness_lufs, m.true_peak_dbtp, coalesce(m.tags, '{}'), m.added_at, m.retired_at,"
    " (SELECT group_concat(topic, ',') FROM (SELECT topic FROM media_item_topic t"
    "   WHERE t.media_item_id = m.id ORDER BY position)), m.topic"
    " FROM media_item m";

std::optional<domain::LocalDate> date_column(const sqlite::Statement& st, int column) {
    const auto text = st.optional_text(column);
    return text ? domain::parse_date(*text) : std::nullopt;
}

std::optional<double> real_column(const sqlite::Statement& st, int column) {
    if (st.is_null(column)) return std::nullopt;
    return st.real(column);
}

std::vector<std::string> split_topics(const std::string& joined) {
    std::vector<std::string> topics;
    std::istringstream in(joined);
    for (std::string t; std::getline(in, t, ',');) topics.push_back(t);
    return topics;
}

Item read_item(const sqlite::Statement& st) {
    Item item;
    item.id = st.integer(0);
    item.file = st.text(1);
    item.title = st.text(2);
    item.form = st.text(3);
    item.source = st.optional_text(4);
    item.note = st.optional_text(5);
    item.valid_from = date_column(st, 6);
    item.valid_until = date_column(st, 7);
    item.speech_text = st.optional_text(8);
    item.original_name = st.optional_text(9);
    item.sha256 = st.optional_text(10);
    item.duration_ms = st.optional_integer(11);
    item.container = st.optional_text(12);
    item.codec = st.optional_text(13);
    item.sample_rate = st.optional_integer(14);
    item.channels = st.optional_integer(15);
    item.bit_rate = st.optional_integer(16);
    item.size_bytes = st.optional_integer(17);
    item.loudness_lufs = real_column(st, 18);
    item.true_peak_dbtp = real_column(st, 19);
    item.tags_json = st.text(20);
    item.added_at = st.text(21);
    item.retired_at = st.optional_text(22);
    item.topics = st.is_null(23) ? std::vector<std::string>{st.text(24)} : split_topics(st.text(23));
    return item;
}

std::optional<std::string> date_text(const std::optional<domain::LocalDate>& d) {
    return d ? std::optional(domain::iso_date_text(*d)) : std::nullopt;
}

const std::string& main_topic(const std::vector<std::string>& topics) {
    static const std::string other = "other";
    return topics.empty() ? other : topics.front();
}

}  // namespace

ItemStore::ItemStore(sqlite::Database& db) : db_(db) {}

std::int64_t ItemStore::upsert(const ItemFields& item) {
    auto st = db_.prepare(
        "INSERT INTO media_item (file, title, topic, form) VALUES (?,?,?,?) "
        "ON CONFLICT(file) DO UPDATE SET title = excluded.title, topic = excluded.topic, "
        "form = excluded.form RETURNING id");
    st.bind(1, item.file.string()).bind(2, item.title).bind(3, item.topic).bind(4, item.form);
    st.step();
    const auto id = st.integer(0);
    st.reset();
    write_topics(id, {item.topic});
    return id;
}

std::int64_t ItemStore::insert(const Item& item) {
    auto st = db_.prepare(
        "INSERT INTO media_item (file, title, topic, form, source, note, valid_from, valid_until, speech_text,"
        " original_name, sha256, duration_ms, container, codec, sample_rate, channels, bit_rate, size_bytes,"
        " loudness_lufs, true_peak_dbtp, tags) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
    st.bind(1, item.file.string()).bind(2, item.title).bind(3, main_topic(item.topics)).bind(4, item.form);
    st.bind(5, item.source).bind(6, item.note).bind(7, date_text(item.valid_from)).bind(8, date_text(item.valid_until));
    st.bind(9, item.speech_text).bind(10, item.original_name).bind(11, item.sha256).bind(12, item.duration_ms);
    st.bind(13, item.container).bind(14, item.codec).bind(15, item.sample_rate).bind(16, item.channels);
    st.bind(17, item.bit_rate).bind(18, item.size_bytes).bind(19, item.loudness_lufs).bind(20, item.true_peak_dbtp);
    st.bind(21, item.tags_json);
    st.step();
    const auto id = st.integer(0);
    st.reset();
    write_topics(id, item.topics);
    return id;
}

void ItemStore::write_topics(std::int64_t id, const std::vector<std::string>& topics) {
    auto clear = db_.prepare("DELETE FROM media_item_topic WHERE media_item_id = ?");
    clear.bind(1, id).run();
    auto add = db_.prepare("INSERT OR IGNORE INTO media_item_topic (media_item_id, topic, position) VALUES (?,?,?)");
    const auto& list = topics.empty() ? std::vector<std::string>{"other"} : topics;
    for (std::size_t i = 0; i < list.size(); ++i)
        add.bind(1, id).bind(2, list[i]).bind(3, static_cast<std::int64_t>(i)).run();
}

std::optional<Item> ItemStore::find(std::int64_t id) {
    auto st = db_.prepare(std::string(select_items) + " WHERE m.id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_item(st);
}

std::optional<Item> ItemStore::find_by_sha256(const std::string& sha256) {
    auto st = db_.prepare(std::string(select_items) + " WHERE m.sha256 = ?");
    st.bind(1, sha256);
    if (!st.step()) return std::nullopt;
    return read_item(st);
}

std::vector<Item> ItemStore::list(const ItemFilter& filter) {
    // Fixed fragments, values bound: still one prepared statement per shape of filter.
    std::string sql(select_items);
    sql += " WHERE 1";
    if (!filter.include_retired) sql += " AND m.retired_at IS NULL";
    if (filter.topic)
        sql += " AND EXISTS (SELECT 1 FROM media_item_topic t WHERE t.media_item_id = m.id AND t.topic = :topic)";
    if (filter.form) sql += " AND m.form = :form";
    if (filter.valid_on)
        sql +=
            " AND (m.valid_from IS NULL OR m.valid_from <= :day) AND (m.valid_until IS NULL OR m.valid_until >= :day)";
    sql += " ORDER BY m.id";
    auto st = db_.prepare(sql);
    int index = 1;
    if (filter.topic) st.bind(index++, *filter.topic);
    if (filter.form) st.bind(index++, *filter.form);
    if (filter.valid_on) st.bind(index++, domain::iso_date_text(*filter.valid_on));
    std::vector<Item> items;
    // The title search folds Vietnamese marks, which SQLite's LIKE cannot: done here.
    const std::string needle = filter.text ? domain::fold(*filter.text) : std::string{};
    while (st.step()) {
        auto item = read_item(st);
        if (!needle.empty() && domain::fold(item.title).find(needle) == std::string::npos) continue;
        items.push_back(std::move(item));
    }
    return items;
}

void ItemStore::update(const Item& item) {
    auto st = db_.prepare(
        "UPDATE media_item SET title = ?, topic = ?, form = ?, source = ?, note = ?, valid_from = ?, valid_until = ?"
        " WHERE id = ?");
    st.bind(1, item.title).bind(2, main_topic(item.topics)).bind(3, item.form).bind(4, item.source);
    st.bind(5, item.note).bind(6, date_text(item.valid_from)).bind(7, date_text(item.valid_until)).bind(8, item.id);
    st.run();
    write_topics(item.id, item.topics);
}

void ItemStore::retire(std::int64_t id, domain::TimePoint at) {
    auto st = db_.prepare("UPDATE media_item SET retired_at = coalesce(retired_at, ?) WHERE id = ?");
    st.bind(1, domain::to_utc_text(at)).bind(2, id).run();
}

std::string_view approval_code(ApprovalState s) {
    switch (s) {
        case ApprovalState::approved: return "approved";
        case ApprovalState::rejected: return "rejected";
        case ApprovalState::revoked: return "revoked";
    }
    return "approved";
}

std::optional<ApprovalState> approval_from_code(std::string_view code) {
    for (const auto s : {ApprovalState::approved, ApprovalState::rejected, ApprovalState::revoked})
        if (approval_code(s) == code) return s;
    return std::nullopt;
}

bool ItemStore::approve(std::int64_t id, const std::string& approver) {
    return decide(id, ApprovalState::approved, approver, std::nullopt);
}

bool ItemStore::decide(std::int64_t id, ApprovalState state, const std::string& by,
                       const std::optional<std::string>& comment) {
    if (!exists(id)) return false;
    const std::string code(approval_code(state));
    sqlite::Transaction tx(db_);
    db_.prepare(
           "INSERT INTO approval (media_item_id, approved_by, state, comment) VALUES (?, ?, ?, ?) "
           "ON CONFLICT(media_item_id) DO UPDATE SET approved_by = excluded.approved_by, "
           "approved_at = excluded.approved_at, state = excluded.state, comment = excluded.comment")
        .bind(1, id)
        .bind(2, by)
        .bind(3, code)
        .bind(4, comment)
        .run();
    db_.prepare("INSERT INTO approval_history (media_item_id, state, decided_by, comment) VALUES (?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, code)
        .bind(3, by)
        .bind(4, comment)
        .run();
    tx.commit();
    return true;
}

std::optional<Approval> ItemStore::approval(std::int64_t id) {
    auto st = db_.prepare("SELECT state, approved_by, approved_at, comment FROM approval WHERE media_item_id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return Approval{approval_from_code(st.text(0)).value_or(ApprovalState::approved), st.text(1), st.text(2),
                    st.optional_text(3)};
}

std::vector<Approval> ItemStore::approval_history(std::int64_t id) {
    auto st = db_.prepare(
        "SELECT state, decided_by, decided_at, comment FROM approval_history WHERE media_item_id = ? ORDER BY id");
    st.bind(1, id);
    std::vector<Approval> out;
    while (st.step())
        out.push_back({approval_from_code(st.text(0)).value_or(ApprovalState::approved), st.text(1), st.text(2),
                       st.optional_text(3)});
    return out;
}

bool ItemStore::set_tags(std::int64_t id, const std::vector<std::string>& add, const std::vector<std::string>& remove) {
    if (!exists(id)) return false;
    sqlite::Transaction tx(db_);
    auto insert = db_.prepare("INSERT OR IGNORE INTO media_item_tag (media_item_id, tag) VALUES (?, ?)");
    for (const auto& t : add) insert.bind(1, id).bind(2, t).run();
    auto erase = db_.prepare("DELETE FROM media_item_tag WHERE media_item_id = ? AND tag = ?");
    for (const auto& t : remove) erase.bind(1, id).bind(2, t).run();
    tx.commit();
    return true;
}

std::vector<std::string> ItemStore::tags(std::int64_t id) {
    auto st = db_.prepare("SELECT tag FROM media_item_tag WHERE media_item_id = ? ORDER BY tag");
    st.bind(1, id);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

void ItemStore::set_duration(std::int64_t id, std::chrono::milliseconds duration) {
    db_.prepare("UPDATE media_item SET duration_ms = ? WHERE id = ?")
        .bind(1, static_cast<std::int64_t>(duration.count()))
        .bind(2, id)
        .run();
}

bool ItemStore::exists(std::int64_t id) {
    auto st = db_.prepare("SELECT count(*) FROM media_item WHERE id = ?");
    st.bind(1, id);
    st.step();
    return st.integer(0) != 0;
}

std::int64_t ItemStore::airings(std::int64_t id) {
    auto st = db_.prepare("SELECT count(*) FROM journal WHERE media_item_id = ?");
    st.bind(1, id);
    st.step();
    return st.integer(0);
}

}  // namespace lp::library
