// Ed25519 signatures and the checkpoint lines they sign: round trips, and every altered field,
// another key or a malformed line refused.
#include <gtest/gtest.h>

#include "evidence/Checkpoint.hpp"

namespace {

using namespace lp::evidence;

const auto signed_at = lp::domain::from_utc_text("2026-03-05T01:02:03.000Z");
const std::string seal(64, 'a');

TEST(Signing, SignsAndVerifiesOnlyTheSameMessageWithTheSameKey) {
    const auto k = make_key_pair();
    const auto other = make_key_pair();
    const auto sig = sign(k.secret_hex, "hello");
    EXPECT_EQ(sig.size(), 128u);
    EXPECT_TRUE(verify(k.public_hex, "hello", sig));
    EXPECT_FALSE(verify(k.public_hex, "hellO", sig));
    EXPECT_FALSE(verify(other.public_hex, "hello", sig));
    EXPECT_FALSE(verify("zz", "hello", sig));
    EXPECT_EQ(public_of(k.secret_hex), k.public_hex);
    EXPECT_THROW(public_of("abcd"), std::invalid_argument);
    EXPECT_EQ(key_id(k.public_hex).size(), 16u);
    EXPECT_EQ(fingerprint(k.public_hex).size(), 19u);  // four groups of four, three spaces
    EXPECT_NE(key_id(k.public_hex), key_id(other.public_hex));
}

TEST(Checkpoint, ALineParsesBackAndItsSignatureHolds) {
    const auto k = make_key_pair();
    const auto c = make_checkpoint(k, 42, seal, signed_at);
    const auto line = c.line();
    EXPECT_EQ(
        line.rfind(
            "LP-CKPT/1 key=" + key_id(k.public_hex) + " seq=42 seal=" + seal + " at=2026-03-05T01:02:03.000Z sig=", 0),
        0u)
        << line;
    const auto back = parse_checkpoint(line);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->chain_seq, 42);
    EXPECT_EQ(back->seal, seal);
    EXPECT_EQ(back->at, signed_at);
    EXPECT_TRUE(signed_by(*back, k.public_hex));
    EXPECT_FALSE(signed_by(*back, make_key_pair().public_hex));
}

TEST(Checkpoint, AnAlteredFieldBreaksTheSignature) {
    const auto k = make_key_pair();
    auto line = make_checkpoint(k, 42, seal, signed_at).line();
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"seq=42", "seq=41"}, {"seal=aaaa", "seal=baaa"}, {"T01:02", "T02:02"}}) {
        auto altered = line;
        altered.replace(altered.find(from), from.size(), to);
        const auto c = parse_checkpoint(altered);
        ASSERT_TRUE(c) << altered;
        EXPECT_FALSE(signed_by(*c, k.public_hex)) << altered;
    }
}

TEST(Checkpoint, MalformedLinesAreRefused) {
    EXPECT_FALSE(parse_checkpoint("nothing here"));
    EXPECT_FALSE(parse_checkpoint("LP-CKPT/1 key=12 seq=1 seal=" + seal + " at=2026-03-05T01:02:03.000Z sig=00"));
    const auto k = make_key_pair();
    auto line = make_checkpoint(k, 7, seal, signed_at).line();
    EXPECT_FALSE(parse_checkpoint(line.substr(0, line.size() - 10)));  // signature cut short
    auto bad_time = line;
    bad_time.replace(bad_time.find("2026-03-05"), 10, "2026-13-45");
    EXPECT_FALSE(parse_checkpoint(bad_time));
}

TEST(Checkpoint, AnExportSignatureIsFoundInsideAFileAndCarriesItsCheckpoint) {
    const auto k = make_key_pair();
    const auto cp = make_checkpoint(k, 9, seal, signed_at);
    const auto s =
        make_export_signature(k, cp, "2026Q1", 12, std::string(64, 'd'), "2026-03-02", "csv", std::string(64, 'c'));
    for (const std::string wrap : {"<t>Chữ ký số: %</t>", "\"signature\": \"%\",", "Chữ ký số: %\r\n", "(%)"}) {
        std::string text = "before " + wrap;
        text.replace(text.find('%'), 1, s.checkpoint.line());
        const auto found = find_export_signature(text);
        ASSERT_TRUE(found) << text;
        EXPECT_EQ(found->period_code, "2026Q1");
        EXPECT_EQ(found->rows, 12);
        EXPECT_EQ(found->format, "csv");
        EXPECT_EQ(found->checkpoint.chain_seq, 9);
        EXPECT_TRUE(signed_by(found->checkpoint, k.public_hex));
        // The same line read as a checkpoint: what journal verify collects from exports.
        const auto c = parse_checkpoint(text);
        ASSERT_TRUE(c);
        EXPECT_TRUE(signed_by(*c, k.public_hex));
    }
    auto altered = s.checkpoint.line();
    altered.replace(altered.find("rows=12"), 7, "rows=13");
    EXPECT_FALSE(signed_by(find_export_signature(altered)->checkpoint, k.public_hex));
}

}  // namespace
