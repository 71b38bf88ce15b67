// An open-addressing hash index from element id strings to dense indices. It reads keys back from the
// element vector through a callback, so no id string is copied. A slot holds the index and a 32-bit tag
// (the upper half of the key's hash, which also gives the slot's position): a probe compares strings only
// when the tags agree, so a lookup that misses rarely touches the element vector, and growing the table
// needs no hashing.
#ifndef SAMVERKAN_DETAIL_ID_INDEX_HPP
#define SAMVERKAN_DETAIL_ID_INDEX_HPP

#include <cstddef>
#include <cstdint>
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
            if (tag_of(slot) == t && std::string_view{key_of(index_of(slot))} == key) return index_of(slot);
        }
    }

    /// Adds `index` (whose key must not be present yet). Strong guarantee: on bad_alloc nothing changes.
    template <class KeyOf>
    void insert(std::uint32_t index, KeyOf const& key_of) {
        if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        place(slots_, make_slot(tag(std::string_view{key_of(index)}), index));
        ++size_;
    }

    /// Pre-sizes the table for `n` keys.
    template <class KeyOf>
    void reserve(std::size_t n, KeyOf const& /*key_of*/) {
        std::size_t want = 16;
        while (want < n * 2) want *= 2;
        if (want > slots_.size()) rehash(want);
    }

private:
    static std::uint32_t tag(std::string_view key) noexcept {
        auto const h = static_cast<std::uint64_t>(std::hash<std::string_view>{}(key));
        return static_cast<std::uint32_t>(h >> 32) ^ static_cast<std::uint32_t>(h); // 32-bit size_t too
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
