#include "tests/reach/Fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "db/Store.hpp"
#include "domain/Time.hpp"
#include "library/Importer.hpp"
#include "library/ItemStore.hpp"
#include "tests/support/MakeAudio.hpp"

namespace lp::test {
namespace {

std::int64_t import(sqlite::Database& db, const std::filesystem::path& dir, const std::string& name, double seconds,
                    const std::string& title, const std::string& topic, const std::string& form, double frequency) {
    const auto file = dir / name;
    make_audio(file, seconds, AudioOptions{frequency, 44100, 1, "-b:a 64k"});
    library::Importer importer(db, dir / "media");
    library::ImportRequest request;
    request.file = file;
    request.title = title;
    request.topics = {topic};
    request.form = form;
    return importer.import(request).item.id;
}

void journal(sqlite::Database& db, std::int64_t item, domain::TimePoint at, const std::string& status) {
    db.prepare(
          "INSERT INTO journal (scheduled_at, started_at, ended_at, media_item_id, title, topic, form, slot, "
          "outputs, status, file) SELECT ?2, ?2, ?2, id, title, topic, form, 'Sáng', 'loa', ?3, file FROM media_item "
          "WHERE id = ?1")
        .bind(1, item)
        .bind(2, domain::to_utc_text(at))
        .bind(3, status)
        .run();
}

}  // namespace

PublicFixture::PublicFixture() {
    db_ = std::make_unique<sqlite::Database>(db::open_store(database_path()));
    auto& db = *db_;
    long_item = import(db, dir.path(), "dai.mp3", 60, long_title, "b", "tin", 440);
    short_item = import(db, dir.path(), "ngan.mp3", 10, "Lịch tiếp công dân", "c", "thong_bao", 550);
    jingle = import(db, dir.path(), "nhac.mp3", 5, "Nhạc hiệu", "other", "am_nhac", 660);
    old_item = import(db, dir.path(), "cu.mp3", 5, "Tin cũ", "b", "tin", 770);
    never_aired = import(db, dir.path(), "chua.mp3", 5, "Chưa phát", "b", "tin", 880);
    const auto now = clock.clock()();
    journal(db, long_item, now - std::chrono::hours(26), "completed");
    journal(db, long_item, now - std::chrono::hours(2), "completed");
    journal(db, short_item, now - std::chrono::hours(3), "interrupted");
    journal(db, short_item, now - std::chrono::hours(1), "failed");
    journal(db, jingle, now - std::chrono::hours(2), "completed");
    journal(db, old_item, now - std::chrono::weeks(9), "completed");
    reach::Site site{"http://nghe.test", "UBND PHƯỜNG AN HẢI", "TRUNG TÂM DỊCH VỤ SỰ NGHIỆP CÔNG", 8,
                     domain::zone("Asia/Ho_Chi_Minh")};
    side_ = std::make_unique<reach::PublicSide>(db, site, clock.clock());
    http::ServerOptions options;
    options.open_site = true;
    options.form_limit = 4 * 1024;
    options.upload_dir = dir / "uploads";
    auto routes = side_->routes();
    for (auto& route : routes) {
        if (route.pattern != "/nghe/{id}") continue;
        route.handler = [this, inner = route.handler](api::Call& c) {
            auto reply = inner(c);
            reply.on_sent = [this, hook = reply.on_sent](std::uint64_t first, std::uint64_t n) {
                hook(first, n);
                sent_.update([](int& v) { ++v; });
            };
            return reply;
        };
    }
    harness_ = std::make_unique<Harness>(std::move(routes), options);
}

PublicFixture::~PublicFixture() {
    harness_.reset();
    side_.reset();
    db_.reset();
}

Response PublicFixture::get(const std::string& target, const std::map<std::string, std::string>& headers,
                            const std::string& from) {
    return harness_->request("GET", target, {}, headers, from);
}

Response PublicFixture::post_form(const std::string& target, const std::string& form, const std::string& from,
                                  const std::map<std::string, std::string>& headers) {
    auto h = headers;
    h.emplace("Content-Type", "application/x-www-form-urlencoded");
    return harness_->request("POST", target, form, h, from);
}

Response PublicFixture::fetch_audio(const std::string& target, const std::map<std::string, std::string>& headers,
                                    const std::string& from) {
    const int before = sent_.get();
    auto r = get(target, headers, from);
    if (r.result_int() == 200 || r.result_int() == 206) {
        EXPECT_TRUE(sent_.wait_for(std::chrono::seconds(10), [&](int v) { return v > before; })) << target;
    }
    return r;
}

std::int64_t PublicFixture::duration_ms(std::int64_t id) const {
    sqlite::Database db(database_path());
    return *library::ItemStore(db).find(id)->duration_ms;
}

std::string PublicFixture::file_bytes(std::int64_t id) const {
    sqlite::Database db(database_path());  // the loop thread has the fixture's connection
    library::ItemStore store(db);
    std::ifstream in(store.find(id)->file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace lp::test
