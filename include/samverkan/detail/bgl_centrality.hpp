// Boost.Graph's connected components and Brandes betweenness, behind the same warning guard as
// detail/bgl.hpp (g++ 12 reports -Wmaybe-uninitialized inside Boost.Graph, boostorg/graph#312). Kept apart
// from detail/bgl.hpp so that only the headers that need these algorithms pay for parsing them.
#ifndef SAMVERKAN_DETAIL_BGL_CENTRALITY_HPP
#define SAMVERKAN_DETAIL_BGL_CENTRALITY_HPP

#include <samverkan/detail/bgl.hpp>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#endif

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif // SAMVERKAN_DETAIL_BGL_CENTRALITY_HPP
