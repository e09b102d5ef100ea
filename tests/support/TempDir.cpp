#include "tests/support/TempDir.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace lp::test {

TempDir::TempDir() {
    std::string pattern = "/tmp/lp-test-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), "mkdtemp");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace lp::test
