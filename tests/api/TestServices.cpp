#include "tests/api/TestServices.hpp"

#include <gtest/gtest.h>

#include "api/Routes.hpp"
#include "db/Store.hpp"
#include "library/Importer.hpp"
#include "tests/support/MakeAudio.hpp"

namespace lp::test {
namespace {

config::Config make_config(const TempDir& dir) {
    config::Config c;
    c.database = dir / "lp.db";
    c.media_dir = dir / "media";
    c.reports.dir = dir / "reports";
    config::OutputConfig out;
    out.name = "loa-chinh";
    c.outputs.push_back(out);
    return c;
}

}  // namespace

TestServices::TestServices() : config_(make_config(dir_)), db_(db::open_store(config_.database)) {}

bool TestServices::stop_now(const std::string& account) {
    stops.push_back(account);
    return !playing.is_null();
}

nlohmann::json TestServices::outputs() {
    return nlohmann::json::array({{{"name", "loa-chinh"}, {"kind", "null"}, {"state", "ok"}, {"last_error", nullptr}}});
}

void TestServices::publish(std::string_view event, const nlohmann::json& data) {
    std::lock_guard lock(mutex_);
    events.emplace_back(std::string(event), data);
}

std::int64_t TestServices::import_tone(double frequency, const std::string& title) {
    const auto file = dir_ / ("tone-" + std::to_string(static_cast<int>(frequency)) + ".wav");
    make_audio(file, 1.0, {.frequency = frequency, .sample_rate = 48000, .channels = 1, .extra_args = {}});
    library::Importer importer(db_, config_.media_dir);
    library::ImportRequest r;
    r.file = file;
    r.title = title;
    return importer.import(r).item.id;
}

std::int64_t TestServices::count(const std::string& table) {
    auto st = db_.prepare("SELECT count(*) FROM " + table);
    st.step();
    return st.integer(0);
}

api::Call call(std::string method, std::string path, nlohmann::json body, std::map<std::string, std::string> params,
               auth::Role role, std::string account) {
    api::Call c;
    c.method = std::move(method);
    c.path = std::move(path);
    c.body = std::move(body);
    c.params = std::move(params);
    c.caller = {std::move(account), role, false, {}};
    c.client = "127.0.0.1";
    return c;
}

api::Reply run(api::Services& s, const std::string& method, const std::string& pattern, api::Call c) {
    for (auto& r : api::routes(s))
        if (r.method == method && r.pattern == pattern) return r.handler(c);
    ADD_FAILURE() << "no route " << method << ' ' << pattern;
    return {};
}

void expect_refused(api::Services& s, const std::string& method, const std::string& pattern, api::Call c, int status,
                    const std::string& field) {
    try {
        run(s, method, pattern, std::move(c));
        ADD_FAILURE() << method << ' ' << pattern << ": accepted, expected " << status << " on \"" << field << '"';
    } catch (const api::ApiError& e) {
        EXPECT_EQ(e.status(), status) << e.what();
        EXPECT_EQ(e.field(), field) << e.what();
        EXPECT_FALSE(std::string(e.what()).empty());
    }
}

}  // namespace lp::test
