// cli: what every subcommand of the tool shares: exit statuses, usage errors, the outcome of a command,
// the checks CLI11 leaves to us (one FILE, option values from a fixed list, unknown options with "did you
// mean") and the options several commands take (--format, --fail-on, rule lists).
//
// Adding a command: write tools/samverkan/command_NAME.hpp with
//     void add_NAME_command(CLI::App& app, std::vector<samverkan::tool::command>& commands)
// that creates the subcommand, declares its options into a state object the run function captures, and
// appends {subcommand, run} (a lambda holding the state); then call it from main.cpp. `run` parses nothing itself: by
// then CLI11 has filled the state; it validates values (throwing usage_error), loads, calls the library and returns the
// outcome. Output is built in memory, so a failure leaves stdout empty.
#ifndef SAMVERKAN_TOOLS_CLI_HPP
#define SAMVERKAN_TOOLS_CLI_HPP

#include <samverkan/detail/suggest.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/diagnostics/severity.hpp>

#include <CLI/CLI.hpp>

#include <charconv>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace samverkan::tool {

inline constexpr int exit_success = 0;
inline constexpr int exit_findings = 1; // audit: findings at or above --fail-on; diff: the models differ
inline constexpr int exit_failure = 2;  // invalid input or a misused command line

/// A misused command line: reported with a pointer to --help, exit status 2.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What a command produces: text for stdout, text for stderr, and the exit status.
struct outcome {
    int status = exit_success;
    std::string out;
    std::string err;
    /// Output that main writes straight to standard output after `out`, once the command has succeeded
    /// (a large report is not held in memory as text); it may append to `err`. Throws samverkan::error when
    /// the stream fails.
    std::function<void(std::ostream&, std::string&)> stream{};
};

/// A subcommand and what runs when the command line chose it.
struct command {
    CLI::App* app = nullptr;
    std::function<outcome()> run;
};

/// Creates subcommand `name` of `app` with the settings every command shares: unknown options and extra
/// arguments are collected (and reported by check_extras with a suggestion), not rejected by CLI11.
inline CLI::App* add_subcommand(CLI::App& app, std::string name, std::string description) {
    CLI::App* sub = app.add_subcommand(std::move(name), std::move(description));
    sub->allow_extras();
    sub->positionals_at_end(false);
    return sub;
}

/// Rejects what CLI11 could not place: an unknown option (with the nearest option of `sub`), or an
/// argument too many.
inline void check_extras(CLI::App const& sub) {
    for (std::string const& extra : sub.remaining()) {
        if (extra == "--") continue; // CLI11 keeps the end-of-options mark among the extras
        if (extra.size() > 1 && extra[0] == '-') {
            std::string const option = extra.substr(0, extra.find('='));
            detail::suggester s{option};
            for (CLI::Option const* o : sub.get_options())
                for (std::string const& long_name : o->get_lnames()) s.offer("--" + long_name);
            throw usage_error{"unknown option " + option + " for " + sub.get_name() +
                              (s.found() ? "; did you mean " + s.best() + "?" : std::string{})};
        }
        throw usage_error{sub.get_name() + ": unexpected argument \"" + extra + "\""};
    }
}

/// The one FILE of a command (`-` for standard input).
inline std::string one_file(std::vector<std::string> const& files, std::string_view command) {
    if (files.empty()) throw usage_error{std::string{command} + " needs a FILE (or - for standard input)"};
    if (files.size() > 1)
        throw usage_error{std::string{command} + " takes one FILE, got " + files[0] + " and " + files[1]};
    return files.front();
}

/// A repeatable option that takes exactly one value per occurrence (`--only a --only b`, not `--only a b`).
inline CLI::Option* add_list_option(CLI::App& sub, std::string name, std::vector<std::string>& values,
                                    std::string description) {
    return sub.add_option(std::move(name), values, std::move(description))->allow_extra_args(false);
}

/// CLI11's parse error in the tool's words: "--fail-on: 1 required TEXT missing" becomes "--fail-on needs
/// a value"; other messages pass as they are.
[[nodiscard]] inline std::string usage_message(CLI::ParseError const& e) {
    std::string const what = e.what();
    std::size_t const colon = what.find(": ");
    if (what.rfind("--", 0) == 0 && colon != std::string::npos && what.find("required") != std::string::npos &&
        what.size() >= 8 && what.compare(what.size() - 8, 8, " missing") == 0)
        return what.substr(0, colon) + " needs a value";
    return what;
}

/// Checks that `value` of `option` is one of `allowed`: "--format must be text or json, not "xml"".
inline void one_of(std::string_view option, std::string const& value, std::initializer_list<std::string_view> allowed) {
    for (std::string_view a : allowed)
        if (a == value) return;
    std::string list;
    std::size_t i = 0;
    for (std::string_view a : allowed) {
        if (i > 0) list += i + 1 == allowed.size() ? " or " : ", ";
        list += a;
        ++i;
    }
    throw usage_error{std::string{option} + " must be " + list + ", not \"" + value + "\""};
}

/// A whole number for an option; anything else (or out of range) is a usage error.
template <class T>
[[nodiscard]] T parse_number(std::string_view text, std::string_view option) {
    T value{};
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw usage_error{std::string{option} + " expects a number, not \"" + std::string{text} + "\""};
    return value;
}

/// Splits "a,b,c" at commas (an empty text gives one empty item).
[[nodiscard]] inline std::vector<std::string> split_commas(std::string_view list) {
    std::vector<std::string> items;
    while (true) {
        std::size_t const comma = list.find(',');
        items.emplace_back(list.substr(0, comma));
        if (comma == std::string_view::npos) return items;
        list.remove_prefix(comma + 1);
    }
}

/// "mandate-missing,idle-actor" as rule ids; an empty item or an unknown id is a usage error.
[[nodiscard]] inline std::vector<rule_id> parse_rules(std::string_view list, std::string_view option) {
    std::vector<rule_id> rules;
    for (std::string item : split_commas(list)) {
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (item.empty()) throw usage_error{std::string{option} + " expects a comma-separated list of rule ids"};
        auto const rule = parse_rule_id(item);
        if (!rule) {
            detail::suggester s{item};
            for (auto r : all_rules()) s.offer(to_string(r));
            throw usage_error{
                "unknown rule id \"" + item + "\" in " + std::string{option} +
                (s.found() ? "; did you mean \"" + s.best() + "\"?" : " (see rules.md for the catalogue)")};
        }
        rules.push_back(rule.value());
    }
    return rules;
}

/// The --fail-on option: error (default), warning, info or never.
struct fail_on_option {
    std::string text = "error";

    void add_to(CLI::App& sub, std::string const& when) {
        sub.add_option("--fail-on", text,
                       "exit with status 1 when " + when +
                           " is at or above this severity: error (default), warning, info or never");
    }
    /// The threshold; nullopt for never.
    [[nodiscard]] std::optional<severity> threshold() const {
        if (text == "never") return std::nullopt;
        if (auto const s = parse_severity(text)) return *s;
        throw usage_error{"--fail-on must be error, warning, info or never, not \"" + text + "\""};
    }
};

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_CLI_HPP
