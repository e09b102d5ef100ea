#include "export/Report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>

#include "domain/Texts.hpp"
#include "domain/Time.hpp"
#include "domain/Vocabulary.hpp"
#include "journal/Sha256.hpp"

namespace lp::exporting {
namespace {

using journal::JournalRow;

std::string change_text(const char* what, std::string_view from, std::string_view to) {
    return std::string(what) + " \"" + std::string(from) + "\" → \"" + std::string(to) + "\"";
}

std::string correction_note(const JournalRow& before, const JournalRow& after) {
    std::string changes;
    const auto add = [&](const std::string& s) {
        if (!changes.empty()) changes += "; ";
        changes += s;
    };
    if (before.plan.title != after.plan.title) add(change_text("tên", before.plan.title, after.plan.title));
    if (before.plan.topics != after.plan.topics)
        add(change_text("nội dung", domain::topic_labels(before.plan.topics), domain::topic_labels(after.plan.topics)));
    if (before.plan.form != after.plan.form)
        add(change_text("hình thức", domain::form_label(before.plan.form), domain::form_label(after.plan.form)));
    return "Đính chính (dòng nhật ký số " + std::to_string(after.id) + ", " + after.manual_by + "): " + changes +
           ". Lý do: " + after.reason;
}

GroupTotal& group(std::vector<GroupTotal>& groups, const std::string& code, std::string_view label) {
    for (auto& g : groups)
        if (g.code == code) return g;
    GroupTotal g;
    g.code = code;
    g.label = std::string(label);
    return groups.emplace_back(std::move(g));
}

}  // namespace

std::string seal_digest(const std::vector<JournalRow>& rows) {
    journal::Sha256 h;
    for (const auto& r : rows) {
        h.update(r.seal.empty() ? "open:" + std::to_string(r.id) : r.seal);
        h.update("\n");
    }
    return h.hex_digest();
}

std::string ChainStamp::marker() const {
    return "LP-SEAL/1 period=" + period_code + " rows=" + std::to_string(rows) + " head=" + std::to_string(head_seq) +
           ":" + head_seal + " digest=" + digest;
}

std::optional<ChainStamp> ChainStamp::find_in(std::string_view text) {
    static const std::regex re(
        R"(LP-SEAL/1 period=([0-9A-Za-z.\-]+) rows=([0-9]+) head=([0-9]+):([0-9a-f]{64}) digest=([0-9a-f]{64}))");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_search(text.begin(), text.end(), m, re)) return std::nullopt;
    return ChainStamp{m[1].str(), std::stoll(m[2].str()), std::stoll(m[3].str()), m[4].str(), m[5].str()};
}

Report build_report(const Period& period, const config::Organisation& organisation, domain::LocalDate made_on,
                    std::vector<JournalRow> rows, const journal::ChainHead& head) {
    Report r;
    r.period = period;
    r.organisation = organisation;
    r.made_on = made_on;
    r.stamp = {period.code(), static_cast<std::int64_t>(rows.size()), head.chain_seq, head.seal, seal_digest(rows)};

    // Fold corrections into the airing they correct (the latest one wins).
    std::map<std::int64_t, std::size_t> line_of;  // original row id -> index in lines
    r.lines.reserve(rows.size());
    for (auto& row : rows) {
        if (row.corrects) {
            auto it = line_of.find(*row.corrects);
            if (it == line_of.end()) continue;  // its original lies outside the period (same scheduled time: cannot)
            auto& line = r.lines[it->second];
            if (!line.note.empty()) line.note += '\n';
            line.note += correction_note(line.row, row);
            const auto id = line.row.id;
            const auto seal = line.row.seal;
            line.row.plan.title = row.plan.title;
            line.row.plan.topics = row.plan.topics;
            line.row.plan.form = row.plan.form;
            line.row.id = id;
            line.row.seal = seal;
            continue;
        }
        ReportLine line{{}, row.reason};
        if (row.is_manual()) {
            line.note = domain::texts::manual_entry(row.manual_by);
            if (!row.reason.empty()) line.note.append(". ").append(row.reason);
        }
        line_of[row.id] = r.lines.size();
        line.row = std::move(row);  // the rows are the report's own: moved, not copied
        r.lines.push_back(std::move(line));
    }

    for (const auto& t : domain::topics()) group(r.topics, std::string(t.code), t.label);
    for (const auto& f : domain::forms()) group(r.forms, std::string(f.code), f.label);
    std::map<std::string, std::size_t> item_of;
    std::map<std::string, std::map<std::string, bool>> seen;  // "topic:x"/"form:y" -> item keys
    for (const auto& line : r.lines) {
        const auto& row = line.row;
        if (!journal::reached_listeners(row.status)) {
            ++r.not_aired;
            continue;
        }
        const std::string key =
            row.plan.media_item_id ? "id:" + std::to_string(*row.plan.media_item_id) : "manual:" + row.plan.title;
        auto [it, fresh] = item_of.try_emplace(key, r.items.size());
        if (fresh) {
            ItemTotal fresh_item;
            fresh_item.manual = row.is_manual();
            r.items.push_back(fresh_item);
        }
        auto& item = r.items[it->second];
        item.title = row.plan.title;  // the latest name, topic and form
        item.topics = row.plan.topics;
        item.form = row.plan.form;
        ++item.airings;
        item.airtime += row.played;
        const auto at = row.started_at.value_or(row.plan.scheduled_at);
        if (!item.first || at < *item.first) item.first = at;
        if (!item.last || at > *item.last) item.last = at;

        // An item with several topics counts under each of them.
        const auto count_in = [&](GroupTotal& g, const std::string& kind) {
            ++g.airings;
            g.airtime += row.played;
            if (!seen[kind + g.code][key]) {
                seen[kind + g.code][key] = true;
                ++g.items;
            }
        };
        for (const auto& code : row.plan.topics) count_in(group(r.topics, code, domain::topic_label(code)), "t:");
        count_in(group(r.forms, row.plan.form, domain::form_label(row.plan.form)), "f:");
        ++r.airings;
        r.airtime += row.played;
        if (counts_for_cchc(row)) {
            ++r.cchc.airings;
            r.cchc.airtime += row.played;
            if (!seen["cchc"][key]) {
                seen["cchc"][key] = true;
                ++r.cchc.items;
            }
        } else {
            ++r.cchc.other_airings;
            r.cchc.other_airtime += row.played;
        }
        if (const auto synced = row.start_evidence.clock_synced) {
            ++r.clock.known;
            if (*synced) ++r.clock.synced;
        }
    }
    std::vector<std::chrono::microseconds> lateness;
    for (const auto& line : r.lines)
        if (line.row.start_lateness && !line.row.is_manual()) lateness.push_back(*line.row.start_lateness);
    r.punctuality = punctuality_of(std::move(lateness));
    return r;
}

