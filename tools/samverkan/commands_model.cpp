// The tool's commands audit, convert, generate and watch: the model itself, in a translation unit of their own so that
// the tool's parts compile in parallel (each command header pulls in a different part of the library).
#include "command_audit.hpp"
#include "command_convert.hpp"
#include "command_generate.hpp"
#include "command_watch.hpp"
#include "commands.hpp"

namespace samverkan::tool {

void add_model_commands(CLI::App& app, std::vector<command>& commands) {
    add_audit_command(app, commands);
    add_convert_command(app, commands);
    add_generate_command(app, commands);
    add_watch_command(app, commands);
}

} // namespace samverkan::tool
