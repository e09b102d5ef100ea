#include <gtest/gtest.h>

#include "domain/Fold.hpp"

TEST(Fold, DropsVietnameseMarksAndCase) {
    EXPECT_EQ(lp::domain::fold("Cải cách HÀNH CHÍNH"), "cai cach hanh chinh");
    EXPECT_EQ(lp::domain::fold("Đường dây nóng"), "duong day nong");
    EXPECT_EQ(lp::domain::fold("ỹ Ỵ ổ ờ ữ ặ ệ ị"), "y y o o u a e i");
}

TEST(Fold, DropsCombiningMarksOfDecomposedText) {
    // "cải" as c a U+0309 (hook above) i, as macOS writes file names.
    EXPECT_EQ(lp::domain::fold("ca\xcc\x89i"), "cai");
}

TEST(Fold, KeepsOtherTextAndSurvivesBrokenUtf8) {
    EXPECT_EQ(lp::domain::fold("Số 12/2026 – €"), "so 12/2026 – €");
    EXPECT_EQ(lp::domain::fold("a\xff\xc3"), "a\xff\xc3");
}

TEST(Fold, SearchIsAccentInsensitiveBothWays) {
    EXPECT_TRUE(lp::domain::folded_contains("Tuyên truyền cải cách hành chính", "cai cach"));
    EXPECT_TRUE(lp::domain::folded_contains("Tuyen truyen cai cach", "cải cách"));
    EXPECT_FALSE(lp::domain::folded_contains("Dịch vụ công", "cai cach"));
}
