#include <gtest/gtest.h>

#include "domain/Vocabulary.hpp"

namespace {

TEST(Vocabulary, TopicsAreThePlansHeadingsWithDdForDStroke) {
    std::string codes;
    for (const auto& t : lp::domain::topics()) codes += std::string(t.code) + " ";
    EXPECT_EQ(codes, "a b c d dd e g h i k l m n other ");
    EXPECT_TRUE(lp::domain::is_topic("dd"));
    EXPECT_FALSE(lp::domain::is_topic("đ"));
    EXPECT_EQ(lp::domain::topic_label("other"), "Nội dung khác");
}

TEST(Vocabulary, FormsHaveVietnameseLabelsAndUnknownCodesShowAsThemselves) {
    EXPECT_EQ(lp::domain::form_label("phong_su"), "Phóng sự");
    EXPECT_EQ(lp::domain::form_label("toa_dam"), "Tọa đàm");
    EXPECT_TRUE(lp::domain::is_form("am_nhac"));
    EXPECT_EQ(lp::domain::form_label("radio_drama"), "radio_drama");
}

}  // namespace

#include "domain/Lists.hpp"

namespace {

TEST(Lists, SplitDropsEmptyPartsAndJoinRoundTrips) {
    EXPECT_EQ(lp::domain::split_commas("loa,,ghi-âm,"), (std::vector<std::string>{"loa", "ghi-âm"}));
    EXPECT_TRUE(lp::domain::split_commas("").empty());
    EXPECT_EQ(lp::domain::join_commas(std::vector<std::string>{"a", "dd"}), "a,dd");
    EXPECT_EQ(lp::domain::join_commas(std::vector<unsigned>{1, 3, 5}, [](unsigned d) { return std::to_string(d); }),
              "1,3,5");
}

}  // namespace
