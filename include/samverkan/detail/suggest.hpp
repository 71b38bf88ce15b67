// "Did you mean ...?": the nearest known id, key, option or command to a misspelt one (internal; used by the
// readers and the command-line tool).
//
// Runs only when an error is reported, so it may scan every candidate: O(candidates x |a| x |b|).
#ifndef SAMVERKAN_DETAIL_SUGGEST_HPP
#define SAMVERKAN_DETAIL_SUGGEST_HPP

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan::detail {

[[nodiscard]] constexpr char ascii_lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

[[nodiscard]] inline bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

/// Whether `needle` occurs in `haystack`, ignoring ASCII case.
[[nodiscard]] inline bool icontains_ascii(std::string_view haystack, std::string_view needle) noexcept {
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i)
        if (iequals_ascii(haystack.substr(i, needle.size()), needle)) return true;
    return false;
}

/// Optimal string alignment distance (Levenshtein plus transposition of neighbours) over bytes, ASCII
/// case ignored. O(|a| x |b|) time, O(|b|) memory.
[[nodiscard]] inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t const cost = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && ascii_lower(a[i - 1]) == ascii_lower(b[j - 2]) &&
                ascii_lower(a[i - 2]) == ascii_lower(b[j - 1]))
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

/// Picks the best suggestion for `wanted` among candidates offered one by one, in priority order:
///   1. the same text up to ASCII case;
///   2. a small edit distance (at most a third of the shorter text, at least 1; ties: the first offered);
///   3. for keys: a shared prefix of at least 4 characters ("holdings" -> "holds");
///   4. for ids: the candidate's name contains `wanted` ("polis" -> "lpo", named "Lokalpolisområdet").
class suggester {
public:
    explicit suggester(std::string_view wanted) : wanted_{wanted} {}

    /// Offers a candidate text and, for ids, the element's name.
    void offer(std::string_view candidate, std::string_view name = {}) {
        if (candidate == wanted_) return; // not a correction
        std::size_t score = std::numeric_limits<std::size_t>::max();
        if (iequals_ascii(candidate, wanted_)) {
            score = 0;
        } else if (score_ > 1) {
            std::size_t const shorter = std::min(candidate.size(), wanted_.size());
            std::size_t const limit = std::max<std::size_t>(1, shorter / 3);
            // Cheap bound first: the distance is at least the difference in length.
            std::size_t const gap = candidate.size() > wanted_.size() ? candidate.size() - wanted_.size()
                                                                      : wanted_.size() - candidate.size();
            if (gap <= limit) {
                std::size_t const d = edit_distance(wanted_, candidate);
                // A correction keeps something: "X" is not a misspelt "R".
                if (d <= limit && d < std::max(candidate.size(), wanted_.size())) score = d;
            }
            if (score == std::numeric_limits<std::size_t>::max()) {
                if (common_prefix(candidate) >= 4 && 2 * common_prefix(candidate) >= candidate.size()) score = far;
                else if (wanted_.size() >= 3 && icontains_ascii(name, wanted_)) score = far + 1;
            }
        }
        if (score < score_) {
            score_ = score;
            best_ = std::string{candidate};
        }
    }

    [[nodiscard]] bool found() const noexcept { return score_ != std::numeric_limits<std::size_t>::max(); }
    [[nodiscard]] std::string const& best() const noexcept { return best_; }

    /// "; did you mean \"x\"?" or nothing.
    [[nodiscard]] std::string hint() const {
        if (!found()) return {};
        return "; did you mean \"" + best_ + "\"?";
    }

private:
    static constexpr std::size_t far = std::numeric_limits<std::size_t>::max() / 2;
    std::size_t common_prefix(std::string_view candidate) const noexcept {
        std::size_t n = 0;
        while (n < candidate.size() && n < wanted_.size() && ascii_lower(candidate[n]) == ascii_lower(wanted_[n])) ++n;
        return n;
    }

    std::string_view wanted_;
    std::size_t score_ = std::numeric_limits<std::size_t>::max();
    std::string best_;
};

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_SUGGEST_HPP
