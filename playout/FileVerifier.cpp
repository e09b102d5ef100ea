#include "playout/FileVerifier.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>
#include <vector>

#include "journal/Sha256.hpp"

namespace lp::playout {

std::string file_sha256(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), file.string());
    journal::Sha256 hash;
    std::vector<char> buffer(1 << 20);
    while (true) {
        const auto n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            throw std::system_error(err, std::generic_category(), file.string());
        }
        if (n == 0) break;
        hash.update({buffer.data(), static_cast<std::size_t>(n)});
    }
    ::close(fd);
    return hash.hex_digest();
}

namespace {

audio::Failure verdict_on(const std::filesystem::path& file, const std::string& expected) {
    try {
        const auto actual = file_sha256(file);
        if (actual == expected) return {};
        return {audio::FailureKind::file_changed,
                file.string() + ": SHA-256 " + actual + " differs from " + expected + " recorded at import"};
    } catch (const std::system_error& e) {
        const bool missing = e.code() == std::errc::no_such_file_or_directory;
        return {missing ? audio::FailureKind::file_missing : audio::FailureKind::file_unreadable, e.what()};
    }
}

}  // namespace

FileVerifier::FileVerifier() : thread_([this] { run(); }) {}

FileVerifier::~FileVerifier() {
    {
        std::lock_guard lock{mutex_};
        quit_ = true;
    }
    wake_.notify_all();
    thread_.join();
    // Only at shutdown, after the player is gone: nobody waits on these any more.
    for (auto& job : jobs_) job.verdict.set_value({});
}

audio::CueCheck FileVerifier::check(const std::filesystem::path& file, const std::string& expected_sha256) {
    std::promise<audio::Failure> verdict;
    auto future = verdict.get_future().share();
    if (expected_sha256.empty()) {
        verdict.set_value({});
        return future;
    }
    {
        std::lock_guard lock{mutex_};
        jobs_.push_back({file, expected_sha256, std::move(verdict)});
    }
    wake_.notify_one();
    return future;
}

void FileVerifier::attach(audio::Programme& programme, const std::vector<std::string>& sha256) {
    for (std::size_t i = 0; i < programme.cues.size() && i < sha256.size(); ++i)
        if (!sha256[i].empty()) programme.cues[i].check = check(programme.cues[i].file, sha256[i]);
}

void FileVerifier::run() {
    pthread_setname_np(pthread_self(), "lp-verify");
    while (true) {
        Job job;
        {
            std::unique_lock lock{mutex_};
            wake_.wait(lock, [&] { return quit_ || !jobs_.empty(); });
            if (quit_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job.verdict.set_value(verdict_on(job.file, job.expected));
    }
}

}  // namespace lp::playout
