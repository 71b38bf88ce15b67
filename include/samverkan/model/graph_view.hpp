// relation_graph: the whole model as one Boost.Graph graph, for users who run BGL algorithms; stage_graph
// and scope_graph: the stage order and the scope forest alone. The model stores none of these (its own
// headers do not include Boost.Graph); each is a snapshot built here.
#ifndef SAMVERKAN_MODEL_GRAPH_VIEW_HPP
#define SAMVERKAN_MODEL_GRAPH_VIEW_HPP

#include <samverkan/detail/bgl.hpp>
#include <samverkan/model/basic_model.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace samverkan {

/// A vertex of the relation graph: which element it is.
struct node_ref {
    element_kind kind{};
    std::uint32_t index = 0;
};

/// An edge of the relation graph: which relation it is. `index` is the holding or delegation index for
/// those kinds, the raci role for `assigned`, and 0 otherwise.
struct relation_ref {
    relation_kind kind{};
    std::uint32_t index = 0;
};

/// A bidirectional compressed-sparse-row graph over every element (vertices, ordered by kind in the order
/// of element_kind, then by id) and every relation (edges, source -> target as in model/relations.hpp;
/// a delegation is the edge from -> to).
using relation_graph_type = boost::compressed_sparse_row_graph<boost::bidirectionalS, node_ref, relation_ref>;

/// The Boost.Graph type of stage_graph(m) (edge later -> earlier) and scope_graph(m) (edge inner -> outer).
using structure_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

namespace detail {
template <class Model, class Id, class Next>
structure_graph structure_of(Model const& m, Next const& next) {
    structure_graph g(m.template id_bound<Id>());
    for (Id v : m.template ids<Id>())
        for (Id w : next(v)) boost::add_edge(v.index(), w.index(), g);
    return g;
}
} // namespace detail

/// The stage order of `m` as a Boost.Graph graph: vertex i is stage_id{i} (a removed stage is an isolated
/// vertex), an edge later -> earlier per "after" link. Out-edges in the model's order (earlier_stages), in-
/// edges by source index. O(stages + links); a snapshot.
///     boost::topological_sort(samverkan::stage_graph(m), std::back_inserter(order));
template <class Traits>
[[nodiscard]] structure_graph stage_graph(basic_model<Traits> const& m) {
    return detail::structure_of<basic_model<Traits>, stage_id>(m, [&m](stage_id s) { return m.earlier_stages(s); });
}

/// The scope forest of `m` as a Boost.Graph graph: vertex i is scope_id{i}, an edge inner -> outer per
/// "within" link. O(scopes); a snapshot.
template <class Traits>
[[nodiscard]] structure_graph scope_graph(basic_model<Traits> const& m) {
    return detail::structure_of<basic_model<Traits>, scope_id>(m, [&m](scope_id s) {
        std::vector<scope_id> up;
        if (auto p = m.parent(s)) up.push_back(*p);
        return up;
    });
}

/// The vertex of an element in relation_graph(m): offsets of the kinds, in element_kind order.
struct vertex_numbering {
    std::array<std::size_t, 7> offset{};
    template <element_id Id>
    [[nodiscard]] std::size_t operator()(Id id) const noexcept {
        return offset[static_cast<std::size_t>(kind_of<Id>)] + id.index();
    }
};

template <class Traits>
[[nodiscard]] vertex_numbering numbering(basic_model<Traits> const& m) noexcept {
    vertex_numbering n;
    std::size_t const counts[] = {m.template id_bound<stage_id>(), m.template id_bound<scope_id>(),
                                  m.template id_bound<actor_id>(), m.template id_bound<mandate_id>(),
                                  m.template id_bound<duty_id>(),  m.template id_bound<forum_id>()};
    for (std::size_t k = 0; k < 6; ++k) n.offset[k + 1] = n.offset[k] + counts[k];
    return n;
}

/// Builds the relation graph of `m`. O(elements + relations); the graph is a snapshot.
///
///     auto g = samverkan::relation_graph(m);
///     std::cout << boost::num_vertices(g) << " elements, " << boost::num_edges(g) << " relations\n";
template <class Traits>
[[nodiscard]] relation_graph_type relation_graph(basic_model<Traits> const& m) {
    auto const at = numbering(m);
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    std::vector<relation_ref> props;
    edges.reserve(m.relation_count());
    props.reserve(m.relation_count());
    auto add = [&](std::size_t s, std::size_t t, relation_kind k, std::uint32_t i) {
        edges.emplace_back(s, t);
        props.push_back({k, i});
    };
    for (stage_id s : m.stages())
        for (stage_id e : m.earlier_stages(s)) add(at(s), at(e), relation_kind::after, 0);
    for (scope_id s : m.scopes())
        if (auto p = m.parent(s)) add(at(s), at(*p), relation_kind::within, 0);
    for (holding_id h : m.holdings()) {
        auto const v = m.holding(h);
        add(at(v.actor), at(v.mandate), relation_kind::holds, h.index());
    }
    for (delegation_id d : m.delegations()) {
        auto const v = m.delegation(d);
        add(at(v.from), at(v.to), relation_kind::delegates, d.index());
    }
    for (duty_id d : m.duties()) {
        for (assignment const& a : m.raci_of(d))
            add(at(a.actor), at(d), relation_kind::assigned, static_cast<std::uint32_t>(a.role));
        for (mandate_id r : m.required_mandates(d)) add(at(d), at(r), relation_kind::requires_mandate, 0);
        for (duty_id e : m.needs(d)) add(at(d), at(e), relation_kind::needs, 0);
    }
    for (forum_id f : m.forums()) {
        for (actor_id a : m.members(f)) add(at(f), at(a), relation_kind::member, 0);
        if (auto c = m.coordinator(f)) add(at(f), at(*c), relation_kind::coordinated_by, 0);
        for (duty_id d : m.covered(f)) add(at(f), at(d), relation_kind::covers, 0);
    }
    relation_graph_type g{boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), props.begin(),
                          at.offset[6]};
    std::size_t v = 0;
    for (std::size_t k = 0; k < 6; ++k)
        for (; v < at.offset[k + 1]; ++v)
            g[v] = node_ref{static_cast<element_kind>(k), static_cast<std::uint32_t>(v - at.offset[k])};
    return g;
}

} // namespace samverkan

#endif // SAMVERKAN_MODEL_GRAPH_VIEW_HPP
