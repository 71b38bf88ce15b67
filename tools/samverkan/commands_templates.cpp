// The tool's commands templates, apply and fit (templates.md section 6), in a translation unit of their own so that the
// tool's parts compile in parallel (each command header pulls in a different part of the library).
#include "command_templates.hpp"
#include "commands.hpp"

namespace samverkan::tool {

void add_template_commands(CLI::App& app, std::vector<command>& commands) {
    add_templates_command(app, commands);
    add_apply_command(app, commands);
    add_fit_command(app, commands);
}

} // namespace samverkan::tool
