// collaboration: the collaboration graph of a model and its network measures (analytics.md 3).
//
// The graph G is undirected and simple: its vertices are all the actors, and two different actors are
// joined when they collaborate, i.e. share a forum (a forum's coordinator counts as one of its members).
//
//     samverkan::collaboration_network const g = samverkan::collaboration(m);
//     std::cout << g.edges.size() << " edges in " << g.components << " components\n";
//     double const b = g.betweenness[ks.index()];      // normalised, as NetworkX's betweenness_centrality
//
// The algorithms are Boost.Graph's: connected_components for the components and Brandes'
// brandes_betweenness_centrality, run on each connected component separately (betweenness never crosses
// components) with the components shared out over `threads` worker threads, largest first. The values
// are exact and do not depend on the number of threads (each component is one sequential computation).
//
// On an edited model (with removed actors) the vectors keep one entry per actor index; a removed actor is
// no vertex of G: degree 0, betweenness 0.0, component removed_component. The measures are those of the
// model written and read back.
//
// Cost: building G is O(sum over forums of k^2 log) for forums of k members; components O(n + e);
// betweenness O(sum over components of n_c e_c) time and O(n + e) memory per thread.
// Throws std::bad_alloc, and std::system_error when a thread cannot be started.
#ifndef SAMVERKAN_ANALYSIS_COLLABORATION_HPP
#define SAMVERKAN_ANALYSIS_COLLABORATION_HPP

#include <samverkan/detail/bgl_centrality.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/model/ids.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace samverkan {

/// The component number of a removed actor (no vertex of G).
inline constexpr std::uint32_t removed_component = std::numeric_limits<std::uint32_t>::max();

/// The collaboration graph G of a model with its measures; vectors are indexed by actor index (id_bound).
struct collaboration_network {
    /// The number of vertices of G: the model's (live) actors.
    std::size_t actors = 0;
    /// The edges of G, each once as (smaller index, larger index), sorted.
    std::vector<std::pair<actor_id, actor_id>> edges;
    /// The degree of each actor in G.
    std::vector<std::uint32_t> degree;
    /// The number of each actor's connected component (0, 1, ... in order of each component's smallest
    /// actor index); an isolated actor is a component of its own.
    std::vector<std::uint32_t> component;
    /// The number of connected components (0 for a model without actors).
    std::size_t components = 0;
    /// Betweenness centrality, normalised by (n-1)(n-2)/2 over unordered pairs; 0.0 when n <= 2.
    std::vector<double> betweenness;
};

