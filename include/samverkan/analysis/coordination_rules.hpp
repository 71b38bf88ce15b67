// The coordination rules (rules.md): who works together without meeting, and forums without a lead.
//
//   coordination-gap             warning  pair of different actors that share work and share no forum
//                                         subjects: actors (the pair)   witness: duties
//   coordinator-without-mandate  warning  forum whose covered duties require at least one mandate, and whose
//                                         coordinator is capable of none of them (judged per covered duty)
//                                         subjects: forum, actor        witness: mandates
//   forum-without-coordinator    info     forum with no coordinator     subjects: forum
//
// Sharing work: both are performers (R or A) of one duty, or one performs a duty that needs a duty the
// other performs; `duties` lists every duty through which they share work (for a needs link both the
// needing and the needed duty). Sharing a forum: both are members or coordinator of one forum.
// Complexity: coordination-gap O(P x c + G log G): P = sum over duties of performers^2 plus sum over needs
// links of performers(d) x performers(e) candidate (pair, duty) triples, each checked for a shared forum in
// c = O(min(f_a, f_b) log max(f_a, f_b)) on per-actor forum lists built once in O(actors + members +
// forums) (a counting sort); the performers come from the capability index, which reads the RACI lists once
// per audit; only the G triples of pairs without a forum are kept and sorted. coordinator-without-mandate:
// O(covers x requirements) capability queries. forum-without-coordinator: O(forums).
#ifndef SAMVERKAN_ANALYSIS_COORDINATION_RULES_HPP
#define SAMVERKAN_ANALYSIS_COORDINATION_RULES_HPP

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/detail/counting_sort.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace samverkan {

namespace detail {

/// The coordination-gap finding of actors `a` and `b` (any order), who share work on `duties` (any order,
/// no repeats) and meet in no forum. `duties` is sorted in place.
template <class Traits>
[[nodiscard]] finding coordination_gap_finding(basic_model<Traits> const& m, audit_options const& opts, actor_id a,
                                               actor_id b, std::vector<duty_id>& duties) {
    sort_by_id_text(m, duties);
    std::vector<actor_id> pair{a, b};
    sort_by_id_text(m, pair);
    return make_finding(rule_id::coordination_gap, opts, {{key_id::actors, sorted_refs(m, pair)}},
                        {{key_id::duties, sorted_refs(m, duties)}});
}

template <class Traits>
void coordination_gap_rule(basic_model<Traits> const& m, performer_table const& performer_of, audit_options const& opts,
                           std::vector<finding>& out) {
    // the forums of each actor (member or coordinator), sorted: a counting sort by actor, forums in
    // increasing order within each actor because the forums are visited in order
    std::vector<std::pair<std::uint32_t, std::uint32_t>> memberships; // (actor, forum), forums in order
    for (forum_id f : m.forums()) {
        auto const c = m.coordinator(f);
        bool listed = false; // a coordinator also listed as a member is entered once
        for (actor_id a : m.members(f)) {
            memberships.emplace_back(a.index(), f.index());
            listed = listed || a == c;
        }
        if (c && !listed) memberships.emplace_back(c->index(), f.index());
    }
    std::vector<std::uint32_t> forum_begin, forum_of;
    detail::counting_sort(
        m.template id_bound<actor_id>(), memberships, [](auto const& p) { return p.first; },
        [](auto const& p) { return p.second; }, forum_begin, forum_of);
    auto const forums = [&](std::uint32_t a) {
        return std::span<std::uint32_t const>{forum_of}.subspan(forum_begin[a], forum_begin[a + 1] - forum_begin[a]);
    };
    auto const share_forum = [&](std::uint32_t a, std::uint32_t b) {
        auto fa = forums(a), fb = forums(b);
        if (fb.size() < fa.size()) std::swap(fa, fb);
        for (auto f : fa)
            if (std::binary_search(fb.begin(), fb.end(), f)) return true;
        return false;
    };

    // (first actor, second actor, duty) with first < second by index, for pairs that share no forum
    std::vector<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> shared;
    auto const add = [&](actor_id a, actor_id b, duty_id d, std::optional<duty_id> e = std::nullopt) {
        if (a == b) return; // never a gap with oneself
        if (b < a) std::swap(a, b);
        if (share_forum(a.index(), b.index())) return;
        shared.emplace_back(a.index(), b.index(), d.index());
        if (e) shared.emplace_back(a.index(), b.index(), e->index());
    };
    for (duty_id d : m.duties()) {
        auto const p = performer_of.of(d);
        for (std::size_t i = 0; i < p.size(); ++i)
            for (std::size_t j = i + 1; j < p.size(); ++j) add(p[i].actor, p[j].actor, d);
        for (duty_id e : m.needs(d))
            for (auto const& a : p)
                for (auto const& b : performer_of.of(e))
                    add(a.actor, b.actor, d, e); // through a needs link: both duties
    }
    if (shared.empty()) return;
    std::sort(shared.begin(), shared.end());
    shared.erase(std::unique(shared.begin(), shared.end()), shared.end());

    std::vector<duty_id> duties;
    for (std::size_t i = 0; i < shared.size();) {
        auto const a = std::get<0>(shared[i]);
        auto const b = std::get<1>(shared[i]);
        auto j = i;
        while (j < shared.size() && std::get<0>(shared[j]) == a && std::get<1>(shared[j]) == b) ++j;
        duties.clear();
        for (auto k = i; k < j; ++k) duties.emplace_back(std::get<2>(shared[k]));
        out.push_back(coordination_gap_finding(m, opts, actor_id{a}, actor_id{b}, duties));
        i = j;
    }
}

/// The coordinator-without-mandate and forum-without-coordinator findings of forum `f` (`mandates` is
/// scratch space). Used by the audit for every forum and by the incremental audit for the forums an edit
/// touches.
template <class Traits>
void forum_rules_of(basic_model<Traits> const& m, capability_index const& cap, audit_options const& opts, forum_id f,
                    std::vector<mandate_id>& mandates, std::vector<finding>& out) {
    bool const without_mandate = opts.enabled(rule_id::coordinator_without_mandate);
    bool const without_coordinator = opts.enabled(rule_id::forum_without_coordinator);
    {
        auto const c = m.coordinator(f);
        if (!c) {
            if (without_coordinator)
                out.push_back(make_finding(rule_id::forum_without_coordinator, opts, {{key_id::forum, f}}));
            return;
        }
        if (!without_mandate) return;
        mandates.clear();
        bool cleared = false;
        for (duty_id d : m.covered(f))
            for (mandate_id x : m.required_mandates(d)) {
                mandates.push_back(x);
                if (!cleared && cap.capable(*c, x, placement{m.stage_of(d), m.scope_of(d)})) cleared = true;
            }
        if (cleared || mandates.empty()) return;
        std::sort(mandates.begin(), mandates.end());
        mandates.erase(std::unique(mandates.begin(), mandates.end()), mandates.end());
        sort_by_id_text(m, mandates);
        out.push_back(make_finding(rule_id::coordinator_without_mandate, opts,
                                   {{key_id::forum, f}, {key_id::actor, *c}},
                                   {{key_id::mandates, sorted_refs(m, mandates)}}));
    }
}

template <class Traits>
void coordination_rules(basic_model<Traits> const& m, capability_index const& cap, audit_options const& opts,
                        std::vector<finding>& out) {
    if (opts.enabled(rule_id::coordination_gap)) coordination_gap_rule(m, cap.all_performers(), opts, out);
    if (!opts.enabled(rule_id::coordinator_without_mandate) && !opts.enabled(rule_id::forum_without_coordinator))
        return;
    std::vector<mandate_id> mandates;
    for (forum_id f : m.forums()) forum_rules_of(m, cap, opts, f, mandates, out);
}

} // namespace detail

/// Runs coordination-gap, coordinator-without-mandate and forum-without-coordinator (those the options
/// enable) with the capability index `cap` of `m`, and returns their findings in report order.
///
///     samverkan::capability_index cap{m};
///     auto findings = samverkan::check_coordination_rules(m, cap);
template <class Traits>
[[nodiscard]] std::vector<finding> check_coordination_rules(basic_model<Traits> const& m, capability_index const& cap,
                                                            audit_options const& opts = {}) {
    std::vector<finding> out;
    detail::coordination_rules(m, cap, opts, out);
    sort_findings(m, out);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_COORDINATION_RULES_HPP
