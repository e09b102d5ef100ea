#include "reach/Feed.hpp"

#include <array>
#include <cstdio>

#include "domain/TextsPublic.hpp"
#include "domain/Vocabulary.hpp"
#include "http/Assets.hpp"
#include "http/Html.hpp"

namespace lp::reach {
namespace {

using http::html_escape;

std::string element(std::string_view name, std::string_view text) {
    return "<" + std::string(name) + ">" + html_escape(text) + "</" + std::string(name) + ">";
}

}  // namespace

std::string rfc822(domain::TimePoint t) {
    static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(t - day)};
    const std::chrono::weekday wd{day};
    char text[40];
    std::snprintf(text, sizeof text, "%s, %02u %s %04d %02d:%02d:%02d GMT", days[wd.c_encoding()],
                  static_cast<unsigned>(ymd.day()), months[static_cast<unsigned>(ymd.month()) - 1],
                  static_cast<int>(ymd.year()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return text;
}

std::string rss_feed(const Site& site, const std::vector<PublicItem>& items, domain::TimePoint now) {
    namespace t = domain::texts::open;
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>" +
                      element("title", t::site_title) + element("link", site.base_url + "/") +
                      element("description", std::string(t::site_intro) + " " + site.issuing_body) +
                      element("language", "vi") + element("lastBuildDate", rfc822(now));
    for (const auto& item : items) {
        const std::string description = std::string(t::topic) + ": " + std::string(domain::topic_label(item.topic)) +
                                        ". " + std::string(t::form) + ": " +
                                        std::string(domain::form_label(item.form)) + ".";
        xml += "<item>" + element("title", item.title) + element("link", site.item_url(item.id)) +
               "<guid isPermaLink=\"false\">loaphuong-item-" + std::to_string(item.id) + "</guid>" +
               element("description", description) + element("pubDate", rfc822(item.last_aired)) + "<enclosure url=\"" +
               html_escape(site.audio_url(item.id)) + "\" length=\"" + std::to_string(item.size_bytes) + "\" type=\"" +
               html_escape(http::content_type_for(item.file)) + "\"/></item>";
    }
    return xml + "</channel></rss>\n";
}

}  // namespace lp::reach
