#include "export/ReportText.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

#include "domain/Texts.hpp"
#include "domain/Time.hpp"
#include "domain/Vocabulary.hpp"
#include "export/Csv.hpp"
#include "export/InterestText.hpp"

namespace lp::exporting {
namespace {

using nlohmann::json;

double seconds(std::chrono::milliseconds d) { return static_cast<double>(d.count()) / 1000.0; }
double milliseconds(std::chrono::microseconds d) { return static_cast<double>(d.count()) / 1000.0; }

json instant(const std::optional<journal::TimePoint>& t) { return t ? json(domain::to_utc_text(*t)) : json(nullptr); }

json topic_labels(const std::vector<std::string>& codes) {
    json out = json::array();
    for (const auto& c : codes) out.push_back(domain::topic_label(c));
    return out;
}

json groups(const std::vector<GroupTotal>& gs) {
    json out = json::array();
    for (const auto& g : gs)
        out.push_back({{"code", g.code},
                       {"label", g.label},
                       {"items", g.items},
                       {"airings", g.airings},
                       {"airtime_s", seconds(g.airtime)}});
    return out;
}

}  // namespace

std::string report_csv(const Report& r, const date::time_zone* tz) {
    // Line by line: neither the rows nor a table of their cells is copied whole.
    CsvWriter csv;
    csv.row(journal_headers());
    int n = 0;
    for (const auto& l : r.lines) {
        auto cells = journal_cells(l.row, ++n, tz);
        cells.at(journal_note_column) = l.note;
        csv.row(cells);
    }
    csv.row({});
    for (const auto& line : footer_lines(r)) csv.row({line});
    return csv.text();
}

std::string report_json(const Report& r, const date::time_zone* tz) {
    json rows = json::array();
    for (const auto& l : r.lines) {
        const auto& row = l.row;
        json outputs = row.outputs;
        rows.push_back({
            {"id", row.id},
            {"local_date", domain::local_date_text(tz, row.started_at.value_or(row.plan.scheduled_at))},
            {"scheduled_at", domain::to_utc_text(row.plan.scheduled_at)},
            {"started_at", instant(row.started_at)},
            {"ended_at", instant(row.ended_at)},
            {"played_s", seconds(row.played)},
            {"title", row.plan.title},
            {"topics", row.plan.topics},
            {"topic_labels", topic_labels(row.plan.topics)},
            {"form", row.plan.form},
            {"form_label", domain::form_label(row.plan.form)},
            {"ordinal", row.ordinal ? json(*row.ordinal) : json(nullptr)},
            {"slot", row.plan.slot},
            {"outputs", outputs},
            {"status", journal::to_code(row.status)},
            {"status_label", journal::status_label(row.status)},
            {"file", row.plan.file},
            {"file_sha256", row.media_sha256 ? json(*row.media_sha256) : json(nullptr)},
            {"manual_by", row.is_manual() ? json(row.manual_by) : json(nullptr)},
            {"note", l.note},
            {"detail", row.detail.empty() ? json(nullptr) : json(row.detail)},
            {"seal", row.seal.empty() ? json(nullptr) : json(row.seal)},
            {"start_lateness_ms", row.start_lateness ? json(milliseconds(*row.start_lateness)) : json(nullptr)},
            {"clock_synced", row.start_evidence.clock_synced ? json(*row.start_evidence.clock_synced) : json(nullptr)},
            {"archive_file",
             row.start_evidence.archive_file.empty() ? json(nullptr) : json(row.start_evidence.archive_file)},
            {"archive_offset_s",
             row.start_evidence.archive_offset ? json(seconds(*row.start_evidence.archive_offset)) : json(nullptr)},
        });
    }
    json items = json::array();
    for (const auto& i : r.items)
        items.push_back({{"title", i.title},
                         {"topics", i.topics},
                         {"form", i.form},
                         {"manual", i.manual},
                         {"airings", i.airings},
                         {"airtime_s", seconds(i.airtime)},
                         {"first", instant(i.first)},
                         {"last", instant(i.last)}});
    json doc = {
        {"title", journal_title},
        {"organisation",
         {{"parent_body", r.organisation.parent_body},
          {"issuing_body", r.organisation.issuing_body},
          {"place", r.organisation.place}}},
        {"period",
         {{"code", r.period.code()},
          {"words", r.period.words_with_dates()},
          {"first", domain::iso_date_text(r.period.first)},
          {"last", domain::iso_date_text(r.period.last)}}},
        {"made_on", domain::iso_date_text(r.made_on)},
        {"rows", rows},
        {"items", items},
        {"by_topic", groups(r.topics)},
        {"by_topic_note", domain::texts::counted_under_each_topic},
        {"by_form", groups(r.forms)},
        {"totals",
         {{"airings", r.airings},
          {"airtime_s", seconds(r.airtime)},
          {"not_aired", r.not_aired},
          {"clock_known", r.clock.known},
          {"clock_synced", r.clock.synced}}},
        {"punctuality",
         {{"programmes", r.punctuality.programmes},
          {"p50_ms", milliseconds(r.punctuality.p50)},
          {"p99_ms", milliseconds(r.punctuality.p99)},
          {"max_ms", milliseconds(r.punctuality.max)}}},
        {"chain",
         {{"rows", r.stamp.rows},
          {"head_seq", r.stamp.head_seq},
          {"head_seal", r.stamp.head_seal},
          {"digest", r.stamp.digest},
          {"marker", r.stamp.marker()}}},
    };
    if (r.interest) doc["interest"] = interest_json(*r.interest);
    if (!r.key_fingerprint.empty()) doc["key_fingerprint"] = r.key_fingerprint;
    if (!r.signature_line.empty()) doc["signature"] = r.signature_line;
    return doc.dump(2) + "\n";
}

}  // namespace lp::exporting
