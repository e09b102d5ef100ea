#pragma once
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <string>
#include <thread>

#include "audio/Player.hpp"

namespace lp::playout {

// Checks, on a thread of its own, that each file about to air still has the SHA-256 the
// library recorded at import (disk rot, a file replaced or edited on the box): what airs is
// what the journal certifies. Checks run in the order asked, ahead of the airing (the
// scheduler decides a programme before its start), so the player rarely waits.
class FileVerifier {
public:
    FileVerifier();
    ~FileVerifier();  // joins; checks still queued report no failure (destroy the player first)
    FileVerifier(const FileVerifier&) = delete;
    FileVerifier& operator=(const FileVerifier&) = delete;

    // The verdict on `file`: none when its SHA-256 is `expected_sha256`, file_changed when it
    // differs, file_missing / file_unreadable when it cannot be read. An empty `expected`
    // (the library never hashed it) is not checked.
    audio::CueCheck check(const std::filesystem::path& file, const std::string& expected_sha256);
    // Adds checks to every cue of `programme` with a known hash (`sha256[i]` for cue i).
    void attach(audio::Programme& programme, const std::vector<std::string>& sha256);

private:
    struct Job {
        std::filesystem::path file;
        std::string expected;
        std::promise<audio::Failure> verdict;
    };
    void run();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;  // guarded by mutex_
    bool quit_ = false;     // guarded by mutex_
    std::thread thread_;
};

// SHA-256 of a file's bytes as lower-case hex. Throws std::system_error naming the file.
std::string file_sha256(const std::filesystem::path& file);

}  // namespace lp::playout
