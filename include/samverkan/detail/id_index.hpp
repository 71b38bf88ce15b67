// An open-addressing hash index from element id strings to dense indices. It stores only 32-bit slots and
// reads keys back from the element vector through a callback, so no id string is copied.
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
        for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
            std::uint32_t const slot = slots_[i];
            if (slot == 0) return std::nullopt;
            if (std::string_view{key_of(slot - 1)} == key) return slot - 1;
        }
    }

    /// Adds `index` (whose key must not be present yet). Strong guarantee: on bad_alloc nothing changes.
    template <class KeyOf>
    void insert(std::uint32_t index, KeyOf const& key_of) {
        if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2, key_of);
        place(slots_, index, key_of);
        ++size_;
    }

    /// Pre-sizes the table for `n` keys.
    template <class KeyOf>
    void reserve(std::size_t n, KeyOf const& key_of) {
        std::size_t want = 16;
        while (want < n * 2) want *= 2;
        if (want > slots_.size()) rehash(want, key_of);
    }

    void clear() noexcept {
        slots_.clear();
        size_ = 0;
    }

private:
    static std::size_t hash(std::string_view key) noexcept { return std::hash<std::string_view>{}(key); }

    template <class KeyOf>
    static void place(std::vector<std::uint32_t>& slots, std::uint32_t index, KeyOf const& key_of) noexcept {
        std::size_t const mask = slots.size() - 1;
        std::size_t i = hash(std::string_view{key_of(index)}) & mask;
        while (slots[i] != 0) i = (i + 1) & mask;
        slots[i] = index + 1;
    }

    template <class KeyOf>
    void rehash(std::size_t capacity, KeyOf const& key_of) {
        std::vector<std::uint32_t> fresh(capacity, 0);
        for (std::uint32_t slot : slots_)
            if (slot != 0) place(fresh, slot - 1, key_of);
        slots_.swap(fresh);
    }

    std::vector<std::uint32_t> slots_;
    std::size_t size_ = 0;
};

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_ID_INDEX_HPP
