// Boost.Graph's connected components and Brandes betweenness, behind the same warning guard as
// detail/bgl.hpp (g++ 12 reports -Wmaybe-uninitialized inside Boost.Graph, boostorg/graph#312). Kept apart
// from detail/bgl.hpp so that only the headers that need these algorithms pay for parsing them.
#ifndef SAMVERKAN_DETAIL_BGL_CENTRALITY_HPP
#define SAMVERKAN_DETAIL_BGL_CENTRALITY_HPP

#include <samverkan/detail/bgl.hpp>

#include <samverkan/detail/bgl_warnings.hpp>
SAMVERKAN_BGL_WARNINGS_PUSH

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>

SAMVERKAN_BGL_WARNINGS_POP

#endif // SAMVERKAN_DETAIL_BGL_CENTRALITY_HPP
