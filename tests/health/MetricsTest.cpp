// The Prometheus text exposition format 0.0.4, line by line.
#include <gtest/gtest.h>

#include "health/Metrics.hpp"

using namespace lp::health;

TEST(Metrics, CounterAndGaugeWithHelpTypeAndLabels) {
    Registry r;
    r.declare("lp_airings_total", "Airings journaled, by status", MetricType::counter);
    r.declare("lp_waiting", "Writes waiting", MetricType::gauge);
    r.add("lp_airings_total", {{"status", "completed"}});
    r.add("lp_airings_total", {{"status", "completed"}}, 2);
    r.add("lp_airings_total", {{"status", "failed"}});
    r.set("lp_waiting", 3);
    EXPECT_EQ(r.render(),
              "# HELP lp_airings_total Airings journaled, by status\n"
              "# TYPE lp_airings_total counter\n"
              "lp_airings_total{status=\"completed\"} 3\n"
              "lp_airings_total{status=\"failed\"} 1\n"
              "# HELP lp_waiting Writes waiting\n"
              "# TYPE lp_waiting gauge\n"
              "lp_waiting 3\n");
}

TEST(Metrics, HistogramBucketsAreCumulativeWithInfSumAndCount) {
    Registry r;
    r.declare("lp_late_seconds", "Lateness", MetricType::histogram, {0.0005, 0.01, 5});
    r.observe("lp_late_seconds", 0.0002);
    r.observe("lp_late_seconds", 0.0005);  // on a bound: counted in it (le = less or equal)
    r.observe("lp_late_seconds", 0.003);
    r.observe("lp_late_seconds", 7);
    EXPECT_EQ(r.render(),
              "# HELP lp_late_seconds Lateness\n"
              "# TYPE lp_late_seconds histogram\n"
              "lp_late_seconds_bucket{le=\"0.0005\"} 2\n"
              "lp_late_seconds_bucket{le=\"0.01\"} 3\n"
              "lp_late_seconds_bucket{le=\"5\"} 3\n"
              "lp_late_seconds_bucket{le=\"+Inf\"} 4\n"
              "lp_late_seconds_sum 7.0037\n"
              "lp_late_seconds_count 4\n");
}

TEST(Metrics, EmptyHistogramShowsZeroBuckets) {
    Registry r;
    r.declare("h", "x", MetricType::histogram, {1});
    EXPECT_EQ(r.render(),
              "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\"} 0\nh_bucket{le=\"+Inf\"} 0\nh_sum 0\nh_count 0\n");
}

TEST(Metrics, LabelValuesAndHelpAreEscaped) {
    Registry r;
    r.declare("g", "a \\ b\nc", MetricType::gauge);
    r.set("g", {{"output", "loa \"sân\"\\1\n"}}, -61.5);
    EXPECT_EQ(r.render(), "# HELP g a \\\\ b\\nc\n# TYPE g gauge\ng{output=\"loa \\\"sân\\\"\\\\1\\n\"} -61.5\n");
}

TEST(Metrics, SpecialValues) {
    EXPECT_EQ(format_value(1.0 / 0.0), "+Inf");
    EXPECT_EQ(format_value(-1.0 / 0.0), "-Inf");
    EXPECT_EQ(format_value(0.0 / 0.0), "NaN");
    EXPECT_EQ(format_value(1e15), "1e+15");
    EXPECT_EQ(format_value(12345), "12345");
}

TEST(Metrics, UndeclaredFamilyIsABug) {
    Registry r;
    EXPECT_THROW(r.add("nope"), std::logic_error);
    EXPECT_THROW(Histogram({2, 1}), std::invalid_argument);
}
