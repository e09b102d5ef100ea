#pragma once
// The organisation names printed in report headers, kept in the database
// (organisation_setting) so the admin changes them from the page; a name saved there
// overrides [organisation] of the config file. Every export reads them through here.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/Config.hpp"
#include "db/sqlite/Database.hpp"

namespace lp::exporting {

// The keys, in the order of a report header: parent_body, issuing_body, place,
// preparer_title, head_title, preparer_name, head_name, document_symbol, recipients.
const std::vector<std::string_view>& organisation_keys();
// The config's value of a key (nullopt: no such key).
std::optional<std::string> organisation_value(const config::Organisation& o, std::string_view key);

// The config's names with the database's saved ones applied.
config::Organisation effective_organisation(sqlite::Database& db, const config::Organisation& from_config);
// Saves one name (an empty value removes the override). The key must be one of organisation_keys().
void save_organisation_value(sqlite::Database& db, std::string_view key, const std::string& value,
                             const std::string& changed_by);

}  // namespace lp::exporting
