// fit: which established model suits this place (templates.md section 5).
//
//     std::vector<samverkan::templates::collaboration_template> candidates = ...;   // kind model
//     auto result = samverkan::templates::fit(place, candidates, opts);
//     for (auto const& c : result.ranked) std::cout << c.rank << ' ' << c.tmpl->id << '\n';
//
// For each candidate: bind and apply (prefix = its id), audit the applied model with the default options
// and compare with the place's own audit by (rule, subjects): introduced = in the applied model's audit
// only, resolved = in the place's only; a finding in both whose witness changed is neither. Candidates the
// place already follows (a forum with `model` = the template id, or a duty realising one of its duties)
// and those whose application would clash with the place's ids are skipped. Ranking: fewer unbound
// required roles; fewer introduced errors; fewer introduced warnings; more resolved findings; fewer
// introduced infos; template id by code point.
//
// The findings of a candidate refer to the place's elements by their ids in the place, and to the added
// elements by indices past the place's counts; `added_ids` names those (id_text resolves either).
//
// Throws samverkan::error on misuse (section 2 for any candidate that has the role, mandate or stage; an
// explicit binding or mapping that no candidate has; a candidate of kind profile; two candidates with one
// id). Cost: one capability index and one audit of the place, then per candidate a bind, an application
// and an audit of the applied model.
#ifndef SAMVERKAN_TEMPLATES_FIT_HPP
#define SAMVERKAN_TEMPLATES_FIT_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/error.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/templates/apply.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/template.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan::templates {

/// The result for one candidate template.
struct fit_candidate {
    collaboration_template const* tmpl = nullptr;
    std::size_t rank = 0; ///< 1, 2, ...; 0 for a skipped candidate
    bool skipped = false; ///< already applied (or its application would clash)
    binding roles{};
    std::size_t unbound_required = 0;
    summary introduced_count{};
    summary resolved_count{};
    std::vector<finding> introduced{}; ///< report order
    std::vector<finding> resolved{};   ///< report order
    /// Id texts of the elements the application added, per element_kind (index past the place's count).
    std::array<std::vector<std::string>, 6> added_ids{};
};

/// The whole fit: the place's own audit summary and the candidates, ranked ones first, then the skipped
/// ones in template-id order.
struct fit_result {
    std::optional<std::string> place_name;
    std::optional<scope_id> scope;
    summary baseline{};
    std::vector<fit_candidate> candidates;
};

/// The id text of `ref` in the place or among the candidate's additions.
template <class Traits>
[[nodiscard]] std::string_view id_text(basic_model<Traits> const& place, fit_candidate const& c,
                                       element_ref const& ref) noexcept {
    return std::visit(
        [&](auto id) -> std::string_view {
            using Id = decltype(id);
            std::size_t const n = place.template count<Id>();
            if (id.index() < n) return place[id].id;
            auto const& added = c.added_ids[static_cast<std::size_t>(kind_of<Id>)];
            std::size_t const k = id.index() - n;
            return k < added.size() ? std::string_view{added[k]} : std::string_view{};
        },
        ref);
}

namespace detail {

/// A key for (rule, subjects) that compares elements by kind and index: the applied model keeps the
/// place's indices, so the same element of the place has the same key in both audits.
inline std::string finding_key(finding const& f) {
    std::string k = f.rule;
    auto const put = [&k](element_ref const& r) {
        k += static_cast<char>('0' + r.index());
        auto const i = std::visit([](auto id) { return id.index(); }, r);
        k.append(reinterpret_cast<char const*>(&i), sizeof i);
    };
    for (auto const& fld : f.subjects) {
        k += '\x1f';
        k += fld.key;
        k += '\x1e';
        if (auto const* e = std::get_if<element_ref>(&fld.value)) put(*e);
        else if (auto const* s = std::get_if<std::string>(&fld.value)) k += *s;
        else if (auto const* l = std::get_if<ref_list>(&fld.value)) {
            for (auto const& x : *l) {
                if (x) put(*x);
                else k += '~';
            }
        } else if (auto const* t = std::get_if<text_list>(&fld.value)) {
            for (auto const& x : *t) k += x + '\x1d';
        } else
            for (auto const& [ref, text] : std::get<ref_map>(fld.value)) {
                put(ref);
                k += text + '\x1d';
            }
    }
    return k;
}

inline void count(summary& s, severity v) noexcept {
    switch (v) {
    case severity::error: ++s.error; break;
    case severity::warning: ++s.warning; break;
    case severity::info: ++s.info; break;
    }
}

template <class Traits>
bool already_follows(basic_model<Traits> const& place, collaboration_template const& t) {
    for (forum_id f : place.forums())
        if (place[f].model == t.id) return true;
    std::string const prefix = t.id + ":";
    for (duty_id d : place.duties())
        for (std::string const& key : place.realises(d))
            if (key.starts_with(prefix) && t.find_duty(std::string_view{key}.substr(prefix.size()))) return true;
    return false;
}

} // namespace detail

