// The tool's commands what-if, resilience, metrics and diff (analytics.md section 5), in a translation unit of their
// own so that the tool's parts compile in parallel (each command header pulls in a different part of the library).
#include "command_diff.hpp"
#include "command_metrics.hpp"
#include "command_resilience.hpp"
#include "command_what_if.hpp"
#include "commands.hpp"

namespace samverkan::tool {

void add_analytics_commands(CLI::App& app, std::vector<command>& commands) {
    add_what_if_command(app, commands);
    add_resilience_command(app, commands);
    add_metrics_command(app, commands);
    add_diff_command(app, commands);
}

} // namespace samverkan::tool
