#pragma once
// A library item as the API shows it (docs/api.md "Media item").

#include <nlohmann/json.hpp>

#include "library/Item.hpp"
#include "library/ItemStore.hpp"

namespace lp::api {

nlohmann::json item_json(library::ItemStore& store, const library::Item& item, domain::LocalDate today);
// item_json plus the technical fields and the approval history.
nlohmann::json item_details_json(library::ItemStore& store, const library::Item& item, domain::LocalDate today);

}  // namespace lp::api
