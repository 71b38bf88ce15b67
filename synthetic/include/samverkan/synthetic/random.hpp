// A small, portable pseudo-random generator for the synthetic models.
//
// The standard library's distributions are implementation-defined (libstdc++ and libc++ draw different
// numbers from the same engine), so a generator that must write byte-identical files everywhere uses its
// own: SplitMix64 (Steele, Lea and Flood 2014) and integer or exactly-rounded arithmetic only.
#ifndef SAMVERKAN_SYNTHETIC_RANDOM_HPP
#define SAMVERKAN_SYNTHETIC_RANDOM_HPP

#include <cstdint>

namespace samverkan::synthetic {

/// SplitMix64: 64 bits of state, passes BigCrush, and any seed (0 included) is fine.
class splitmix64 {
public:
    constexpr explicit splitmix64(std::uint64_t seed) noexcept : state_{seed} {}

    /// The next 64 random bits.
    constexpr std::uint64_t next() noexcept {
        state_ += 0x9E3779B97F4A7C15ULL;
        return mix(state_);
    }

    /// A double uniform in [0, 1), exactly a multiple of 2^-53 (the same on every IEEE 754 machine).
    constexpr double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// An integer uniform in [lo, hi] (hi >= lo). Multiply-shift: the bias is below 2^-32.
    constexpr std::uint32_t between(std::uint32_t lo, std::uint32_t hi) noexcept {
        std::uint64_t const span = std::uint64_t{hi} - lo + 1;
        return lo + static_cast<std::uint32_t>(((next() >> 32) * span) >> 32);
    }

    /// True with probability p (p <= 0: never, p >= 1: always).
    constexpr bool chance(double p) noexcept { return unit() < p; }

    /// The SplitMix64 finaliser: a bijection on 64-bit values that scatters nearby inputs.
    static constexpr std::uint64_t mix(std::uint64_t z) noexcept {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t state_;
};

/// An independent stream for part `part` of a model generated from `seed`: the same part always draws
/// the same numbers, whatever else is generated.
[[nodiscard]] constexpr splitmix64 stream(std::uint64_t seed, std::uint64_t part) noexcept {
    return splitmix64{splitmix64::mix(seed ^ splitmix64::mix(part + 0x632BE59BD9B4E019ULL))};
}

} // namespace samverkan::synthetic

#endif // SAMVERKAN_SYNTHETIC_RANDOM_HPP
