// performer_table: every duty's performers (model-format.md: its R and A actors), read from the RACI lists
// once and shared by the rules that need them (assignment, mandate and coordination rules).
//
//     samverkan::performer_table const performers{m};
//     for (auto const& p : performers.of(d)) if (p.accountable) ...
//
// Cost: O(RACI entries + sum over duties of k log k) time for k performers of a duty, O(duties + performers)
// memory; of(d) is O(1). Precondition (checked by assert in debug builds): d belongs to the model the table
// was built from.
#ifndef SAMVERKAN_ANALYSIS_PERFORMERS_HPP
#define SAMVERKAN_ANALYSIS_PERFORMERS_HPP

#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

namespace samverkan {

/// A performer of a duty: an actor that is responsible (R) or accountable (A) for it, or both.
struct performer {
    actor_id actor;
    bool responsible = false;
    bool accountable = false;
};

/// Appends the performers of duty `d` to `out`: its R and A actors, each once, in increasing actor index.
/// O(k log k) for k RACI entries of d.
template <class Traits>
void append_performers(basic_model<Traits> const& m, duty_id d, std::vector<performer>& out) {
    auto const first = static_cast<std::ptrdiff_t>(out.size());
    for (assignment const& e : m.raci_of(d))
        if (e.role == raci::responsible || e.role == raci::accountable)
            out.push_back({e.actor, e.role == raci::responsible, e.role == raci::accountable});
    // an actor that is both R and A becomes one performer: sort by actor, merge neighbours
    auto const from = out.begin() + first;
    std::sort(from, out.end(), [](performer const& x, performer const& y) { return x.actor < y.actor; });
    auto last = from;
    for (auto it = from; it != out.end(); ++it) {
        if (it != from && last->actor == it->actor) {
            last->responsible = last->responsible || it->responsible;
            last->accountable = last->accountable || it->accountable;
        } else {
            if (it != from) ++last;
            *last = *it;
        }
    }
    if (from != out.end()) out.erase(last + 1, out.end());
}

class performer_table {
public:
    performer_table() = default;

    /// Reads the RACI lists of every duty of `m`.
    template <class Traits>
    explicit performer_table(basic_model<Traits> const& m) {
        auto const n_duties = static_cast<std::uint32_t>(m.template id_bound<duty_id>());
        begin_.reserve(n_duties + 1);
        begin_.push_back(0);
        for (std::uint32_t i = 0; i < n_duties; ++i) { // a removed duty has no RACI entries left
            append_performers(m, duty_id{i}, performers_);
            begin_.push_back(static_cast<std::uint32_t>(performers_.size()));
        }
    }

    /// The performers of duty `d`, each actor once, in increasing actor index. O(1) (plus one hash lookup
    /// once refresh() has been called).
    [[nodiscard]] std::span<performer const> of(duty_id d) const noexcept {
        if (!moved_.empty())
            if (auto it = moved_.find(d.index()); it != moved_.end())
                return std::span<performer const>{performers_}.subspan(it->second.first, it->second.second);
        assert(d.index() + 1 < begin_.size());
        return std::span<performer const>{performers_}.subspan(begin_[d.index()],
                                                               begin_[d.index() + 1] - begin_[d.index()]);
    }
    /// Reads the performers of duty `d` of `m` again, after an edit of its RACI list (or its addition or
    /// removal). O(k log k) for k RACI entries of d; the old entries stay unused in the table until it is
    /// built again, so a table refreshed e times holds O(e x k) more.
    template <class Traits>
    void refresh(basic_model<Traits> const& m, duty_id d) {
        auto const first = static_cast<std::uint32_t>(performers_.size());
        if (m.contains(d)) append_performers(m, d, performers_);
        moved_[d.index()] = {first, static_cast<std::uint32_t>(performers_.size()) - first};
    }

private:
    std::vector<std::uint32_t> begin_;
    std::vector<performer> performers_;
    std::unordered_map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> moved_; // refreshed: (begin, count)
};

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_PERFORMERS_HPP
