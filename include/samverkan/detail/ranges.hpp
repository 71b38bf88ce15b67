// Small forward ranges for the model's accessors. (std::views would do, but clang 14 cannot compile
// libstdc++ 12's <ranges> views, and samverkan supports that pair.)
#ifndef SAMVERKAN_DETAIL_RANGES_HPP
#define SAMVERKAN_DETAIL_RANGES_HPP

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <type_traits>
#include <utility>

namespace samverkan::detail {

/// The ids Id{first} ... Id{last - 1} that are not marked in `dead` (a bit per index; nullptr: none is).
/// Bidirectional; size() is the number of ids the range visits.
template <class Id>
class id_range {
public:
    class iterator {
    public:
        using value_type = Id;
        using difference_type = std::ptrdiff_t;
        using reference = Id;
        using iterator_category = std::bidirectional_iterator_tag;
        iterator() = default;
        iterator(std::uint32_t i, std::uint32_t last, std::uint64_t const* dead) noexcept
            : i_{i}, last_{last}, dead_{dead} {
            skip_forward();
        }
        Id operator*() const noexcept { return Id{i_}; }
        iterator& operator++() noexcept {
            ++i_;
            skip_forward();
            return *this;
        }
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        iterator& operator--() noexcept {
            --i_;
            while (dead_ != nullptr && is_dead(i_)) --i_;
            return *this;
        }
        iterator operator--(int) noexcept {
            iterator old = *this;
            --*this;
            return old;
        }
        friend bool operator==(iterator a, iterator b) noexcept { return a.i_ == b.i_; }

    private:
        [[nodiscard]] bool is_dead(std::uint32_t i) const noexcept { return ((dead_[i / 64] >> (i % 64)) & 1U) != 0; }
        void skip_forward() noexcept {
            if (dead_ != nullptr)
                while (i_ < last_ && is_dead(i_)) ++i_;
        }
        std::uint32_t i_ = 0;
        std::uint32_t last_ = 0;
        std::uint64_t const* dead_ = nullptr;
    };

    id_range() = default;
    /// `dead` must have a bit for every index below `last` (or be nullptr); `live` is the number of ids
    /// in [first, last) not marked.
    id_range(std::uint32_t first, std::uint32_t last, std::uint64_t const* dead = nullptr,
             std::size_t live = static_cast<std::size_t>(-1)) noexcept
        : first_{first}, last_{last}, dead_{dead}, live_{live == static_cast<std::size_t>(-1) ? last - first : live} {}
    [[nodiscard]] iterator begin() const noexcept { return iterator{first_, last_, dead_}; }
    [[nodiscard]] iterator end() const noexcept { return iterator{last_, last_, dead_}; }
    [[nodiscard]] std::size_t size() const noexcept { return live_; }
    [[nodiscard]] bool empty() const noexcept { return live_ == 0; }

private:
    std::uint32_t first_ = 0, last_ = 0;
    std::uint64_t const* dead_ = nullptr;
    std::size_t live_ = 0;
};

/// A pair of iterators as a range.
template <class It>
struct iter_pair {
    It first, last;
    [[nodiscard]] It begin() const noexcept { return first; }
    [[nodiscard]] It end() const noexcept { return last; }
};
template <class It>
iter_pair(It, It) -> iter_pair<It>;

/// A forward range that applies `Fn` to each element of `Base` and, when `Pred` is given, keeps only the
/// elements for which it holds (applied before Fn).
struct keep_all {
    template <class T>
    constexpr bool operator()(T const&) const noexcept {
        return true;
    }
};

template <class Base, class Fn, class Pred = keep_all>
class mapped_range {
    using base_iterator = decltype(std::declval<Base const&>().begin());

public:
    using value_type = std::remove_cvref_t<std::invoke_result_t<Fn const&, decltype(*std::declval<base_iterator>())>>;

    // The iterator carries copies of the function, the predicate and the end, so it stays valid after
    // the range object is gone.
    class iterator {
    public:
        using value_type = mapped_range::value_type;
        using difference_type = std::ptrdiff_t;
        using reference = value_type;
        using iterator_category = std::forward_iterator_tag;
        iterator() = default;
        iterator(base_iterator at, base_iterator end, Fn const& fn, Pred const& pred)
            : at_{at}, end_{end}, fn_{fn}, pred_{pred} {
            skip();
        }
        value_type operator*() const { return (*fn_)(*at_); }
        iterator& operator++() {
            ++at_;
            skip();
            return *this;
        }
        iterator operator++(int) {
            iterator old = *this;
            ++*this;
            return old;
        }
        friend bool operator==(iterator const& a, iterator const& b) noexcept { return a.at_ == b.at_; }

    private:
        void skip() {
            if constexpr (!std::is_same_v<Pred, keep_all>)
                while (at_ != end_ && !(*pred_)(*at_)) ++at_;
        }
        base_iterator at_{}, end_{};
        std::optional<Fn> fn_;
        std::optional<Pred> pred_;
    };

    mapped_range(Base base, Fn fn, Pred pred = {}) noexcept : base_{base}, fn_{fn}, pred_{pred} {}
    [[nodiscard]] iterator begin() const { return {base_.begin(), base_.end(), fn_, pred_}; }
    [[nodiscard]] iterator end() const { return {base_.end(), base_.end(), fn_, pred_}; }
    [[nodiscard]] bool empty() const noexcept { return begin() == end(); }

private:
    Base base_;
    Fn fn_;
    Pred pred_;
};

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_RANGES_HPP
