// duty_placements: the stage and scope of every duty, copied from a model so that the capability queries
// for a duty (capability.hpp) read them in O(1).
//
//     samverkan::duty_placements const where{m};
//     samverkan::placement p = where.of(lagesbild);     // {stage, scope}, each optional
//
// Construction O(duties) time and memory; of() O(1), noexcept; refresh() O(1) amortised. It does not follow
// changes of the model by itself: after an edit that places, adds or removes a duty, refresh(m, d) copies
// that duty's placement again (the incremental audit does this).
#ifndef SAMVERKAN_ANALYSIS_DUTY_PLACEMENTS_HPP
#define SAMVERKAN_ANALYSIS_DUTY_PLACEMENTS_HPP

#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>

#include <cassert>
#include <cstdint>
#include <optional>
#include <vector>

namespace samverkan {

class duty_placements {
public:
    duty_placements() = default;

    /// Copies the placement of every duty of `m` (a removed duty has neither stage nor scope). O(duties).
    template <class Traits>
    explicit duty_placements(basic_model<Traits> const& m) {
        auto const n = static_cast<std::uint32_t>(m.template id_bound<duty_id>());
        stage_.reserve(n);
        scope_.reserve(n);
        for (std::uint32_t i = 0; i < n; ++i) {
            stage_.push_back(raw(m.stage_of(duty_id{i})));
            scope_.push_back(raw(m.scope_of(duty_id{i})));
        }
    }

    /// The stage and scope of duty `d` as last copied. O(1). Precondition: d was in the model then.
    [[nodiscard]] placement of(duty_id d) const noexcept {
        assert(d.index() < stage_.size());
        return {unraw<stage_id>(stage_[d.index()]), unraw<scope_id>(scope_[d.index()])};
    }

    /// Copies the placement of duty `d` of `m` again (d may have been added since). O(1) amortised.
    template <class Traits>
    void refresh(basic_model<Traits> const& m, duty_id d) {
        if (d.index() >= stage_.size()) {
            stage_.resize(d.index() + 1, none);
            scope_.resize(d.index() + 1, none);
        }
        bool const live = m.contains(d);
        stage_[d.index()] = live ? raw(m.stage_of(d)) : none;
        scope_[d.index()] = live ? raw(m.scope_of(d)) : none;
    }

private:
    static constexpr std::uint32_t none = 0xffffffffU;
    template <class Id>
    static std::uint32_t raw(std::optional<Id> v) noexcept {
        return v ? v->index() : none;
    }
    template <class Id>
    static std::optional<Id> unraw(std::uint32_t v) noexcept {
        if (v == none) return std::nullopt;
        return Id{v};
    }
    std::vector<std::uint32_t> stage_, scope_;
};

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_DUTY_PLACEMENTS_HPP
