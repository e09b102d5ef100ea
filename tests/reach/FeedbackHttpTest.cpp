// The feedback form over real HTTP: stored pending and shown only once approved, escaped;
// bad forms refused with nothing stored; floods answered 429 with nothing stored, per client
// and overall, until the window passes on the virtual clock.
#include <gtest/gtest.h>

#include "db/sqlite/Database.hpp"
#include "reach/FeedbackStore.hpp"
#include "tests/reach/Fixture.hpp"

namespace lp::test {
namespace {

using namespace std::chrono_literals;

class Feedback : public ::testing::Test {
protected:
    std::string form_target() { return "/tin/" + std::to_string(f.long_item) + "/y-kien"; }
    std::int64_t rows() {
        sqlite::Database db(f.database_path());
        auto st = db.prepare("SELECT count(*) FROM feedback");
        st.step();
        return st.integer(0);
    }
    std::vector<reach::Feedback> pending() {
        sqlite::Database db(f.database_path());
        return reach::FeedbackStore(db).list("pending");
    }
    void decide(std::int64_t id, bool approve) {
        sqlite::Database db(f.database_path());
        ASSERT_TRUE(reach::FeedbackStore(db).decide(id, approve, "duyet", f.clock.clock()()));
    }
    Response send(const std::string& form, const std::string& agent = "Phone-A", const std::string& from = {}) {
        return f.post_form(form_target(), form, from, {{"User-Agent", agent}});
    }
    PublicFixture f;
};

TEST_F(Feedback, StoredPendingAndShownEscapedOnlyOnceApproved) {
    const std::string script = "<script>alert('x')</script> & <img src=x onerror=alert(1)> \"Rất hay\"";
    const auto r = send("rating=5&comment=" + std::string("%3Cscript%3Ealert('x')%3C%2Fscript%3E+%26+%3Cimg+src%3Dx+"
                                                          "onerror%3Dalert(1)%3E+%22R%E1%BA%A5t+hay%22"));
    ASSERT_EQ(r.result_int(), 200) << r.body();
    EXPECT_NE(r.body().find("Cảm ơn bà con đã góp ý"), std::string::npos);
    ASSERT_EQ(send("rating=2", "Phone-B").result_int(), 200);
    const auto waiting = pending();
    ASSERT_EQ(waiting.size(), 2u);
    EXPECT_EQ(waiting[1].comment.value_or(""), script);
    EXPECT_EQ(waiting[1].rating, 5);
    EXPECT_EQ(waiting[1].channel, "web");
    EXPECT_EQ(waiting[1].item, f.long_item);
    EXPECT_FALSE(waiting[1].recorded_by);
    EXPECT_FALSE(waiting[0].comment);

    const std::string item = "/tin/" + std::to_string(f.long_item);
    EXPECT_EQ(f.get(item).body().find("Rất hay"), std::string::npos);  // pending: not shown
    decide(waiting[1].id, true);
    const auto page = f.get(item).body();
    EXPECT_NE(page.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; "
                        "&quot;Rất hay&quot;"),
              std::string::npos)
        << page;
    EXPECT_EQ(page.find("<script>"), std::string::npos);
    EXPECT_EQ(page.find("<img src=x"), std::string::npos);
    EXPECT_NE(page.find("5/5"), std::string::npos);

    // A rejected one never shows; a decided one cannot be decided again.
    ASSERT_EQ(send("rating=1&comment=Spam+quang+cao", "Phone-C").result_int(), 200);
    decide(pending().front().id, false);
    EXPECT_EQ(f.get(item).body().find("Spam quang cao"), std::string::npos);
    sqlite::Database db(f.database_path());
    EXPECT_FALSE(reach::FeedbackStore(db).decide(waiting[1].id, false, "duyet", f.clock.clock()()));
}

TEST_F(Feedback, BadFormsAreRefusedAndNothingIsStored) {
    for (const std::string& form : std::vector<std::string>{
             "", "rating=0", "rating=6", "rating=abc", "rating=5.0", "rating=", "comment=hay",
             "rating=3&comment=%FF%FE", "rating=3&comment=a%00b", "rating=3&comment=" + std::string(1001, 'a')}) {
        const auto r = send(form, "Phone-" + std::to_string(form.size()) + form.substr(0, 8));
        EXPECT_TRUE(r.result_int() == 422 || r.result_int() == 400) << form << " " << r.result_int();
        EXPECT_EQ(r["Content-Type"], "text/html; charset=utf-8");
    }
    EXPECT_EQ(send("rating=3&comment=" + std::string(4100, 'a'), "Phone-Z").result_int(), 413);
    EXPECT_EQ(f.post_form("/tin/987654/y-kien", "rating=3").result_int(), 404);
    EXPECT_EQ(f.post_form("/tin/" + std::to_string(f.jingle) + "/y-kien", "rating=3").result_int(), 404);
    const std::map<std::string, std::string> json{{"Content-Type", "application/json"}};
    EXPECT_EQ(f.post_form(form_target(), "{\"rating\":3}", {}, json).result_int(), 415);
    EXPECT_EQ(rows(), 0);
    // Characters are counted, not bytes: 400 of "ệ" (3 bytes each) and 1000 ASCII ones are fine.
    std::string vietnamese;
    for (int i = 0; i < 400; ++i) vietnamese += "%E1%BB%87";
    EXPECT_EQ(send("rating=4&comment=" + vietnamese, "Phone-V").result_int(), 200);
    EXPECT_EQ(send("rating=4&comment=" + std::string(1000, 'a'), "Phone-W").result_int(), 200);
    EXPECT_EQ(rows(), 2);
}

TEST_F(Feedback, FloodsAreAnswered429WithNothingStored) {
    for (int i = 0; i < 3; ++i) ASSERT_EQ(send("rating=4", "Phone-A").result_int(), 200);
    for (int i = 0; i < 20; ++i) {
        const auto r = send("rating=1&comment=flood", "Phone-A");
        ASSERT_EQ(r.result_int(), 429);
        EXPECT_FALSE(r["Retry-After"].empty());
        EXPECT_NE(r.body().find("Gửi quá nhiều lần"), std::string::npos);
    }
    EXPECT_EQ(rows(), 3);
    // Another phone is not held back; ten minutes later the first may send again.
    EXPECT_EQ(send("rating=4", "Phone-B").result_int(), 200);
    f.clock.advance(10min + 1s);
    EXPECT_EQ(send("rating=4", "Phone-A").result_int(), 200);
    EXPECT_EQ(rows(), 5);
}

TEST_F(Feedback, AFloodFromManyAddressesMeetsTheHourlyCap) {
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 250; ++i) {
        const auto r = send("rating=3", "Bot-" + std::to_string(i), "127.0.1." + std::to_string(i % 250 + 1));
        (r.result_int() == 200 ? accepted : refused)++;
        if (r.result_int() != 200) {
            EXPECT_EQ(r.result_int(), 429);
        }
    }
    EXPECT_EQ(accepted, 200);
    EXPECT_EQ(refused, 50);
    EXPECT_EQ(rows(), 200);
}

}  // namespace
}  // namespace lp::test
