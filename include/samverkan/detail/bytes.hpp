// bytes: equality and hashing of short strings (ids, JSON keys) without a call: the sizes, then 8 bytes a
// step with the last step overlapping. For the id index and the model reader's lookups and key matching,
// where a call of memcmp per comparison cost about a tenth of the time and std::hash (out of line) a third
// of the lookups. Internal.
#ifndef SAMVERKAN_DETAIL_BYTES_HPP
#define SAMVERKAN_DETAIL_BYTES_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

// For the few functions of the readers' inner loops that the compilers would otherwise call out of line.
#if defined(__GNUC__) || defined(__clang__)
#define SAMVERKAN_DETAIL_HOT_INLINE [[gnu::always_inline]] inline
#else
#define SAMVERKAN_DETAIL_HOT_INLINE inline
#endif

namespace samverkan::detail {

/// The 8 bytes at p as a word (any alignment).
[[nodiscard]] SAMVERKAN_DETAIL_HOT_INLINE std::uint64_t load8(char const* p) noexcept {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

/// The n < 8 bytes at p as one word: for one n, equal words iff equal bytes.
[[nodiscard]] SAMVERKAN_DETAIL_HOT_INLINE std::uint64_t short_word(char const* p, std::size_t n) noexcept {
    if (n >= 4) {
        std::uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        return (std::uint64_t{hi} << 32) | lo;
    }
    if (n == 0) return 0;
    auto const byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])}; };
    return byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
}

/// Whether a and b hold the same bytes. O(size).
[[nodiscard]] SAMVERKAN_DETAIL_HOT_INLINE bool same_bytes(std::string_view a, std::string_view b) noexcept {
    std::size_t const n = a.size();
    if (n != b.size()) return false;
    char const* p = a.data();
    char const* q = b.data();
    if (n < 8) return short_word(p, n) == short_word(q, n);
    for (std::size_t i = 0; i + 8 < n; i += 8)
        if (load8(p + i) != load8(q + i)) return false;
    return load8(p + n - 8) == load8(q + n - 8);
}

/// A 32-bit hash of an id: one multiply and a shift per 8 bytes (the last 8 overlapping, so no loop over
/// single bytes), then the finaliser of SplitMix64 once, so that every bit depends on every input bit.
/// The id index's tags; the model reader's filter of a batch's ids. O(size).
[[nodiscard]] SAMVERKAN_DETAIL_HOT_INLINE std::uint32_t hash_id(std::string_view key) noexcept {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
    std::size_t const n = key.size();
    char const* p = key.data();
    std::uint64_t h = (n + 1) * k;
    auto step = [&](std::uint64_t w) {
        h = (h ^ w) * k;
        h ^= h >> 32;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) step(load8(p + i));
        step(load8(p + n - 8));
    } else {
        step(short_word(p, n));
    }
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    h ^= h >> 31;
    return static_cast<std::uint32_t>(h >> 32) ^ static_cast<std::uint32_t>(h);
}

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_BYTES_HPP
