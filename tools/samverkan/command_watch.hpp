// samverkan watch MODEL: a session of edits on standard input, one finding delta per line on standard
// output (docs/watch.md; the protocol is io/watch.hpp).
#ifndef SAMVERKAN_TOOLS_COMMAND_WATCH_HPP
#define SAMVERKAN_TOOLS_COMMAND_WATCH_HPP

#include "cli.hpp"
#include "load.hpp"

#include <samverkan/analysis/incremental_audit.hpp>
#include <samverkan/io/watch.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace samverkan::tool {

inline void add_watch_command(CLI::App& app, std::vector<command>& commands) {
    struct state {
        std::vector<std::string> files;
    };
    auto s = std::make_shared<state>();
    CLI::App* sub = add_subcommand(app, "watch",
                                   "Load a model, then read edits (one JSON object per line) on standard input "
                                   "and answer each with the findings it added and removed (docs/watch.md).");
    sub->add_option("MODEL", s->files, "the model to start from (samverkan/1 JSON)");
    sub->footer("exit status: 0 the input ended (bad lines get error lines, the session goes on); 2 the model "
                "is invalid or usage.");

    auto run = [s, sub] {
        check_extras(*sub);
        std::string const file = one_file(s->files, "watch");
        if (file == "-") throw usage_error{"watch reads its edits on standard input: give the model as a file"};
        incremental_audit<> live{load(file)};
        std::ios::sync_with_stdio(false);
        io::run_watch(std::cin, std::cout, live); // streams: each answer is written and flushed at once
        return outcome{exit_success, {}, {}};
    };
    commands.push_back({sub, std::move(run)});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_WATCH_HPP