/// Checks the options that fit gives every candidate (section 5, step 1); throws samverkan::error.
template <class Traits>
void check_fit_options(basic_model<Traits> const& place, std::vector<collaboration_template const*> const& candidates,
                       binding_options const& o) {
    std::unordered_set<std::string_view> ids;
    for (auto const* t : candidates) {
        if (t->kind != template_kind::model)
            throw error{"template \"" + t->id + "\" is a profile; fit ranks templates of kind model"};
        if (!ids.insert(t->id).second) throw error{"two of the templates given have the id \"" + t->id + "\""};
        check_options(place, *t, restricted_to(*t, o));
    }
    auto const some = [&](auto const& pred) {
        return std::any_of(candidates.begin(), candidates.end(), [&](auto const* t) { return pred(*t); });
    };
    for (auto const& b : o.bindings)
        if (!some([&](collaboration_template const& t) { return t.find_role(b.role).has_value(); }))
            throw error{"--bind " + b.role + "=...: no candidate template has a role \"" + b.role + "\""};
    for (auto const& m : o.mandates)
        if (!some([&](collaboration_template const& t) { return names_mandate(t, m.template_id); }))
            throw error{"--mandate " + m.template_id + "=" + m.place_id + ": no candidate template names mandate \"" +
                        m.template_id + "\""};
    for (auto const& m : o.stages)
        if (!some([&](collaboration_template const& t) { return t.find_stage(m.template_id).has_value(); }))
            throw error{"--stage " + m.template_id + "=" + m.place_id + ": no candidate template has stage \"" +
                        m.template_id + "\""};
    (void)application_scope(place, o); // an unknown scope, or both options
}

/// Ranks `candidates` for `place` (see the top of this header).
template <class Traits>
[[nodiscard]] fit_result fit(basic_model<Traits> const& place, std::vector<collaboration_template const*> const& candidates,
                             binding_options const& o) {
    check_fit_options(place, candidates, o);
    fit_result result;
    if (place.has_name()) result.place_name = place.name();
    result.scope = application_scope(place, o);
    capability_index const cap{place};
    report const base = samverkan::audit(place);
    result.baseline = base.summary();
    std::unordered_map<std::string, std::size_t> base_keys;
    base_keys.reserve(base.findings.size());
    for (std::size_t i = 0; i < base.findings.size(); ++i) base_keys.emplace(detail::finding_key(base.findings[i]), i);

    std::vector<fit_candidate> ranked, skipped;
    for (auto const* t : candidates) {
        fit_candidate c;
        c.tmpl = t;
        binding_options const mine = restricted_to(*t, o);
        c.roles = bind(place, cap, *t, mine, result.scope);
        c.unbound_required = c.roles.unbound_required(*t);
        application_plan const plan = plan_application(place, cap, *t, c.roles, mine, result.scope, t->id);
        if (plan.clash || detail::already_follows(place, *t)) {
            c.skipped = true;
            skipped.push_back(std::move(c));
            continue;
        }
        basic_model<Traits> applied = place;
        add_application(applied, *t, c.roles, mine, result.scope, plan);
        auto const collect = [&]<class Id>(Id) {
            auto& out = c.added_ids[static_cast<std::size_t>(kind_of<Id>)];
            for (std::size_t i = place.template count<Id>(); i < applied.template count<Id>(); ++i)
                out.push_back(applied[Id{static_cast<std::uint32_t>(i)}].id);
        };
        collect(stage_id{});
        collect(scope_id{});
        collect(actor_id{});
        collect(mandate_id{});
        collect(duty_id{});
        collect(forum_id{});
        report after = samverkan::audit(applied);
        std::vector<bool> still(base.findings.size(), false);
        for (auto& f : after.findings) {
            auto const it = base_keys.find(detail::finding_key(f));
            if (it != base_keys.end()) {
                still[it->second] = true;
                continue;
            }
            detail::count(c.introduced_count, f.severity);
            c.introduced.push_back(std::move(f));
        }
        for (std::size_t i = 0; i < base.findings.size(); ++i)
            if (!still[i]) {
                detail::count(c.resolved_count, base.findings[i].severity);
                c.resolved.push_back(base.findings[i]);
            }
        ranked.push_back(std::move(c));
    }
    std::sort(ranked.begin(), ranked.end(), [](fit_candidate const& a, fit_candidate const& b) {
        auto const key = [](fit_candidate const& c) {
            return std::tuple{c.unbound_required, c.introduced_count.error, c.introduced_count.warning,
                              ~c.resolved_count.total(), c.introduced_count.info};
        };
        if (key(a) != key(b)) return key(a) < key(b);
        return a.tmpl->id < b.tmpl->id;
    });
    std::sort(skipped.begin(), skipped.end(),
              [](fit_candidate const& a, fit_candidate const& b) { return a.tmpl->id < b.tmpl->id; });
    for (std::size_t i = 0; i < ranked.size(); ++i) ranked[i].rank = i + 1;
    result.candidates = std::move(ranked);
    for (auto& c : skipped) result.candidates.push_back(std::move(c));
    return result;
}

} // namespace samverkan::templates

#endif // SAMVERKAN_TEMPLATES_FIT_HPP
