// The chain against signed checkpoints, pure: a truncation and a rewrite after a checkpoint,
// a checkpoint signed by another key or altered, each found and named with its date.
#include <gtest/gtest.h>

#include <map>

#include "evidence/ChainCheckpoints.hpp"

namespace {

using namespace lp::evidence;
using FindingKind = CheckpointFinding::Kind;

const auto* vn_zone = lp::domain::zone("Asia/Ho_Chi_Minh");

std::string seal_no(std::int64_t n) { return std::string(63, '0') + static_cast<char>('0' + n % 10); }

struct Fixture {
    KeyPair key = make_key_pair();
    std::map<std::int64_t, std::string> chain;  // seq -> seal
    std::int64_t end = 0;
    std::vector<KnownCheckpoint> known;

    explicit Fixture(std::int64_t rows) {
        for (std::int64_t i = 1; i <= rows; ++i) chain[i] = seal_no(i);
        end = rows;
    }
    // A checkpoint of position `seq` made on `day` of March 2026 (10:00 local).
    void checkpoint(std::int64_t seq, unsigned day, const KeyPair* by = nullptr) {
        const auto at = lp::domain::start_of_day(vn_zone, {2026, 3, day}) + std::chrono::hours(10);
        known.push_back({make_checkpoint(by ? *by : key, seq, chain.at(seq), at), "test"});
    }
    CheckpointReport check() {
        return check_against_checkpoints(
            known, key.public_hex,
            [this](std::int64_t seq) -> std::optional<std::string> {
                auto it = chain.find(seq);
                if (it == chain.end()) return std::nullopt;
                return it->second;
            },
            end);
    }
};

TEST(ChainCheckpoints, AnHonestChainMatchesEveryCheckpoint) {
    Fixture f(30);
    f.checkpoint(10, 1);
    f.checkpoint(20, 2);
    f.checkpoint(30, 3);
    const auto r = f.check();
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.checked, 3);
    ASSERT_TRUE(r.latest);
    EXPECT_EQ(r.latest->checkpoint.chain_seq, 30);
}

TEST(ChainCheckpoints, ACleanTruncationIsNamedWithTheCheckpointsDate) {
    Fixture f(30);
    f.checkpoint(10, 1);
    f.checkpoint(30, 3);
    for (std::int64_t i = 26; i <= 30; ++i) f.chain.erase(i);  // last rows deleted, head set back
    f.end = 25;
    const auto r = f.check();
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].kind, FindingKind::truncated);
    const auto text = describe(r.findings[0], vn_zone);
    EXPECT_NE(text.find("nhật ký đã bị cắt bớt sau mốc ngày 03/03/2026"), std::string::npos) << text;
    EXPECT_NE(text.find("chỉ còn đến mắt xích số 25"), std::string::npos) << text;
    EXPECT_NE(text.find("Mốc cuối cùng còn khớp: ngày 01/03/2026 (mắt xích số 10)"), std::string::npos) << text;
}

TEST(ChainCheckpoints, ARewriteOfEverySealAfterAnEditIsNamed) {
    Fixture f(30);
    f.checkpoint(10, 1);
    f.checkpoint(20, 2);
    f.checkpoint(30, 3);
    for (std::int64_t i = 15; i <= 30; ++i) f.chain[i] = std::string(64, 'f');  // resealed from row 15
    const auto r = f.check();
    ASSERT_EQ(r.findings.size(), 2u);
    EXPECT_EQ(r.findings[0].kind, FindingKind::rewritten);
    const auto text = describe(r.findings[0], vn_zone);
    EXPECT_NE(text.find("chuỗi đã bị viết lại sau mốc ngày 02/03/2026: mắt xích số 20"), std::string::npos) << text;
    EXPECT_NE(text.find("Mốc cuối cùng còn khớp: ngày 01/03/2026"), std::string::npos) << text;
}

TEST(ChainCheckpoints, AnotherKeyAndAnAlteredLineAreNamed) {
    Fixture f(10);
    const auto stranger = make_key_pair();
    f.checkpoint(5, 1, &stranger);
    f.checkpoint(6, 2);
    auto line = f.known.back().checkpoint.line();  // altered after signing
    line.replace(line.find(seal_no(6)), 64, seal_no(7));
    f.known.back().checkpoint = *parse_checkpoint(line);
    f.chain[6] = seal_no(7);
    const auto r = f.check();
    ASSERT_EQ(r.findings.size(), 2u);
    EXPECT_EQ(r.findings[0].kind, FindingKind::other_key);
    EXPECT_NE(describe(r.findings[0], vn_zone).find("được ký bằng khóa khác"), std::string::npos);
    EXPECT_EQ(r.findings[1].kind, FindingKind::bad_signature);
    EXPECT_NE(describe(r.findings[1], vn_zone).find("chữ ký số không hợp lệ"), std::string::npos);
    EXPECT_EQ(r.checked, 0);
}

}  // namespace
