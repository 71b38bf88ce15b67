// Where each finding of a report is drawn in the DOT export: on element nodes, on relation edges, or as
// an extra edge of its own. Used by io/dot.hpp, which documents the result per rule.
#ifndef SAMVERKAN_IO_DETAIL_DOT_MARKS_HPP
#define SAMVERKAN_IO_DETAIL_DOT_MARKS_HPP

#include <samverkan/diagnostics/names.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan::io::detail {

/// The findings drawn on one node or edge: their indices in the report, in report order.
struct dot_mark {
    std::vector<std::size_t> findings;
};

/// A finding drawn as an edge of its own: a coordination gap (the two actors have no relation to
/// highlight), or a finding about a relation the model does not have (a hand-made report).
struct dot_extra_edge {
    element_ref from;
    element_ref to;
    std::size_t finding = 0;
    bool undirected = false;
};

/// The drawing of a report over a model. Built once: O(F log F + the degrees of the elements the
/// findings name), F = number of findings; looking up a node or edge is O(log F).
class dot_marks {
public:
    template <class Traits>
    dot_marks(basic_model<Traits> const& m, report const& r) {
        for (std::size_t i = 0; i < r.findings.size(); ++i) place(m, r.findings[i], i);
    }

    [[nodiscard]] dot_mark const* node(element_ref e) const {
        auto const it = nodes_.find(node_slot(e));
        return it == nodes_.end() ? nullptr : &it->second;
    }
    [[nodiscard]] dot_mark const* holding(holding_id h) const { return edge({relation_kind::holds, h.index(), 0, 0}); }
    [[nodiscard]] dot_mark const* delegation(delegation_id d) const {
        return edge({relation_kind::delegates, d.index(), 0, 0});
    }
    [[nodiscard]] dot_mark const* assignment_of(actor_id a, duty_id d, raci role) const {
        return edge({relation_kind::assigned, a.index(), d.index(), static_cast<std::uint32_t>(role)});
    }
    [[nodiscard]] dot_mark const* requirement(duty_id d, mandate_id m) const {
        return edge({relation_kind::requires_mandate, d.index(), m.index(), 0});
    }
    [[nodiscard]] dot_mark const* need(duty_id d, duty_id e) const {
        return edge({relation_kind::needs, d.index(), e.index(), 0});
    }
    [[nodiscard]] dot_mark const* coordination(forum_id f) const {
        return edge({relation_kind::coordinated_by, f.index(), 0, 0});
    }
    [[nodiscard]] std::vector<dot_extra_edge> const& extra_edges() const noexcept { return extra_; }

private:
    struct edge_slot {
        relation_kind kind{};
        std::uint32_t a = 0, b = 0, c = 0;
        friend auto operator<=>(edge_slot const&, edge_slot const&) = default;
    };
    using node_slot_type = std::pair<std::size_t, std::uint32_t>; // (element_ref alternative, index)

    static node_slot_type node_slot(element_ref e) {
        return {e.index(), std::visit([](auto id) { return id.index(); }, e)};
    }
    [[nodiscard]] dot_mark const* edge(edge_slot s) const {
        auto const it = edges_.find(s);
        return it == edges_.end() ? nullptr : &it->second;
    }

    static void add(dot_mark& mark, std::size_t finding) {
        if (mark.findings.empty() || mark.findings.back() != finding) mark.findings.push_back(finding);
    }

    /// Whether `e` names an element of `m` (a report of another model may not).
    template <class Traits>
    static bool exists(basic_model<Traits> const& m, element_ref e) noexcept {
        return std::visit([&](auto id) { return m.contains(id); }, e);
    }

    /// The subject `key` as one element of kind Id, if it is one that exists in `m`.
    template <element_id Id, class Traits>
    static std::optional<Id> one(basic_model<Traits> const& m, finding const& f, key_id key) {
        auto id = f.subject_id<Id>(key);
        if (id && !m.contains(*id)) return std::nullopt;
        return id;
    }

    /// The subject `key` as a sorted list of elements of kind Id that exist in `m`.
    template <element_id Id, class Traits>
    static std::vector<Id> list(basic_model<Traits> const& m, finding const& f, key_id key) {
        std::vector<Id> out;
        if (auto const* v = f.subject(key))
            if (auto const* refs = std::get_if<ref_list>(v))
                for (auto const& r : *refs)
                    if (r)
                        if (auto const* id = std::get_if<Id>(&*r))
                            if (m.contains(*id)) out.push_back(*id);
        std::sort(out.begin(), out.end());
        return out;
    }

    /// Every element the finding's subjects name: what a rule without a drawing of its own highlights.
    template <class Traits>
    void mark_subjects(basic_model<Traits> const& m, finding const& f, std::size_t i) {
        for (auto const& s : f.subjects) {
            if (auto const* e = std::get_if<element_ref>(&s.value)) {
                if (exists(m, *e)) add(nodes_[node_slot(*e)], i);
            } else if (auto const* refs = std::get_if<ref_list>(&s.value)) {
                for (auto const& r : *refs)
                    if (r && exists(m, *r)) add(nodes_[node_slot(*r)], i);
            }
        }
    }

