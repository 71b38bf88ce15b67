// scope_tree: O(1) scope cover and overlap queries after an O(scopes) preparation.
#ifndef SAMVERKAN_MODEL_SCOPE_TREE_HPP
#define SAMVERKAN_MODEL_SCOPE_TREE_HPP

#include <samverkan/model/basic_model.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace samverkan {

/// Scope cover as model-format.md defines it, with `std::nullopt` meaning *everywhere*: `a` covers `b` when
/// `a` is everywhere, or `b` is not everywhere and `a` is `b` or encloses it. Two scopes overlap when either
/// covers the other. Built from Euler-tour intervals of the scope forest.
///
///     samverkan::scope_tree tree{m};
///     tree.covers(kommun, centrum);       // true when centrum lies (transitively) within kommun
///     tree.covers(std::nullopt, centrum); // true: everywhere covers every scope
///
/// Construction O(scopes); queries O(1), noexcept. The tree does not follow later changes of the model.
class scope_tree {
public:
    scope_tree() = default;

    template <class Traits>
    explicit scope_tree(basic_model<Traits> const& m)
        : enter_(m.template id_bound<scope_id>()),
          leave_(m.template id_bound<scope_id>()),
          depth_(m.template id_bound<scope_id>()) {
        std::uint32_t clock = 0;
        std::vector<std::pair<scope_id, bool>> stack;
        for (scope_id root : m.scopes()) {
            if (m.parent(root)) continue;
            stack.emplace_back(root, false);
            while (!stack.empty()) {
                auto [s, done] = stack.back();
                stack.pop_back();
                if (done) {
                    leave_[s.index()] = clock++;
                    continue;
                }
                enter_[s.index()] = clock++;
                stack.emplace_back(s, true);
                for (scope_id c : m.children(s)) {
                    depth_[c.index()] = depth_[s.index()] + 1;
                    stack.emplace_back(c, false);
                }
            }
        }
    }

    /// Whether `outer` covers `inner` (nullopt = everywhere).
    [[nodiscard]] bool covers(std::optional<scope_id> outer, std::optional<scope_id> inner) const noexcept {
        if (!outer) return true;
        if (!inner) return false;
        return encloses_or_is(*outer, *inner);
    }
    /// Whether either of the two covers the other.
    [[nodiscard]] bool overlaps(std::optional<scope_id> a, std::optional<scope_id> b) const noexcept {
        return covers(a, b) || covers(b, a);
    }
    /// Whether `outer` is `inner` or encloses it, transitively.
    [[nodiscard]] bool encloses_or_is(scope_id outer, scope_id inner) const noexcept {
        return enter_[outer.index()] <= enter_[inner.index()] && leave_[inner.index()] <= leave_[outer.index()];
    }
    /// Number of enclosing scopes (0 for a root).
    [[nodiscard]] std::uint32_t depth(scope_id s) const noexcept { return depth_[s.index()]; }

private:
    std::vector<std::uint32_t> enter_, leave_, depth_;
};

} // namespace samverkan

#endif // SAMVERKAN_MODEL_SCOPE_TREE_HPP
