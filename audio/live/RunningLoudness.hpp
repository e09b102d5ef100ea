#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace lp::audio::live {

// Gated integrated loudness (ITU-R BS.1770-4, EBU R128: K-weighting, 400 ms blocks every
// 100 ms, absolute gate -70 LUFS, relative gate -10 LU) of audio measured as it arrives, for
// a live source's running gain. libebur128 gives the same figure but keeps each channel's
// filtered samples to sum every block four times over, in double, with a check per sample;
// a relay measures for an hour in real time, where that was a fifth of the daemon's CPU.
// Here each 100 ms sub-block is summed once as it is filtered, and the blocks go into a
// histogram of 0.01 LU steps holding their exact energy, so integrated() costs the same at
// the hour's end as at its start. Channel weights follow libebur128's default map (L, R, C,
// LFE unused, surrounds 1.41). Not thread-safe.
class RunningLoudness {
public:
    RunningLoudness(std::size_t channels, int rate);

    // Interleaved float frames, full scale ±1.0.
    void add(std::span<const float> interleaved);
    // In LUFS; -HUGE_VAL while no block rose above the absolute gate.
    double integrated() const;

    struct ChannelState {  // the two K-weighting stages, transposed direct form II
        double s1 = 0, s2 = 0, t1 = 0, t2 = 0;
    };

private:
    void end_sub_block();

    std::size_t channels_;
    std::array<double, 5> shelf_{};  // b0, b1, b2, a1, a2
    double high_pass_a1_ = 0;        // the high-pass's denominator; its numerator is (1, -2, 1)
    double high_pass_a2_ = 0;
    std::vector<double> weights_;
    std::vector<ChannelState> state_;
    std::size_t sub_block_frames_;
    std::vector<double> squares_;   // per channel, of the current sub-block
    std::size_t in_sub_block_ = 0;  // frames summed into the current sub-block
    std::array<double, 4> last_sub_blocks_{};
    std::uint64_t sub_blocks_ = 0;
    std::vector<std::uint64_t> block_count_;  // per 0.01 LU bin above the absolute gate
    std::vector<double> block_energy_;
};

}  // namespace lp::audio::live
