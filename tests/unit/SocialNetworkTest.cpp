#include "core/SocialNetwork.h"

#include "core/Article.h"
#include "TestHelpers.h"

#include <doctest/doctest.h>

using aw::Network;
using aw::networkOf;

TEST_CASE("networks are recognised from their hosts, subdomains included") {
    struct Case { const char* url; Network network; };
    const Case cases[] = {
        {"https://www.facebook.com/caucasusherald", Network::Facebook},
        {"https://facebook.com/caucasusherald", Network::Facebook},
        {"https://m.facebook.com/caucasusherald", Network::Facebook},
        {"https://WEB.FACEBOOK.COM/x", Network::Facebook},
        {"https://fb.com/x", Network::Facebook},
        {"https://fb.me/x", Network::Facebook},
        {"https://x.com/caucasusherald", Network::X},
        {"https://twitter.com/caucasusherald", Network::X},
        {"https://mobile.twitter.com/caucasusherald", Network::X},
        {"https://www.instagram.com/caucasusherald/", Network::Instagram},
        {"https://instagr.am/p/1", Network::Instagram},
        {"https://www.youtube.com/@caucasusherald", Network::YouTube},
        {"https://m.youtube.com/channel/UC1", Network::YouTube},
        {"https://youtu.be/abc", Network::YouTube},
        {"https://t.me/caucasusherald", Network::Telegram},
        {"https://telegram.me/caucasusherald", Network::Telegram},
        {"https://www.linkedin.com/company/caucasusherald", Network::LinkedIn},
        {"https://lnkd.in/x", Network::LinkedIn},
        {"https://www.tiktok.com/@caucasusherald", Network::TikTok},
        {"https://wa.me/994120000000", Network::WhatsApp},
        {"https://www.whatsapp.com/channel/abc", Network::WhatsApp},
        {"https://vk.com/caucasusherald", Network::VK},
        {"https://m.vk.com/caucasusherald", Network::VK},
        {"https://vk.ru/caucasusherald", Network::VK},
        {"https://mastodon.social/@caucasusherald", Network::Mastodon},
        {"https://social.example.org/@herald", Network::Mastodon},
        {"https://mastodon.example/users/herald", Network::Mastodon},
        {"https://caucasusherald.example/rss.xml", Network::Rss},
        {"https://caucasusherald.example/news.RSS", Network::Rss},
        {"https://caucasusherald.example/atom.atom", Network::Rss},
        {"https://caucasusherald.example/feed", Network::Rss},
        {"https://caucasusherald.example/feed/", Network::Rss},
        {"https://caucasusherald.example/en/rss", Network::Rss},
        {"https://feeds.example.com/herald", Network::Rss},
        {"https://caucasusherald.example/", Network::Other},
        {"https://caucasusherald.example/about", Network::Other},
        {"https://medium.com/@herald", Network::Other},
        {"https://www.threads.net/@herald", Network::Other},
    };
    for (const auto& c : cases) CHECK_MESSAGE(networkOf(c.url) == c.network, c.url);
}

TEST_CASE("look-alike hosts are not the network they imitate") {
    const char* const lookAlikes[] = {
        "https://facebook.com.evil.example/caucasusherald",
        "https://notfacebook.com/x",
        "https://facebook.co/x",
        "https://facebook-com.example/x",
        "https://box.com/x",
        "https://xx.com/x",
        "https://twitter.com.example/x",
        "https://myyoutube.com/x",
        "https://youtube.community.example/x",
        "https://at.me/x",
        "https://vk.co/x",
        "https://wa.me.example/x",
        "https://facebook.com@evil.example/x",
        "https://evil.example/facebook.com",
        "https://evil.example/?u=https://facebook.com/x",
    };
    for (const char* url : lookAlikes) CHECK_MESSAGE(networkOf(url) == Network::Other, url);
}

TEST_CASE("refused URLs are Other") {
    CHECK(networkOf("javascript:alert('facebook.com')") == Network::Other);
    CHECK(networkOf("//facebook.com/x") == Network::Other);
    CHECK(networkOf("facebook.com/x") == Network::Other);
}

TEST_CASE("names") {
    CHECK(aw::networkName(Network::X) == "X");
    CHECK(aw::networkName(Network::YouTube) == "YouTube");
    CHECK(aw::networkName(Network::Rss) == "RSS");
    CHECK(aw::networkName(Network::Other).empty());
}

