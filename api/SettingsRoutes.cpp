#include "api/SettingsRoutes.hpp"

#include "api/Params.hpp"
#include "export/OrganisationSettings.hpp"

namespace lp::api {
namespace {

nlohmann::json organisation_json(Services& s) {
    const auto effective = exporting::effective_organisation(s.database(), s.config()->organisation);
    nlohmann::json names = nlohmann::json::object(), from_config = nlohmann::json::object();
    for (const auto key : exporting::organisation_keys()) {
        const std::string k(key);
        names[k] = *exporting::organisation_value(effective, key);
        from_config[k] = *exporting::organisation_value(s.config()->organisation, key);
    }
    return {{"names", names}, {"from_config", from_config}};
}

std::string known_keys() {
    std::string out;
    for (const auto k : exporting::organisation_keys()) out += (out.empty() ? "" : ", ") + std::string(k);
    return out;
}

Reply get(Services& s, Call&) { return json_reply(organisation_json(s)); }

Reply put_settings(Services& s, Call& call) {
    const auto& body = body_object(call);
    if (body.empty()) throw bad_request("", "Cần ít nhất một tên cần lưu.");
    const auto& keys = exporting::organisation_keys();
    // Every field is checked before anything is saved.
    for (const auto& [key, value] : body.items()) {
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            throw invalid(key, "Không có mục \"" + key + "\" (" + known_keys() + ").");
        if (!value.is_string()) throw bad_request(key, "Trường \"" + key + "\" phải là chuỗi ký tự.");
        if (value.get<std::string>().size() > 200) throw invalid(key, "Tên quá dài (tối đa 200 ký tự).");
    }
    {
        sqlite::Transaction tx(s.database());
        for (const auto& [key, value] : body.items())
            exporting::save_organisation_value(s.database(), key, value.get<std::string>(), call.caller.account);
        tx.commit();
    }
    return json_reply(organisation_json(s));
}

}  // namespace

std::vector<Route> settings_routes(Services& s) {
    return {
        {"GET", "/api/settings/organisation", auth::Permission::read, false, false,
         [&s](Call& c) { return get(s, c); }},
        {"PUT", "/api/settings/organisation", auth::Permission::settings, false, false,
         [&s](Call& c) { return put_settings(s, c); }},
    };
}

}  // namespace lp::api
