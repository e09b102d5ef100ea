// Live sessions through the API on a real database: a start saves a live source and an
// emergency one-off in the caller's name (with who reads or relays), tells the daemon before
// the rules are reloaded, and a second start while one is on is refused with a Vietnamese
// message; a stop ends it; bad input is refused with nothing changed.

#include <gtest/gtest.h>

#include <fstream>

#include "domain/Time.hpp"
#include "domain/WallClock.hpp"
#include "scheduler/Engine.hpp"
#include "tests/api/TestServices.hpp"
#include "tests/support/AlsaTap.hpp"
#include "tests/support/TempDir.hpp"

namespace {

using lp::auth::Role;
using lp::test::call;
using lp::test::expect_refused;
using lp::test::run;

std::vector<std::int64_t> live_counts(lp::test::TestServices& s) {
    return {s.count("one_off"), s.count("media_item"), s.rules_changed_count};
}

TEST(LiveApi, AStreamStartsAsAnEmergencyOneOffOfALiveSourceAndStops) {
    lp::test::TestServices s;
    const auto called = std::chrono::floor<std::chrono::milliseconds>(lp::domain::wall_now());
    const auto r = run(s, "POST", "/api/live",
                       call("POST", "", {{"source", "http://127.0.0.1:8000/vov1"}, {"by", "Nguyễn Văn An"}}, {},
                            Role::operator_, "lan"));
    const auto answered = lp::domain::wall_now();
    EXPECT_EQ(r.status, 201);
    EXPECT_EQ(r.body["kind"], "tiep_song");
    EXPECT_EQ(r.body["title"], "Tiếp sóng: http://127.0.0.1:8000/vov1");
    EXPECT_EQ(r.body["by"], "Nguyễn Văn An");
    auto st = s.database().prepare(
        "SELECT o.priority, o.created_by, m.live_url, m.live_kind, m.duration_ms, m.title, o.at FROM one_off o "
        "JOIN media_item m ON m.id = o.media_item_id WHERE o.id = ?");
    st.bind(1, r.body["oneoff"].get<std::int64_t>());
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "emergency");
    EXPECT_EQ(st.text(1), "Nguyễn Văn An (tài khoản lan)");
    EXPECT_EQ(st.text(2), "http://127.0.0.1:8000/vov1");
    EXPECT_EQ(st.text(3), "tiep_song");
    EXPECT_EQ(st.integer(4), 3600 * 1000) << "[live] max_length: the longest it airs without a stop";
    EXPECT_EQ(st.text(5), "Tiếp sóng: http://127.0.0.1:8000/vov1");
    EXPECT_EQ(s.rules_changed_count, 1);
    ASSERT_TRUE(s.live);
    EXPECT_EQ(s.live->one_off, r.body["oneoff"].get<std::int64_t>());
    // Ordered the engine's pre-roll ahead, so that the source connects before its start; the
    // session is on since that start.
    const auto at = lp::domain::from_utc_text(st.text(6));
    EXPECT_GE(at, called + lp::scheduler::default_preroll);
    EXPECT_LE(at, answered + lp::scheduler::default_preroll);
    EXPECT_EQ(s.live->since, at);

    EXPECT_EQ(run(s, "GET", "/api/live", call("GET", "")).body["live"]["title"], r.body["title"]);
    const auto before = live_counts(s);
    try {
        run(s, "POST", "/api/live", call("POST", "", {{"source", "http://127.0.0.1:8000/vov2"}, {"by", "Bình"}}));
        ADD_FAILURE() << "a second session while one is on";
    } catch (const lp::api::ApiError& e) {
        EXPECT_EQ(e.status(), 409);
        EXPECT_EQ(std::string(e.what()).rfind("Đang tiếp sóng \"Tiếp sóng: http://127.0.0.1:8000/vov1\" "
                                              "(Nguyễn Văn An, từ ",
                                              0),
                  0u)
            << e.what();
    }
    EXPECT_EQ(live_counts(s), before) << "nothing saved";

