// An open-addressing hash index from element id strings to dense indices. It reads keys back from the
// element vector through a callback, so no id string is copied. A slot holds the index and a 32-bit tag
// (the upper half of the key's hash, which also gives the slot's position): a probe compares strings only
// when the tags agree, so a lookup that misses rarely touches the element vector, and growing the table
// needs no hashing.
#ifndef SAMVERKAN_DETAIL_ID_INDEX_HPP
#define SAMVERKAN_DETAIL_ID_INDEX_HPP

#include <samverkan/detail/bytes.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace samverkan::detail {

class id_index {
public:
    /// The index stored under `key`, if any. O(1) expected. `key_of(i)` returns the key of index i.
    template <class KeyOf>
    [[nodiscard]] std::optional<std::uint32_t> find(std::string_view key, KeyOf const& key_of) const noexcept {
        if (slots_.empty()) return std::nullopt;
        std::size_t const mask = slots_.size() - 1;
        std::uint32_t const t = tag(key);
        for (std::size_t i = t & mask;; i = (i + 1) & mask) {
            std::uint64_t const slot = slots_[i];
            if (slot == 0) return std::nullopt;
            if (tag_of(slot) == t && same(key_of(index_of(slot)), key)) return index_of(slot);
        }
    }

    /// n lookups at once: out[i] is the index stored under key_at(i), or 0xFFFFFFFF when there is none;
    /// the same results as n calls of find. The lookups are pipelined: a few keys ahead, each key's slot,
    /// then its element (`address_of(index)`) and then its key's text are prefetched, so on a table much
    /// larger than the cache one lookup's memory latency overlaps the work of the others. O(n) expected.
    template <class KeyAt, class KeyOf, class AddressOf>
    void find_many(std::size_t n, KeyAt const& key_at, std::uint32_t* out, KeyOf const& key_of,
                   AddressOf const& address_of) const noexcept {
        if (slots_.empty()) {
            for (std::size_t i = 0; i < n; ++i) out[i] = 0xFFFFFFFFU;
            return;
        }
        constexpr std::size_t ahead = 16, ring = 64; // stages at i + 2*ahead, i + ahead, i + ahead / 2, i
        std::uint32_t tags[ring];
        std::size_t const mask = slots_.size() - 1;
        auto candidate = [&](std::size_t i) -> std::uint64_t {
            std::uint32_t const t = tags[i % ring];
            std::uint64_t const slot = slots_[t & mask];
            return slot != 0 && tag_of(slot) == t ? slot : 0;
        };
        auto stage = [&](std::size_t i, int step) {
            if (i >= n) return;
            if (step == 0) {
                tags[i % ring] = tag(std::string_view{key_at(i)});
                prefetch(&slots_[tags[i % ring] & mask]);
            } else if (auto const slot = candidate(i); slot != 0) {
                if (step == 1) prefetch(address_of(index_of(slot)));
                else prefetch(std::string_view{key_of(index_of(slot))}.data());
            }
        };
        for (std::size_t i = 0; i < 2 * ahead; ++i) stage(i, 0);
        for (std::size_t i = 0; i < ahead; ++i) stage(i, 1);
        for (std::size_t i = 0; i < ahead / 2; ++i) stage(i, 2);
        for (std::size_t i = 0; i < n; ++i) {
            stage(i + 2 * ahead, 0);
            stage(i + ahead, 1);
            stage(i + ahead / 2, 2);
            std::string_view const key{key_at(i)};
            std::uint32_t const t = tags[i % ring];
            out[i] = 0xFFFFFFFFU;
            for (std::size_t j = t & mask;; j = (j + 1) & mask) {
                std::uint64_t const slot = slots_[j];
                if (slot == 0) break;
                if (tag_of(slot) == t && same(key_of(index_of(slot)), key)) {
                    out[i] = index_of(slot);
                    break;
                }
            }
        }
    }

