// Binding a template's roles to a place's actors, with mandate and stage mapping and the application
// scope (templates.md section 2, and the scope of section 3).
//
//     samverkan::capability_index cap{place};
//     samverkan::templates::binding_options opts;
//     opts.bindings.push_back({"polis", {"lpo"}});
//     auto scope = samverkan::templates::application_scope(place, opts);
//     auto b = samverkan::templates::bind(place, cap, t, opts, scope);
//     for (std::size_t i = 0; i < t.roles.size(); ++i) if (b.roles[i].actors.empty()) ...
//
// Misuse (an unknown role, actor, scope or mapped id; a repeated actor; a role bound twice; two actors for
// a role without `many`; a mandate or stage mapped twice or onto another id of the template; both a scope
// and everywhere) throws samverkan::error naming what is wrong. Costs: application_scope O(scopes);
// check_mapping O(template x mapping); bind O(roles x actors x (holds x (log + holdings of the actor)))
// plus sorting the bound actors by id.
#ifndef SAMVERKAN_TEMPLATES_BINDING_HPP
#define SAMVERKAN_TEMPLATES_BINDING_HPP

#include <samverkan/analysis/capability.hpp>
#include <samverkan/error.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/templates/template.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samverkan::templates {

/// `--bind ROLE=ACTOR[,ACTOR...]`: the role and its actors (none: the role stays unbound, reason explicit).
struct explicit_binding {
    std::string role;
    std::vector<std::string> actors;
};

/// `--mandate T=P` or `--stage T=P`: the template's id and the place's.
struct id_mapping {
    std::string template_id;
    std::string place_id;
};

/// What the caller decides about binding and applying (section 2 and 3).
struct binding_options {
    std::vector<explicit_binding> bindings{};
    std::vector<id_mapping> mandates{};
    std::vector<id_mapping> stages{};
    std::optional<std::string> scope{}; ///< `--scope S`
    bool everywhere = false;            ///< `--everywhere`
};

/// Why a role is unbound, or `bound`.
enum class unbound_reason : std::uint8_t { bound, no_candidate, ambiguous, explicit_only, explicit_none };

/// The reason as the fit report spells it: "no-candidate", "ambiguous", "explicit-only", "explicit" ("bound"
/// for a bound role).
[[nodiscard]] constexpr std::string_view to_string(unbound_reason r) noexcept {
    switch (r) {
    case unbound_reason::bound: return "bound";
    case unbound_reason::no_candidate: return "no-candidate";
    case unbound_reason::ambiguous: return "ambiguous";
    case unbound_reason::explicit_only: return "explicit-only";
    case unbound_reason::explicit_none: return "explicit";
    }
    return "bound";
}

/// The actors of one role (in id order) and, when none, why; `candidates` (id order) when ambiguous.
struct role_binding {
    std::vector<actor_id> actors{};
    unbound_reason reason = unbound_reason::bound;
    std::vector<actor_id> candidates{};
};

/// A binding: one entry per role of the template, in role order.
struct binding {
    std::vector<role_binding> roles{};

    /// The number of roles that are not optional and are unbound.
    [[nodiscard]] std::size_t unbound_required(collaboration_template const& t) const noexcept {
        std::size_t n = 0;
        for (std::size_t i = 0; i < roles.size() && i < t.roles.size(); ++i)
            if (roles[i].actors.empty() && !t.roles[i].optional) ++n;
        return n;
    }
};

/// The application scope: `--scope`, or everywhere with `--everywhere`, or by default the place's only
/// root scope when it has exactly one and everywhere otherwise. nullopt means everywhere. Throws
/// samverkan::error for an unknown scope or for both options.
template <class Traits>
[[nodiscard]] std::optional<scope_id> application_scope(basic_model<Traits> const& place, binding_options const& o) {
    if (o.scope && o.everywhere) throw error{"--scope and --everywhere exclude each other; give one of them"};
    if (o.everywhere) return std::nullopt;
    if (o.scope) {
        if (auto s = place.template find<scope_id>(*o.scope)) return s;
        throw error{"unknown scope \"" + *o.scope + "\": the place has no scope with that id"};
    }
    std::optional<scope_id> root;
    std::size_t roots = 0;
    for (scope_id s : place.scopes())
        if (!place.parent(s)) {
            ++roots;
            root = s;
        }
    return roots == 1 ? root : std::nullopt;
}

