// samverkan resilience FILE [--max-k K]: the resilience of every duty with a cut, and the criticality of
// every actor (analytics.md sections 2 and 5).
#ifndef SAMVERKAN_TOOLS_COMMAND_RESILIENCE_HPP
#define SAMVERKAN_TOOLS_COMMAND_RESILIENCE_HPP

#include "cli.hpp"
#include "load.hpp"

#include <samverkan/analysis/resilience.hpp>
#include <samverkan/io/robustness_report.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace samverkan::tool {

inline void add_resilience_command(CLI::App& app, std::vector<command>& commands) {
    struct state {
        std::vector<std::string> files;
        std::string max_k = "3";
        std::string format = "text";
    };
    auto s = std::make_shared<state>();
    CLI::App* sub = add_subcommand(app, "resilience",
                                   "How many actors must leave before each duty fails, and which actors matter most.");
    sub->add_option("FILE", s->files, "the model (samverkan/1 JSON; - for standard input)");
    sub->add_option("--max-k", s->max_k, "compute resilience exactly up to K (1 to 8, default 3)");
    sub->add_option("--format", s->format, "text for people (default), json (samverkan-resilience/1) or csv");
    sub->footer("exit status: 0 success; 2 invalid input or usage.");

    commands.push_back({sub, [s, sub] {
                            check_extras(*sub);
                            std::string const file = one_file(s->files, "resilience");
                            one_of("--format", s->format, {"text", "json", "csv"});
                            int const k = parse_number<int>(s->max_k, "--max-k");
                            if (k < 1 || k > 8) throw usage_error{"--max-k must be 1 to 8, not " + s->max_k};
                            model const m = load(file);
                            auto const r = analyse_robustness(m, k);
                            outcome result;
                            std::ostringstream os;
                            if (s->format == "json") io::write_resilience_json(os, m, r);
                            else if (s->format == "csv") io::write_resilience_csv(os, m, r);
                            else io::write_resilience_text(os, m, r);
                            result.out = std::move(os).str();
                            return result;
                        }});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_RESILIENCE_HPP
