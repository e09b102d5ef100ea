// Argon2id through libsodium: real hashes, verified and refused.

#include <gtest/gtest.h>

#include "auth/Password.hpp"

namespace {

using namespace lp::auth;

TEST(Password, HashIsArgon2idAndVerifies) {
    const auto hash = hash_password("mật khẩu đúng");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_EQ(hash.find("mật khẩu"), std::string::npos);
    EXPECT_TRUE(verify_password(hash, "mật khẩu đúng"));
    EXPECT_NE(hash_password("mật khẩu đúng"), hash) << "each hash has its own salt";
}

TEST(Password, WrongPasswordOrBadHashIsRefused) {
    const auto hash = hash_password("correct horse");
    EXPECT_FALSE(verify_password(hash, "correct horsE"));
    EXPECT_FALSE(verify_password(hash, ""));
    EXPECT_FALSE(verify_password("", "correct horse"));
    EXPECT_FALSE(verify_password("$argon2id$v=19$rác", "correct horse"));
}

TEST(Password, ProblemsAreNamedInVietnamese) {
    EXPECT_EQ(password_problem("1234567"), "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.");
    EXPECT_FALSE(password_problem("12345678"));
    // Eight characters, more bytes: characters count, not bytes.
    EXPECT_FALSE(password_problem("mậtkhẩuu"));
    EXPECT_TRUE(password_problem("mậtkhẩu"));  // 7 characters, 11 bytes
    EXPECT_TRUE(password_problem(std::string(1025, 'a')));
    EXPECT_TRUE(password_problem(std::string("abcd\0efgh", 9)));
}

}  // namespace
