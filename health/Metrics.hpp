#pragma once
// A small metrics registry (counters, gauges, histograms, with labels) and its rendering in
// the Prometheus text exposition format 0.0.4. Not thread-safe: the owner locks.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lp::health {

using Labels = std::vector<std::pair<std::string, std::string>>;

enum class MetricType { counter, gauge, histogram };

// Cumulative buckets with upper bounds `bounds` (ascending; +Inf is implicit), sum and count.
class Histogram {
public:
    explicit Histogram(std::vector<double> bounds);
    void observe(double value);
    const std::vector<double>& bounds() const { return bounds_; }
    // counts()[i]: observations <= bounds()[i] (cumulative, as exposed).
    std::vector<unsigned long long> cumulative() const;
    double sum() const { return sum_; }
    unsigned long long count() const { return count_; }

private:
    std::vector<double> bounds_;
    std::vector<unsigned long long> per_bucket_;  // non-cumulative, one per bound
    double sum_ = 0;
    unsigned long long count_ = 0;
};

class Registry {
public:
    // Declares a family (idempotent); families render in declaration order.
    void declare(const std::string& name, const std::string& help, MetricType type, std::vector<double> buckets = {});
    // Counter: adds `by` to the series with these labels (created at 0).
    void add(const std::string& name, const Labels& labels = {}, double by = 1);
    // Gauge or counter: sets the series' value (a counter kept elsewhere, copied in).
    void set(const std::string& name, const Labels& labels, double value);
    void set(const std::string& name, double value) { set(name, {}, value); }
    // Drops every series of a family (a gauge whose label set changed).
    void clear(const std::string& name);
    void observe(const std::string& name, double value, const Labels& labels = {});
    double value(const std::string& name, const Labels& labels = {}) const;  // 0 when absent
    const Histogram* histogram(const std::string& name, const Labels& labels = {}) const;

    // The whole registry as Prometheus text (Content-Type: text/plain; version=0.0.4).
    std::string render() const;

private:
    struct Family {
        std::string help;
        MetricType type;
        std::vector<double> buckets;
        std::map<Labels, double> values;
        std::map<Labels, Histogram> histograms;
    };
    Family& family(const std::string& name);
    std::vector<std::string> order_;
    std::map<std::string, Family> families_;
};

// A number as Prometheus writes it: shortest round-trip text, "+Inf", "-Inf", "NaN".
std::string format_value(double value);
// `{a="x",b="y"}` with \\, \" and \n escaped; empty for no labels.
std::string format_labels(const Labels& labels);

}  // namespace lp::health
