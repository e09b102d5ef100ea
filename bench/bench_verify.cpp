// The check that a file still has its imported SHA-256 before it airs (playout::FileVerifier),
// timed on one file N times; bench/verify.sh compares it with `sha256sum` on the same file.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "playout/FileVerifier.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [REPEATS]\n", argv[0]);
        return 2;
    }
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    std::string digest;
    lp::playout::FileVerifier verifier;
    const auto expected = lp::playout::file_sha256(argv[1]);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i) {
        if (verifier.check(argv[1], expected).get()) {
            std::fprintf(stderr, "unexpected mismatch\n");
            return 1;
        }
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("%s %.4f s per check\n", expected.c_str(), took.count() / repeats);
    return 0;
}
