// tombstones: which dense indices of one kind have been removed. A bit per index, allocated on the first
// removal only, so a model that was never edited pays nothing (no memory, one null test per iteration).
#ifndef SAMVERKAN_DETAIL_TOMBSTONES_HPP
#define SAMVERKAN_DETAIL_TOMBSTONES_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

namespace samverkan::detail {

class tombstones {
public:
    /// Whether index `i` was removed. O(1).
    [[nodiscard]] bool dead(std::uint32_t i) const noexcept {
        return i / 64 < words_.size() && ((words_[i / 64] >> (i % 64)) & 1U) != 0;
    }
    /// Number of removed indices.
    [[nodiscard]] std::size_t count() const noexcept { return count_; }
    /// The bit words, or nullptr when nothing was removed (for iteration).
    [[nodiscard]] std::uint64_t const* words() const noexcept { return count_ == 0 ? nullptr : words_.data(); }
    [[nodiscard]] std::size_t word_count() const noexcept { return words_.size(); }

    /// Makes room for marking any index below `bound`; the only step that allocates (call it before
    /// changing anything, so that kill() cannot fail).
    void prepare(std::size_t bound) {
        if ((bound + 63) / 64 > words_.size()) words_.resize((bound + 63) / 64 + words_.size() / 2, 0);
    }
    /// Marks `i` removed. Precondition: prepare(i + 1) was called and `i` is not dead yet.
    void kill(std::uint32_t i) noexcept {
        words_[i / 64] |= std::uint64_t{1} << (i % 64);
        ++count_;
    }

private:
    std::vector<std::uint64_t> words_;
    std::size_t count_ = 0;
};

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_TOMBSTONES_HPP
