#include "reach/Pages.hpp"

#include "domain/TextsPublic.hpp"
#include "domain/Vocabulary.hpp"
#include "http/Html.hpp"

namespace lp::reach {
namespace {

namespace t = domain::texts::open;
using http::html_escape;

std::string head(std::string_view title) {
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\"><title>" +
           html_escape(title) +
           "</title><link rel=\"stylesheet\" href=\"/style.css\"><link rel=\"alternate\" "
           "type=\"application/rss+xml\" href=\"/rss.xml\"></head><body>";
}

std::string when(const Site& site, domain::TimePoint t) {
    return domain::local_time_text(site.tz, t).substr(0, 5) + " " + domain::local_date_text(site.tz, t);
}

std::string facts(const Site& site, const PublicItem& item) {
    std::string out = "<dl class=\"facts\"><dt>" + std::string(t::topic) + "</dt><dd>" +
                      html_escape(domain::topic_label(item.topic)) + "</dd><dt>" + std::string(t::form) + "</dt><dd>" +
                      html_escape(domain::form_label(item.form)) + "</dd><dt>" + std::string(t::last_aired) +
                      "</dt><dd>" + when(site, item.last_aired) + "</dd>";
    if (item.duration_ms)
        out += "<dt>" + std::string(t::length) + "</dt><dd>" +
               domain::duration_text(domain::Millis{*item.duration_ms}) + "</dd>";
    return out + "</dl>";
}

}  // namespace

std::string list_page(const Site& site, const std::vector<PublicItem>& items) {
    std::string page = head(t::site_title) + "<header><p class=\"org\">" + html_escape(site.parent_body) + "<br>" +
                       html_escape(site.issuing_body) + "</p><h1>" + std::string(t::site_title) + "</h1><p>" +
                       std::string(t::site_intro) + "</p><p class=\"muted\">" + t::in_last_weeks(site.weeks) +
                       "</p></header><main>";
    if (items.empty()) page += "<p>" + std::string(t::nothing_aired) + "</p>";
    page += "<ul class=\"items\">";
    for (const auto& item : items)
        page += "<li><a href=\"/tin/" + std::to_string(item.id) + "\">" + html_escape(item.title) + "</a>" +
                facts(site, item) + "</li>";
    page += "</ul></main><footer><a href=\"/rss.xml\">" + std::string(t::podcast) + "</a> · <a href=\"/ap-phich\">" +
            std::string(t::poster) + "</a></footer></body></html>";
    return page;
}

std::string item_page(const Site& site, const PublicItem& item, const std::vector<ShownComment>& comments) {
    const std::string id = std::to_string(item.id);
    std::string page = head(item.title) + "<header><a href=\"/\">← " + std::string(t::back) + "</a><h1>" +
                       html_escape(item.title) + "</h1></header><main><audio controls preload=\"none\" src=\"/nghe/" +
                       id + "\">" + std::string(t::no_audio_support) + "</audio>" + facts(site, item) +
                       "<p><a href=\"/nghe/" + id + "\" download>" + std::string(t::download) + "</a></p>";
    page += "<form method=\"post\" action=\"/tin/" + id + "/y-kien\"><fieldset><legend>" + std::string(t::question) +
            "</legend><p class=\"stars\">";
    for (int r = 1; r <= 5; ++r) {
        const std::string v = std::to_string(r);
        page += "<label><input type=\"radio\" name=\"rating\" value=\"" + v + "\" required> " + v + "</label>";
    }
    page += "</p><p class=\"muted\">" + std::string(t::rating_low) + "; " + std::string(t::rating_high) +
            "</p><label for=\"comment\">" + std::string(t::comment) +
            "</label><textarea id=\"comment\" name=\"comment\" maxlength=\"1000\" rows=\"3\"></textarea><button "
            "type=\"submit\">" +
            std::string(t::send) + "</button><p class=\"muted\">" + std::string(t::privacy) + "</p></fieldset></form>";
    if (!comments.empty()) {
        page += "<section><h2>" + std::string(t::approved_comments) + "</h2><ul class=\"comments\">";
        for (const auto& c : comments) {
            page += "<li><p class=\"muted\">" + html_escape(c.day);
            if (c.rating > 0) page += " · " + std::to_string(c.rating) + "/5";
            page += "</p><p>" + html_escape(c.comment) + "</p></li>";
        }
        page += "</ul></section>";
    }
    page += "<figure class=\"qr\"><img src=\"/qr/" + id + "\" alt=\"QR\" width=\"160\" height=\"160\"><figcaption>" +
            std::string(t::scan_this_item) + "</figcaption></figure></main></body></html>";
    return page;
}

std::string message_page(std::string_view title, std::string_view text, std::string_view back) {
    return head(title) + "<main><h1>" + html_escape(title) + "</h1><p>" + html_escape(text) + "</p><p><a href=\"" +
           html_escape(back) + "\">← " + std::string(t::back) + "</a></p></main></body></html>";
}

}  // namespace lp::reach
