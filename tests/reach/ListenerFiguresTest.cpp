// The pure parts of stream listener counting: reading a mount's count from Icecast's
// /admin/stats document, and the peak and time-weighted mean of the samples.

#include <gtest/gtest.h>

#include "reach/IcecastStats.hpp"
#include "reach/ListenerSeries.hpp"

namespace {

using namespace std::chrono_literals;

// The shape icecast2 2.4 answers /admin/stats with (trimmed).
constexpr const char* stats = R"(<?xml version="1.0"?>
<icestats><admin>admin@localhost</admin><clients>7</clients><listeners>6</listeners>
<source mount="/loa.mp3"><audio_info>bitrate=128</audio_info><listener_peak>9</listener_peak>
<listeners>4</listeners><server_type>audio/mpeg</server_type></source>
<source mount="/loa.ogg"><listeners>2</listeners></source></icestats>)";

TEST(IcecastStats, AMountsListenersAreItsOwnNotTheServersTotalOrPeak) {
    EXPECT_EQ(lp::reach::mount_listeners(stats, "/loa.mp3"), 4);
    EXPECT_EQ(lp::reach::mount_listeners(stats, "/loa.ogg"), 2);
    EXPECT_EQ(lp::reach::mount_listeners(stats, "/loa"), 0) << "no source on it: nobody listens";
}

TEST(IcecastStats, AnswersThatAreNotStatisticsAreRefused) {
    EXPECT_THROW(lp::reach::mount_listeners("<html>login</html>", "/loa.mp3"), std::runtime_error);
    EXPECT_THROW(lp::reach::mount_listeners("<icestats><source mount=\"/loa.mp3\"><listeners>x</listeners></source>"
                                            "</icestats>",
                                            "/loa.mp3"),
                 std::runtime_error);
    EXPECT_THROW(lp::reach::mount_listeners("<icestats><source mount=\"/loa.mp3\"><listeners>3", "/loa.mp3"),
                 std::runtime_error);
}

TEST(IcecastStats, OnlyAnIcecastOutputWithBothAdminKeysIsSampled) {
    lp::audio::OutputSpec spec;
    spec.name = "web";
    spec.kind = "icecast";
    spec.options = {{"server", "127.0.0.1:8000"}, {"mount", "/loa.mp3"}};
    EXPECT_FALSE(lp::reach::stats_source(spec));
    EXPECT_TRUE(lp::reach::icecast_without_admin(spec));
    spec.options["admin_user"] = "admin";
    spec.options["admin_password"] = "p";
    const auto source = lp::reach::stats_source(spec);
    ASSERT_TRUE(source);
    EXPECT_EQ(source->mount, "/loa.mp3");
    EXPECT_EQ(source->output, "web");
    spec.kind = "rtp";
    EXPECT_FALSE(lp::reach::stats_source(spec));
    EXPECT_FALSE(lp::reach::icecast_without_admin(spec));
}

TEST(ListenerSeries, TheMeanWeighsEachCountByHowLongItHeld) {
    const auto t0 = std::chrono::system_clock::time_point{} + 1000h;
    lp::reach::ListenerSeries s;
    EXPECT_FALSE(s.figure("web"));
    s.add(t0, 10);
    s.add(t0 + 1s, 0);
    s.add(t0 + 10s, 0);
    const auto f = s.figure("web");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->peak, 10);
    EXPECT_EQ(f->samples, 3);
    EXPECT_DOUBLE_EQ(f->mean, 1.0) << "10 for 1 s of 10 s, not 10/3";
}

TEST(ListenerSeries, SamplesAtOneInstantGiveTheirPlainMean) {
    const auto t0 = std::chrono::system_clock::time_point{} + 1000h;
    lp::reach::ListenerSeries s;
    s.add(t0, 3);
    s.add(t0, 4);
    EXPECT_DOUBLE_EQ(s.figure("web")->mean, 3.5);
}

}  // namespace
