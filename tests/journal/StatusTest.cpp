#include <gtest/gtest.h>

#include <stdexcept>

#include "journal/Status.hpp"

namespace {

using lp::journal::Status;

TEST(Status, OnlyAnOpenRowCloses) {
    EXPECT_EQ(lp::journal::close(Status::playing, Status::completed), Status::completed);
    EXPECT_EQ(lp::journal::close(Status::playing, Status::interrupted), Status::interrupted);
    EXPECT_EQ(lp::journal::close(Status::playing, Status::failed), Status::failed);
    EXPECT_THROW(lp::journal::close(Status::completed, Status::interrupted), std::logic_error);
    EXPECT_THROW(lp::journal::close(Status::failed, Status::completed), std::logic_error);
    EXPECT_THROW(lp::journal::close(Status::playing, Status::playing), std::logic_error);
}

TEST(Status, CodesRoundTripAndUnknownCodesAreRejected) {
    for (Status s : lp::journal::all_statuses) EXPECT_EQ(lp::journal::status_from_code(lp::journal::to_code(s)), s);
    EXPECT_FALSE(lp::journal::status_from_code("done").has_value());
}

TEST(Status, OnlyAiringsThatReachedListenersCount) {
    EXPECT_TRUE(lp::journal::reached_listeners(Status::completed));
    EXPECT_TRUE(lp::journal::reached_listeners(Status::interrupted));
    EXPECT_FALSE(lp::journal::reached_listeners(Status::failed));
    EXPECT_FALSE(lp::journal::reached_listeners(Status::skipped));
    EXPECT_FALSE(lp::journal::reached_listeners(Status::missed));
    EXPECT_EQ(lp::journal::ordinal_for(true, 0), 1);
    EXPECT_EQ(lp::journal::ordinal_for(true, 41), 42);
    EXPECT_EQ(lp::journal::ordinal_for(false, 41), std::nullopt);
}

TEST(Status, LabelsAreVietnamese) {
    EXPECT_EQ(lp::journal::status_label(Status::completed), "Đã phát");
    EXPECT_EQ(lp::journal::status_label(Status::failed), "Không phát được");
}

TEST(Status, TheSkippedLabelSaysNoReasonOfItsOwn) {
    // Skipped rows have many reasons (not approved, expired, retired, too long): the row's
    // reason says which, so the label must not claim one.
    EXPECT_EQ(lp::journal::status_label(Status::skipped), "Bỏ qua");
}

}  // namespace