    template <class Traits>
    void place(basic_model<Traits> const& m, finding const& f, std::size_t i) {
        auto const rule = f.rule.id();
        if (!rule) {
            mark_subjects(m, f, i);
            return;
        }
        switch (*rule) {
        case rule_id::multiple_accountable: {
            mark_subjects(m, f, i);
            if (auto d = one<duty_id>(m, f, key_id::duty))
                for (actor_id a : list<actor_id>(m, f, key_id::actors)) mark_assignment(m, a, *d, raci::accountable, i);
            return;
        }
        case rule_id::mandate_missing:
        case rule_id::mandate_unheld: {
            auto d = one<duty_id>(m, f, key_id::duty);
            auto r = one<mandate_id>(m, f, key_id::mandate);
            if (!d || !r) break;
            auto const req = m.required_mandates(*d);
            if (std::find(req.begin(), req.end(), *r) != req.end())
                add(edges_[{relation_kind::requires_mandate, d->index(), r->index(), 0}], i);
            else extra_.push_back({*d, *r, i, false});
            return;
        }
        case rule_id::accountable_without_mandate:
        case rule_id::responsible_without_mandate: {
            auto d = one<duty_id>(m, f, key_id::duty);
            auto a = one<actor_id>(m, f, key_id::actor);
            if (!d || !a) break;
            mark_assignment(m, *a, *d,
                            *rule == rule_id::accountable_without_mandate ? raci::accountable : raci::responsible, i);
            return;
        }
        case rule_id::exclusive_overlap: {
            auto r = one<mandate_id>(m, f, key_id::mandate);
            if (!r) break;
            for (actor_id a : list<actor_id>(m, f, key_id::actors)) {
                bool found = false;
                for (holding_id h : m.holdings_of(a))
                    if (m.holding(h).mandate == *r) {
                        add(edges_[{relation_kind::holds, h.index(), 0, 0}], i);
                        found = true;
                    }
                if (!found) add(nodes_[node_slot(a)], i);
            }
            return;
        }
        case rule_id::invalid_delegation: {
            auto r = one<mandate_id>(m, f, key_id::mandate);
            auto from = one<actor_id>(m, f, key_id::from);
            auto to = one<actor_id>(m, f, key_id::to);
            if (!r || !from || !to) break;
            bool found = false;
            for (delegation_id d : m.delegations_from(*from)) {
                auto const v = m.delegation(d);
                if (v.to == *to && v.mandate == *r) {
                    add(edges_[{relation_kind::delegates, d.index(), 0, 0}], i);
                    found = true;
                }
            }
            if (!found) extra_.push_back({*from, *to, i, false});
            return;
        }
        case rule_id::delegation_cycle: {
            auto r = one<mandate_id>(m, f, key_id::mandate);
            auto const actors = list<actor_id>(m, f, key_id::actors);
            if (!r) break;
            for (actor_id a : actors)
                for (delegation_id d : m.delegations_from(a)) {
                    auto const v = m.delegation(d);
                    if (v.mandate == *r && v.to != a && std::binary_search(actors.begin(), actors.end(), v.to))
                        add(edges_[{relation_kind::delegates, d.index(), 0, 0}], i);
                }
            return;
        }
        case rule_id::stage_order: {
            auto d = one<duty_id>(m, f, key_id::duty);
            auto e = one<duty_id>(m, f, key_id::needs);
            if (!d || !e) break;
            mark_need(m, *d, *e, i);
            return;
        }
        case rule_id::dependency_cycle: {
            auto const duties = list<duty_id>(m, f, key_id::duties);
            for (duty_id d : duties)
                for (duty_id e : m.needs(d))
                    if (std::binary_search(duties.begin(), duties.end(), e))
                        add(edges_[{relation_kind::needs, d.index(), e.index(), 0}], i);
            return;
        }
        case rule_id::coordination_gap: {
            auto const actors = list<actor_id>(m, f, key_id::actors);
            if (actors.size() != 2) break;
            extra_.push_back({actors[0], actors[1], i, true});
            return;
        }
        case rule_id::coordinator_without_mandate: {
            auto fo = one<forum_id>(m, f, key_id::forum);
            auto a = one<actor_id>(m, f, key_id::actor);
            if (!fo || !a) break;
            if (m.coordinator(*fo) == a) add(edges_[{relation_kind::coordinated_by, fo->index(), 0, 0}], i);
            else extra_.push_back({*fo, *a, i, false});
            return;
        }
        default: break; // node rules: unassigned-duty, no-accountable, no-responsible, forum-without-coordinator, ...
        }
        mark_subjects(m, f, i);
    }

    template <class Traits>
    void mark_assignment(basic_model<Traits> const& m, actor_id a, duty_id d, raci role, std::size_t i) {
        for (assignment const& x : m.raci_of(d))
            if (x.actor == a && x.role == role) {
                add(edges_[{relation_kind::assigned, a.index(), d.index(), static_cast<std::uint32_t>(role)}], i);
                return;
            }
        extra_.push_back({a, d, i, false});
    }

    template <class Traits>
    void mark_need(basic_model<Traits> const& m, duty_id d, duty_id e, std::size_t i) {
        auto const needs = m.needs(d);
        if (std::find(needs.begin(), needs.end(), e) != needs.end())
            add(edges_[{relation_kind::needs, d.index(), e.index(), 0}], i);
        else extra_.push_back({d, e, i, false});
    }

    std::map<node_slot_type, dot_mark> nodes_;
    std::map<edge_slot, dot_mark> edges_;
    std::vector<dot_extra_edge> extra_;
};

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_DOT_MARKS_HPP
