// The [http] table: defaults, values, and the errors naming file:line: key.
#include <gtest/gtest.h>

#include "config/ConfigError.hpp"
#include "config/Load.hpp"
#include "tests/config/ErrorOf.hpp"

namespace lp::config {
namespace {

using test::error_of;

TEST(HttpConfig, Defaults) {
    const Config c = parse("", "t.toml", "/srv/lp");
    EXPECT_TRUE(c.http.enabled);
    EXPECT_EQ(c.http.host, "127.0.0.1");
    EXPECT_EQ(c.http.port, 8480);
    EXPECT_TRUE(c.http.tls_cert.empty());
    EXPECT_EQ(c.http.upload_limit_mb, 300);
    EXPECT_FALSE(c.http.emergency_needs_approver);
    EXPECT_EQ(c.http.cli_token_file, "/etc/loaphuong/cli.token");
}

TEST(HttpConfig, Values) {
    const Config c = parse(
        "[http]\nlisten = \"0.0.0.0:8443\"\ntls_cert = \"tls/c.pem\"\ntls_key = \"/etc/k.pem\"\n"
        "upload_limit_mb = 50\nassets_dir = \"web\"\nemergency_needs_approver = true\ncli_token_file = \"cli.token\"\n",
        "t.toml", "/srv/lp");
    EXPECT_EQ(c.http.host, "0.0.0.0");
    EXPECT_EQ(c.http.port, 8443);
    EXPECT_EQ(c.http.tls_cert, "/srv/lp/tls/c.pem");
    EXPECT_EQ(c.http.tls_key, "/etc/k.pem");
    EXPECT_EQ(c.http.upload_limit_mb, 50);
    EXPECT_EQ(c.http.assets_dir, "/srv/lp/web");
    EXPECT_TRUE(c.http.emergency_needs_approver);
    EXPECT_EQ(c.http.cli_token_file, "/srv/lp/cli.token");
    EXPECT_FALSE(parse("[http]\nenabled = false\nlisten = \"0.0.0.0:80\"\n", "t.toml", "/srv/lp").http.enabled);
}

TEST(HttpConfig, NonLoopbackNeedsTls) {
    EXPECT_EQ(error_of("[http]\nlisten = \"192.168.1.5:8480\"\n"),
              "t.toml:2: http.tls_cert: listening on \"192.168.1.5:8480\" (not loopback) needs tls_cert and tls_key: "
              "passwords must not cross the LAN in clear");
    EXPECT_EQ(error_of("[http]\ntls_cert = \"c.pem\"\n"),
              "t.toml:1: http.tls_key: tls_cert and tls_key go together (both or neither)");
}

TEST(HttpConfig, Errors) {
    EXPECT_EQ(error_of("[http]\nlisten = \"8480\"\n"),
              "t.toml:2: http.listen: \"8480\" is not HOST:PORT (e.g. \"127.0.0.1:8480\")");
    EXPECT_EQ(error_of("[http]\nlisten = \"127.0.0.1:99999\"\n"),
              "t.toml:2: http.listen: \"99999\" is not a port (1..65535)");
    EXPECT_EQ(error_of("[http]\nenabled = \"yes\"\n"), "t.toml:2: http.enabled: expected true or false, got a string");
    EXPECT_EQ(error_of("[http]\nupload_limit_mb = 0\n"), "t.toml:2: http.upload_limit_mb: 0 is out of range (1..4096)");
    EXPECT_EQ(error_of("[http]\nport = 1\n"), "t.toml:2: http.port: unknown key");
}

}  // namespace
}  // namespace lp::config
