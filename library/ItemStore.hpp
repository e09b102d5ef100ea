#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sqlite/Database.hpp"
#include "library/Item.hpp"

namespace lp::library {

enum class ApprovalState { approved, rejected, revoked };
std::string_view approval_code(ApprovalState s);
std::optional<ApprovalState> approval_from_code(std::string_view code);

struct Approval {
    ApprovalState state = ApprovalState::approved;
    std::string by;
    std::string at;  // UTC text
    std::optional<std::string> comment;
};

// The fields of an item made without an import (tests and tools; the config file's items
// are imported, see ConfigSeed).
struct ItemFields {
    std::filesystem::path file;
    std::string title;
    std::string topic = "other";
    std::string form = "other";
};

struct ItemFilter {
    std::optional<std::string> topic{};
    std::optional<std::string> form{};
    std::optional<domain::LocalDate> valid_on{};  // only items that may air that day
    std::optional<std::string> text{};            // in the title, accent-insensitive
    bool include_retired = false;
};

// The library's tables: media_item, media_item_topic, approval and media_item_tag; the
// scheduler only reads them. Called on the loop thread (or by the CLI)
// only. Throws sqlite::Error. Methods do not open transactions unless they say so; callers
// that need several writes to be atomic wrap them in one.
class ItemStore {
public:
    explicit ItemStore(sqlite::Database& db);
    // The item for this file, created or updated to these fields. Returns its id.
    std::int64_t upsert(const ItemFields& item);
    // Adds an item (item.id is ignored); returns its id. Fails on a duplicate sha256 or file.
    std::int64_t insert(const Item& item);
    std::optional<Item> find(std::int64_t id);
    std::optional<Item> find_by_sha256(const std::string& sha256);
    // Ordered by id.
    std::vector<Item> list(const ItemFilter& filter = {});
    // Writes the operator-editable fields (title, topics, form, source, note, validity).
    void update(const Item& item);
    // Marks the item retired now (idempotent: keeps the first retirement time). Its file,
    // row and journal references stay.
    void retire(std::int64_t id, domain::TimePoint at);
    // How many journal rows reference the item.
    std::int64_t airings(std::int64_t id);

    // Records who approved the item (biên tập → duyệt → phát). False when no such item.
    bool approve(std::int64_t id, const std::string& approver);
    // Records a decision on the item (approved, rejected or revoked) with who made it and a
    // comment, in the approval state and its history, in one transaction. Only an approved
    // item airs. False when no such item.
    bool decide(std::int64_t id, ApprovalState state, const std::string& by, const std::optional<std::string>& comment);
    // The item's current approval; nullopt when it was never decided (pending).
    std::optional<Approval> approval(std::int64_t id);
    // Every decision on the item, oldest first.
    std::vector<Approval> approval_history(std::int64_t id);
    // Adds and removes the operator's tags on an item, in one transaction. False when no such item.
    bool set_tags(std::int64_t id, const std::vector<std::string>& add, const std::vector<std::string>& remove);
    // The item's tags, sorted.
    std::vector<std::string> tags(std::int64_t id);
    // The item's measured length (what the scheduler fits into slots).
    void set_duration(std::int64_t id, std::chrono::milliseconds duration);
    // Replaces the item's topics (none: "other"), in order; the first is the main one.
    void write_topics(std::int64_t id, const std::vector<std::string>& topics);

private:
    bool exists(std::int64_t id);

    sqlite::Database& db_;
};

}  // namespace lp::library
