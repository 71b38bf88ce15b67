// strong_components: the strongly connected components of a directed graph given as an edge list, by
// Boost.Graph's strong_components (Tarjan). Included only by the rule families that look for cycles
// (order_rules, delegation_rules) and by resilience, so that Boost.Graph stays out of the core headers. The
// warning guard is that of detail/bgl.hpp (g++ 12 reports -Wmaybe-uninitialized inside Boost.Graph,
// boostorg/graph#312).
//
// Parsing Boost.Graph's strong_components costs about 2 s and 350 MB per translation unit (g++ 12 -O2), more
// than the rest of the audit's headers: with the compiled part (samverkan/config.hpp) the function is
// compiled once in samverkan::compiled and only declared here, so a program that links it does not parse
// Boost.Graph at all.
#ifndef SAMVERKAN_DETAIL_STRONG_COMPONENTS_HPP
#define SAMVERKAN_DETAIL_STRONG_COMPONENTS_HPP

#include <samverkan/config.hpp>

#if !SAMVERKAN_DECLARE_ONLY
#include <samverkan/detail/bgl_warnings.hpp>
SAMVERKAN_BGL_WARNINGS_PUSH

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>

SAMVERKAN_BGL_WARNINGS_POP
#endif // !SAMVERKAN_DECLARE_ONLY

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace samverkan::detail {

/// The strongly connected components of a directed graph on vertices 0..n-1 given as an edge list:
/// component number per vertex, and the number of components. Boost.Graph's strong_components (Tarjan)
/// on a compressed sparse row graph built once: O(n + edges) time and memory. Throws std::bad_alloc only.
struct components {
    std::vector<std::uint32_t> of;
    std::uint32_t count = 0;
};
[[nodiscard]] SAMVERKAN_COMPILED_INLINE components
strong_components(std::size_t n, std::vector<std::pair<std::size_t, std::size_t>> const& edges)
#if SAMVERKAN_DECLARE_ONLY
    ; // compiled once in samverkan::compiled
#else
{
    using graph = boost::compressed_sparse_row_graph<boost::directedS>;
    graph const g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), n);
    std::vector<std::size_t> comp(n, 0);
    auto const count = boost::strong_components(
        g, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, g)));
    components out;
    out.of.reserve(n);
    for (auto c : comp) out.of.push_back(static_cast<std::uint32_t>(c));
    out.count = static_cast<std::uint32_t>(count);
    return out;
}
#endif

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_STRONG_COMPONENTS_HPP
