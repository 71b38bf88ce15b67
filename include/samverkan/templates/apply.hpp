// apply: puts a template onto a place (templates.md section 3). The result is a new model of format
// samverkan/1.1: the place unchanged, plus the template's stages, mandates, duties and forums appended in
// template order (duties of an `each` role once per actor and part).
//
//     samverkan::capability_index cap{place};
//     auto scope = samverkan::templates::application_scope(place, opts);
//     auto b = samverkan::templates::bind(place, cap, t, opts, scope);
//     samverkan::model applied = samverkan::templates::apply(place, cap, t, b, opts, scope, t.id);
//
// plan_application() computes the additions without copying the place (fit uses it to see whether a
// candidate clashes, and to audit only what the template can change). Throws samverkan::error, naming the
// id and suggesting --as, when an added duty or forum id is already in the place or would be added twice;
// the place is never changed. Cost: O(template x bound actors x parts + place copy) for apply.
#ifndef SAMVERKAN_TEMPLATES_APPLY_HPP
#define SAMVERKAN_TEMPLATES_APPLY_HPP

#include <samverkan/analysis/capability.hpp>
#include <samverkan/error.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/template.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace samverkan::templates {

/// One duty instance to add: template duty `duty`, for `actor` of its `each` role (if any), at `scope`.
struct planned_duty {
    std::size_t duty = 0;
    std::string id;
    std::optional<actor_id> actor;
    std::optional<scope_id> scope;
};

/// The additions of one application, before any is made.
struct application_plan {
    std::vector<planned_duty> duties;                ///< in the order they are added
    std::vector<std::vector<std::size_t>> instances; ///< per template duty: positions in `duties`
    std::vector<std::string> forum_ids;              ///< per template forum
    std::optional<std::string> clash;                ///< the first error, if the application fails
};

namespace detail {

/// The parts of actor `a` for an `each` duty on role `r` (section 3), in scope-id order; nullopt entries
/// stand for the application scope itself when the actor has one part, the whole area.
template <class Traits>
std::vector<std::optional<scope_id>> parts_of(basic_model<Traits> const& place, capability_index const& cap,
                                              role const& r, binding_options const& o, actor_id a,
                                              std::optional<scope_id> scope) {
    std::vector<std::optional<scope_id>> whole{scope};
    if (r.holds.empty()) return whole;
    auto const mnd = place.template find<mandate_id>(mapped_mandate(o, r.holds.front()));
    if (!mnd) return whole;
    std::vector<scope_id> inside;
    for (effective_holding const& h : cap.holdings(a, *mnd)) {
        if (cap.scopes().covers(h.scope, scope)) return whole; // held over the whole area
        if (h.scope && cap.scopes().covers(scope, h.scope)) inside.push_back(*h.scope);
    }
    if (inside.empty()) return whole;
    std::sort(inside.begin(), inside.end());
    inside.erase(std::unique(inside.begin(), inside.end()), inside.end());
    std::vector<std::optional<scope_id>> parts;
    for (scope_id s : inside) {
        bool outermost = true;
        for (scope_id other : inside)
            if (other != s && cap.scopes().encloses_or_is(other, s)) outermost = false;
        if (outermost) parts.emplace_back(s);
    }
    std::sort(parts.begin(), parts.end(), [&](auto const& x, auto const& y) { return place[*x].id < place[*y].id; });
    return parts;
}

} // namespace detail

/// The duty and forum ids an application adds, and whether it clashes (section 3). `b` is bind()'s
/// result for `t`; `cap` the capability index of `place`.
template <class Traits>
[[nodiscard]] application_plan
plan_application(basic_model<Traits> const& place, capability_index const& cap, collaboration_template const& t,
                 binding const& b, binding_options const& o, std::optional<scope_id> scope, std::string_view prefix) {
    application_plan plan;
    plan.instances.resize(t.duties.size());
    std::unordered_set<std::string> added;
    auto const note = [&](std::string const& id, std::string_view kind, bool in_place) {
        if (plan.clash) return;
        if (in_place)
            plan.clash = "the place already has a " + std::string{kind} + " \"" + id + "\"; apply the template " +
                         "under another prefix with --as PREFIX";
        else if (!added.insert(id).second)
            plan.clash = "applying template \"" + t.id + "\" would add " + std::string{kind} + " \"" + id +
                         "\" twice (ids with \"@\" meet); use another prefix with --as PREFIX";
    };
    std::string const base = std::string{prefix} + ":";
    for (std::size_t i = 0; i < t.duties.size(); ++i) {
        template_duty const& d = t.duties[i];
        std::string const id = base + d.id;
        if (!d.each) {
            plan.instances[i].push_back(plan.duties.size());
            plan.duties.push_back({i, id, std::nullopt, scope});
            continue;
        }
        std::size_t const r = *t.find_role(*d.each);
        for (actor_id a : b.roles[r].actors) {
            auto const parts = detail::parts_of(place, cap, t.roles[r], o, a, scope);
            for (auto const& part : parts) {
                std::string instance = id + "@" + place[a].id;
                if (parts.size() > 1) instance += "@" + place[*part].id;
                plan.instances[i].push_back(plan.duties.size());
                plan.duties.push_back({i, std::move(instance), a, part});
            }
        }
    }
    for (auto const& d : plan.duties) note(d.id, "duty", place.template find<duty_id>(d.id).has_value());
    for (auto const& f : t.forums) {
        plan.forum_ids.push_back(base + f.id);
        note(plan.forum_ids.back(), "forum", place.template find<forum_id>(plan.forum_ids.back()).has_value());
    }
    return plan;
}

