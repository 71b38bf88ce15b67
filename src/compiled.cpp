// samverkan::compiled: the optional compiled part of the library (samverkan/config.hpp). It holds the
// default model's audit and its JSON reading and writing, and the strongly-connected-components helper of
// the cycle rules (detail/strong_components.hpp: Boost.Graph), compiled once; programs that link it include
// the same headers, which then only declare these functions.
#define SAMVERKAN_BUILDING_COMPILED 1
#include <samverkan/analysis/audit.hpp>
#include <samverkan/io/json.hpp>

namespace samverkan {
template report audit<default_traits>(basic_model<default_traits> const&, audit_options const&);
} // namespace samverkan
