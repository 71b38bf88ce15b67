// diff: what changed between two versions of a model, by meaning rather than spelling (analytics.md 4).
//
//     samverkan::diff_report const d = samverkan::diff(v1, v2);
//     for (auto const& id : d.elements.duties.changed) std::cout << "changed duty " << id << '\n';
//     if (d.empty()) std::cout << "the same plan\n";
//
// Normal form: an absent key takes its default (exclusive false, delegable true, optional false, an empty
// list, no scope, no stage, no name, attributes {}); the set-like lists (after, requires, needs, covers,
// members, each RACI list, and any list-valued member of a described element type, such as realises) are
// compared as sets; attributes as JSON values (object key order ignored, numbers by their text).
// Elements are matched by id; an element is `changed` when any member of its (Boost.Describe-described)
// element type, its placement or one of its relations differs. Holdings and delegations have no ids and are
// compared as multisets of their normal forms (a holding listed twice in one version and once in the other
// is removed once). Findings: audit(a) against audit(b), matched by (rule, subjects as id texts); the
// witness does not take part. The format version is not compared.
//
// All lists are sorted: ids bytewise; holdings by actor, mandate, scope (null first), stages (sorted lists
// compared lexicographically, [] first), attributes (canonical JSON text); delegations by from, to, then
// the same; findings in report order. Both audits run at once (the second on a std::jthread).
//
// Cost: two audits plus O(E log E) for the E elements and relations of both models. Throws std::bad_alloc,
// std::system_error (thread), and samverkan::error when an attributes text is not JSON.
#ifndef SAMVERKAN_ANALYSIS_DIFF_HPP
#define SAMVERKAN_ANALYSIS_DIFF_HPP

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/analysis/what_if.hpp> // detail::finding_key: (rule, subjects) as id texts
#include <samverkan/detail/json_canonical.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/model/basic_model.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan {

/// A JSON value kept as its (canonical, compact) text, e.g. a holding's attributes "{}".
struct json_text {
    using json_value_tag = void;
    std::string text = "{}";
    friend bool operator==(json_text const&, json_text const&) = default;
};

/// The ids of one element kind that were added (in the second model only), removed (in the first only) and
/// changed (in both, not the same); each sorted.
struct element_changes {
    std::vector<std::string> added, removed, changed;
    [[nodiscard]] bool empty() const noexcept { return added.empty() && removed.empty() && changed.empty(); }
};
BOOST_DESCRIBE_STRUCT(element_changes, (), (added, removed, changed))

struct element_diff {
    element_changes stages, scopes, actors, mandates, duties, forums;
};
BOOST_DESCRIBE_STRUCT(element_diff, (), (stages, scopes, actors, mandates, duties, forums))

/// A holding in normal form, written with every key.
struct holding_entry {
    std::string actor, mandate;
    std::optional<std::string> scope; ///< nullopt: everywhere
    std::vector<std::string> stages;  ///< sorted; empty: every stage
    json_text attributes;
    friend bool operator==(holding_entry const&, holding_entry const&) = default;
};
BOOST_DESCRIBE_STRUCT(holding_entry, (), (actor, mandate, scope, stages, attributes))

/// A delegation in normal form, written with every key.
struct delegation_entry {
    std::string from, to, mandate;
    std::optional<std::string> scope;
    std::vector<std::string> stages;
    json_text attributes;
    friend bool operator==(delegation_entry const&, delegation_entry const&) = default;
};
BOOST_DESCRIBE_STRUCT(delegation_entry, (), (from, to, mandate, scope, stages, attributes))

struct holding_changes {
    std::vector<holding_entry> added, removed;
};
BOOST_DESCRIBE_STRUCT(holding_changes, (), (added, removed))

struct delegation_changes {
    std::vector<delegation_entry> added, removed;
};
BOOST_DESCRIBE_STRUCT(delegation_changes, (), (added, removed))

/// Findings of audit(b) not in audit(a) (`added`, ids of b) and of audit(a) not in audit(b) (`removed`,
/// ids of a). Each keeps its report's order and its own witness.
struct finding_changes {
    report added, removed;
};

