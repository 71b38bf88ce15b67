// samverkan templates | apply | fit (templates.md section 6), and the options audit takes with --profile.
// The work is in template_commands.hpp; this header declares the command lines.
#ifndef SAMVERKAN_TOOLS_COMMAND_TEMPLATES_HPP
#define SAMVERKAN_TOOLS_COMMAND_TEMPLATES_HPP

#include "cli.hpp"
#include "load.hpp"
#include "template_commands.hpp"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace samverkan::tool {

/// The template options as a command line gives them, turned into a template_request by request().
struct template_options {
    std::vector<std::string> dirs, templates, binds, mandates, stages;
    std::vector<std::string> scope, as;
    bool everywhere = false;
    std::string format = "text";

    void add_dirs(CLI::App& sub) {
        add_list_option(sub, "--templates", dirs, "add every *.json template of DIR (may be repeated)");
    }
    void add_binding(CLI::App& sub, bool stage_option) {
        add_list_option(sub, "--scope", scope, "the application scope: a scope id of the place");
        sub.add_flag("--everywhere", everywhere, "apply everywhere (no scope)");
        add_list_option(sub, "--bind", binds, "ROLE=ACTOR[,ACTOR...] binds a role explicitly; ROLE= binds none");
        add_list_option(sub, "--mandate", mandates, "T=P: the template's mandate T is the place's mandate P");
        if (stage_option) add_list_option(sub, "--stage", stages, "T=P: the template's stage T is the place's stage P");
    }
    [[nodiscard]] template_request request(bool json_allowed) const {
        template_request r;
        r.dirs = dirs;
        r.templates = templates;
        if (scope.size() > 1) throw usage_error{"--scope is given twice"};
        if (!scope.empty()) r.binding.scope = scope.front();
        r.binding.everywhere = everywhere;
        if (r.binding.scope && everywhere) throw usage_error{"--scope and --everywhere exclude each other"};
        for (auto const& b : binds) samverkan::tool::add_binding(r.binding, b);
        for (auto const& m : mandates) add_mapping(r.binding.mandates, m, "--mandate");
        for (auto const& m : stages) add_mapping(r.binding.stages, m, "--stage");
        if (as.size() > 1) throw usage_error{"--as is given twice"};
        if (!as.empty()) {
            if (as.front().empty()) throw usage_error{"--as needs a non-empty PREFIX"};
            r.as = as.front();
        }
        if (json_allowed) {
            one_of("--format", format, {"text", "json"});
            r.json = format == "json";
        }
        return r;
    }
};

inline void add_templates_command(CLI::App& app, std::vector<command>& commands) {
    auto s = std::make_shared<template_options>();
    CLI::App* sub = add_subcommand(app, "templates", "List the available templates (bundled and --templates DIR).");
    s->add_dirs(*sub);
    sub->add_option("--format", s->format, "text for people (default) or json (samverkan-templates/1)");
    auto run = [s, sub] {
        check_extras(*sub);
        return outcome{exit_success, run_templates(s->request(true)), {}};
    };
    commands.push_back({sub, std::move(run)});
}

inline void add_apply_command(CLI::App& app, std::vector<command>& commands) {
    struct state : template_options {
        std::vector<std::string> files;
    };
    auto s = std::make_shared<state>();
    CLI::App* sub =
        add_subcommand(app, "apply", "Apply a template to a place and write the applied model (samverkan/1.1).");
    sub->add_option("PLACE", s->files, "the place (a samverkan/1 model; - for standard input)");
    add_list_option(*sub, "--template", s->templates, "ID (a bundled template) or FILE (with a / or ending in .json)");
    s->add_dirs(*sub);
    s->add_binding(*sub, true);
    add_list_option(*sub, "--as", s->as, "the prefix of the added ids (default: the template's id)");
    sub->footer("Writes one line on stderr per unbound role.\n"
                "exit status: 0 applied; 2 invalid input, an id clash (use --as) or usage.");
    auto run = [s, sub] {
        check_extras(*sub);
        std::string const file = one_file(s->files, "apply");
        template_request const r = s->request(false);
        if (r.templates.empty()) throw usage_error{"apply needs --template ID|FILE"};
        if (r.templates.size() > 1) throw usage_error{"apply takes one --template"};
        model const place = load(file);
        auto [out, err] = run_apply(place, r);
        return outcome{exit_success, std::move(out), std::move(err)};
    };
    commands.push_back({sub, std::move(run)});
}

inline void add_fit_command(CLI::App& app, std::vector<command>& commands) {
    struct state : template_options {
        std::vector<std::string> files;
    };
    auto s = std::make_shared<state>();
    CLI::App* sub = add_subcommand(app, "fit", "Rank templates by how well a place can carry them.");
    sub->add_option("PLACE", s->files, "the place (a samverkan/1 model; - for standard input)");
    add_list_option(*sub, "--template", s->templates, "a candidate: ID or FILE (may be repeated)");
    s->add_dirs(*sub);
    s->add_binding(*sub, true);
    sub->add_option("--format", s->format, "text for people (default) or json (samverkan-fit/1)");
    sub->footer("Candidates: the bundled templates of kind model, or those given by --template and --templates.\n"
                "exit status: 0 ranked; 2 invalid input or usage.");
    auto run = [s, sub] {
        check_extras(*sub);
        std::string const file = one_file(s->files, "fit");
        template_request const r = s->request(true);
        model const place = load(file);
        return outcome{exit_success, run_fit(place, r), {}};
    };
    commands.push_back({sub, std::move(run)});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_TEMPLATES_HPP
