// The exclusive-overlap rule (rules.md): an exclusive mandate held directly by two actors at once.
//
//   exclusive-overlap  error  exclusive mandate and pair of different actors with direct holdings whose
//                             scopes overlap and whose stages intersect
//                             subjects: mandate, actors (the pair)     witness: scopes
//
// Only direct holdings count: a delegation is sanctioned sharing, not an overlap. Two scopes overlap when
// one covers the other, so a holding meets exactly the holdings of its own scope, of the scopes enclosing
// it and of "everywhere". Stages intersect when either holding is valid at every stage or they share a stage.
// `scopes` are the scopes (nullopt for everywhere) of one overlapping pair of holdings, in the order of
// `actors`; of several such pairs the one with the smallest (scope text, scope text) is shown, everywhere
// first, so the witness does not depend on listing order.
// With `only`, the findings of that one mandate (all of them, as the whole run gives them).
// Complexity: O(H log H) for H holdings of exclusive mandates, plus O(depth x log H) per holding to find
// the buckets on its scope chain, plus one stage check per pair of holdings whose scopes overlap (every such
// pair of different actors with a common stage is a finding, so this is the output size unless many
// holdings of one place have disjoint stages).
#ifndef SAMVERKAN_ANALYSIS_EXCLUSIVE_OVERLAP_HPP
#define SAMVERKAN_ANALYSIS_EXCLUSIVE_OVERLAP_HPP

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/finding_order.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace samverkan {

namespace detail {

/// Whether two stage sets (sorted; empty = every stage) share a stage. O(a + b).
[[nodiscard]] inline bool stages_intersect(std::span<stage_id const> a, std::span<stage_id const> b) noexcept {
    if (a.empty() || b.empty()) return true;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) return true;
        if (a[i] < b[j]) ++i;
        else ++j;
    }
    return false;
}

template <class Traits>
void exclusive_overlap_rule(basic_model<Traits> const& m, audit_options const& opts, std::vector<finding>& out,
                            std::optional<mandate_id> only = std::nullopt) {
    if (!opts.enabled(rule_id::exclusive_overlap)) return;
    constexpr std::uint32_t everywhere = detail::npos; // a holding's scope: index_or_npos
    struct entry {
        std::uint32_t mandate, scope, holding;
        auto operator<=>(entry const&) const = default;
    };
    std::vector<entry> entries;
    auto const add = [&](holding_id h) {
        auto const v = m.holding(h);
        if (static_cast<bool>(m[v.mandate].exclusive))
            entries.push_back({v.mandate.index(), detail::index_or_npos(v.where.scope), h.index()});
    };
    if (only) { // one mandate's findings (the incremental audit): its holdings only
        if (!m.contains(*only)) return;
        for (holding_id h : m.holdings_of(*only)) add(h);
    } else {
        for (holding_id h : m.holdings()) add(h);
    }
    if (entries.size() < 2) return;
    std::sort(entries.begin(), entries.end());

    // (mandate, first actor, second actor, holding of the first, holding of the second), actors by id text
    struct candidate {
        std::uint32_t mandate, a, b, ha, hb;
    };
    std::vector<candidate> found;
    auto const meet = [&](entry const& x, entry const& y) {
        auto const hx = m.holding(holding_id{x.holding});
        auto const hy = m.holding(holding_id{y.holding});
        if (hx.actor == hy.actor || !stages_intersect(hx.where.stages, hy.where.stages)) return;
        if (id_text(m, hy.actor) < id_text(m, hx.actor))
            found.push_back({x.mandate, hy.actor.index(), hx.actor.index(), y.holding, x.holding});
        else found.push_back({x.mandate, hx.actor.index(), hy.actor.index(), x.holding, y.holding});
    };
    auto const bucket = [&](std::uint32_t mandate, std::uint32_t scope) {
        entry const lo{mandate, scope, 0};
        entry const hi{mandate, scope, std::numeric_limits<std::uint32_t>::max()};
        return std::pair{std::lower_bound(entries.begin(), entries.end(), lo),
                         std::upper_bound(entries.begin(), entries.end(), hi)};
    };
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        // the same scope: each pair once
        for (auto jt = it + 1; jt != entries.end() && jt->mandate == it->mandate && jt->scope == it->scope; ++jt)
            meet(*it, *jt);
        if (it->scope == everywhere) continue;
        // strictly enclosing scopes, then everywhere
        for (auto s = m.parent(scope_id{it->scope}); s; s = m.parent(*s))
            for (auto [b, e] = bucket(it->mandate, s->index()); b != e; ++b) meet(*it, *b);
        for (auto [b, e] = bucket(it->mandate, everywhere); b != e; ++b) meet(*it, *b);
    }

    // one finding per (mandate, pair); the witness with the smallest scope texts (everywhere first)
    auto const scope_key = [&](std::uint32_t h) {
        auto const s = m.holding(holding_id{h}).where.scope;
        return s ? std::optional<std::string_view>{id_text(m, *s)} : std::nullopt;
    };
    std::sort(found.begin(), found.end(), [&](candidate const& x, candidate const& y) {
        if (std::tie(x.mandate, x.a, x.b) != std::tie(y.mandate, y.a, y.b))
            return std::tie(x.mandate, x.a, x.b) < std::tie(y.mandate, y.a, y.b);
        return std::pair{scope_key(x.ha), scope_key(x.hb)} < std::pair{scope_key(y.ha), scope_key(y.hb)};
    });
    for (std::size_t i = 0; i < found.size(); ++i) {
        auto const& c = found[i];
        if (i > 0 && found[i - 1].mandate == c.mandate && found[i - 1].a == c.a && found[i - 1].b == c.b) continue;
        mandate_id const x{c.mandate};
        actor_id const a{c.a}, b{c.b};
        auto const sa = m.holding(holding_id{c.ha}).where.scope;
        auto const sb = m.holding(holding_id{c.hb}).where.scope;
        ref_list scopes;
        scopes.push_back(sa ? std::optional<element_ref>{*sa} : std::nullopt);
        scopes.push_back(sb ? std::optional<element_ref>{*sb} : std::nullopt);
        out.push_back(make_finding(rule_id::exclusive_overlap, opts,
                                   {{key_id::mandate, x}, {key_id::actors, ref_list{element_ref{a}, element_ref{b}}}},
                                   {{key_id::scopes, std::move(scopes)}}));
    }
}

} // namespace detail

/// Runs exclusive-overlap (when the options enable it) and returns its findings in report order.
/// O(H log H) for H holdings of exclusive mandates, plus the overlapping pairs.
///
///     for (auto const& f : samverkan::check_exclusive_overlap(m)) std::cout << f << '\n';
template <class Traits>
[[nodiscard]] std::vector<finding> check_exclusive_overlap(basic_model<Traits> const& m,
                                                           audit_options const& opts = {}) {
    std::vector<finding> out;
    detail::exclusive_overlap_rule(m, opts, out);
    sort_findings(m, out);
    return out;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_EXCLUSIVE_OVERLAP_HPP
