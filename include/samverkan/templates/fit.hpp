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
#include <samverkan/analysis/message.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/error.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/copy_slots.hpp>
#include <samverkan/templates/apply.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/template.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
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
    std::vector<finding> introduced{}; ///< report order; each with its message (freeze_messages)
    std::vector<finding> resolved{};   ///< report order; each with its message
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

/// How fit finds a candidate's introduced and resolved findings. Both give the same result (the property
/// tests hold them to it): `full` audits a copy of the place with the application (the definition);
/// `incremental` audits only a small model of what the application can change (below).
enum class fit_method : std::uint8_t { incremental, full };

/// The id text of `ref` in the place or among the candidate's additions.
template <class Traits>
[[nodiscard]] std::string_view id_text(basic_model<Traits> const& place, fit_candidate const& c,
                                       element_ref const& ref) noexcept {
    return std::visit(
        [&](auto id) -> std::string_view {
            using Id = decltype(id);
            std::size_t const n = place.template id_bound<Id>();
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
    std::string k{f.rule.text()};
    auto const put = [&k](element_ref const& r) {
        k += static_cast<char>('0' + r.index());
        auto const i = std::visit([](auto id) { return id.index(); }, r);
        k.append(reinterpret_cast<char const*>(&i), sizeof i);
    };
    for (auto const& fld : f.subjects) {
        k += '\x1f';
        k += fld.key.text();
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

/// What the place already follows: its forums' models and the template duties its duties realise.
struct followed {
    std::unordered_set<std::string_view> models, realised;

    template <class Traits>
    explicit followed(basic_model<Traits> const& place) {
        for (forum_id f : place.forums()) models.insert(place[f].model);
        for (duty_id d : place.duties())
            for (std::string const& key : place.realises(d)) realised.insert(key);
    }
    /// Whether the place follows `t`: a forum with `model` = its id, or a duty realising one of its duties.
    [[nodiscard]] bool follows(collaboration_template const& t) const {
        if (models.count(t.id)) return true;
        if (realised.empty()) return false;
        for (auto const& d : t.duties)
            if (realised.count(t.id + ":" + d.id)) return true;
        return false;
    }
};

/// The ids of the elements an application adds, per kind, in the order add_application adds them.
template <class Traits>
void added_ids(basic_model<Traits> const& place, collaboration_template const& t, binding_options const& o,
               application_plan const& plan, std::array<std::vector<std::string>, 6>& out) {
    for (auto const& s : t.stages) {
        std::string_view const id = mapped_stage(o, s.id);
        bool const known = place.template find<stage_id>(id).has_value() ||
                           std::find(out[0].begin(), out[0].end(), id) != out[0].end();
        if (!known) out[static_cast<std::size_t>(element_kind::stage)].emplace_back(id);
    }
    for (auto const& x : t.mandates)
        if (!place.template find<mandate_id>(mapped_mandate(o, x.id)))
            out[static_cast<std::size_t>(element_kind::mandate)].push_back(x.id);
    for (auto const& d : plan.duties) out[static_cast<std::size_t>(element_kind::duty)].push_back(d.id);
    for (auto const& f : plan.forum_ids) out[static_cast<std::size_t>(element_kind::forum)].push_back(f);
}

/// The incremental audit of one application (templates.md 5, step 2), exact by construction:
///
/// An application adds stages (linked only from the new ones), mandates (held by nobody), duties (needing
/// only added duties) and forums; it never adds a holding or a delegation. So a finding of the applied
/// model differs from the place's only when
///   - a subject is an added element (every rule about a duty, forum, mandate or stage), or
///   - it is a coordination-gap between two actors that both take part in the application (the set S:
///     actors with a RACI entry on an added duty, members and coordinators of added forums), or
///   - it is idle-actor for an actor of S (none is idle afterwards), or unused-mandate for a mandate an
///     added duty requires (M) or an added mandate.
/// Every other finding of the place stands unchanged. Those that may change are computed on a reduced
/// model R: every stage, scope and mandate of the place (same indices, so the application's own stages and
/// mandates get the indices they get in the applied model); the actors of S and every actor that holds or
/// delegates a mandate of M, with all holdings and delegations of M (so capability for M, its reasons and
/// capable lists are those of the place); the duties of S through which two actors of S can share work
/// (both on the duty, or on two duties linked by needs) and the forums of S, with the RACI entries and
/// memberships of S only, and the needs links between those duties (exactly what the coordination-gap
/// findings and witnesses of pairs within S read); then the application itself. R's findings about the
/// elements above are exactly the applied model's; the rest of R's findings are ignored.
///
/// Cost per candidate: O(|R| log |R|), independent of the size of the place beyond its stages, scopes,
/// mandates and delegations (copied) and the holdings of M.
struct delta {
    std::vector<finding> introduced, resolved;
};

template <class Traits>
class incremental_audit {
public:
    incremental_audit(basic_model<Traits> const& place, report const& base) : place_{place}, base_{base} {}

    delta run(collaboration_template const& t, binding const& b, binding_options const& o,
              std::optional<scope_id> scope, application_plan const& plan) const {
        basic_model<Traits> const& p = place_;
        // S and M
        std::vector<char> in_s(p.template id_bound<actor_id>(), 0);
        std::vector<actor_id> s_actors;
        auto const note = [&](actor_id a) {
            if (!in_s[a.index()]) {
                in_s[a.index()] = 1;
                s_actors.push_back(a);
            }
        };
        for (auto const& pd : plan.duties) {
            template_duty const& d = t.duties[pd.duty];
            auto const each = d.each ? t.find_role(*d.each) : std::nullopt;
            for (auto const& list : d.raci)
                for (auto const& rid : list) {
                    std::size_t const r = *t.find_role(rid);
                    if (each && r == *each) note(*pd.actor);
                    else
                        for (actor_id a : b.roles[r].actors) note(a);
                }
        }
        for (auto const& f : t.forums) {
            for (auto const& rid : f.members)
                for (actor_id a : b.roles[*t.find_role(rid)].actors) note(a);
            if (f.coordinator)
                for (actor_id a : b.roles[*t.find_role(*f.coordinator)].actors) note(a);
        }
        std::vector<char> in_m(p.template id_bound<mandate_id>(), 0);
        for (auto const& pd : plan.duties) // the duties actually added (an each duty may have no instance)
            for (auto const& x : t.duties[pd.duty].requires_)
                if (auto m = p.template find<mandate_id>(mapped_mandate(o, x))) in_m[m->index()] = 1;

        // R: stages, scopes and mandates as in the place, with the place's ids (removed ones copied as removed)
        basic_model<Traits> r;
        samverkan::detail::copy_slots<stage_id>(p, r, [&r](auto v, stage_id) { return r.add_stage(std::move(v)); });
        for (stage_id x : p.stages())
            for (stage_id e : p.earlier_stages(x)) r.order(x, e);
        samverkan::detail::copy_slots<scope_id>(p, r, [&r](auto v, scope_id) { return r.add_scope(std::move(v)); });
        for (scope_id x : p.scopes())
            if (auto q = p.parent(x)) r.nest(x, *q);
        samverkan::detail::copy_slots<mandate_id>(p, r,
                                                  [&r](auto v, mandate_id) { return r.add_mandate(std::move(v)); });
        // actors: S, and everyone holding or delegating a mandate of M
        std::vector<std::uint32_t> to_r(p.template id_bound<actor_id>(), npos);
        std::vector<actor_id> from_r;
        auto const actor = [&](actor_id a) {
            if (to_r[a.index()] == npos) {
                to_r[a.index()] = static_cast<std::uint32_t>(from_r.size());
                from_r.push_back(a);
                r.add_actor(p[a]);
            }
            return actor_id{to_r[a.index()]};
        };
        for (actor_id a : s_actors) actor(a);
        auto const reach_of = [](reach_view const& w) {
            return samverkan::reach{w.scope, std::vector<stage_id>(w.stages.begin(), w.stages.end())};
        };
        for (mandate_id m : p.mandates())
            if (in_m[m.index()])
                for (holding_id h : p.holdings_of(m)) {
                    auto const v = p.holding(h);
                    r.grant(actor(v.actor), m, reach_of(v.where));
                }
        for (delegation_id d : p.delegations()) {
            auto const v = p.delegation(d);
            if (in_m[v.mandate.index()]) r.delegate(actor(v.from), actor(v.to), v.mandate, reach_of(v.where));
        }
        // the duties of S through which two actors of S can share work (both on the duty, or on two duties
        // linked by needs), with S's entries only; a duty with a single actor of S and no such link cannot
        // take part in a coordination gap within S
        std::vector<std::uint32_t> first_s(p.template id_bound<duty_id>(), npos);
        std::vector<char> shared(p.template id_bound<duty_id>(), 0), keep(p.template id_bound<duty_id>(), 0);
        std::vector<duty_id> touched;
        for (actor_id a : s_actors)
            for (assignment const& e : p.raci_of(a)) {
                auto& first = first_s[e.duty.index()];
                if (first == npos) {
                    first = a.index();
                    touched.push_back(e.duty);
                } else if (first != a.index()) shared[e.duty.index()] = keep[e.duty.index()] = 1;
            }
        for (duty_id d : touched)
            for (duty_id e : p.needs(d))
                if (first_s[e.index()] != npos &&
                    (first_s[e.index()] != first_s[d.index()] || shared[d.index()] || shared[e.index()]))
                    keep[d.index()] = keep[e.index()] = 1;
        std::vector<std::uint32_t> duty_to_r(p.template id_bound<duty_id>(), npos);
        std::vector<duty_id> duty_from_r;
        for (actor_id a : s_actors)
            for (assignment const& e : p.raci_of(a)) {
                if (!keep[e.duty.index()]) continue;
                if (duty_to_r[e.duty.index()] == npos) {
                    duty_to_r[e.duty.index()] = static_cast<std::uint32_t>(duty_from_r.size());
                    duty_from_r.push_back(e.duty);
                    auto copy = p[e.duty];
                    copy.optional = true; // its assignment findings are ignored anyway
                    r.add_duty(std::move(copy));
                }
                r.assign(actor_id{to_r[a.index()]}, duty_id{duty_to_r[e.duty.index()]}, e.role);
            }
        for (duty_id d : duty_from_r)
            for (duty_id e : p.needs(d))
                if (duty_to_r[e.index()] != npos) r.need(duty_id{duty_to_r[d.index()]}, duty_id{duty_to_r[e.index()]});
        std::vector<std::uint32_t> forum_to_r(p.template id_bound<forum_id>(), npos);
        std::vector<forum_id> forum_from_r;
        for (actor_id a : s_actors)
            for (forum_id f : p.forums_of(a)) {
                if (forum_to_r[f.index()] == npos) {
                    forum_to_r[f.index()] = static_cast<std::uint32_t>(forum_from_r.size());
                    forum_from_r.push_back(f);
                    r.add_forum(p[f]);
                }
                r.add_member(forum_id{forum_to_r[f.index()]}, actor_id{to_r[a.index()]});
            }
        for (forum_id f : p.forums())
            if (auto c = p.coordinator(f); c && in_s[c->index()]) {
                if (forum_to_r[f.index()] == npos) {
                    forum_to_r[f.index()] = static_cast<std::uint32_t>(forum_from_r.size());
                    forum_from_r.push_back(f);
                    r.add_forum(p[f]);
                }
                r.set_coordinator(forum_id{forum_to_r[f.index()]}, actor_id{to_r[c->index()]});
            }
        std::size_t const r_place_duties = r.template id_bound<duty_id>(),
                          r_place_forums = r.template id_bound<forum_id>();

        // the application, in R's actor indices
        binding rb = b;
        for (auto& role_b : rb.roles)
            for (auto& a : role_b.actors) a = actor_id{to_r[a.index()]};
        application_plan rplan = plan;
        for (auto& pd : rplan.duties)
            if (pd.actor) pd.actor = actor_id{to_r[pd.actor->index()]};
        add_application(r, t, rb, o, scope, rplan);

        // R's findings about what the application can change, in the applied model's indices
        report const after = samverkan::audit(r);
        std::size_t const place_mandates = p.template id_bound<mandate_id>();
        auto const to_applied = [&](element_ref const& e) -> element_ref {
            return std::visit(
                [&](auto id) -> element_ref {
                    using Id = decltype(id);
                    if constexpr (std::same_as<Id, actor_id>) return from_r[id.index()];
                    else if constexpr (std::same_as<Id, duty_id>) {
                        if (id.index() < r_place_duties) return duty_from_r[id.index()];
                        return duty_id{
                            static_cast<std::uint32_t>(p.template id_bound<duty_id>() + id.index() - r_place_duties)};
                    } else if constexpr (std::same_as<Id, forum_id>) {
                        if (id.index() < r_place_forums) return forum_from_r[id.index()];
                        return forum_id{
                            static_cast<std::uint32_t>(p.template id_bound<forum_id>() + id.index() - r_place_forums)};
                    } else return id; // stages, scopes, mandates: the place's indices, then the added ones
                },
                e);
        };
        auto const is_added_in_r = [&](element_ref const& e) {
            return std::visit(
                [&](auto id) {
                    using Id = decltype(id);
                    if constexpr (std::same_as<Id, actor_id>) return false;
                    else if constexpr (std::same_as<Id, duty_id>) return id.index() >= r_place_duties;
                    else if constexpr (std::same_as<Id, forum_id>) return id.index() >= r_place_forums;
                    else return id.index() >= p.template id_bound<Id>();
                },
                e);
        };
        auto const visit_refs = [](finding const& f, auto const& fn) {
            for (auto const& fld : f.subjects) {
                if (auto const* e = std::get_if<element_ref>(&fld.value)) fn(*e);
                else if (auto const* l = std::get_if<ref_list>(&fld.value)) {
                    for (auto const& x : *l)
                        if (x) fn(*x);
                } else if (auto const* mp = std::get_if<ref_map>(&fld.value))
                    for (auto const& kv : *mp) fn(kv.first);
            }
        };
        // which findings may change: `in_r` says whether the refs are R's (else the place's)
        auto const affected = [&](finding const& f, bool in_r) {
            if (f.rule == rule_id::exclusive_overlap || f.rule == rule_id::invalid_delegation ||
                f.rule == rule_id::delegation_cycle)
                return false;
            if (f.rule == rule_id::coordination_gap || f.rule == rule_id::idle_actor) {
                bool all = true;
                visit_refs(f, [&](element_ref const& e) {
                    if (auto const* a = std::get_if<actor_id>(&e))
                        all = all && in_s[in_r ? from_r[a->index()].index() : a->index()];
                });
                return all;
            }
            if (f.rule == rule_id::unused_mandate) {
                bool hit = false;
                visit_refs(f, [&](element_ref const& e) {
                    if (auto const* m = std::get_if<mandate_id>(&e))
                        hit = m->index() >= place_mandates || in_m[m->index()];
                });
                return hit;
            }
            if (!in_r) return false;
            bool added = false;
            visit_refs(f, [&](element_ref const& e) { added = added || is_added_in_r(e); });
            return added;
        };
        auto const remap = [&](finding f) {
            auto const fix_fields = [&](std::vector<field>& fields) {
                for (auto& fld : fields) {
                    if (auto* e = std::get_if<element_ref>(&fld.value)) *e = to_applied(*e);
                    else if (auto* l = std::get_if<ref_list>(&fld.value)) {
                        for (auto& x : *l)
                            if (x) x = to_applied(*x);
                    } else if (auto* mp = std::get_if<ref_map>(&fld.value))
                        for (auto& kv : *mp) kv.first = to_applied(kv.first);
                }
            };
            fix_fields(f.subjects);
            fix_fields(f.witness);
            return f;
        };

        std::unordered_map<std::string, std::size_t> before; // affected findings of the place, by key
        std::vector<char> kept(base_.findings.size(), 1);
        for (std::size_t i = 0; i < base_.findings.size(); ++i)
            if (affected(base_.findings[i], false)) {
                before.emplace(finding_key(base_.findings[i]), i);
                kept[i] = 0;
            }
        delta out;
        for (auto const& f : after.findings) {
            if (!affected(f, true)) continue;
            finding g = remap(f);
            auto const it = before.find(finding_key(g));
            if (it != before.end()) {
                kept[it->second] = 1;
                continue;
            }
            if (g.message.empty()) g.message = message(r, f); // its text in R, which the place cannot give
            g.delegation.reset();
            out.introduced.push_back(std::move(g));
        }
        // resolved in the place's report order; introduced in R's, which is the applied model's (same id texts)
        for (std::size_t i = 0; i < base_.findings.size(); ++i)
            if (!kept[i]) out.resolved.push_back(base_.findings[i]);
        return out;
    }

private:
    static constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();
    basic_model<Traits> const& place_;
    report const& base_;
};

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
[[nodiscard]] fit_result fit(basic_model<Traits> const& place,
                             std::vector<collaboration_template const*> const& candidates, binding_options const& o,
                             fit_method method = fit_method::incremental) {
    check_fit_options(place, candidates, o);
    fit_result result;
    if (place.has_name()) result.place_name = place.name();
    result.scope = application_scope(place, o);
    capability_index const cap{place};
    report const base = samverkan::audit(place);
    result.baseline = base.summary();
    detail::incremental_audit<Traits> const incremental{place, base};
    detail::followed const follows{place};
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
        if (plan.clash || follows.follows(*t)) {
            c.skipped = true;
            skipped.push_back(std::move(c));
            continue;
        }
        detail::added_ids(place, *t, mine, plan, c.added_ids);
        if (method == fit_method::incremental) {
            auto d = incremental.run(*t, c.roles, mine, result.scope, plan);
            for (auto const& f : d.introduced) detail::count(c.introduced_count, f.severity);
            for (auto const& f : d.resolved) detail::count(c.resolved_count, f.severity);
            c.introduced = std::move(d.introduced);
            c.resolved = std::move(d.resolved);
            freeze_messages(place, c.resolved);
            ranked.push_back(std::move(c));
            continue;
        }
        basic_model<Traits> applied = place;
        add_application(applied, *t, c.roles, mine, result.scope, plan);
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
        freeze_messages(applied, c.introduced);
        freeze_messages(place, c.resolved);
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