Punctuality punctuality_of(std::vector<std::chrono::microseconds> lateness) {
    Punctuality p;
    if (lateness.empty()) return p;
    std::sort(lateness.begin(), lateness.end());
    const auto n = lateness.size();
    // Nearest rank: the smallest value with at least q of the values at or below it.
    const auto rank = [&](std::size_t percent) { return lateness[(percent * n + 99) / 100 - 1]; };
    p.programmes = static_cast<int>(n);
    p.p50 = rank(50);
    p.p99 = rank(99);
    p.max = lateness.back();
    return p;
}

bool made_within_period(const Report& r) { return r.made_on <= r.period.last; }

bool counts_for_cchc(const JournalRow& row) {
    if (row.plan.form == "am_nhac") return false;
    return std::any_of(row.plan.topics.begin(), row.plan.topics.end(), [](const auto& t) { return t != "other"; });
}

std::string coverage_line(const Report& r) {
    if (!made_within_period(r)) return {};
    return "Số liệu tính đến ngày " + domain::display_date_text(r.made_on) +
           " (báo cáo lập trước khi kỳ kết thúc, theo hạn nộp trước ngày 08 của tháng cuối kỳ); bản cuối kỳ lập sau "
           "ngày " +
           domain::display_date_text(r.period.last) + ".";
}

std::string number_line(const Report& r) {
    return "Số: " + (r.filing.number.empty() ? std::string("      ") : r.filing.number) + "/" +
           r.organisation.document_symbol;
}

std::vector<std::pair<std::string, std::string>> narrative_sections(const Report& r) {
    return {{"1. Kết quả đạt được", r.filing.achieved},
            {"2. Tồn tại và hạn chế", r.filing.shortcomings},
            {"3. Đề xuất", r.filing.proposals}};
}

std::vector<std::string> recipient_lines(const Report& r) {
    std::vector<std::string> names;
    std::string_view rest = r.organisation.recipients;
    while (!rest.empty()) {
        const auto cut = std::min(rest.find(';'), rest.size());
        auto name = rest.substr(0, cut);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (!name.empty()) names.emplace_back(name);
        rest = cut < rest.size() ? rest.substr(cut + 1) : std::string_view{};
    }
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < names.size(); ++i)
        lines.push_back("- " + names[i] + (i + 1 < names.size() ? ";" : "."));
    return lines;
}

std::string cchc_line(const Report& r) {
    return "Số liệu cải cách hành chính (không kể nhạc hiệu và nội dung khác): " + std::to_string(r.cchc.items) +
           " tin, bài; " + std::to_string(r.cchc.airings) + " lượt phát; tổng thời lượng " +
           domain::duration_text(r.cchc.airtime) +
           ". Nhạc hiệu và nội dung khác, tính riêng: " + std::to_string(r.cchc.other_airings) + " lượt phát; " +
           domain::duration_text(r.cchc.other_airtime) + ".";
}

std::string place_and_date(const Report& r) {
    char buf[64];
    std::snprintf(buf, sizeof buf, ", ngày %02u tháng %02u năm %04d", r.made_on.day, r.made_on.month, r.made_on.year);
    return r.organisation.place + buf;
}

