// Organisation names: saved in the database, overriding the config, used by the exports;
// bad keys and types refused with nothing saved.

#include <gtest/gtest.h>

#include "export/OrganisationSettings.hpp"
#include "tests/api/TestServices.hpp"

namespace {

using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;

TEST(SettingsApi, SavedNamesOverrideTheConfigAndAnEmptyOneGoesBack) {
    lp::test::TestServices s;
    auto r = run(s, "GET", "/api/settings/organisation", call("GET", ""));
    EXPECT_EQ(r.body["names"]["place"], s.config()->organisation.place);
    r = run(s, "PUT", "/api/settings/organisation",
            call("PUT", "", {{"place", "Phường Sơn Trà"}, {"head_title", "PHÓ GIÁM ĐỐC"}}));
    EXPECT_EQ(r.body["names"]["place"], "Phường Sơn Trà");
    EXPECT_EQ(r.body["from_config"]["place"], s.config()->organisation.place);
    const auto used = lp::exporting::effective_organisation(s.database(), s.config()->organisation);
    EXPECT_EQ(used.place, "Phường Sơn Trà");
    EXPECT_EQ(used.head_title, "PHÓ GIÁM ĐỐC");
    r = run(s, "PUT", "/api/settings/organisation", call("PUT", "", {{"place", ""}}));
    EXPECT_EQ(r.body["names"]["place"], s.config()->organisation.place);
    EXPECT_EQ(s.count("organisation_setting"), 1);
}

TEST(SettingsApi, RefusesUnknownKeysWrongTypesAndLongNamesSavingNothing) {
    lp::test::TestServices s;
    expect_refused(s, "PUT", "/api/settings/organisation", call("PUT", "", {{"place", "A"}, {"mayor", "B"}}), 422,
                   "mayor");
    expect_refused(s, "PUT", "/api/settings/organisation", call("PUT", "", {{"place", 7}}), 400, "place");
    expect_refused(s, "PUT", "/api/settings/organisation", call("PUT", "", {{"place", std::string(201, 'x')}}), 422,
                   "place");
    expect_refused(s, "PUT", "/api/settings/organisation", call("PUT", "", nlohmann::json::object()), 400, "");
    expect_refused(s, "PUT", "/api/settings/organisation", call("PUT", "", "place"), 400, "");
    EXPECT_EQ(s.count("organisation_setting"), 0);
}

}  // namespace
