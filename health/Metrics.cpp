#include "health/Metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace lp::health {

Histogram::Histogram(std::vector<double> bounds) : bounds_(std::move(bounds)), per_bucket_(bounds_.size(), 0) {
    if (!std::is_sorted(bounds_.begin(), bounds_.end()))
        throw std::invalid_argument("histogram bounds must be ascending");
}

void Histogram::observe(double value) {
    const auto it = std::lower_bound(bounds_.begin(), bounds_.end(), value);  // first bound >= value
    if (it != bounds_.end()) ++per_bucket_[static_cast<std::size_t>(it - bounds_.begin())];
    sum_ += value;
    ++count_;
}

std::vector<unsigned long long> Histogram::cumulative() const {
    std::vector<unsigned long long> out(per_bucket_.size());
    unsigned long long running = 0;
    for (std::size_t i = 0; i < per_bucket_.size(); ++i) out[i] = running += per_bucket_[i];
    return out;
}

std::string format_value(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    char text[64];
    const auto result = std::to_chars(text, text + sizeof text, value, std::chars_format::general);
    return {text, result.ptr};
}

std::string format_labels(const Labels& labels) {
    if (labels.empty()) return {};
    std::string out = "{";
    for (const auto& [key, value] : labels) {
        if (out.size() > 1) out += ',';
        out += key + "=\"";
        for (const char c : value) {
            if (c == '\\')
                out += "\\\\";
            else if (c == '"')
                out += "\\\"";
            else if (c == '\n')
                out += "\\n";
            else
                out += c;
        }
        out += '"';
    }
    return out + "}";
}

void Registry::declare(const std::string& name, const std::string& help, MetricType type, std::vector<double> buckets) {
    if (families_.contains(name)) return;
    order_.push_back(name);
    families_.emplace(name, Family{help, type, std::move(buckets), {}, {}});
}

Registry::Family& Registry::family(const std::string& name) {
    const auto it = families_.find(name);
    if (it == families_.end()) throw std::logic_error("metric " + name + " is not declared");
    return it->second;
}

void Registry::add(const std::string& name, const Labels& labels, double by) { family(name).values[labels] += by; }

void Registry::set(const std::string& name, const Labels& labels, double value) { family(name).values[labels] = value; }

void Registry::clear(const std::string& name) {
    auto& f = family(name);
    f.values.clear();
    f.histograms.clear();
}

void Registry::observe(const std::string& name, double value, const Labels& labels) {
    auto& f = family(name);
    auto it = f.histograms.find(labels);
    if (it == f.histograms.end()) it = f.histograms.emplace(labels, Histogram{f.buckets}).first;
    it->second.observe(value);
}

double Registry::value(const std::string& name, const Labels& labels) const {
    const auto f = families_.find(name);
    if (f == families_.end()) return 0;
    const auto v = f->second.values.find(labels);
    return v == f->second.values.end() ? 0 : v->second;
}

const Histogram* Registry::histogram(const std::string& name, const Labels& labels) const {
    const auto f = families_.find(name);
    if (f == families_.end()) return nullptr;
    const auto h = f->second.histograms.find(labels);
    return h == f->second.histograms.end() ? nullptr : &h->second;
}

namespace {

const char* type_name(MetricType type) {
    switch (type) {
        case MetricType::counter: return "counter";
        case MetricType::gauge: return "gauge";
        case MetricType::histogram: return "histogram";
    }
    return "untyped";
}

std::string escape_help(const std::string& help) {
    std::string out;
    for (const char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

Labels with(Labels labels, std::string key, std::string value) {
    labels.emplace_back(std::move(key), std::move(value));
    return labels;
}

}  // namespace

std::string Registry::render() const {
    std::string out;
    for (const auto& name : order_) {
        const auto& f = families_.at(name);
        out += "# HELP " + name + " " + escape_help(f.help) + "\n";
        out += "# TYPE " + name + " " + type_name(f.type) + "\n";
        if (f.type != MetricType::histogram) {
            for (const auto& [labels, value] : f.values)
                out += name + format_labels(labels) + " " + format_value(value) + "\n";
            continue;
        }
        // A histogram with no observation yet still shows its buckets at zero.
        std::map<Labels, Histogram> shown = f.histograms;
        if (shown.empty()) shown.emplace(Labels{}, Histogram{f.buckets});
        for (const auto& [labels, h] : shown) {
            const auto counts = h.cumulative();
            for (std::size_t i = 0; i < counts.size(); ++i)
                out += name + "_bucket" + format_labels(with(labels, "le", format_value(h.bounds()[i]))) + " " +
                       std::to_string(counts[i]) + "\n";
            out +=
                name + "_bucket" + format_labels(with(labels, "le", "+Inf")) + " " + std::to_string(h.count()) + "\n";
            out += name + "_sum" + format_labels(labels) + " " + format_value(h.sum()) + "\n";
            out += name + "_count" + format_labels(labels) + " " + std::to_string(h.count()) + "\n";
        }
    }
    return out;
}

}  // namespace lp::health
