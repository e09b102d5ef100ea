// An ALSA PCM plugin for the tests (type "lpbusy"): a capture device that another program can
// hold, as a sound card is held by whoever records from it. While the file `lock` is locked
// (flock, taken by lp::test::HeldDevice) snd_pcm_open() fails with -EBUSY, the errno a card's
// driver gives; otherwise it opens `slave` (a PCM name) in its place. Loaded by libasound
// itself through the test's ALSA config (pcm_type.lpbusy { lib "…" }).
#include <alsa/asoundlib.h>
#include <alsa/pcm_external.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace {

// Whether another open file holds `lock`; a negative errno when it cannot be asked.
int held_elsewhere(const char* lock) {
    const int fd = open(lock, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -errno;
    const int got = flock(fd, LOCK_EX | LOCK_NB);
    const int err = errno;
    close(fd);  // also lets go of the lock if this open took it
    if (got == 0) return 0;
    return err == EWOULDBLOCK ? 1 : -err;
}

}  // namespace

extern "C" {

SND_PCM_PLUGIN_DEFINE_FUNC(lpbusy) {
    (void)root;
    (void)name;
    const char* lock = nullptr;
    const char* slave = nullptr;
    snd_config_iterator_t i;
    snd_config_iterator_t next;
    snd_config_for_each(i, next, conf) {
        snd_config_t* n = snd_config_iterator_entry(i);
        const char* id = nullptr;
        if (snd_config_get_id(n, &id) < 0) continue;
        if (std::strcmp(id, "comment") == 0 || std::strcmp(id, "type") == 0 || std::strcmp(id, "hint") == 0) continue;
        const char** value = std::strcmp(id, "lock") == 0 ? &lock : std::strcmp(id, "slave") == 0 ? &slave : nullptr;
        if (!value || snd_config_get_string(n, value) < 0) {
            SNDERR("lpbusy: unknown or non-string field %s", id);
            return -EINVAL;
        }
    }
    if (!lock || !slave) {
        SNDERR("lpbusy: needs lock and slave");
        return -EINVAL;
    }
    if (const int held = held_elsewhere(lock); held != 0) return held > 0 ? -EBUSY : held;
    return snd_pcm_open(pcmp, slave, stream, mode);
}

SND_PCM_PLUGIN_SYMBOL(lpbusy);
}