/// Adds the application to `m` (a copy of the place, or the place itself when the caller owns it).
/// `plan` must be plan_application()'s result without a clash. Raises the format version to 1.1.
template <class Traits>
void add_application(basic_model<Traits>& m, collaboration_template const& t, binding const& b,
                     binding_options const& o, std::optional<scope_id> scope, application_plan const& plan) {
    if (plan.clash) throw error{*plan.clash};
    m.set_format_version(format_version::v1_1);
    // stages: a (mapped) id the place has is that stage; others are added, then linked
    std::vector<stage_id> stage_of(t.stages.size());
    std::vector<bool> fresh(t.stages.size(), false);
    for (std::size_t i = 0; i < t.stages.size(); ++i) {
        std::string_view const id = mapped_stage(o, t.stages[i].id);
        if (auto s = m.template find<stage_id>(id)) stage_of[i] = *s;
        else {
            stage_of[i] = m.add_stage({.id = std::string{id}, .name = t.stages[i].name});
            fresh[i] = true;
        }
    }
    for (std::size_t i = 0; i < t.stages.size(); ++i)
        if (fresh[i])
            for (auto const& a : t.stages[i].after) m.order(stage_of[i], stage_of[*t.find_stage(a)]);
    // mandates: the place's definition stands; others added as the template defines them
    for (auto const& x : t.mandates)
        if (!m.template find<mandate_id>(mapped_mandate(o, x.id))) m.add_mandate(x);

    // duties
    std::vector<duty_id> ids(plan.duties.size());
    for (std::size_t k = 0; k < plan.duties.size(); ++k) {
        planned_duty const& p = plan.duties[k];
        template_duty const& d = t.duties[p.duty];
        placement where{.stage = std::nullopt, .scope = p.scope};
        if (d.stage) where.stage = stage_of[*t.find_stage(*d.stage)];
        ids[k] = m.add_duty({.id = p.id, .name = d.name, .basis = d.basis, .optional = d.optional}, where);
    }
    std::optional<std::size_t> each_role;
    for (std::size_t k = 0; k < plan.duties.size(); ++k) {
        planned_duty const& p = plan.duties[k];
        template_duty const& d = t.duties[p.duty];
        duty_id const id = ids[k];
        for (auto const& x : d.requires_) m.require(id, *m.template find<mandate_id>(mapped_mandate(o, x)));
        for (auto const& n : d.needs) {
            std::size_t const e = *t.find_duty(n);
            bool const same_role = d.each && t.duties[e].each && *d.each == *t.duties[e].each;
            for (std::size_t j : plan.instances[e])
                if (!same_role || plan.duties[j].actor == p.actor) m.need(id, ids[j]);
        }
        each_role = d.each ? t.find_role(*d.each) : std::nullopt;
        for (std::size_t letter = 0; letter < 4; ++letter)
            for (auto const& rid : d.raci[letter]) {
                std::size_t const r = *t.find_role(rid);
                if (each_role && r == *each_role) m.assign(*p.actor, id, static_cast<raci>(letter));
                else
                    for (actor_id a : b.roles[r].actors) m.assign(a, id, static_cast<raci>(letter));
            }
        m.realise(id, t.id + ":" + d.id);
    }
    // forums
    for (std::size_t i = 0; i < t.forums.size(); ++i) {
        template_forum const& f = t.forums[i];
        forum_id const id = m.add_forum({.id = plan.forum_ids[i], .name = f.name, .model = t.id}, {.scope = scope});
        std::vector<actor_id> members;
        for (auto const& rid : f.members)
            for (actor_id a : b.roles[*t.find_role(rid)].actors) members.push_back(a);
        sort_by_id(m, members);
        for (actor_id a : members) m.add_member(id, a);
        if (f.coordinator)
            if (auto const& c = b.roles[*t.find_role(*f.coordinator)].actors; !c.empty())
                m.set_coordinator(id, c.front());
        for (auto const& dk : f.covers)
            for (std::size_t j : plan.instances[*t.find_duty(dk)]) m.cover(id, ids[j]);
    }
}

/// The applied model: a copy of `place` with the application added (section 3). Throws samverkan::error
/// on an id clash (suggesting --as); `place` is unchanged either way.
template <class Traits>
[[nodiscard]] basic_model<Traits> apply(basic_model<Traits> const& place, capability_index const& cap,
                                        collaboration_template const& t, binding const& b, binding_options const& o,
                                        std::optional<scope_id> scope, std::string_view prefix) {
    application_plan const plan = plan_application(place, cap, t, b, o, scope, prefix);
    if (plan.clash) throw error{*plan.clash};
    basic_model<Traits> m = place;
    add_application(m, t, b, o, scope, plan);
    return m;
}

} // namespace samverkan::templates

#endif // SAMVERKAN_TEMPLATES_APPLY_HPP
