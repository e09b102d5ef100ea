#include "library/Importer.hpp"

#include <nlohmann/json.hpp>

#include "audio/analysis/Analyse.hpp"
#include "library/ItemStore.hpp"
#include "library/ManagedFile.hpp"

namespace lp::library {
namespace {

std::string trimmed(std::string text) {
    const auto blank = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0; };
    while (!text.empty() && blank(static_cast<unsigned char>(text.back()))) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && blank(static_cast<unsigned char>(text[start]))) ++start;
    return text.substr(start);
}

std::string default_title(const audio::MediaFacts& facts, const std::filesystem::path& file) {
    if (const auto it = facts.tags.find("title"); it != facts.tags.end())
        if (auto title = trimmed(it->second); !title.empty()) return title;
    return file.stem().string();
}

Item make_item(const ImportRequest& r, const audio::MediaFacts& facts, const std::filesystem::path& managed) {
    Item item;
    item.file = managed;
    item.title = r.title ? *r.title : default_title(facts, r.file);
    item.topics = r.topics.empty() ? std::vector<std::string>{"other"} : r.topics;
    item.form = r.form;
    item.source = r.source;
    item.note = r.note;
    item.valid_from = r.valid_from;
    item.valid_until = r.valid_until;
    item.speech_text = r.speech_text;
    item.original_name = r.original_name ? r.original_name : std::optional(r.file.filename().string());
    item.sha256 = facts.sha256;
    item.duration_ms = facts.duration.count();
    item.container = facts.container;
    item.codec = facts.codec;
    item.sample_rate = facts.sample_rate;
    item.channels = facts.channels;
    item.bit_rate = facts.bit_rate > 0 ? std::optional(facts.bit_rate) : std::nullopt;
    item.size_bytes = static_cast<std::int64_t>(facts.size_bytes);
    item.loudness_lufs = facts.integrated_lufs;  // none for a sound shorter than 0.4 s
    item.true_peak_dbtp = facts.true_peak_dbtp;
    // Tags are whatever the file carried: keep them, but never fail an import on bad UTF-8.
    item.tags_json = nlohmann::json(facts.tags).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return item;
}

}  // namespace

Importer::Importer(sqlite::Database& db, std::filesystem::path media_dir) : db_(db), media_dir_(std::move(media_dir)) {}

ImportResult Importer::import(const ImportRequest& request, const Progress& progress) {
    std::filesystem::create_directories(media_dir_);
    TempMediaFile copy(media_dir_);
    // One pass: the bytes FFmpeg decodes are the bytes hashed and the bytes copied.
    const auto facts = audio::analyse(request.file, {.copy_fd = copy.fd(), .progress = progress});

    ItemStore store(db_);
    if (auto existing = store.find_by_sha256(facts.sha256)) return {true, std::move(*existing)};

    const auto target = media_dir_ / managed_name(facts.sha256, request.file);
    Item item = make_item(request, facts, target);
    sqlite::Transaction tx(db_);
    item.id = store.insert(item);
    // A file of that name can only hold these same bytes (left by an earlier item that was
    // removed by hand); then it is not ours to delete if the commit fails.
    const bool existed = std::filesystem::exists(target);
    copy.install(target);
    try {
        tx.commit();
    } catch (...) {
        if (!existed) std::filesystem::remove(target);
        throw;
    }
    item = *store.find(item.id);
    return {false, std::move(item)};
}

}  // namespace lp::library
