// Boost.Graph's graph types (adjacency_list, compressed_sparse_row_graph), behind a warning guard. Only the
// headers that run Boost.Graph algorithms or build Boost.Graph graphs include it (model/graph_view.hpp and,
// through detail/strong_components.hpp and detail/bgl_centrality.hpp, the cycle rules and the collaboration
// metrics); the core model headers do not (issue 8: tests/unit/no_bgl_test.cpp checks it).
// The includes sit behind the one warning guard of detail/bgl_warnings.hpp.
#ifndef SAMVERKAN_DETAIL_BGL_HPP
#define SAMVERKAN_DETAIL_BGL_HPP

#include <samverkan/detail/bgl_warnings.hpp>
SAMVERKAN_BGL_WARNINGS_PUSH

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

SAMVERKAN_BGL_WARNINGS_POP

#endif // SAMVERKAN_DETAIL_BGL_HPP
