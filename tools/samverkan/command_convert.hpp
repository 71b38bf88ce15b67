// samverkan convert FILE --to json|dot|graphml|csv: re-emits a model (model-format.md, section 3;
// docs/exports.md).
#ifndef SAMVERKAN_TOOLS_COMMAND_CONVERT_HPP
#define SAMVERKAN_TOOLS_COMMAND_CONVERT_HPP

#include "cli.hpp"
#include "load.hpp"

#include <samverkan/analysis/audit.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/csv.hpp>
#include <samverkan/io/dot.hpp>
#include <samverkan/io/graphml.hpp>
#include <samverkan/io/json.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace samverkan::tool {

inline void add_convert_command(CLI::App& app, std::vector<command>& commands) {
    struct state {
        std::vector<std::string> files;
        std::string to;
    };
    auto s = std::make_shared<state>();
    CLI::App* sub = add_subcommand(app, "convert",
                                   "Re-emit a model: canonical JSON, Graphviz DOT with the findings "
                                   "highlighted, GraphML (igraph, NetworkX, Gephi) or a RACI matrix as CSV.");
    sub->add_option("FILE", s->files, "the model (samverkan/1 JSON; - for standard input)");
    sub->add_option("--to", s->to, "json, dot, graphml or csv");
    sub->footer("exit status: 0 success; 2 invalid input or usage.");

    auto run = [s, sub] {
        check_extras(*sub);
        std::string const file = one_file(s->files, "convert");
        if (s->to.empty()) throw usage_error{"convert needs --to json|dot|graphml|csv"};
        one_of("--to", s->to, {"json", "dot", "graphml", "csv"});
        model const m = load(file);
        std::ostringstream os;
        if (s->to == "json") io::write_json(os, m);
        else if (s->to == "dot") io::write_dot(os, m, audit(m));
        else if (s->to == "graphml") io::write_graphml(os, m);
        else io::write_raci_csv(os, m);
        if (!os) throw error{"could not format the output"};
        return outcome{exit_success, std::move(os).str(), {}};
    };
    commands.push_back({sub, std::move(run)});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_CONVERT_HPP
