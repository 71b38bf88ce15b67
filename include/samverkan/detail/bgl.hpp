// The one place that includes Boost.Graph.
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
#include <boost/graph/strong_components.hpp>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif // SAMVERKAN_DETAIL_BGL_HPP