/// The place's id for the template's mandate id `id` (mapped, or itself).
[[nodiscard]] inline std::string_view mapped_mandate(binding_options const& o, std::string_view id) noexcept {
    for (auto const& m : o.mandates)
        if (m.template_id == id) return m.place_id;
    return id;
}
/// The place's id for the template's stage id `id` (mapped, or itself).
[[nodiscard]] inline std::string_view mapped_stage(binding_options const& o, std::string_view id) noexcept {
    for (auto const& m : o.stages)
        if (m.template_id == id) return m.place_id;
    return id;
}

/// Whether the template names mandate id `id` (in `mandates` or a role's `holds`).
[[nodiscard]] inline bool names_mandate(collaboration_template const& t, std::string_view id) noexcept {
    if (t.find_mandate(id)) return true;
    for (auto const& r : t.roles)
        if (std::find(r.holds.begin(), r.holds.end(), id) != r.holds.end()) return true;
    return false;
}

/// The options restricted to what template `t` has (its roles, mandate ids and stages): `fit` gives one
/// set of options to every candidate, and each applies to the candidates that have the id.
[[nodiscard]] inline binding_options restricted_to(collaboration_template const& t, binding_options const& o) {
    binding_options out = o;
    std::erase_if(out.bindings, [&](explicit_binding const& b) { return !t.find_role(b.role); });
    std::erase_if(out.mandates, [&](id_mapping const& m) { return !names_mandate(t, m.template_id); });
    std::erase_if(out.stages, [&](id_mapping const& m) { return !t.find_stage(m.template_id); });
    return out;
}

/// Checks the mappings and explicit bindings of `o` against `t` and `place` (section 2). Throws
/// samverkan::error on the first misuse.
template <class Traits>
void check_options(basic_model<Traits> const& place, collaboration_template const& t, binding_options const& o) {
    auto const q = [](std::string_view s) { return "\"" + std::string{s} + "\""; };
    for (std::size_t i = 0; i < o.mandates.size(); ++i) {
        auto const& m = o.mandates[i];
        if (!names_mandate(t, m.template_id))
            throw error{"--mandate " + m.template_id + "=" + m.place_id + ": template " + q(t.id) +
                        " names no mandate " + q(m.template_id) + " (in its mandates or a role's holds)"};
        if (!place.template find<mandate_id>(m.place_id))
            throw error{"--mandate " + m.template_id + "=" + m.place_id + ": the place has no mandate " +
                        q(m.place_id)};
        for (std::size_t j = 0; j < i; ++j)
            if (o.mandates[j].template_id == m.template_id)
                throw error{"--mandate: " + q(m.template_id) + " is mapped twice"};
        if (m.place_id != m.template_id && names_mandate(t, m.place_id))
            throw error{"--mandate " + m.template_id + "=" + m.place_id + ": " + q(m.place_id) +
                        " is another mandate of template " + q(t.id) + "; two template mandates cannot become one"};
    }
    for (std::size_t i = 0; i < o.stages.size(); ++i) {
        auto const& m = o.stages[i];
        if (!t.find_stage(m.template_id))
            throw error{"--stage " + m.template_id + "=" + m.place_id + ": template " + q(t.id) + " has no stage " +
                        q(m.template_id)};
        if (!place.template find<stage_id>(m.place_id))
            throw error{"--stage " + m.template_id + "=" + m.place_id + ": the place has no stage " + q(m.place_id)};
        for (std::size_t j = 0; j < i; ++j)
            if (o.stages[j].template_id == m.template_id)
                throw error{"--stage: " + q(m.template_id) + " is mapped twice"};
        if (m.place_id != m.template_id && t.find_stage(m.place_id))
            throw error{"--stage " + m.template_id + "=" + m.place_id + ": " + q(m.place_id) +
                        " is another stage of template " + q(t.id)};
    }
    for (std::size_t i = 0; i < o.bindings.size(); ++i) {
        auto const& b = o.bindings[i];
        auto const r = t.find_role(b.role);
        if (!r) {
            std::string roles;
            for (auto const& x : t.roles) roles += (roles.empty() ? "" : ", ") + x.id;
            throw error{"--bind " + b.role + "=...: template " + q(t.id) + " has no role " + q(b.role) +
                        " (its roles: " + (roles.empty() ? "none" : roles) + ")"};
        }
        for (std::size_t j = 0; j < i; ++j)
            if (o.bindings[j].role == b.role) throw error{"--bind: role " + q(b.role) + " is bound twice"};
        for (std::size_t k = 0; k < b.actors.size(); ++k) {
            if (!place.template find<actor_id>(b.actors[k]))
                throw error{"--bind " + b.role + "=...: the place has no actor " + q(b.actors[k])};
            for (std::size_t j = 0; j < k; ++j)
                if (b.actors[j] == b.actors[k])
                    throw error{"--bind " + b.role + "=...: actor " + q(b.actors[k]) + " is listed twice"};
        }
        if (b.actors.size() > 1 && !t.roles[*r].many)
            throw error{"--bind " + b.role + "=...: role " + q(b.role) + " of template " + q(t.id) +
                        " takes one actor (it is not a \"many\" role)"};
    }
}

