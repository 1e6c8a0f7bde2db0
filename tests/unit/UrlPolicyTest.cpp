#include "core/UrlPolicy.h"

#include <doctest/doctest.h>

using aw::checkUrl;
using aw::Mailto;
using aw::resolveUrl;

TEST_CASE("absolute http and https URLs are allowed and normalised") {
    const auto u = checkUrl("  HTTPS://WWW.Facebook.COM/CaucasusHerald?ref=1#top \n");
    REQUIRE_MESSAGE(u.allowed, u.reason);
    CHECK(u.url == "https://www.facebook.com/CaucasusHerald?ref=1#top");
    CHECK(u.scheme == "https");
    CHECK(u.host == "www.facebook.com");
    CHECK(u.path == "/CaucasusHerald");
    CHECK(u.port == 0);
    CHECK(u.reason.empty());

    CHECK(checkUrl("http://news.example.com").url == "http://news.example.com/");
    CHECK(checkUrl("https://news.example.com?q=1").url == "https://news.example.com/?q=1");
    CHECK(checkUrl("https://news.example.com./a").host == "news.example.com");
    CHECK(checkUrl("https://192.0.2.7/x").allowed);
    CHECK(checkUrl("https://[2001:DB8::1]:8443/x").url == "https://[2001:db8::1]:8443/x");
}

TEST_CASE("javascript: is refused however it is disguised") {
    const char* const attempts[] = {
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\r\nscript:alert(1)",
        "\x01\x02javascript:alert(1)",
        "\tjavascript:alert(1)",
        "j\ta\tv\ta\ts\tc\tr\ti\tp\tt:alert(1)",
        "javascript\t:alert(1)",
        "JAVASCRIPT:alert(document.cookie)",
        "javascript://comment%0Aalert(1)",
    };
    for (const char* attempt : attempts) {
        const auto u = checkUrl(attempt);
        CHECK_MESSAGE(!u.allowed, attempt);
        CHECK_MESSAGE(u.reason == "javascript: links are not allowed", attempt);
    }
}

TEST_CASE("other script and local schemes are refused by name") {
    CHECK(checkUrl("data:text/html;base64,PHNjcmlwdD4=").reason == "data: links are not allowed");
    CHECK(checkUrl(" DATA:text/html,<script>alert(1)</script>").reason == "data: links are not allowed");
    CHECK(checkUrl("vbscript:msgbox(1)").reason == "vbscript: links are not allowed");
    CHECK(checkUrl("file:///etc/passwd").reason == "file: links are not allowed");
    CHECK(checkUrl("ftp://files.example.com/x").reason == "ftp: links are not allowed (only http and https)");
    CHECK(checkUrl("tel:+994123456").reason == "tel: links are not allowed (only http and https)");
    CHECK_FALSE(checkUrl("blob:https://example.com/1").allowed);
}

TEST_CASE("relative and scheme-relative URLs are refused; resolveUrl handles them") {
    const auto rel = checkUrl("articles/x.json");
    CHECK_FALSE(rel.allowed);
    CHECK(rel.reason.find("relative URL") != std::string::npos);
    CHECK_FALSE(checkUrl("/articles/x.json").allowed);
    CHECK_FALSE(checkUrl("www.example.com/x").allowed);
    const auto schemeRelative = checkUrl("//evil.example/x");
    CHECK_FALSE(schemeRelative.allowed);
    CHECK(schemeRelative.reason.find("scheme-relative") != std::string::npos);
    CHECK(checkUrl("").reason == "URL is empty");
    CHECK(checkUrl(" \t ").reason == "URL is empty");
}

TEST_CASE("malformed URLs are refused with a reason") {
    CHECK(checkUrl("https://").reason == "URL has no host");
    CHECK(checkUrl("https:///path").reason == "URL has no host");
    CHECK(checkUrl("https://:443/").reason == "URL has no host");
    CHECK(checkUrl("https:example.com").reason == "expected // after https:");
    CHECK(checkUrl("https://exa mple.com/").reason == "URL contains spaces, control or invisible characters");
    CHECK(checkUrl("https://example.com/a b").reason == "URL contains spaces, control or invisible characters");
    CHECK(checkUrl("https://example.com/\x7f").reason == "URL contains spaces, control or invisible characters");
    CHECK(checkUrl("https://exa\tmple.com/").reason == "URL contains spaces, control or invisible characters");
    CHECK(checkUrl("https://example.com/\xC2\x85").reason == "URL contains spaces, control or invisible characters");
    CHECK(checkUrl("https://example.com/\xE2\x80\xAEgpj.exe").reason ==
          "URL contains spaces, control or invisible characters");
    CHECK(checkUrl("https://exa\xE2\x80\x8Bmple.com/").reason == "URL contains spaces, control or invisible characters");
    CHECK(checkUrl("https://example.com/\xC3\x28").reason == "URL is not valid UTF-8");
    CHECK(checkUrl("https://good.example\\@evil.example/").reason == "URL contains a backslash");
    CHECK(checkUrl("https://facebook.com@evil.example/").reason ==
          "URL contains a user name or password before the host");
    CHECK(checkUrl("https://user:pass@example.com/").reason ==
          "URL contains a user name or password before the host");
    CHECK(checkUrl("https://exa_mple.com/").allowed);
    CHECK(checkUrl("https://example..com/").reason == "host \"example..com\" is malformed");
    CHECK(checkUrl("https://.example.com/").reason == "host \".example.com\" is malformed");
    CHECK(checkUrl("https://example.com../").reason == "host \"example.com..\" is malformed");
    CHECK(checkUrl("https://exa%6Dple.com/").reason == "host \"exa%6Dple.com\" is malformed");
    CHECK(checkUrl("https://exa<mple.com/").reason == "host \"exa<mple.com\" is malformed");
    CHECK(checkUrl("https://[zz::1]/").reason == "host \"[zz::1]\" is malformed");
    CHECK(checkUrl("https://[::1/").reason == "host \"[::1\" is malformed");
}

