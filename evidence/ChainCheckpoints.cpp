#include "evidence/ChainCheckpoints.hpp"

#include <algorithm>

namespace lp::evidence {

CheckpointReport check_against_checkpoints(std::vector<KnownCheckpoint> checkpoints, const std::string& public_hex,
                                           const SealAt& seal_at, std::int64_t chain_end) {
    std::stable_sort(checkpoints.begin(), checkpoints.end(),
                     [](const auto& a, const auto& b) { return a.checkpoint.chain_seq < b.checkpoint.chain_seq; });
    const std::string own_id = key_id(public_hex);
    CheckpointReport report;
    for (const auto& k : checkpoints) {
        const auto& c = k.checkpoint;
        if (c.key_id.empty()) {  // a stored line that no longer parses
            report.findings.push_back({CheckpointFinding::Kind::bad_signature, k, chain_end, report.latest});
            continue;
        }
        if (c.key_id != own_id) {
            report.findings.push_back({CheckpointFinding::Kind::other_key, k, chain_end, report.latest});
            continue;
        }
        if (!signed_by(c, public_hex)) {
            report.findings.push_back({CheckpointFinding::Kind::bad_signature, k, chain_end, report.latest});
            continue;
        }
        ++report.checked;
        if (c.chain_seq == 0) continue;  // the empty journal: nothing to hold
        if (c.chain_seq > chain_end) {
            report.findings.push_back({CheckpointFinding::Kind::truncated, k, chain_end, report.latest});
            continue;
        }
        const auto seal = seal_at(c.chain_seq);
        if (!seal || *seal != c.seal) {
            report.findings.push_back({CheckpointFinding::Kind::rewritten, k, chain_end, report.latest});
            continue;
        }
        report.latest = k;
    }
    return report;
}

std::string describe(const CheckpointFinding& f, const date::time_zone* tz) {
    using K = CheckpointFinding::Kind;
    const auto& c = f.at.checkpoint;
    if (c.key_id.empty()) return f.at.source + ": dòng mốc kiểm tra không đọc được — đã bị sửa.";
    const std::string day = domain::local_date_text(tz, c.at);
    const std::string mark = "mốc kiểm tra ngày " + day + " " + domain::local_time_text(tz, c.at) + " (mắt xích số " +
                             std::to_string(c.chain_seq) + ", " + f.at.source + ")";
    const std::string good =
        f.last_good ? " Mốc cuối cùng còn khớp: ngày " + domain::local_date_text(tz, f.last_good->checkpoint.at) +
                          " (mắt xích số " + std::to_string(f.last_good->checkpoint.chain_seq) + ")."
                    : "";
    switch (f.kind) {
        case K::bad_signature: return mark + ": chữ ký số không hợp lệ — dòng mốc đã bị sửa.";
        case K::other_key:
            return mark + ": được ký bằng khóa khác (mã khóa " + c.key_id + "), không phải khóa của hệ thống này.";
        case K::truncated:
            return "nhật ký đã bị cắt bớt sau mốc ngày " + day + ": " + mark + " ghi chuỗi đến mắt xích số " +
                   std::to_string(c.chain_seq) + " nhưng chuỗi hiện chỉ còn đến mắt xích số " +
                   std::to_string(f.chain_end) + "." + good;
        case K::rewritten:
            return "chuỗi đã bị viết lại sau mốc ngày " + day + ": mắt xích số " + std::to_string(c.chain_seq) +
                   " không còn mang mã niêm phong đã ký trong " + mark + "." + good;
    }
    return "";
}

}  // namespace lp::evidence