/// The samverkan-diff/1 report (the writers add the "format" key first).
struct diff_report {
    std::optional<std::string> from, to; ///< the two models' names
    std::vector<std::string> model;      ///< among "name", "description", "attributes", those that differ
    element_diff elements;
    holding_changes holds;
    delegation_changes delegations;
    finding_changes findings;

    /// Whether every list of the report is empty (the tool then exits 0).
    [[nodiscard]] bool empty() const noexcept {
        auto const& e = elements;
        return model.empty() && e.stages.empty() && e.scopes.empty() && e.actors.empty() && e.mandates.empty() &&
               e.duties.empty() && e.forums.empty() && holds.added.empty() && holds.removed.empty() &&
               delegations.added.empty() && delegations.removed.empty() && findings.added.findings.empty() &&
               findings.removed.findings.empty();
    }
};
BOOST_DESCRIBE_STRUCT(diff_report, (), (from, to, model, elements, holds, delegations, findings))

namespace detail {

/// Whether two attributes texts mean the same JSON value (empty text: {}).
inline bool same_json(std::string_view x, std::string_view y) {
    if (x == y) return true;
    return canonical_json(x) == canonical_json(y);
}

template <class T>
struct is_string_list : std::false_type {};
template <class S, class A>
struct is_string_list<std::vector<S, A>> : std::is_convertible<S const&, std::string_view> {};

/// Compares id lists as sets; keeps its buffers between calls.
class set_comparer {
public:
    template <class RangeA, class RangeB>
    bool same(RangeA const& a, RangeB const& b) {
        fill(x_, a);
        fill(y_, b);
        return x_ == y_;
    }

private:
    template <class Range>
    static void fill(std::vector<std::string_view>& v, Range const& r) {
        v.clear();
        for (auto const& s : r) v.emplace_back(s);
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    std::vector<std::string_view> x_, y_;
};

/// Same element data: every described member (attributes as JSON values, lists as sets), or the name
/// for an element type without a description.
template <class T>
bool same_members(T const& x, T const& y, set_comparer& sets) {
    if constexpr (boost::describe::has_describe_members<T>::value) {
        bool same = true;
        boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto D) {
            if (!same) return;
            auto const& a = x.*D.pointer;
            auto const& b = y.*D.pointer;
            using M = std::remove_cvref_t<decltype(a)>;
            if constexpr (is_string_list<M>::value) same = sets.same(a, b);
            else if constexpr (std::is_convertible_v<M const&, std::string_view>)
                same = std::string_view{D.name} == "attributes" ? same_json(a, b)
                                                                : std::string_view{a} == std::string_view{b};
            else same = a == b;
        });
        return same;
    } else {
        return std::string_view{x.name} == std::string_view{y.name};
    }
}

template <class Id, class Traits>
std::optional<std::string_view> id_text(basic_model<Traits> const& m, std::optional<Id> id) {
    if (!id) return std::nullopt;
    return std::string_view{m[*id].id};
}

template <class Traits, class Range>
auto id_texts(basic_model<Traits> const& m, Range const& r) {
    std::vector<std::string_view> out;
    for (auto id : r) out.emplace_back(m[id].id);
    return out;
}

