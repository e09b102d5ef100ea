// The public listen-again side over real HTTP: what it lists, item pages, audio with Range
// (first, middle and last byte, beyond the end), the podcast feed, QR codes, the poster, and
// bad requests: unknown ids, paths that try to leave the library, the operator's paths.
#include <gtest/gtest.h>

#include "domain/Time.hpp"
#include "reach/Feed.hpp"
#include "tests/reach/Fixture.hpp"

namespace lp::test {
namespace {

std::string id(std::int64_t v) { return std::to_string(v); }

class PublicSite : public ::testing::Test {
protected:
    PublicFixture f;
};

TEST_F(PublicSite, ListsTheCchcItemsAiredInTheWindowEscaped) {
    const auto r = f.get("/");
    ASSERT_EQ(r.result_int(), 200);
    EXPECT_EQ(r["Content-Type"], "text/html; charset=utf-8");
    const auto& page = r.body();
    EXPECT_NE(page.find("Nghe lại tin, bài cải cách hành chính"), std::string::npos);
    EXPECT_NE(page.find("Thủ tục &lt;b&gt;cấp&lt;/b&gt; &quot;giấy&quot; &amp; &#39;sổ&#39;"), std::string::npos);
    EXPECT_EQ(page.find("<b>cấp"), std::string::npos);
    EXPECT_NE(page.find("href=\"/tin/" + id(f.long_item) + "\""), std::string::npos);
    EXPECT_NE(page.find("href=\"/tin/" + id(f.short_item) + "\""), std::string::npos);
    for (const auto hidden : {f.jingle, f.old_item, f.never_aired})
        EXPECT_EQ(page.find("href=\"/tin/" + id(hidden) + "\""), std::string::npos) << hidden;
    // Newest airing first; the failed airing of the short item does not count.
    EXPECT_LT(page.find("/tin/" + id(f.long_item)), page.find("/tin/" + id(f.short_item)));
    EXPECT_NE(page.find("13:00 01/12/2026"), std::string::npos);  // 08:00 UTC - 2 h, in Asia/Ho_Chi_Minh
}

TEST_F(PublicSite, ItemPageHasThePlayerTheFormAndItsQrCode) {
    const auto r = f.get("/tin/" + id(f.long_item));
    ASSERT_EQ(r.result_int(), 200);
    const auto& page = r.body();
    EXPECT_NE(page.find("<audio controls preload=\"none\" src=\"/nghe/" + id(f.long_item) + "\">"), std::string::npos);
    EXPECT_NE(page.find("Nội dung này có hữu ích với bà con không?"), std::string::npos);
    EXPECT_NE(page.find("action=\"/tin/" + id(f.long_item) + "/y-kien\""), std::string::npos);
    EXPECT_NE(page.find("src=\"/qr/" + id(f.long_item) + "\""), std::string::npos);
    EXPECT_NE(page.find("<title>Thủ tục &lt;b&gt;"), std::string::npos);
    EXPECT_NE(r["Content-Security-Policy"].find("default-src 'none'"), std::string::npos);
}

TEST_F(PublicSite, UnknownAndUnlistedIdsAre404) {
    for (const std::string& target : std::vector<std::string>{
             "/tin/987654", "/tin/" + id(f.jingle), "/tin/" + id(f.old_item), "/tin/" + id(f.never_aired), "/tin/abc",
             "/tin/0" + id(f.long_item), "/tin/-1", "/tin/1e3", "/nghe/987654", "/nghe/" + id(f.jingle), "/qr/987654",
             "/nghe/99999999999999999999999", "/khong-co"}) {
        const auto r = f.get(target);
        EXPECT_EQ(r.result_int(), 404) << target;
        EXPECT_EQ(r["Content-Type"], "text/html; charset=utf-8") << target;
    }
    EXPECT_NE(f.get("/tin/987654").body().find("Không tìm thấy tin, bài này"), std::string::npos);
    EXPECT_EQ(f.post_form("/", "a=1").result_int(), 405);
}

TEST_F(PublicSite, RangeRequestsOnTheStoredFile) {
    const std::string file = f.file_bytes(f.long_item);
    const auto size = file.size();
    ASSERT_GT(size, 400000u);  // 60 s at 64 kb/s
    const std::string target = "/nghe/" + id(f.long_item);

    const auto whole = f.get(target);
    EXPECT_EQ(whole.result_int(), 200);
    EXPECT_EQ(whole["Content-Type"], "audio/mpeg");
    EXPECT_EQ(whole["Accept-Ranges"], "bytes");
    EXPECT_EQ(whole.body(), file);

    const auto first = f.get(target, {{"Range", "bytes=0-0"}});
    EXPECT_EQ(first.result_int(), 206);
    EXPECT_EQ(first["Content-Range"], "bytes 0-0/" + std::to_string(size));
    EXPECT_EQ(first.body(), file.substr(0, 1));

    const auto middle = f.get(target, {{"Range", "bytes=100000-199999"}});
    EXPECT_EQ(middle.result_int(), 206);
    EXPECT_EQ(middle["Content-Range"], "bytes 100000-199999/" + std::to_string(size));
    EXPECT_EQ(middle.body(), file.substr(100000, 100000));

    const auto last = f.get(target, {{"Range", "bytes=" + std::to_string(size - 1) + "-"}});
    EXPECT_EQ(last.result_int(), 206);
    EXPECT_EQ(last["Content-Range"],
              "bytes " + std::to_string(size - 1) + "-" + std::to_string(size - 1) + "/" + std::to_string(size));
    EXPECT_EQ(last.body(), file.substr(size - 1));
    const auto suffix = f.get(target, {{"Range", "bytes=-1"}});
    EXPECT_EQ(suffix.body(), file.substr(size - 1));

    const auto beyond = f.get(target, {{"Range", "bytes=" + std::to_string(size) + "-"}});
    EXPECT_EQ(beyond.result_int(), 416);
    EXPECT_EQ(beyond["Content-Range"], "bytes */" + std::to_string(size));
    EXPECT_TRUE(beyond.body().empty());
}

TEST_F(PublicSite, NoPathLeadsOutOfTheLibrary) {
    for (const std::string& target : std::vector<std::string>{
             "/nghe/..%2F..%2F..%2Fetc%2Fpasswd", "/nghe/../../../etc/passwd", "/nghe/%2e%2e", "/../../etc/passwd",
             "/style.css/../../etc/passwd", "/nghe/" + id(f.long_item) + "/../../../etc/passwd",
             "/nghe/" + id(f.long_item) + "%00", "/etc/passwd", "/lp.db", "/media/" + id(f.long_item)}) {
        const auto r = f.get(target);
        EXPECT_TRUE(r.result_int() == 404 || r.result_int() == 400) << target << " " << r.result_int();
        EXPECT_EQ(r.body().find("root:"), std::string::npos) << target;
        EXPECT_NE(r["Content-Type"], "audio/mpeg") << target;
    }
}

TEST_F(PublicSite, NothingOfTheOperatorsSideIsThere) {
    const std::map<std::string, std::string> admin{{"Authorization", "Bearer admin-token"},
                                                   {"Cookie", "lp_session=op-session"}};
    for (const std::string& target :
         std::vector<std::string>{"/api/status", "/api/media", "/api/media/" + id(f.long_item) + "/audio",
                                  "/api/events", "/api/journal", "/healthz", "/metrics", "/index.html", "/app.js"})
        EXPECT_EQ(f.get(target, admin).result_int(), 404) << target;
    EXPECT_EQ(f.post_form("/api/login", "name=quantri&password=x").result_int(), 404);
}

TEST_F(PublicSite, PodcastFeed) {
    const auto r = f.get("/rss.xml");
    ASSERT_EQ(r.result_int(), 200);
    EXPECT_EQ(r["Content-Type"], "application/rss+xml; charset=utf-8");
    const auto& xml = r.body();
    EXPECT_TRUE(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"));
    const auto size = f.file_bytes(f.long_item).size();
    EXPECT_NE(xml.find("<enclosure url=\"http://nghe.test/nghe/" + id(f.long_item) + "\" length=\"" +
                       std::to_string(size) + "\" type=\"audio/mpeg\"/>"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<title>Thủ tục &lt;b&gt;cấp&lt;/b&gt; &quot;giấy&quot; &amp; &#39;sổ&#39;</title>"),
              std::string::npos);
    EXPECT_NE(xml.find("<link>http://nghe.test/tin/" + id(f.long_item) + "</link>"), std::string::npos);
    // Aired 2 h before 08:00 UTC on Tuesday 01/12/2026.
    EXPECT_NE(xml.find("<pubDate>Tue, 01 Dec 2026 06:00:00 GMT</pubDate>"), std::string::npos);
    EXPECT_EQ(xml.find("/nghe/" + id(f.jingle) + "\""), std::string::npos);
    EXPECT_EQ(reach::rfc822(domain::from_utc_text("2027-01-03T23:05:09.000Z")), "Sun, 03 Jan 2027 23:05:09 GMT");
}

TEST_F(PublicSite, QrCodesAndThePoster) {
    const auto item = f.get("/qr/" + id(f.long_item));
    ASSERT_EQ(item.result_int(), 200);
    EXPECT_EQ(item["Content-Type"], "image/svg+xml");
    EXPECT_NE(item.body().find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
    const auto page = f.get("/qr");
    EXPECT_EQ(page.result_int(), 200);
    EXPECT_NE(page.body(), item.body());
    const auto poster = f.get("/ap-phich");
    ASSERT_EQ(poster.result_int(), 200);
    EXPECT_NE(poster.body().find("NGHE LẠI TIN, BÀI CẢI CÁCH HÀNH CHÍNH"), std::string::npos);
    EXPECT_NE(poster.body().find("<img src=\"/qr\""), std::string::npos);
    EXPECT_NE(poster.body().find("<img src=\"/qr/" + id(f.long_item) + "\""), std::string::npos);
    EXPECT_NE(poster.body().find("http://nghe.test"), std::string::npos);
    const auto css = f.get("/style.css");
    EXPECT_EQ(css["Content-Type"], "text/css; charset=utf-8");
    EXPECT_NE(css.body().find("@page{size:A4"), std::string::npos);
}

TEST_F(PublicSite, OversizeRequestsAreRefused) {
    EXPECT_EQ(f.get("/", {{"X-Padding", std::string(20000, 'a')}}).result_int(), 431);
    EXPECT_EQ(f.post_form("/", std::string(5000, 'a')).result_int(), 405);
}

}  // namespace
}  // namespace lp::test
