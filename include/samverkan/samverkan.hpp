// samverkan: model collaboration frameworks (samverkansmodeller) as typed graphs and audit them.
// The umbrella header: model + diagnostics + analysis. I/O headers (samverkan/io/...) and the Boost.Graph
// views (samverkan/model/graph_view.hpp: relation_graph, stage_graph, scope_graph) are opt-in.
#ifndef SAMVERKAN_SAMVERKAN_HPP
#define SAMVERKAN_SAMVERKAN_HPP

#include <samverkan/analysis.hpp>
#include <samverkan/diagnostics.hpp>
#include <samverkan/model.hpp>
#include <samverkan/version.hpp>

#endif // SAMVERKAN_SAMVERKAN_HPP
