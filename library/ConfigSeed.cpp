#include "library/ConfigSeed.hpp"

#include <optional>
#include <span>

#include "audio/analysis/Rejection.hpp"
#include "audio/ffmpeg/Sha256.hpp"
#include "db/sqlite/Error.hpp"
#include "library/Importer.hpp"
#include "library/ItemStore.hpp"
#include "scheduler/RuleStore.hpp"

namespace lp::library {
namespace {

// Items the config file names are approved by whoever wrote the file (the administrator).
constexpr const char* config_approver = "tệp cấu hình";
constexpr const char* section = "slots";

// Length-prefixed, so that no two different sections encode alike.
void field(std::string& out, std::string_view text) {
    out += std::to_string(text.size());
    out += ':';
    out += text;
    out += ';';
}

std::optional<std::string> applied_fingerprint(sqlite::Database& db) {
    auto st = db.prepare("SELECT sha256 FROM config_applied WHERE section = ?");
    st.bind(1, section);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

std::string applied_at(sqlite::Database& db) {
    auto st = db.prepare("SELECT applied_at FROM config_applied WHERE section = ?");
    st.bind(1, section);
    return st.step() ? st.text(0) : "";
}

void record_applied(sqlite::Database& db, const std::string& fingerprint, const std::string& source) {
    db.prepare(
          "INSERT INTO config_applied (section, sha256, source) VALUES (?, ?, ?) ON CONFLICT(section) DO UPDATE "
          "SET sha256 = excluded.sha256, source = excluded.source, applied_at = excluded.applied_at")
        .bind(1, section)
        .bind(2, fingerprint)
        .bind(3, source)
        .run();
}

scheduler::Slot to_slot(const config::SlotConfig& c, const std::vector<scheduler::ItemId>& items) {
    scheduler::Slot s;
    s.name = c.name;
    s.days = c.days;
    s.start_of_day = c.start_of_day;
    s.relative_start = c.relative_start;
    s.max_length = c.max_length;
    s.outputs = c.outputs;
    for (const auto id : items) s.programme.push_back({scheduler::Entry::Kind::fixed, id, 1, {}});
    return s;
}

// Imports the items of every slot; returns the item ids per slot (failures left out).
std::vector<std::vector<scheduler::ItemId>> import_items(sqlite::Database& db, const config::Config& config,
                                                         ConfigSeedResult& result) {
    Importer importer(db, config.media_dir);
    std::vector<std::vector<scheduler::ItemId>> ids(config.slots.size());
    for (std::size_t s = 0; s < config.slots.size(); ++s) {
        for (const auto& item : config.slots[s].items) {
            try {
                const auto imported = importer.import(
                    {.file = item.file, .title = item.title, .topics = {item.topic}, .form = item.form});
                ++(imported.duplicate ? result.reused : result.imported);
                ids[s].push_back(imported.item.id);
            } catch (const sqlite::Error&) {
                throw;  // the database itself: not this item's fault
            } catch (const std::exception& e) {
                result.failures.push_back({config.slots[s].name, item.file, e.what()});
            }
        }
    }
    return ids;
}

void approve_unapproved(scheduler::RuleStore& rules, ItemStore& items,
                        const std::vector<std::vector<scheduler::ItemId>>& ids) {
    const auto known = rules.load();
    for (const auto& slot : ids)
        for (const auto id : slot)
            if (const auto* item = known.item(id); item && !item->approved_by) items.approve(id, config_approver);
}

}  // namespace

std::string slots_fingerprint(const std::vector<config::SlotConfig>& slots) {
    std::string text = "loaphuong config slots v1\n";
    for (const auto& s : slots) {
        field(text, "slot");
        field(text, s.name);
        std::string days;
        for (const auto d : s.days) days += std::to_string(d);
        field(text, days);
        field(text, s.relative_start ? "+" + std::to_string(s.relative_start->count())
                                     : std::to_string(s.start_of_day.count()));
        field(text, std::to_string(s.max_length.count()));
        field(text, std::to_string(s.outputs.size()));
        for (const auto& o : s.outputs) field(text, o);
        field(text, std::to_string(s.items.size()));
        for (const auto& i : s.items) {
            field(text, i.file.string());
            field(text, i.title);
            field(text, i.topic);
            field(text, i.form);
        }
    }
    audio::ffmpeg::Sha256 sha;
    sha.update(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    return sha.hex_digest();
}

ConfigSeedResult apply_config_slots(sqlite::Database& db, const config::Config& config, spdlog::logger& log) {
    ConfigSeedResult result;
    const auto source = config.source.string();
    const auto fingerprint = slots_fingerprint(config.slots);
    if (applied_fingerprint(db) == fingerprint) {
        log.info("config {}: slots unchanged since applied at {}; the database's slots (with CLI edits) are kept",
                 source, applied_at(db));
        return result;
    }
    const auto ids = import_items(db, config, result);
    scheduler::RuleStore rules(db);
    ItemStore items(db);
    approve_unapproved(rules, items, ids);
    for (std::size_t s = 0; s < config.slots.size(); ++s) rules.save_slot(to_slot(config.slots[s], ids[s]));
    record_applied(db, fingerprint, source);
    result.applied = true;
    result.slots = config.slots.size();
    for (const auto& f : result.failures)
        log.error(
            "config {}: item {} left out of slot \"{}\": {}; the slot airs the rest (fix the file, then change "
            "the config file, or add it with `loaphuong media add` and `loaphuong slot set`)",
            source, f.file.string(), f.slot, f.reason);
    log.info("config {}: slots applied: {} slot(s); {} item(s) imported, {} already in the library, {} left out",
             source, result.slots, result.imported, result.reused, result.failures.size());
    return result;
}

}  // namespace lp::library
