// commands: the groups of subcommands, each defined in a translation unit of its own (commands_*.cpp);
// main.cpp registers them in the order `samverkan --help` lists them.
#ifndef SAMVERKAN_TOOLS_COMMANDS_HPP
#define SAMVERKAN_TOOLS_COMMANDS_HPP

#include "cli.hpp"

#include <vector>

namespace samverkan::tool {

/// audit, convert, generate, watch (commands_model.cpp)
void add_model_commands(CLI::App& app, std::vector<command>& commands);
/// templates, apply, fit (commands_templates.cpp)
void add_template_commands(CLI::App& app, std::vector<command>& commands);
/// what-if, resilience, metrics, diff (commands_analytics.cpp)
void add_analytics_commands(CLI::App& app, std::vector<command>& commands);

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMANDS_HPP