TEST_CASE("ports") {
    CHECK(checkUrl("https://example.com:8443/a").url == "https://example.com:8443/a");
    CHECK(checkUrl("https://example.com:8443/a").port == 8443);
    CHECK(checkUrl("https://example.com:443/a").url == "https://example.com/a");
    CHECK(checkUrl("http://example.com:80/a").url == "http://example.com/a");
    CHECK(checkUrl("http://example.com:443/a").url == "http://example.com:443/a");
    CHECK(checkUrl("https://example.com:/a").url == "https://example.com/a");
    CHECK(checkUrl("https://example.com:65535/").allowed);
    CHECK(checkUrl("https://example.com:0/").reason == "port \"0\" is not a number from 1 to 65535");
    CHECK(checkUrl("https://example.com:65536/").reason == "port \"65536\" is not a number from 1 to 65535");
    CHECK(checkUrl("https://example.com:99999999999999999999/").reason ==
          "port \"99999999999999999999\" is not a number from 1 to 65535");
    CHECK(checkUrl("https://example.com:8o/").reason == "port \"8o\" is not a number from 1 to 65535");
    CHECK(checkUrl("https://example.com:-1/").reason == "port \"-1\" is not a number from 1 to 65535");
    CHECK(checkUrl("https://example.com:80:80/").reason == "port \"80:80\" is not a number from 1 to 65535");
}

TEST_CASE("internationalised hosts are allowed and stay readable") {
    const auto cyrillic = checkUrl("https://\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84/x");
    REQUIRE_MESSAGE(cyrillic.allowed, cyrillic.reason);
    CHECK(cyrillic.host == "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84"); // пример.рф
    CHECK(aw::displayHost(cyrillic.url) == cyrillic.host);
    const auto puny = checkUrl("https://XN--E1AFMKFD.xn--p1ai/");
    REQUIRE(puny.allowed);
    CHECK(puny.host == "xn--e1afmkfd.xn--p1ai");
    CHECK(checkUrl("https://x\xC9\x99" "b\xC9\x99" "r.az/").allowed); // xəbər.az
}

TEST_CASE("over-long URLs are refused; dangerous schemes are still named") {
    const std::string path(10 * 1024, 'a');
    const auto huge = checkUrl("https://example.com/" + path);
    CHECK_FALSE(huge.allowed);
    CHECK(huge.reason == "URL is too long (10260 bytes; the limit is 2048)");
    CHECK(checkUrl("data:image/png;base64," + path).reason == "data: links are not allowed");
    const std::string atLimit = "https://example.com/" + std::string(aw::kMaxUrlBytes - 20, 'a');
    CHECK(checkUrl(atLimit).allowed);
    CHECK_FALSE(checkUrl(atLimit + "a").allowed);
    CHECK_FALSE(resolveUrl("https://example.com/", path).allowed);
}

TEST_CASE("mailto: only where the caller allows it, with a plausible address") {
    CHECK(checkUrl("mailto:desk@news.example").reason == "mailto: links are not allowed here");
    const auto m = checkUrl("MAILTO:Desk@News.Example?subject=Hello", Mailto::Allow);
    REQUIRE_MESSAGE(m.allowed, m.reason);
    CHECK(m.url == "mailto:Desk@news.example?subject=Hello");
    CHECK(m.scheme == "mailto");
    CHECK(m.host == "news.example");
    CHECK(m.path == "Desk@news.example");
    CHECK_FALSE(checkUrl("mailto:", Mailto::Allow).allowed);
    CHECK_FALSE(checkUrl("mailto:desk", Mailto::Allow).allowed);
    CHECK_FALSE(checkUrl("mailto:@news.example", Mailto::Allow).allowed);
    CHECK_FALSE(checkUrl("mailto:desk@localhost", Mailto::Allow).allowed);
    CHECK_FALSE(checkUrl("mailto:a@b.example,c@d.example", Mailto::Allow).allowed);
    CHECK_FALSE(checkUrl("mailto:a b@news.example", Mailto::Allow).allowed);
    CHECK(checkUrl("mailto:<a>@news.example", Mailto::Allow).reason == "mailto: address \"<a>@news.example\" is malformed");
    CHECK(checkUrl("javascript:alert(1)", Mailto::Allow).reason == "javascript: links are not allowed");
}