template <class Traits>
bool same_element(basic_model<Traits> const& a, stage_id x, basic_model<Traits> const& b, stage_id y,
                  set_comparer& sets) {
    return same_members(a[x], b[y], sets) &&
           sets.same(id_texts(a, a.earlier_stages(x)), id_texts(b, b.earlier_stages(y)));
}
template <class Traits>
bool same_element(basic_model<Traits> const& a, scope_id x, basic_model<Traits> const& b, scope_id y,
                  set_comparer& sets) {
    return same_members(a[x], b[y], sets) && id_text(a, a.parent(x)) == id_text(b, b.parent(y));
}
template <class Traits>
bool same_element(basic_model<Traits> const& a, actor_id x, basic_model<Traits> const& b, actor_id y,
                  set_comparer& sets) {
    return same_members(a[x], b[y], sets);
}
template <class Traits>
bool same_element(basic_model<Traits> const& a, mandate_id x, basic_model<Traits> const& b, mandate_id y,
                  set_comparer& sets) {
    return same_members(a[x], b[y], sets);
}
template <class Traits>
bool same_element(basic_model<Traits> const& a, duty_id x, basic_model<Traits> const& b, duty_id y,
                  set_comparer& sets) {
    if (!same_members(a[x], b[y], sets)) return false;
    if (id_text(a, a.stage_of(x)) != id_text(b, b.stage_of(y))) return false;
    if (id_text(a, a.scope_of(x)) != id_text(b, b.scope_of(y))) return false;
    if (!sets.same(id_texts(a, a.required_mandates(x)), id_texts(b, b.required_mandates(y)))) return false;
    if (!sets.same(id_texts(a, a.needs(x)), id_texts(b, b.needs(y)))) return false;
    for (raci role : {raci::responsible, raci::accountable, raci::consulted, raci::informed})
        if (!sets.same(id_texts(a, a.actors_with(x, role)), id_texts(b, b.actors_with(y, role)))) return false;
    return true;
}
template <class Traits>
bool same_element(basic_model<Traits> const& a, forum_id x, basic_model<Traits> const& b, forum_id y,
                  set_comparer& sets) {
    return same_members(a[x], b[y], sets) && id_text(a, a.scope_of(x)) == id_text(b, b.scope_of(y)) &&
           id_text(a, a.coordinator(x)) == id_text(b, b.coordinator(y)) &&
           sets.same(id_texts(a, a.members(x)), id_texts(b, b.members(y))) &&
           sets.same(id_texts(a, a.covered(x)), id_texts(b, b.covered(y)));
}

template <element_id Id, class Traits>
element_changes compare_kind(basic_model<Traits> const& a, basic_model<Traits> const& b) {
    element_changes out;
    set_comparer sets;
    for (Id x : a.template ids<Id>()) {
        std::string_view const id = a[x].id;
        if (auto y = b.template find<Id>(id)) {
            if (!same_element(a, x, b, *y, sets)) out.changed.emplace_back(id);
        } else {
            out.removed.emplace_back(id);
        }
    }
    for (Id y : b.template ids<Id>())
        if (!a.template find<Id>(b[y].id)) out.added.emplace_back(b[y].id);
    for (auto* list : {&out.added, &out.removed, &out.changed}) std::sort(list->begin(), list->end());
    return out;
}

/// A holding or delegation in normal form, by reference into its model (from is empty for holdings).
struct relation_key {
    std::string_view from, to, mandate;
    std::optional<std::string_view> scope;
    std::vector<std::string_view> stages;
    std::string attributes; // canonical
    friend bool operator<(relation_key const& x, relation_key const& y) {
        return std::tie(x.from, x.to, x.mandate, x.scope, x.stages, x.attributes) <
               std::tie(y.from, y.to, y.mandate, y.scope, y.stages, y.attributes);
    }
    friend bool operator==(relation_key const&, relation_key const&) = default;
};

template <class Traits>
relation_key key_of(basic_model<Traits> const& m, std::string_view from, std::string_view to, mandate_id mnd,
                    reach_view where, std::string_view attributes) {
    relation_key k{from, to, m[mnd].id, id_text(m, where.scope), {}, canonical_json(attributes)};
    for (stage_id s : where.stages) k.stages.emplace_back(m[s].id);
    std::sort(k.stages.begin(), k.stages.end());
    return k;
}

