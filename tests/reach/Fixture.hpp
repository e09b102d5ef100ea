#pragma once
// The public side over real HTTP in this process (so that its clock is virtual): a real SQLite
// file with imported recordings and journal rows, reach::PublicSide's routes on an open-site
// http::Server on 127.0.0.1, and requests from chosen loopback addresses.

#include <filesystem>
#include <memory>
#include <string>

#include "db/sqlite/Database.hpp"
#include "reach/PublicSide.hpp"
#include "tests/auth/VirtualClock.hpp"
#include "tests/http/Harness.hpp"
#include "tests/support/TempDir.hpp"
#include "tests/support/Wait.hpp"

namespace lp::test {

class PublicFixture {
public:
    // Imports the items (60 s and 10 s MP3 at 64 kb/s on topic "b", a jingle, an old item) and
    // journals their airings relative to the clock's start.
    PublicFixture();
    ~PublicFixture();

    Response get(const std::string& target, const std::map<std::string, std::string>& headers = {},
                 const std::string& from = {});
    Response post_form(const std::string& target, const std::string& form, const std::string& from = {},
                       const std::map<std::string, std::string>& headers = {});
    // A GET of an item's audio that returns once the server has run the answer's after-sent hook
    // (the counting), for a 200 or 206.
    Response fetch_audio(const std::string& target, const std::map<std::string, std::string>& headers,
                         const std::string& from = {});
    std::string file_bytes(std::int64_t id) const;
    std::int64_t duration_ms(std::int64_t id) const;
    std::filesystem::path database_path() const { return dir / "lp.db"; }

    TempDir dir;
    VirtualClock clock;
    std::int64_t long_item = 0;    // 60 s, title with markup characters
    std::int64_t short_item = 0;   // 10 s
    std::int64_t jingle = 0;       // am_nhac: never listed
    std::int64_t old_item = 0;     // aired 9 weeks ago: not listed
    std::int64_t never_aired = 0;  // imported, never journaled
    std::string long_title = "Thủ tục <b>cấp</b> \"giấy\" & 'sổ'";

private:
    std::unique_ptr<sqlite::Database> db_;
    std::unique_ptr<reach::PublicSide> side_;
    std::unique_ptr<Harness> harness_;
    Guarded<int> sent_{0};
};

}  // namespace lp::test
