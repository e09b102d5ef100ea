// Every registered output kind is documented in loaphuong.toml(5): its name under `kind`, and
// each key it reads (with the common keys) as an item of the [[output]] section; and every
// key documented there is one an [[output]] table may have.

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "audio/output/Registry.hpp"
#include "config/OutputSchema.hpp"

namespace {

struct OutputSection {
    std::set<std::string> keys;         // item headings: ".B name", ".BR url \", \" password"
    std::set<std::string> kind_values;  // ".B alsa" lines in the `kind` item
};

OutputSection read_man_page() {
    std::ifstream in{std::string{LP_SOURCE_DIR} + "/docs/man/loaphuong.toml.5"};
    EXPECT_TRUE(in) << "docs/man/loaphuong.toml.5 not found";
    OutputSection section;
    std::string line;
    bool inside = false;
    bool heading_next = false;
    std::string item;
    while (std::getline(in, line)) {
        if (line.starts_with(".SH")) {
            inside = line == ".SH [[output]]";
            continue;
        }
        if (!inside) continue;
        if (line == ".TP") {
            heading_next = true;
            continue;
        }
        const bool bold = line.starts_with(".B ") || line.starts_with(".BR ");
        if (heading_next) {
            heading_next = false;
            if (!bold) continue;
            // Words outside quotes are keys: .BR url ", " password ", " mount
            std::istringstream words{line.substr(line.find(' ') + 1)};
            std::string word;
            bool quoted = false;
            item.clear();
            while (words >> word) {
                const auto quotes = std::count(word.begin(), word.end(), '"');
                if (!quoted && quotes == 0) {
                    section.keys.insert(word);
                    if (item.empty()) item = word;
                }
                if (quotes % 2 == 1) quoted = !quoted;
            }
            continue;
        }
        if (item == "kind" && line.starts_with(".B ")) section.kind_values.insert(line.substr(3));
    }
    return section;
}

TEST(OutputDocs, EveryKindAndEveryKeyIsInTheManPage) {
    const auto doc = read_man_page();
    ASSERT_FALSE(doc.keys.empty());
    for (const auto& kind : lp::audio::output::Registry::global().kinds()) {
        EXPECT_TRUE(doc.kind_values.contains(std::string{kind->name()}))
            << "kind \"" << kind->name() << "\" is not listed under kind in loaphuong.toml(5)";
        for (const auto key : kind->keys())
            EXPECT_TRUE(doc.keys.contains(std::string{key}))
                << "key " << key << " of kind \"" << kind->name() << "\" is not documented in loaphuong.toml(5)";
    }
    const auto keys = lp::config::detail::output_keys();
    for (const auto key : keys)
        EXPECT_TRUE(doc.keys.contains(std::string{key})) << "key " << key << " is not documented in loaphuong.toml(5)";
    for (const auto& documented : doc.keys)
        EXPECT_TRUE(std::find(keys.begin(), keys.end(), documented) != keys.end())
            << "loaphuong.toml(5) documents " << documented << ", which no [[output]] table may have";
}

}  // namespace
