// QR codes from libqrencode as SVG: the size follows the QR version, and dark runs are drawn.
#include <gtest/gtest.h>

#include "reach/Qr.hpp"

namespace lp::reach {
namespace {

TEST(Qr, SvgOfAShortLinkIsAVersionOneCodeWithItsQuietZone) {
    const auto svg = qr_svg("HELLO");
    EXPECT_NE(svg.find("viewBox=\"0 0 29 29\""), std::string::npos) << svg;  // 21 modules + 2 x 4
    // The finder pattern's top row: 7 dark modules from the corner inside the quiet zone.
    EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);
}

TEST(Qr, LongerLinksMakeLargerCodes) {
    const auto svg = qr_svg("https://nghelai.anhai.vn/tin/123456?from=qr");
    EXPECT_EQ(svg.find("viewBox=\"0 0 29 29\""), std::string::npos);
    EXPECT_NE(svg.find("<path fill=\"#000\" d=\"M"), std::string::npos);
}

}  // namespace
}  // namespace lp::reach