TEST_CASE("the follow bar keeps allowed profiles in order with labels and accessible names") {
    const auto bar = aw::followBar({"https://www.facebook.com/caucasusherald", "https://twitter.com/caucasusherald",
                                    "https://caucasusherald.example/rss.xml", "https://www.caucasusherald.example/about"});
    CHECK(bar.warnings.empty());
    REQUIRE(bar.links.size() == 4);
    CHECK(bar.links[0].network == Network::Facebook);
    CHECK(bar.links[0].label == "Facebook");
    CHECK(bar.links[0].accessibleName == "Follow us on Facebook");
    CHECK(bar.links[0].url == "https://www.facebook.com/caucasusherald");
    CHECK(bar.links[1].label == "X");
    CHECK(bar.links[1].accessibleName == "Follow us on X");
    CHECK(bar.links[2].label == "RSS");
    CHECK(bar.links[2].accessibleName == "Subscribe to our RSS feed");
    CHECK(bar.links[3].network == Network::Other);
    CHECK(bar.links[3].label == "caucasusherald.example");
    CHECK(bar.links[3].accessibleName == "Visit caucasusherald.example");
}

TEST_CASE("the follow bar drops refused and repeated entries with a warning each") {
    const auto bar = aw::followBar({
        "javascript:alert(1)",
        "https://t.me/caucasusherald",
        "mailto:desk@caucasusherald.example",
        "HTTPS://T.ME/caucasusherald/",
        "http://t.me/caucasusherald#x",
        "t.me/other",
        "https://www.t.me/caucasusherald",
        "https://vk.com/caucasusherald",
        "java\tscript:alert(1)",
    });
    REQUIRE(bar.links.size() == 2);
    CHECK(bar.links[0].network == Network::Telegram);
    CHECK(bar.links[1].network == Network::VK);
    REQUIRE(bar.warnings.size() == 7);
    CHECK(bar.warnings[0] == "publisher.sameAs[0] \"javascript:alert(1)\": javascript: links are not allowed");
    CHECK(bar.warnings[1] ==
          "publisher.sameAs[2] \"mailto:desk@caucasusherald.example\": mailto: links are not allowed here");
    CHECK(bar.warnings[2] ==
          "publisher.sameAs[3] \"HTTPS://T.ME/caucasusherald/\": the same profile as an earlier entry, skipped");
    CHECK(bar.warnings[3].rfind("publisher.sameAs[4] ", 0) == 0);
    CHECK(bar.warnings[4].find("relative URL") != std::string::npos);
    CHECK(bar.warnings[5].rfind("publisher.sameAs[6] ", 0) == 0);
    CHECK(bar.warnings[6] == "publisher.sameAs[8] \"java\\tscript:alert(1)\": javascript: links are not allowed");
}

TEST_CASE("warnings stay short and readable whatever the entry holds") {
    const auto bar = aw::followBar({"data:text/html," + std::string(10000, 'x'), "https://a.example/\xC3\x28"});
    REQUIRE(bar.warnings.size() == 2);
    CHECK(bar.warnings[0].size() < 160);
    CHECK(bar.warnings[0].find("\xE2\x80\xA6\": data: links are not allowed") != std::string::npos);
    CHECK(bar.warnings[1].find("URL is not valid UTF-8") != std::string::npos);
}

TEST_CASE("the follow bar is bounded") {
    std::vector<std::string> many;
    for (int i = 0; i < 30; ++i) many.push_back("https://site" + std::to_string(i) + ".example/");
    const auto bar = aw::followBar(many);
    CHECK(bar.links.size() == aw::kMaxFollowLinks);
    CHECK(bar.warnings.size() == 30 - aw::kMaxFollowLinks);
}

TEST_CASE("the shipped article's publisher profiles all become buttons") {
    const auto article = aw::parseArticle(readRepoFile("assets/articles/stoltenberg-baku.json"));
    REQUIRE_MESSAGE(article.ok(), article.error());
    const auto bar = aw::followBar(article.value().publisherProfiles);
    CHECK(bar.warnings.empty());
    REQUIRE(bar.links.size() == article.value().publisherProfiles.size());
    CHECK(bar.links.front().network == Network::Facebook);
    CHECK(bar.links.back().network == Network::Rss);
}
