#include "export/OrganisationSettings.hpp"

#include <stdexcept>

namespace lp::exporting {
namespace {

std::string* field(config::Organisation& o, std::string_view key) {
    if (key == "parent_body") return &o.parent_body;
    if (key == "issuing_body") return &o.issuing_body;
    if (key == "place") return &o.place;
    if (key == "preparer_title") return &o.preparer_title;
    if (key == "head_title") return &o.head_title;
    if (key == "preparer_name") return &o.preparer_name;
    if (key == "head_name") return &o.head_name;
    if (key == "document_symbol") return &o.document_symbol;
    if (key == "recipients") return &o.recipients;
    return nullptr;
}

}  // namespace

const std::vector<std::string_view>& organisation_keys() {
    static const std::vector<std::string_view> keys{"parent_body",    "issuing_body",    "place",
                                                    "preparer_title", "head_title",      "preparer_name",
                                                    "head_name",      "document_symbol", "recipients"};
    return keys;
}

std::optional<std::string> organisation_value(const config::Organisation& o, std::string_view key) {
    auto copy = o;
    const auto* f = field(copy, key);
    return f ? std::optional(*f) : std::nullopt;
}

config::Organisation effective_organisation(sqlite::Database& db, const config::Organisation& from_config) {
    auto o = from_config;
    auto st = db.prepare("SELECT key, value FROM organisation_setting");
    while (st.step())
        if (auto* f = field(o, st.text(0))) *f = st.text(1);
    return o;
}

void save_organisation_value(sqlite::Database& db, std::string_view key, const std::string& value,
                             const std::string& changed_by) {
    config::Organisation probe;
    if (!field(probe, key)) throw std::invalid_argument("unknown organisation key: " + std::string(key));
    if (value.empty()) {
        db.prepare("DELETE FROM organisation_setting WHERE key = ?").bind(1, std::string(key)).run();
        return;
    }
    db.prepare(
          "INSERT INTO organisation_setting (key, value, changed_by) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE "
          "SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at")
        .bind(1, std::string(key))
        .bind(2, value)
        .bind(3, changed_by)
        .run();
}

}  // namespace lp::exporting