template <class Traits>
std::vector<relation_key> holding_keys(basic_model<Traits> const& m) {
    std::vector<relation_key> keys;
    keys.reserve(m.relation_count(relation_kind::holds));
    for (holding_id h : m.holdings()) {
        auto const v = m.holding(h);
        keys.push_back(key_of(m, m[v.actor].id, {}, v.mandate, v.where, v.attributes));
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

template <class Traits>
std::vector<relation_key> delegation_keys(basic_model<Traits> const& m) {
    std::vector<relation_key> keys;
    keys.reserve(m.relation_count(relation_kind::delegates));
    for (delegation_id d : m.delegations()) {
        auto const v = m.delegation(d);
        keys.push_back(key_of(m, m[v.from].id, m[v.to].id, v.mandate, v.where, v.attributes));
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

/// Multiset differences of two sorted key lists: (in b only, in a only), each sorted.
inline std::pair<std::vector<relation_key const*>, std::vector<relation_key const*>>
multiset_difference(std::vector<relation_key> const& a, std::vector<relation_key> const& b) {
    std::vector<relation_key const*> added, removed;
    auto i = a.begin();
    auto j = b.begin();
    while (i != a.end() || j != b.end()) {
        if (j == b.end() || (i != a.end() && *i < *j)) removed.push_back(&*i++);
        else if (i == a.end() || *j < *i) added.push_back(&*j++);
        else {
            ++i;
            ++j;
        }
    }
    return {std::move(added), std::move(removed)};
}

inline std::vector<std::string> strings(std::vector<std::string_view> const& v) { return {v.begin(), v.end()}; }
inline std::optional<std::string> string_of(std::optional<std::string_view> s) {
    if (!s) return std::nullopt;
    return std::string{*s};
}

inline holding_entry holding_of(relation_key const& k) {
    return {std::string{k.from}, std::string{k.mandate}, string_of(k.scope), strings(k.stages), {k.attributes}};
}
inline delegation_entry delegation_of(relation_key const& k) {
    return {std::string{k.from}, std::string{k.to}, std::string{k.mandate},
            string_of(k.scope),  strings(k.stages), {k.attributes}};
}

/// The findings of `x` (of model mx) whose key is not among those of `y` (of model my), in x's order.
template <class Traits>
report findings_not_in(basic_model<Traits> const& mx, report const& x, basic_model<Traits> const& my, report const& y) {
    std::vector<std::string> keys;
    keys.reserve(y.findings.size());
    for (auto const& f : y.findings) keys.push_back(finding_key(my, f));
    std::sort(keys.begin(), keys.end());
    report out;
    out.model = x.model;
    for (auto const& f : x.findings)
        if (!std::binary_search(keys.begin(), keys.end(), finding_key(mx, f))) out.findings.push_back(f);
    freeze_messages(mx, out.findings); // a diff holds findings of two models: each keeps its own text
    return out;
}

} // namespace detail

/// Compares model `a` (the earlier version) with model `b` (see the top of this header). diff(a, a) is
/// empty; diff(b, a) swaps added and removed of diff(a, b).
template <class Traits>
[[nodiscard]] diff_report diff(basic_model<Traits> const& a, basic_model<Traits> const& b) {
    diff_report d;
    report audit_b;
    std::exception_ptr audit_b_failure;
    {
        std::jthread second{[&] {
            try {
                audit_b = audit(b);
            } catch (...) {
                audit_b_failure = std::current_exception();
            }
        }};
        report const audit_a = audit(a);

        if (a.has_name()) d.from = a.name();
        if (b.has_name()) d.to = b.name();
        if (a.has_name() != b.has_name() || a.name() != b.name()) d.model.emplace_back("name");
        if (a.description() != b.description()) d.model.emplace_back("description");
        if (!detail::same_json(a.attributes(), b.attributes())) d.model.emplace_back("attributes");

        d.elements.stages = detail::compare_kind<stage_id>(a, b);
        d.elements.scopes = detail::compare_kind<scope_id>(a, b);
        d.elements.actors = detail::compare_kind<actor_id>(a, b);
        d.elements.mandates = detail::compare_kind<mandate_id>(a, b);
        d.elements.duties = detail::compare_kind<duty_id>(a, b);
        d.elements.forums = detail::compare_kind<forum_id>(a, b);

        {
            auto const ka = detail::holding_keys(a);
            auto const kb = detail::holding_keys(b);
            auto const [added, removed] = detail::multiset_difference(ka, kb);
            for (auto const* k : added) d.holds.added.push_back(detail::holding_of(*k));
            for (auto const* k : removed) d.holds.removed.push_back(detail::holding_of(*k));
        }
        {
            auto const ka = detail::delegation_keys(a);
            auto const kb = detail::delegation_keys(b);
            auto const [added, removed] = detail::multiset_difference(ka, kb);
            for (auto const* k : added) d.delegations.added.push_back(detail::delegation_of(*k));
            for (auto const* k : removed) d.delegations.removed.push_back(detail::delegation_of(*k));
        }

        second.join();
        if (audit_b_failure) std::rethrow_exception(audit_b_failure);
        d.findings.added = detail::findings_not_in(b, audit_b, a, audit_a);
        d.findings.removed = detail::findings_not_in(a, audit_a, b, audit_b);
    }
    return d;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_DIFF_HPP