Table detail_table(const Report& r, const date::time_zone* tz) {
    Table t;
    t.headers = {"STT",      "Ngày",      "Giờ bắt đầu",   "Giờ kết thúc", "Thời lượng", "Tên tin, bài",
                 "Nội dung", "Hình thức", "Lượt phát thứ", "Khung giờ",    "Kết quả",    "Ghi chú"};
    int n = 0;
    for (const auto& line : r.lines) {
        const auto& row = line.row;
        t.rows.push_back({
            std::to_string(++n),
            domain::local_date_text(tz, row.started_at.value_or(row.plan.scheduled_at)),
            domain::local_time_text(tz, row.started_at.value_or(row.plan.scheduled_at)),
            row.ended_at && row.started_at ? domain::local_time_text(tz, *row.ended_at) : "",
            domain::duration_text(row.played),
            row.plan.title,
            domain::topic_labels(row.plan.topics),
            std::string(domain::form_label(row.plan.form)),
            row.ordinal ? std::to_string(*row.ordinal) : "",
            row.plan.slot,
            std::string(journal::status_label(row.status)),
            line.note,
        });
    }
    return t;
}

Table item_table(const Report& r, const date::time_zone* tz) {
    Table t;
    t.headers = {"STT",          "Tên tin, bài",    "Nội dung",     "Hình thức",
                 "Số lượt phát", "Tổng thời lượng", "Phát lần đầu", "Phát lần cuối"};
    int n = 0;
    const auto when = [&](const std::optional<journal::TimePoint>& at) {
        return at ? domain::local_date_text(tz, *at) + " " + domain::local_time_text(tz, *at) : std::string();
    };
    for (const auto& i : r.items)
        t.rows.push_back({std::to_string(++n), i.title + (i.manual ? " (nhập tay)" : ""),
                          domain::topic_labels(i.topics), std::string(domain::form_label(i.form)),
                          std::to_string(i.airings), domain::duration_text(i.airtime), when(i.first), when(i.last)});
    t.rows.push_back({"", "Tổng cộng", "", "", std::to_string(r.airings), domain::duration_text(r.airtime), "", ""});
    return t;
}

Table group_table(const std::vector<GroupTotal>& groups, const std::string& heading, const Report& r) {
    Table t;
    t.headers = {"STT", heading, "Số tin, bài", "Số lượt phát", "Tổng thời lượng"};
    int n = 0;
    for (const auto& g : groups)
        t.rows.push_back({std::to_string(++n), g.label, std::to_string(g.items), std::to_string(g.airings),
                          domain::duration_text(g.airtime)});
    t.rows.push_back(
        {"", "Tổng cộng", std::to_string(r.items.size()), std::to_string(r.airings), domain::duration_text(r.airtime)});
    return t;
}

std::string punctuality_line(const Punctuality& p) {
    const auto ms = [](std::chrono::microseconds d) {
        return domain::texts::decimal(static_cast<double>(d.count()) / 1000.0) + " ms";
    };
    return "Độ đúng giờ (âm thanh đầu tiên so với giờ phát đã định, " + std::to_string(p.programmes) +
           " lần mở đầu chương trình): trung vị " + ms(p.p50) + "; 99% không chậm quá " + ms(p.p99) + "; chậm nhất " +
           ms(p.max) + ".";
}

std::string clock_trust_line(const ClockTrust& c) {
    const double percent = c.known > 0 ? 100.0 * c.synced / c.known : 0.0;
    return "Giờ phát được đo bằng đồng hồ hệ thống đã đồng bộ (NTP) ở " + std::to_string(c.synced) + "/" +
           std::to_string(c.known) + " lượt phát (" + domain::texts::decimal(percent) + "%).";
}

std::vector<std::string> footer_lines(const Report& r) { return footer_lines(r, r.signature_line); }

std::vector<std::string> footer_lines(const Report& r, const std::string& signature_line) {
    std::vector<std::string> lines;
    if (made_within_period(r)) lines.push_back(coverage_line(r));
    lines.push_back(cchc_line(r));
    lines.push_back("Tổng số dòng nhật ký: " + std::to_string(r.stamp.rows) + " (số lượt phát: " +
                    std::to_string(r.airings) + "; tổng thời lượng phát: " + domain::duration_text(r.airtime) +
                    "; không phát được/bỏ qua/lỡ giờ: " + std::to_string(r.not_aired) + ").");
    if (r.punctuality.programmes > 0) lines.push_back(punctuality_line(r.punctuality));
    if (r.clock.known > 0) lines.push_back(clock_trust_line(r.clock));
    lines.push_back("Mã niêm phong chuỗi nhật ký (SHA-256) tại mắt xích số " + std::to_string(r.stamp.head_seq) + ": " +
                    r.stamp.head_seal + ".");
    lines.push_back("Kiểm tra tệp này với cơ sở dữ liệu: loaphuong journal verify --export <tệp>. Mã kiểm tra: " +
                    r.stamp.marker());
    if (!r.key_fingerprint.empty())
        lines.push_back("Khóa công khai ký số của hệ thống (dấu vân tay): " + r.key_fingerprint +
                        ". Kiểm tra không cần hệ thống: loaphuong verify-export <tệp> --key <khóa công khai>.");
    if (!signature_line.empty()) lines.push_back("Chữ ký số: " + signature_line);
    return lines;
}

}  // namespace lp::exporting
