#include <algorithm>

#include "domain/TextsPublic.hpp"
#include "http/Html.hpp"
#include "reach/Pages.hpp"

namespace lp::reach {

namespace t = domain::texts::open;
using http::html_escape;

std::string poster_page(const Site& site, const std::vector<PublicItem>& items) {
    std::string page =
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
        "content=\"width=device-width, initial-scale=1\"><title>" +
        std::string(t::poster_title) +
        "</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body class=\"poster\"><header><p "
        "class=\"org\">" +
        html_escape(site.parent_body) + "<br><strong>" + html_escape(site.issuing_body) + "</strong></p><h1>" +
        std::string(t::poster_title) +
        "</h1></header><figure class=\"page-qr\"><img src=\"/qr\" alt=\"QR\"><figcaption>" +
        std::string(t::scan_to_listen) + "<br><code>" + html_escape(site.base_url) + "</code></figcaption></figure>";
    page += "<ol class=\"poster-items\">";
    const auto n = std::min<std::size_t>(items.size(), 12);
    for (std::size_t i = 0; i < n; ++i)
        page += "<li><img src=\"/qr/" + std::to_string(items[i].id) + "\" alt=\"QR\"><span>" +
                html_escape(items[i].title) + "</span></li>";
    page += "</ol><p class=\"no-print\"><a href=\"/\">← " + std::string(t::back) + "</a></p></body></html>";
    return page;
}

std::string_view style_sheet() {
    return R"css(body{font-family:system-ui,"Liberation Sans",Arial,sans-serif;margin:0 auto;max-width:44rem;padding:1rem;line-height:1.5;color:#1b1b1b}
a{color:#0b57a4}h1{font-size:1.4rem;margin:.4rem 0}.org{text-transform:uppercase;font-size:.85rem;margin:0}
.muted{color:#555;font-size:.9rem}ul.items,ul.comments{list-style:none;padding:0}ul.items li,ul.comments li{border-bottom:1px solid #ddd;padding:.6rem 0}
ul.items a{font-size:1.1rem;font-weight:600}dl.facts{display:grid;grid-template-columns:auto 1fr;gap:0 .8rem;margin:.3rem 0;font-size:.9rem}
dl.facts dt{color:#555}dl.facts dd{margin:0}audio{width:100%;margin:.8rem 0}
fieldset{border:1px solid #ccc;border-radius:.4rem;margin:1rem 0}legend{font-weight:600}.stars label{margin-right:1rem;font-size:1.1rem}
textarea{width:100%;box-sizing:border-box;font:inherit}button{font:inherit;padding:.5rem 1.2rem;margin:.5rem 0}
figure.qr img{width:10rem;height:10rem}
.poster header,.poster figure{text-align:center}.page-qr img{width:9cm;height:9cm}
ol.poster-items{display:grid;grid-template-columns:repeat(4,1fr);gap:.4cm;list-style:none;padding:0}
ol.poster-items li{text-align:center;font-size:9pt}ol.poster-items img{width:3.2cm;height:3.2cm;display:block;margin:0 auto}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;padding:0}.no-print{display:none}a{color:inherit;text-decoration:none}}
)css";
}

}  // namespace lp::reach
