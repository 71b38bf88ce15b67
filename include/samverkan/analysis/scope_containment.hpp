// scope_containment: which scopes cover which (the scope forest of a model, "everywhere" included), and the
// chain of scopes that cover a given one, for the capability queries (derived_holdings.hpp) and the
// template functions.
//
//     samverkan::scope_containment const scopes{m};
//     scopes.covers(kommun, centrum);                       // centrum lies (transitively) within kommun
//     scopes.for_each_covering(centrum, [](std::optional<samverkan::scope_id> s) { return false; });
//
// Construction O(scopes) time and memory; covers/overlaps/encloses_or_is/parent O(1), for_each_covering
// O(depth). It copies what it needs from the model and does not follow later changes (the capability index
// builds it again after an edit of the scope forest). Queries are noexcept; a scope must belong to the model.
#ifndef SAMVERKAN_ANALYSIS_SCOPE_CONTAINMENT_HPP
#define SAMVERKAN_ANALYSIS_SCOPE_CONTAINMENT_HPP

#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>
#include <samverkan/model/scope_tree.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace samverkan {

class scope_containment {
public:
    scope_containment() = default;

    /// Reads the scope forest of `m`. O(scopes).
    template <class Traits>
    explicit scope_containment(basic_model<Traits> const& m) : tree_{m} {
        auto const n = static_cast<std::uint32_t>(m.template id_bound<scope_id>());
        parent_.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) { // a removed scope has no parent
            auto const p = m.parent(scope_id{i});
            parent_.push_back(p ? p->index() : none);
        }
    }

    /// Whether `outer` covers `inner` (nullopt = everywhere; everywhere covers every scope). O(1).
    [[nodiscard]] bool covers(std::optional<scope_id> outer, std::optional<scope_id> inner) const noexcept {
        return tree_.covers(outer, inner);
    }
    /// Whether either of the two covers the other. O(1).
    [[nodiscard]] bool overlaps(std::optional<scope_id> a, std::optional<scope_id> b) const noexcept {
        return tree_.overlaps(a, b);
    }
    /// Whether `outer` is `inner` or encloses it, transitively. O(1).
    [[nodiscard]] bool encloses_or_is(scope_id outer, scope_id inner) const noexcept {
        return tree_.encloses_or_is(outer, inner);
    }
    /// The scope that directly encloses `s`, if any. O(1).
    [[nodiscard]] std::optional<scope_id> parent(scope_id s) const noexcept {
        auto const p = parent_[s.index()];
        if (p == none) return std::nullopt;
        return scope_id{p};
    }
    /// Calls f(c) for every c that covers `s`: s itself, its enclosing scopes from the inside out, and
    /// finally nullopt (everywhere); stops as soon as f returns true and then returns true. O(depth) calls.
    template <class F>
    bool for_each_covering(std::optional<scope_id> s, F const& f) const {
        for (auto i = s ? s->index() : none; i != none; i = parent_[i])
            if (f(std::optional<scope_id>{scope_id{i}})) return true;
        return f(std::optional<scope_id>{});
    }
    /// The O(1) cover test on its own (Euler-tour intervals).
    [[nodiscard]] scope_tree const& tree() const noexcept { return tree_; }

private:
    static constexpr std::uint32_t none = 0xffffffffU;
    scope_tree tree_;
    std::vector<std::uint32_t> parent_;
};

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_SCOPE_CONTAINMENT_HPP