namespace detail {

template <class Traits>
std::vector<std::pair<actor_id, actor_id>> collaboration_edges(basic_model<Traits> const& m) {
    std::vector<std::uint64_t> pairs;
    std::vector<std::uint32_t> group;
    for (forum_id f : m.forums()) {
        group.clear();
        for (actor_id a : m.members(f)) group.push_back(a.index());
        if (auto c = m.coordinator(f)) group.push_back(c->index());
        std::sort(group.begin(), group.end());
        group.erase(std::unique(group.begin(), group.end()), group.end());
        for (std::size_t i = 0; i < group.size(); ++i)
            for (std::size_t j = i + 1; j < group.size(); ++j)
                pairs.push_back((std::uint64_t{group[i]} << 32) | group[j]);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<std::pair<actor_id, actor_id>> edges;
    edges.reserve(pairs.size());
    for (auto p : pairs)
        edges.emplace_back(actor_id{static_cast<std::uint32_t>(p >> 32)}, actor_id{static_cast<std::uint32_t>(p)});
    return edges;
}

using undirected_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

/// Brandes betweenness of one component (local vertices 0..size-1, local edges), unnormalised over
/// unordered pairs, written to out[vertices[i]]. The component is stored as a Boost.Graph CSR graph with
/// both arcs of every edge (contiguous adjacency: the breadth-first searches run over flat arrays); the
/// ordered-pair sums are halved at the end, which is exact. Path counts are doubles, as NetworkX's: the
/// default integer counts of Boost.Graph could overflow on graphs with very many shortest paths.
inline void component_betweenness(std::vector<std::uint32_t> const& vertices,
                                  std::vector<std::pair<std::uint32_t, std::uint32_t>> const& local_edges,
                                  std::vector<double>& out) {
    using csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                   boost::no_property, std::uint32_t, std::uint32_t>;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
    arcs.reserve(2 * local_edges.size());
    for (auto const& [u, v] : local_edges) {
        arcs.emplace_back(u, v);
        arcs.emplace_back(v, u);
    }
    std::sort(arcs.begin(), arcs.end());
    auto const n = static_cast<std::uint32_t>(vertices.size());
    csr const g{boost::edges_are_sorted, arcs.begin(), arcs.end(), n};
    auto const index = get(boost::vertex_index, g);
    std::vector<double> centrality(n, 0.0), dependency(n, 0.0), path_count(n, 0.0), distance(n, 0.0);
    std::vector<std::vector<boost::graph_traits<csr>::edge_descriptor>> incoming(n);
    boost::brandes_betweenness_centrality(g, boost::make_iterator_property_map(centrality.begin(), index),
                                          boost::dummy_property_map{},
                                          boost::make_iterator_property_map(incoming.begin(), index),
                                          boost::make_iterator_property_map(distance.begin(), index),
                                          boost::make_iterator_property_map(dependency.begin(), index),
                                          boost::make_iterator_property_map(path_count.begin(), index), index);
    for (std::uint32_t i = 0; i < n; ++i) out[vertices[i]] = centrality[i] / 2.0;
}

} // namespace detail

/// Builds the collaboration graph of `m` and computes its degrees, components and normalised
/// betweenness (see the top of this header). `threads` = 0 uses std::thread::hardware_concurrency().
template <class Traits>
[[nodiscard]] collaboration_network collaboration(basic_model<Traits> const& m, unsigned threads = 0) {
    collaboration_network g;
    auto const n = m.template id_bound<actor_id>(); // vectors by index; removed actors are no vertices
    g.actors = m.template count<actor_id>();
    g.edges = detail::collaboration_edges(m);
    g.degree.assign(n, 0);
    for (auto const& [u, v] : g.edges) {
        ++g.degree[u.index()];
        ++g.degree[v.index()];
    }

    // components: Boost.Graph's connected_components on the whole graph
    g.component.assign(n, removed_component);
    if (n > 0) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> raw;
        raw.reserve(g.edges.size());
        for (auto const& [u, v] : g.edges) raw.emplace_back(u.index(), v.index());
        detail::undirected_graph whole{raw.begin(), raw.end(), n};
        std::vector<std::uint32_t> found(n, 0);
        auto const count = static_cast<std::size_t>(boost::connected_components(
            whole, boost::make_iterator_property_map(found.begin(), get(boost::vertex_index, whole))));
        // numbered in order of each component's smallest live actor index (a removed actor is isolated)
        std::vector<std::uint32_t> number(count, removed_component);
        for (actor_id a : m.actors()) {
            auto& k = number[found[a.index()]];
            if (k == removed_component) k = static_cast<std::uint32_t>(g.components++);
            g.component[a.index()] = k;
        }
    }

    // betweenness: Brandes per component, components shared out over the threads, largest work first
    g.betweenness.assign(n, 0.0);
    if (g.actors <= 2) return g;
    std::vector<std::vector<std::uint32_t>> members(g.components);
    std::vector<std::uint32_t> local(n, 0);
    for (actor_id id : m.actors()) {
        auto const a = id.index();
        auto& c = members[g.component[a]];
        local[a] = static_cast<std::uint32_t>(c.size());
        c.push_back(a);
    }
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> component_edges(g.components);
    for (auto const& [u, v] : g.edges)
        component_edges[g.component[u.index()]].emplace_back(local[u.index()], local[v.index()]);
    std::vector<std::uint32_t> order;
    for (std::uint32_t c = 0; c < g.components; ++c)
        if (members[c].size() > 2) order.push_back(c); // a component of 1 or 2 actors has no betweenness
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        auto const wx = members[x].size() * (component_edges[x].size() + 1);
        auto const wy = members[y].size() * (component_edges[y].size() + 1);
        return wx != wy ? wx > wy : x < y;
    });

    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto const work = [&] {
        try {
            for (std::size_t i = next++; i < order.size(); i = next++)
                detail::component_betweenness(members[order[i]], component_edges[order[i]], g.betweenness);
        } catch (...) {
            std::lock_guard lock{failure_mutex};
            if (!failure) failure = std::current_exception();
            next = order.size();
        }
    };
    unsigned const hw = threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
    unsigned const helpers = static_cast<unsigned>(std::min<std::size_t>(hw, order.size())) - (order.empty() ? 0 : 1);
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < helpers; ++t) pool.emplace_back(work);
        work();
    }
    if (failure) std::rethrow_exception(failure);

    auto const live = static_cast<double>(g.actors);
    double const scale = (live - 1.0) * (live - 2.0) / 2.0;
    for (auto& b : g.betweenness) b /= scale;
    return g;
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_COLLABORATION_HPP
