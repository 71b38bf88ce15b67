// samverkan what-if FILE --without ACTORS: the findings that withdrawing actors adds and removes
// (analytics.md sections 1 and 5).
#ifndef SAMVERKAN_TOOLS_COMMAND_WHAT_IF_HPP
#define SAMVERKAN_TOOLS_COMMAND_WHAT_IF_HPP

#include "cli.hpp"
#include "load.hpp"

#include <samverkan/analysis/what_if.hpp>
#include <samverkan/detail/suggest.hpp>
#include <samverkan/io/robustness_report.hpp>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace samverkan::tool {

/// The actors named by --without: ids separated by commas ("a,,b" names the actor with the empty id); an
/// empty list or an unknown actor (with the nearest id or name) is a usage error; a repeat counts once.
inline std::vector<actor_id> parse_actor_list(model const& m, std::string const& text, std::string_view option) {
    if (text.empty()) throw usage_error{std::string{option} + " needs at least one actor id"};
    std::vector<actor_id> out;
    for (std::string const& item : split_commas(text)) {
        auto const a = m.find<actor_id>(item);
        if (!a) {
            detail::suggester s{item};
            for (actor_id b : m.actors()) s.offer(m[b].id, m[b].name);
            throw usage_error{"unknown actor \"" + item + "\" in " + std::string{option} + s.hint()};
        }
        out.push_back(*a);
    }
    return out;
}

inline void add_what_if_command(CLI::App& app, std::vector<command>& commands) {
    struct state {
        std::vector<std::string> files;
        std::optional<std::string> without;
        std::string format = "text";
        fail_on_option fail_on;
    };
    auto s = std::make_shared<state>();
    CLI::App* sub =
        add_subcommand(app, "what-if", "Compare the audit of a model with the audit of the model without some actors.");
    sub->add_option("FILE", s->files, "the model (samverkan/1 JSON; - for standard input)");
    sub->add_option("--without", s->without, "the actors to withdraw: ids separated by commas");
    sub->add_option("--format", s->format, "text for people (default) or json (samverkan-whatif/1)");
    s->fail_on.add_to(*sub, "an added finding");
    sub->footer("exit status: 0 no added finding at or above --fail-on; 1 otherwise; 2 invalid input or usage.");

    commands.push_back({sub, [s, sub] {
                            check_extras(*sub);
                            std::string const file = one_file(s->files, "what-if");
                            one_of("--format", s->format, {"text", "json"});
                            auto const threshold = s->fail_on.threshold();
                            if (!s->without) throw usage_error{"what-if needs --without ACTORS"};
                            if (s->without->empty()) throw usage_error{"--without needs at least one actor id"};
                            model const m = load(file);
                            auto const actors = parse_actor_list(m, *s->without, "--without");
                            auto const r = what_if(m, actors);
                            outcome result;
                            std::ostringstream os;
                            if (s->format == "json") io::write_what_if_json(os, m, r);
                            else io::write_what_if_text(os, m, r);
                            result.out = std::move(os).str();
                            if (threshold && r.added.summary().at_or_above(*threshold) > 0)
                                result.status = exit_findings;
                            return result;
                        }});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_WHAT_IF_HPP