/// Sorts actors by id text (code point order) and removes repeats.
template <class Traits>
void sort_by_id(basic_model<Traits> const& m, std::vector<actor_id>& actors) {
    std::sort(actors.begin(), actors.end(), [&](actor_id a, actor_id b) { return m[a].id < m[b].id; });
    actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
}

/// Whether actor `a` holds place mandate `mnd` where a role needs it (section 2): a holding (direct or
/// through valid delegations, any stages) whose scope covers `scope` (`overlap` false) or overlaps it.
inline bool holds_for(capability_index const& cap, actor_id a, mandate_id mnd, std::optional<scope_id> scope,
                      bool overlap) noexcept {
    for (effective_holding const& h : cap.holdings(a, mnd)) {
        if (cap.scopes().covers(h.scope, scope)) return true;
        if (overlap && cap.scopes().covers(scope, h.scope)) return true;
    }
    return false;
}

/// Binds every role of `t` (section 2). `o` must have passed check_options for `t` (bindings that name
/// other roles are ignored). `cap` must be the capability index of `place`.
template <class Traits>
[[nodiscard]] binding bind(basic_model<Traits> const& place, capability_index const& cap,
                           collaboration_template const& t, binding_options const& o, std::optional<scope_id> scope) {
    binding b;
    b.roles.resize(t.roles.size());
    for (std::size_t i = 0; i < t.roles.size(); ++i) {
        role const& r = t.roles[i];
        role_binding& out = b.roles[i];
        auto const expl = std::find_if(o.bindings.begin(), o.bindings.end(),
                                       [&](explicit_binding const& e) { return e.role == r.id; });
        if (expl != o.bindings.end()) {
            for (auto const& a : expl->actors)
                if (auto id = place.template find<actor_id>(a)) out.actors.push_back(*id);
            sort_by_id(place, out.actors);
            if (out.actors.empty()) out.reason = unbound_reason::explicit_none;
            continue;
        }
        if (r.category.empty() && r.holds.empty()) {
            out.reason = unbound_reason::explicit_only;
            continue;
        }
        std::vector<mandate_id> needed;
        bool possible = true;
        for (auto const& h : r.holds) {
            if (auto m = place.template find<mandate_id>(mapped_mandate(o, h))) needed.push_back(*m);
            else possible = false;
        }
        std::vector<actor_id> candidates;
        if (possible)
            for (actor_id a : place.actors()) {
                if (!r.category.empty() && std::find(r.category.begin(), r.category.end(),
                                                     std::string_view{place[a].category}) == r.category.end())
                    continue;
                bool ok = true;
                for (mandate_id m : needed)
                    if (!holds_for(cap, a, m, scope, r.many)) {
                        ok = false;
                        break;
                    }
                if (ok) candidates.push_back(a);
            }
        sort_by_id(place, candidates);
        if (candidates.empty()) out.reason = unbound_reason::no_candidate;
        else if (r.many || candidates.size() == 1) out.actors = std::move(candidates);
        else {
            out.reason = unbound_reason::ambiguous;
            out.candidates = std::move(candidates);
        }
    }
    return b;
}

} // namespace samverkan::templates

#endif // SAMVERKAN_TEMPLATES_BINDING_HPP
