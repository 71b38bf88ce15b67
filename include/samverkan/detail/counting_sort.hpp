// counting_sort: the one construction of the compressed-sparse-row lists the analyses build (per actor, per
// node, per mandate...): offsets begin[k] .. begin[k + 1] into a payload grouped by key, in O(n + keys)
// time, keeping the input order within a key (stable), so every list comes out in a deterministic order.
#ifndef SAMVERKAN_DETAIL_COUNTING_SORT_HPP
#define SAMVERKAN_DETAIL_COUNTING_SORT_HPP

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace samverkan::detail {

/// The indices 0 .. n-1 as a range (for counting_sort over positions), without <ranges>.
class indices {
public:
    class iterator {
    public:
        using value_type = std::uint32_t;
        using difference_type = std::ptrdiff_t;
        iterator() = default;
        explicit iterator(std::uint32_t at) noexcept : at_{at} {}
        std::uint32_t operator*() const noexcept { return at_; }
        iterator& operator++() noexcept {
            ++at_;
            return *this;
        }
        friend bool operator==(iterator a, iterator b) noexcept { return a.at_ == b.at_; }

    private:
        std::uint32_t at_ = 0;
    };
    explicit indices(std::size_t n) noexcept : n_{static_cast<std::uint32_t>(n)} {}
    [[nodiscard]] iterator begin() const noexcept { return iterator{0}; }
    [[nodiscard]] iterator end() const noexcept { return iterator{n_}; }

private:
    std::uint32_t n_;
};

/// The offsets of a grouping by key: `keys + 1` entries, begin[k] .. begin[k + 1] the positions of key k in
/// a list of `items` grouped by key (as counting_sort makes it, or one already grouped). key_of(item) must
/// be below `keys`. O(n + keys); throws std::bad_alloc only.
template <class Range, class KeyOf>
[[nodiscard]] std::vector<std::uint32_t> group_offsets(std::size_t keys, Range const& items, KeyOf const& key_of) {
    std::vector<std::uint32_t> begin(keys + 1, 0);
    for (auto const& item : items) {
        auto const k = static_cast<std::size_t>(key_of(item));
        assert(k < keys);
        ++begin[k + 1];
    }
    for (std::size_t k = 0; k < keys; ++k) begin[k + 1] += begin[k];
    return begin;
}

/// Counting sort of `items` (a range that can be iterated twice) by key: `begin` gets the offsets (as
/// group_offsets) and `out` the value_of(item) of every item grouped by key, in input order within a key.
/// value_of is called once per item, in input order. O(n + keys); throws std::bad_alloc only.
template <class Range, class KeyOf, class ValueOf, class Value>
void counting_sort(std::size_t keys, Range const& items, KeyOf const& key_of, ValueOf const& value_of,
                   std::vector<std::uint32_t>& begin, std::vector<Value>& out) {
    begin = group_offsets(keys, items, key_of);
    out.clear();
    out.resize(begin[keys]);
    std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
    for (auto const& item : items) out[fill[static_cast<std::size_t>(key_of(item))]++] = value_of(item);
}

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_COUNTING_SORT_HPP
