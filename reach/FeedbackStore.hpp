#pragma once
// Residents' feedback (table feedback, db/Migrations.cpp): ratings and comments from the item
// pages (channel "web", pending until an approver decides) and what the operator records from
// the other channels (approved as recorded, in the operator's name). A row concerns an item or,
// when none is named, a topic. Throws sqlite::Error.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "domain/Time.hpp"

namespace lp::reach {

// web (the item page), hotline (đường dây nóng), zalo, hop_thu (hòm thư góp ý), hop_to_dan_pho
// (họp tổ dân phố), ban_thanh_tra (Ban thanh tra nhân dân).
bool is_channel(std::string_view code);
std::string_view channel_label(std::string_view code);  // Vietnamese
// The codes, ", " between them (for messages).
std::string channel_codes();

struct Feedback {
    std::int64_t id = 0;
    std::optional<std::int64_t> item;
    std::optional<std::string> topic;
    std::string channel = "web";
    domain::LocalDate day;
    std::optional<int> rating;  // 1..5
    std::optional<std::string> comment;
    std::string status = "pending";  // pending, approved, rejected
    std::optional<std::string> recorded_by;
    std::optional<std::string> decided_by;
    std::optional<std::string> decided_at;  // UTC text
    std::optional<std::string> item_title;  // read only
};

class FeedbackStore {
public:
    explicit FeedbackStore(sqlite::Database& db) : db_(db) {}
    std::int64_t add(const Feedback& f);
    // Newest first, at most `limit`; `item` narrows to one item.
    std::vector<Feedback> list(std::string_view status, std::optional<std::int64_t> item = {}, int limit = 500);
    std::optional<Feedback> find(std::int64_t id);
    // A pending row becomes approved or rejected. False when the row is not pending (or absent).
    bool decide(std::int64_t id, bool approve, const std::string& by, domain::TimePoint at);

private:
    sqlite::Database& db_;
};

}  // namespace lp::reach
