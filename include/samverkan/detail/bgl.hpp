// Boost.Graph's graph types (adjacency_list, compressed_sparse_row_graph), behind a warning guard. Only the
// headers that run Boost.Graph algorithms or build Boost.Graph graphs include it (model/graph_view.hpp and,
// through detail/strong_components.hpp and detail/bgl_centrality.hpp, the cycle rules and the collaboration
// metrics); the core model headers do not (issue 8: tests/unit/no_bgl_test.cpp checks it).
//
// g++ 12 at -O1 and above reports -Wmaybe-uninitialized inside Boost.Graph (boostorg/graph#312). Every
// samverkan header reaches Boost.Graph through this file, so users who compile with -Werror are protected
// without touching their own warning flags.
#ifndef SAMVERKAN_DETAIL_BGL_HPP
#define SAMVERKAN_DETAIL_BGL_HPP

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#endif

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif // SAMVERKAN_DETAIL_BGL_HPP
