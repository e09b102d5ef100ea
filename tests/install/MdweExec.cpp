// lp_mdwe_exec PROGRAM ARGS...: runs PROGRAM with the kernel's memory-deny-write-execute
// (prctl PR_SET_MDWE, Linux 6.3+; inherited by children and kept across execve) — what the
// unit's MemoryDenyWriteExecute=yes enforces with seccomp: no mapping both writable and
// executable, none made executable later. The install test runs the daemon under it to show
// FFmpeg and the rest work without writable code. Exit 77 when the kernel lacks it.

#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65
#endif
#ifndef PR_MDWE_REFUSE_EXEC_GAIN
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: lp_mdwe_exec PROGRAM [ARGS...]\n");
        return 2;
    }
    if (::prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0L, 0L, 0L) != 0) {
        std::fprintf(stderr, "lp_mdwe_exec: prctl(PR_SET_MDWE): %s\n", std::strerror(errno));
        return 77;
    }
    ::execvp(argv[1], argv + 1);
    std::fprintf(stderr, "lp_mdwe_exec: cannot run %s: %s\n", argv[1], std::strerror(errno));
    return 127;
}
