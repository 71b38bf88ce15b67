// samverkan: the command-line tool (model-format.md section 3, templates.md section 6, analytics.md
// section 5). A thin layer over the library: CLI11 parses the command line into each command's state
// (tools/samverkan/command_*.hpp, compiled in groups: commands_*.cpp), the command loads, runs the library, writes and
// chooses the exit status. No rule logic lives here.
//
// Exit status: 0 success; 1 what a command defines (audit: findings at or above --fail-on); 2 unreadable or
// invalid input or a misused command line. On status 2 a message goes to stderr and nothing to stdout: all
// output is built in memory and printed only once everything has succeeded.
#include "cli.hpp"
#include "commands.hpp"

#include <samverkan/error.hpp>
#include <samverkan/io/load_error.hpp>
#include <samverkan/version.hpp>

#include <cstddef>
#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace samverkan::tool;

int fail(std::string_view message) {
    std::cerr << "samverkan: " << message << '\n';
    return exit_failure;
}

int usage_failure(std::string_view message) {
    std::cerr << "samverkan: " << message << "\nTry 'samverkan --help'.\n";
    return exit_failure;
}

/// The command the first free argument names, or a usage error with the nearest command.
[[noreturn]] void unknown_command(CLI::App const& app) {
    auto const extras = app.remaining();
    if (extras.empty()) throw usage_error{"no command given"};
    std::string const& name = extras.front();
    if (name.size() > 1 && name[0] == '-') throw usage_error{"unknown option " + name + "; give a command first"};
    samverkan::detail::suggester s{name};
    for (CLI::App const* sub : app.get_subcommands({})) s.offer(sub->get_name());
    throw usage_error{"unknown command \"" + name + "\"" + s.hint()};
}

int run(int argc, char** argv) {
    CLI::App app{"Model collaboration frameworks (samverkansmodeller) as typed graphs and audit them.", "samverkan"};
    app.set_version_flag("--version", "samverkan " + std::string{samverkan::version_string});
    app.allow_extras();
    app.footer("Run 'samverkan COMMAND --help' for a command's options.\n"
               "exit status: 0 success; 1 findings at or above --fail-on (audit, what-if), the models differ (diff); "
               "2 invalid input or usage.");

    std::vector<command> commands;
    add_model_commands(app, commands);
    add_template_commands(app, commands);
    add_analytics_commands(app, commands);

    // CLI11 reads "--only=" (an empty value after '=') as no value at all and would take the next argument
    // instead; split it into the option and an explicit empty value (not "--bind=ROLE=", whose value is
    // "ROLE="). CLI11 wants the arguments reversed.
    std::vector<std::string> args;
    for (int i = argc - 1; i >= 1; --i) args.emplace_back(argv[i]);
    for (std::size_t i = args.size(); i-- > 0;) {
        if (args[i] == "--") break;
        if (args[i].size() > 3 && args[i].rfind("--", 0) == 0 && args[i].find('=') == args[i].size() - 1) {
            args[i].pop_back();
            args.insert(args.begin() + static_cast<std::ptrdiff_t>(i), std::string{});
        }
    }
    try {
        app.parse(args);
    } catch (CLI::CallForHelp const& e) {
        return app.exit(e);
    } catch (CLI::CallForAllHelp const& e) {
        return app.exit(e);
    } catch (CLI::CallForVersion const& e) {
        return app.exit(e);
    } catch (CLI::ParseError const& e) {
        return usage_failure(usage_message(e));
    }

    outcome result;
    try {
        command const* chosen = nullptr;
        for (command const& c : commands)
            if (c.app->parsed()) chosen = &c;
        if (chosen == nullptr) unknown_command(app);
        result = chosen->run();
    } catch (usage_error const& e) {
        return usage_failure(e.what());
    } catch (samverkan::io::load_error const& e) {
        // FILE:LINE:COLUMN: first, as compilers print it, so editors can jump to the place.
        std::cerr << e.what() << '\n';
        return exit_failure;
    } catch (samverkan::error const& e) {
        return fail(e.what());
    } catch (std::bad_alloc const&) {
        return fail("out of memory");
    } catch (std::exception const& e) {
        return fail(e.what());
    }
    std::cout.write(result.out.data(), static_cast<std::streamsize>(result.out.size()));
    if (result.stream) {
        try {
            result.stream(std::cout, result.err);
        } catch (samverkan::error const& e) {
            return fail(e.what());
        } catch (std::bad_alloc const&) {
            return fail("out of memory");
        }
    }
    std::cout.flush();
    if (!std::cout) return fail("could not write to standard output");
    std::cerr << result.err;
    return result.status;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (...) { // run() reports every error itself; this is only for what escapes CLI11's own setup
        std::fputs("samverkan: internal error\n", stderr);
        return exit_failure;
    }
}