TEST_CASE("displayHost drops www. and refuses what checkUrl refuses") {
    CHECK(aw::displayHost("https://www.facebook.com/x") == "facebook.com");
    CHECK(aw::displayHost("https://m.facebook.com/x") == "m.facebook.com");
    CHECK(aw::displayHost("https://WWW.Example.COM:8080/") == "example.com");
    CHECK(aw::displayHost("https://www/") == "www");
    CHECK(aw::displayHost("javascript:alert(1)").empty());
    CHECK(aw::displayHost("articles/x.json").empty());
}

TEST_CASE("resolveUrl against an absolute base") {
    const std::string base = "https://news.example.com/feeds/news-line.json?v=2";
    CHECK(resolveUrl(base, "articles/x.json").url == "https://news.example.com/feeds/articles/x.json");
    CHECK(resolveUrl(base, "./articles/x.json").url == "https://news.example.com/feeds/articles/x.json");
    CHECK(resolveUrl(base, "../articles/x.json").url == "https://news.example.com/articles/x.json");
    CHECK(resolveUrl(base, "../../../x.json").url == "https://news.example.com/x.json");
    CHECK(resolveUrl(base, "/a/./b/../c.json").url == "https://news.example.com/a/c.json");
    CHECK(resolveUrl(base, "?v=3").url == "https://news.example.com/feeds/news-line.json?v=3");
    CHECK(resolveUrl(base, "#top").url == "https://news.example.com/feeds/news-line.json?v=2#top");
    CHECK(resolveUrl(base, "//cdn.example.com/x.json").url == "https://cdn.example.com/x.json");
    CHECK(resolveUrl(base, "https://other.example.org/a").url == "https://other.example.org/a");
    CHECK(resolveUrl("https://news.example.com", "x.json").url == "https://news.example.com/x.json");
    CHECK(resolveUrl("https://news.example.com:8443/f/", "x.json").url == "https://news.example.com:8443/f/x.json");
    const auto r = resolveUrl(base, "articles/x.json");
    CHECK_FALSE(r.relative);
    CHECK(r.path == "/feeds/articles/x.json");
}

TEST_CASE("resolveUrl against a base relative to the page keeps the result relative") {
    auto r = resolveUrl("news-line.json", "articles/x.json");
    REQUIRE_MESSAGE(r.allowed, r.reason);
    CHECK(r.relative);
    CHECK(r.url == "articles/x.json");
    CHECK(r.path == "articles/x.json");
    CHECK(r.scheme.empty());
    CHECK(r.host.empty());
    CHECK(resolveUrl("feeds/line.json", "articles/x.json").url == "feeds/articles/x.json");
    CHECK(resolveUrl("feeds/line.json", "../articles/x.json").url == "articles/x.json");
    CHECK(resolveUrl("line.json", "../x.json").url == "../x.json");
    CHECK(resolveUrl("/feeds/line.json", "../../x.json?a#b").url == "/x.json?a#b");
    CHECK(resolveUrl("", "articles/x.json").url == "articles/x.json");
    CHECK(resolveUrl("feeds/", "..").url == "./");
    CHECK(resolveUrl("news-line.json", "https://example.com/a").url == "https://example.com/a");
    CHECK_FALSE(resolveUrl("news-line.json", "https://example.com/a").relative);
}

TEST_CASE("resolveUrl refuses what it cannot make safe") {
    CHECK(resolveUrl("https://news.example.com/", "java\tscript:alert(1)").reason == "javascript: links are not allowed");
    CHECK(resolveUrl("news-line.json", " JAVASCRIPT:alert(1)").reason == "javascript: links are not allowed");
    CHECK(resolveUrl("news-line.json", "data:text/html,x").reason == "data: links are not allowed");
    CHECK(resolveUrl("news-line.json", "//evil.example/x").reason ==
          "scheme-relative URL (//host) cannot be resolved without an absolute base URL");
    CHECK(resolveUrl("news-line.json", "a b.json").reason == "URL contains spaces, control or invisible characters");
    CHECK(resolveUrl("news-line.json", "a\\b.json").reason == "URL contains a backslash");
    CHECK(resolveUrl("news-line.json", "").reason == "URL is empty");
    CHECK(resolveUrl("file:///srv/news-line.json", "x.json").reason == "base URL: file: links are not allowed");
    CHECK(resolveUrl("https://", "x.json").reason == "base URL: URL has no host");
}

TEST_CASE("sameOrigin compares scheme, host and port") {
    const auto a = checkUrl("https://News.example.com/a");
    CHECK(aw::sameOrigin(a, checkUrl("https://news.example.com:443/b")));
    CHECK_FALSE(aw::sameOrigin(a, checkUrl("http://news.example.com/b")));
    CHECK_FALSE(aw::sameOrigin(a, checkUrl("https://news.example.com:8443/b")));
    CHECK_FALSE(aw::sameOrigin(a, checkUrl("https://www.news.example.com/b")));
    CHECK_FALSE(aw::sameOrigin(a, resolveUrl("x.json", "y.json")));
    CHECK_FALSE(aw::sameOrigin(a, checkUrl("javascript:1")));
}