    const auto stopped = run(s, "DELETE", "/api/live", call("DELETE", ""));
    EXPECT_EQ(stopped.status, 200);
    EXPECT_EQ(stopped.body["stopped"], true);
    EXPECT_FALSE(s.live);
    EXPECT_TRUE(run(s, "GET", "/api/live", call("GET", "")).body["live"].is_null());
    expect_refused(s, "DELETE", "/api/live", call("DELETE", ""), 409, "live");
}

TEST(LiveApi, ATitleIsTheContentAndTheCallerReadingIsNamedOnce) {
    lp::test::TestServices s;
    const auto r =
        run(s, "POST", "/api/live",
            call("POST", "", {{"source", "http://127.0.0.1:8000/vov1"}, {"by", "lan"}, {"title", "Thời sự VOV1"}}, {},
                 Role::operator_, "lan"));
    EXPECT_EQ(r.body["title"], "Thời sự VOV1");
    auto st = s.database().prepare("SELECT created_by FROM one_off WHERE id = ?");
    st.bind(1, r.body["oneoff"].get<std::int64_t>());
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), "lan");
}

TEST(LiveApi, BadInputIsRefusedWithNothingChanged) {
    lp::test::TestServices s;
    const auto before = live_counts(s);
    expect_refused(s, "POST", "/api/live", call("POST", "", {{"by", "An"}}), 400, "source");
    expect_refused(s, "POST", "/api/live", call("POST", "", {{"source", "http://127.0.0.1/x"}}), 422, "by");
    expect_refused(s, "POST", "/api/live", call("POST", "", {{"source", "http://127.0.0.1/x"}, {"by", "  "}}), 422,
                   "by");
    expect_refused(s, "POST", "/api/live", call("POST", "", {{"source", "ftp://127.0.0.1/x"}, {"by", "An"}}), 422,
                   "source");
    expect_refused(s, "POST", "/api/live", call("POST", "", {{"source", "http://:80/x"}, {"by", "An"}}), 422, "source");
    expect_refused(s, "POST", "/api/live",
                   call("POST", "", {{"source", "http://127.0.0.1/x"}, {"by", "An"}, {"outputs", {"không-có"}}}), 422,
                   "outputs");
    expect_refused(s, "POST", "/api/live",
                   call("POST", "", {{"source", "http://127.0.0.1/x"}, {"by", "An"}, {"title", " "}}), 422, "title");
    EXPECT_EQ(live_counts(s), before);
    EXPECT_FALSE(s.live);
}

// A capture device another program holds (the test's busy ALSA PCM): 422 on `source` naming
// it with ALSA's reason, nothing saved; let go, the same request starts the session.
TEST(LiveApi, ABusyCaptureDeviceIsRefusedNamingItAndAcceptedOnceFree) {
    lp::test::TempDir dir;
    lp::test::AlsaTap tap;
    tap.add_capture("micro", dir / "tone.raw");
    std::ofstream(dir / "tone.raw") << std::string(48000, '\0');
    const auto lock = tap.add_busy_capture("micro-ban", "micro");
    lp::test::TestServices s;
    const auto start = [&] {
        return run(s, "POST", "/api/live", call("POST", "", {{"source", "alsa:micro-ban"}, {"by", "An"}}));
    };
    const auto before = live_counts(s);
    {
        lp::test::HeldDevice held{lock};
        try {
            start();
            ADD_FAILURE() << "a busy device was accepted";
        } catch (const lp::api::ApiError& e) {
            EXPECT_EQ(e.status(), 422);
            EXPECT_EQ(e.field(), "source");
            EXPECT_EQ(std::string(e.what()),
                      "Thiết bị thu âm \"micro-ban\" đang bận (một chương trình khác đang dùng nó) (alsa:micro-ban: "
                      "snd_pcm_open() failed: Device or resource busy).");
        }
        EXPECT_EQ(live_counts(s), before) << "nothing saved";
        EXPECT_FALSE(s.live);
    }
    EXPECT_EQ(start().status, 201);
    ASSERT_TRUE(s.live);
    EXPECT_EQ(s.live->kind, "truc_tiep");
}

}  // namespace
