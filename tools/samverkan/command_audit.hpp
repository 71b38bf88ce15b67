// samverkan audit FILE: runs the rule catalogue and writes the report (model-format.md, section 3).
#ifndef SAMVERKAN_TOOLS_COMMAND_AUDIT_HPP
#define SAMVERKAN_TOOLS_COMMAND_AUDIT_HPP

#include "cli.hpp"
#include "command_templates.hpp"
#include "load.hpp"

#include <samverkan/analysis/audit.hpp>
#include <samverkan/io/report_json.hpp>

#include <cstdio>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace samverkan::tool {

inline void add_audit_command(CLI::App& app, std::vector<command>& commands) {
    struct state {
        std::vector<std::string> files;
        std::string format = "text";
        fail_on_option fail_on;
        std::vector<std::string> only, skip;
        bool timings = false;
        template_options profile; // --profile ID|FILE and its binding options (templates.md 4)
    };
    auto s = std::make_shared<state>();
    CLI::App* sub = add_subcommand(app, "audit", "Run the rule catalogue over a model and print the findings.");
    sub->add_option("FILE", s->files, "the model (samverkan/1 JSON; - for standard input)");
    sub->add_option("--format", s->format, "text for people (default) or json (samverkan-report/1)");
    s->fail_on.add_to(*sub, "a finding");
    add_list_option(*sub, "--only", s->only, "run only these rules (comma-separated rule ids; may be repeated)");
    add_list_option(*sub, "--skip", s->skip, "do not run these rules (comma-separated rule ids; may be repeated)");
    sub->add_flag("--timings", s->timings, "print the seconds spent loading, auditing and writing on stderr");
    add_list_option(*sub, "--profile", s->profile.templates,
                    "audit against a profile (ID or FILE): adds the obligation rules (templates.md 4)");
    s->profile.add_dirs(*sub);
    s->profile.add_binding(*sub, false);
    sub->footer("exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 invalid input or usage.");

    auto run = [s, sub] {
        check_extras(*sub);
        std::string const file = one_file(s->files, "audit");
        one_of("--format", s->format, {"text", "json"});
        auto const threshold = s->fail_on.threshold();
        audit_options options;
        if (!s->only.empty()) {
            options.disabled.set();
            for (auto const& list : s->only)
                for (auto r : parse_rules(list, "--only")) options.disabled.reset(static_cast<std::size_t>(r));
        }
        for (auto const& list : s->skip)
            for (auto r : parse_rules(list, "--skip")) options.skip(r);

        template_request const profile = s->profile.request(false);
        bool const with_profile = !profile.templates.empty();
        if (profile.templates.size() > 1) throw usage_error{"--profile is given twice"};
        if (!with_profile && (!profile.dirs.empty() || profile.binding.scope || profile.binding.everywhere ||
                              !profile.binding.bindings.empty() || !profile.binding.mandates.empty()))
            throw usage_error{"--templates, --scope, --everywhere, --bind and --mandate need --profile ID|FILE"};

        outcome result;
        auto start = clock_type::now();
        auto const m = std::make_shared<model const>(load(file));
        double const load_s = seconds_since(start);
        start = clock_type::now();
        auto const r =
            std::make_shared<report const>(with_profile ? profile_audit(*m, profile, options) : audit(*m, options));
        double const audit_s = seconds_since(start);
        if (threshold && r->summary().at_or_above(*threshold) > 0) result.status = exit_findings;
        auto const timings = [load_s, audit_s, on = s->timings](double write_s) {
            if (!on) return std::string{};
            char line[128];
            std::snprintf(line, sizeof line, "samverkan: load %.3f s, audit %.3f s, write %.3f s\n", load_s, audit_s,
                          write_s);
            return std::string{line};
        };
        if (s->format == "json") {
            // written straight to standard output once the command has succeeded (messages are made while
            // writing): a report of millions of findings is not held in memory a second time as text
            result.stream = [m, r, timings](std::ostream& os, std::string& err) {
                auto const begin = clock_type::now();
                io::write_report_json(os, *m, *r);
                err += timings(seconds_since(begin));
            };
            return result;
        }
        start = clock_type::now();
        std::ostringstream os;
        os << "samverkan audit: " << (r->model ? *r->model : display_name(file)) << '\n' << describe(*m, *r);
        result.out = std::move(os).str();
        result.err = timings(seconds_since(start));
        return result;
    };
    commands.push_back({sub, std::move(run)});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_AUDIT_HPP