    /// Adds `index` (whose key must not be present yet). Strong guarantee: on bad_alloc nothing changes.
    template <class KeyOf>
    void insert(std::uint32_t index, KeyOf const& key_of) {
        if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        place(slots_, make_slot(tag(std::string_view{key_of(index)}), index));
        ++size_;
    }

    /// Adds `index` unless its key is present already: then returns the index stored under it and changes
    /// nothing. One hash and one probe sequence for both the check and the insertion. Strong guarantee.
    template <class KeyOf>
    [[nodiscard]] std::optional<std::uint32_t> try_insert(std::uint32_t index, KeyOf const& key_of) {
        if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        std::string_view const key{key_of(index)};
        std::uint32_t const t = tag(key);
        std::size_t const mask = slots_.size() - 1;
        std::size_t i = t & mask;
        for (; slots_[i] != 0; i = (i + 1) & mask)
            if (tag_of(slots_[i]) == t && same(key_of(index_of(slots_[i])), key)) return index_of(slots_[i]);
        slots_[i] = make_slot(t, index);
        ++size_;
        return std::nullopt;
    }

    /// Removes `index`, stored under `key`. O(1) expected, noexcept (backward-shift deletion: the probe
    /// sequences stay unbroken, so no tombstone slots). Precondition: `index` is present under `key`.
    void erase(std::string_view key, std::uint32_t index) noexcept {
        std::size_t const mask = slots_.size() - 1;
        std::size_t i = tag(key) & mask;
        while (slots_[i] != 0 && !(index_of(slots_[i]) == index && tag_of(slots_[i]) == tag(key))) i = (i + 1) & mask;
        if (slots_[i] == 0) return;
        for (std::size_t j = (i + 1) & mask; slots_[j] != 0; j = (j + 1) & mask) {
            std::size_t const home = tag_of(slots_[j]) & mask;
            // slot j may move to the hole at i when its home is not in the cyclic range (i, j]
            bool const stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (stays) continue;
            slots_[i] = slots_[j];
            i = j;
        }
        slots_[i] = 0;
        --size_;
    }

    /// Pre-sizes the table for `n` keys.
    template <class KeyOf>
    void reserve(std::size_t n, KeyOf const& /*key_of*/) {
        std::size_t want = 16;
        while (want < n * 2) want *= 2;
        if (want > slots_.size()) rehash(want);
    }

private:
    static void prefetch([[maybe_unused]] void const* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
        __builtin_prefetch(p);
#endif
    }
    /// The tag of a key: its 32-bit hash (detail/bytes.hpp), which also gives its home slot.
    SAMVERKAN_DETAIL_HOT_INLINE static std::uint32_t tag(std::string_view key) noexcept { return hash_id(key); }
    SAMVERKAN_DETAIL_HOT_INLINE static bool same(std::string_view a, std::string_view b) noexcept {
        return same_bytes(a, b);
    }

    // slot: tag in the upper half, index + 1 in the lower half; 0 is an empty slot
    static std::uint64_t make_slot(std::uint32_t t, std::uint32_t index) noexcept {
        return (std::uint64_t{t} << 32) | (std::uint64_t{index} + 1);
    }
    static std::uint32_t tag_of(std::uint64_t slot) noexcept { return static_cast<std::uint32_t>(slot >> 32); }
    static std::uint32_t index_of(std::uint64_t slot) noexcept {
        return static_cast<std::uint32_t>(slot & 0xffffffffU) - 1;
    }

    static void place(std::vector<std::uint64_t>& slots, std::uint64_t slot) noexcept {
        std::size_t const mask = slots.size() - 1;
        std::size_t i = tag_of(slot) & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = slot;
    }

    void rehash(std::size_t capacity) {
        std::vector<std::uint64_t> fresh(capacity, 0);
        for (std::uint64_t slot : slots_)
            if (slot != 0) place(fresh, slot);
        slots_.swap(fresh);
    }

    std::vector<std::uint64_t> slots_;
    std::size_t size_ = 0;
};

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_ID_INDEX_HPP
