// samverkan diff A B [--format text|json|dot]: what changed from model A to model B (analytics.md,
// sections 4 and 5). Exit status 0 when every list of the report is empty, 1 otherwise (as diff(1)), 2 on
// invalid input (the message names the side) or misuse (CSV is not a form of the diff).
#ifndef SAMVERKAN_TOOLS_COMMAND_DIFF_HPP
#define SAMVERKAN_TOOLS_COMMAND_DIFF_HPP

#include "cli.hpp"
#include "load.hpp"

#include <samverkan/analysis/diff.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/diff_report.hpp>
#include <samverkan/io/load_error.hpp>

#include <exception>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace samverkan::tool {

inline void add_diff_command(CLI::App& app, std::vector<command>& commands) {
    struct state {
        std::vector<std::string> files;
        std::string format = "text";
    };
    auto s = std::make_shared<state>();
    CLI::App* sub = add_subcommand(app, "diff",
                                   "Compare two versions of a model by meaning: elements added, removed and "
                                   "changed, holdings and delegations, findings that appear and disappear.");
    sub->add_option("A", s->files, "the first (earlier) model and the second: A B (one of them may be -)");
    sub->add_option("--format", s->format,
                    "text for people (default), json (samverkan-diff/1) or dot (a Graphviz view)");
    sub->footer("exit status: 0 the models mean the same; 1 they differ; 2 invalid input or usage.");

    commands.push_back({sub, [s, sub] {
                            check_extras(*sub);
                            if (s->files.size() != 2)
                                throw usage_error{"diff takes two model files, A and B (got " +
                                                  std::to_string(s->files.size()) + ")"};
                            if (s->format == "csv")
                                throw usage_error{"diff has no CSV form: --format must be text, json or dot"};
                            one_of("--format", s->format, {"text", "json", "dot"});
                            if (s->files[0] == "-" && s->files[1] == "-")
                                throw usage_error{"diff: only one of A and B can be standard input"};

                            // both models load at once; a failure names the side
                            std::optional<model> a, b;
                            std::exception_ptr failure_b;
                            {
                                std::jthread second{[&] {
                                    try {
                                        b.emplace(load(s->files[1]));
                                    } catch (...) {
                                        failure_b = std::current_exception();
                                    }
                                }};
                                try {
                                    a.emplace(load(s->files[0]));
                                } catch (io::load_error const& e) {
                                    second.join();
                                    throw error{"diff: the first model (A, " + display_name(s->files[0]) +
                                                ") is invalid: " + e.what()};
                                }
                            }
                            if (failure_b) {
                                try {
                                    std::rethrow_exception(failure_b);
                                } catch (io::load_error const& e) {
                                    throw error{"diff: the second model (B, " + display_name(s->files[1]) +
                                                ") is invalid: " + e.what()};
                                }
                            }

                            diff_report const d = diff(*a, *b);
                            std::ostringstream os;
                            if (s->format == "json") io::write_diff_json(os, *a, *b, d);
                            else if (s->format == "dot") io::write_diff_dot(os, *a, *b, d);
                            else io::write_diff_text(os, *a, *b, d);
                            if (!os) throw error{"could not format the output"};
                            return outcome{d.empty() ? exit_success : exit_findings, std::move(os).str(), {}};
                        }});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_DIFF_HPP
