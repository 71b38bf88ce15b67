// samverkan metrics FILE [--format text|json|csv|dot]: network and coverage measures (analytics.md,
// sections 3 and 5); dot draws the collaboration graph (actors sized by betweenness, coloured by category).
#ifndef SAMVERKAN_TOOLS_COMMAND_METRICS_HPP
#define SAMVERKAN_TOOLS_COMMAND_METRICS_HPP

#include "cli.hpp"
#include "load.hpp"

#include <samverkan/analysis/collaboration.hpp>
#include <samverkan/analysis/metrics.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/metrics_report.hpp>

#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace samverkan::tool {

inline void add_metrics_command(CLI::App& app, std::vector<command>& commands) {
    struct state {
        std::vector<std::string> files;
        std::string format = "text";
        bool timings = false;
    };
    auto s = std::make_shared<state>();
    CLI::App* sub = add_subcommand(app, "metrics",
                                   "Network and coverage measures: coverage, redundancy, resilience, the "
                                   "collaboration graph (density, components, centralisation, betweenness), "
                                   "per actor and per stage.");
    sub->add_option("FILE", s->files, "the model (samverkan/1 JSON; - for standard input)");
    sub->add_option("--format", s->format,
                    "text for people (default), json (samverkan-metrics/1), csv (the actor rows) or dot (the "
                    "collaboration graph for Graphviz)");
    sub->add_flag("--timings", s->timings, "print the seconds spent loading, computing and writing on stderr");
    sub->footer("exit status: 0 success; 2 invalid input or usage.");

    commands.push_back({sub, [s, sub] {
                            check_extras(*sub);
                            std::string const file = one_file(s->files, "metrics");
                            one_of("--format", s->format, {"text", "json", "csv", "dot"});
                            auto start = clock_type::now();
                            model const m = load(file);
                            double const load_s = seconds_since(start);
                            start = clock_type::now();
                            std::ostringstream os;
                            double compute_s = 0.0;
                            if (s->format == "dot") {
                                auto const g = collaboration(m);
                                compute_s = seconds_since(start);
                                start = clock_type::now();
                                io::write_collaboration_dot(os, m, g);
                            } else {
                                auto const r = metrics(m);
                                compute_s = seconds_since(start);
                                start = clock_type::now();
                                if (s->format == "json") io::write_metrics_json(os, r);
                                else if (s->format == "csv") io::write_metrics_csv(os, r);
                                else io::write_metrics_text(os, m, r);
                            }
                            if (!os) throw error{"could not format the output"};
                            outcome result{exit_success, std::move(os).str(), {}};
                            if (s->timings) {
                                char line[128];
                                std::snprintf(line, sizeof line,
                                              "samverkan: load %.3f s, metrics %.3f s, write %.3f s\n", load_s,
                                              compute_s, seconds_since(start));
                                result.err = line;
                            }
                            return result;
                        }});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_METRICS_HPP
