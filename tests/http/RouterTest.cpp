// The router alone: captures, percent-decoding, query parameters, 404 / 405 / bad paths;
// byte ranges and audio sniffing.
#include <gtest/gtest.h>

#include "http/Range.hpp"
#include "http/Router.hpp"
#include "http/Sniff.hpp"

namespace lp::http {
namespace {

api::Route route(std::string method, std::string pattern) {
    return api::Route{std::move(method),
                      std::move(pattern),
                      auth::Permission::read,
                      false,
                      false,
                      [](api::Call&) { return api::Reply{}; }};
}

Router router() {
    return Router({route("GET", "/api/media"), route("GET", "/api/media/{id}"), route("DELETE", "/api/media/{id}"),
                   route("POST", "/api/media/{id}/tags/{tag}")});
}

TEST(Router, CapturesAndQuery) {
    const Router r = router();
    const Match m = r.match("GET", "/api/media/12?q=ch%C3%A0o+bu%E1%BB%95i&page=2");
    ASSERT_EQ(m.kind, Match::Kind::found);
    EXPECT_EQ(m.route->pattern, "/api/media/{id}");
    EXPECT_EQ(m.params.at("id"), "12");
    EXPECT_EQ(m.params.at("q"), "chào buổi");
    EXPECT_EQ(m.params.at("page"), "2");
    EXPECT_EQ(m.path, "/api/media/12");
    const Match t = r.match("POST", "/api/media/7/tags/tin%20t%E1%BB%A9c");
    ASSERT_EQ(t.kind, Match::Kind::found);
    EXPECT_EQ(t.params.at("tag"), "tin tức");
    EXPECT_EQ(r.match("DELETE", "/api/media/7").route->method, "DELETE");
}

TEST(Router, CapturesWinOverQuery) { EXPECT_EQ(router().match("GET", "/api/media/5?id=9").params.at("id"), "5"); }

TEST(Router, NotFoundWrongMethodBadPath) {
    const Router r = router();
    EXPECT_EQ(r.match("GET", "/api/nothing").kind, Match::Kind::not_found);
    EXPECT_EQ(r.match("GET", "/api/media/1/2").kind, Match::Kind::not_found);
    EXPECT_EQ(r.match("GET", "/api/media/").kind, Match::Kind::not_found);  // empty capture
    EXPECT_EQ(r.match("PUT", "/api/media/1").kind, Match::Kind::wrong_method);
    EXPECT_EQ(r.match("POST", "/api/media").kind, Match::Kind::wrong_method);
    EXPECT_EQ(r.match("GET", "/api/media/%zz").kind, Match::Kind::bad_request);
    EXPECT_EQ(r.match("GET", "/api/media/a%2Fb").kind, Match::Kind::bad_request);  // an encoded slash
    EXPECT_EQ(r.match("GET", "/api/media/a%00").kind, Match::Kind::bad_request);
    EXPECT_EQ(r.match("GET", "api/media").kind, Match::Kind::bad_request);
    EXPECT_EQ(r.match("GET", "/api/media?x=%").kind, Match::Kind::bad_request);
}

TEST(UrlDecode, Escapes) {
    EXPECT_EQ(url_decode("a%20b+c", true), "a b c");
    EXPECT_EQ(url_decode("a%20b+c", false), "a b+c");
    EXPECT_EQ(url_decode("%e1%bb%95", false), "ổ");
    EXPECT_FALSE(url_decode("%4", false));
    EXPECT_FALSE(url_decode("%", false));
    EXPECT_FALSE(url_decode("%g0", false));
}

TEST(Range, Parse) {
    using K = RangeAnswer::Kind;
    EXPECT_EQ(parse_range("", 100, 0).kind, K::whole);
    EXPECT_EQ(parse_range("items=0-1", 100, 0).kind, K::whole);
    EXPECT_EQ(parse_range("bytes=0-1,5-6", 100, 0).kind, K::whole);
    auto a = parse_range("bytes=10-19", 100, 0);
    EXPECT_EQ(a.kind, K::partial);
    EXPECT_EQ(a.range.first, 10u);
    EXPECT_EQ(a.range.last, 19u);
    a = parse_range("bytes=90-", 100, 0);
    EXPECT_EQ(a.range.last, 99u);
    a = parse_range("bytes=-30", 100, 0);
    EXPECT_EQ(a.range.first, 70u);
    a = parse_range("bytes=50-500", 100, 0);
    EXPECT_EQ(a.range.last, 99u);
    a = parse_range("bytes=0-", 100, 10);
    EXPECT_EQ(a.range.last, 9u);
    EXPECT_EQ(parse_range("bytes=100-", 100, 0).kind, K::unsatisfiable);
    EXPECT_EQ(parse_range("bytes=-0", 100, 0).kind, K::unsatisfiable);
    EXPECT_EQ(parse_range("bytes=9-3", 100, 0).kind, K::whole);
}

TEST(Sniff, AudioMagic) {
    using namespace std::string_literals;
    EXPECT_TRUE(looks_like_audio("ID3\x04\0\0"s));
    EXPECT_TRUE(looks_like_audio("\xFF\xFB\x90\x64"s));
    EXPECT_TRUE(looks_like_audio("RIFF\x24\0\0\0WAVEfmt "s));
    EXPECT_TRUE(looks_like_audio("OggS\0\x02"s));
    EXPECT_TRUE(looks_like_audio("fLaC\0\0\0\x22"s));
    EXPECT_TRUE(
        looks_like_audio("\0\0\0\x20"
                         "ftypM4A "s));
    EXPECT_TRUE(looks_like_audio("\x1A\x45\xDF\xA3\x9F\x42"s));
    EXPECT_FALSE(looks_like_audio("%PDF-1.7"));
    EXPECT_FALSE(looks_like_audio("<html>"));
    EXPECT_FALSE(looks_like_audio("RIFF\x24\0\0\0AVI "s));
    EXPECT_FALSE(looks_like_audio(""));
    EXPECT_FALSE(looks_like_audio("\xFF\xD8\xFF\xE0"s));  // JPEG
}

}  // namespace
}  // namespace lp::http
