// samverkan: the command-line tool (model-format.md, section 3). A thin layer over the library: parse the
// command line, load the model, run the library, write, choose the exit status. No rule logic lives here.
//
// Exit status: 0 success (for audit: nothing at or above --fail-on), 1 audit findings at or above
// --fail-on, 2 unreadable or invalid input or a misused command line. On status 2 a message goes to stderr
// and nothing to stdout: all output is built in memory and printed only once everything has succeeded.
#include <samverkan/analysis/audit.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/diagnostics/severity.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/csv.hpp>
#include <samverkan/io/detail/suggest.hpp>
#include <samverkan/io/dot.hpp>
#include <samverkan/io/graphml.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/load_error.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/synthetic/generator.hpp>
#include <samverkan/version.hpp>

#include "template_commands.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#if __has_include(<sys/mman.h>) && __has_include(<fcntl.h>) && __has_include(<unistd.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define SAMVERKAN_TOOL_MMAP 1
#else
#define SAMVERKAN_TOOL_MMAP 0
#endif

namespace {

constexpr int exit_success = 0;
constexpr int exit_findings = 1;
constexpr int exit_failure = 2;

constexpr std::string_view usage_text = R"(usage: samverkan COMMAND [OPTIONS] FILE

Reads a collaboration model (samverkan/1 JSON; FILE may be - for standard input).

commands:
  audit FILE      run the rule catalogue and print the findings
      --format text|json      text for people (default) or samverkan-report/1 JSON
      --fail-on error|warning|info|never
                              exit with status 1 when a finding is at or above this
                              severity (default: error)
      --only RULES            run only these rules (comma-separated rule ids)
      --skip RULES            do not run these rules
      --timings               print the seconds spent loading, auditing and writing on stderr
  convert FILE --to json|dot|graphml|csv
                  re-emit the model: canonical JSON, Graphviz DOT with the findings
                  highlighted, GraphML (igraph, NetworkX, Gephi), or a RACI matrix as CSV
  generate --municipalities N [--seed S] [--defect-rate R]
                  write a synthetic national model to standard output (for benchmarks
                  and tests): N municipalities (290: about 1e6 duties, 1e7 relations),
                  each kind of defect in a fraction R of the plans (default 0.01, at
                  most 0.05; 0: a model without findings); the same options give the
                  same bytes

  --help          print this help
  --version       print the version

exit status: 0 success; 1 audit findings at or above --fail-on; 2 invalid input or usage.
)";

/// A misused command line: reported with a pointer to --help, exit status 2.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What a command produces: text for stdout, an optional line for stderr, and the exit status.
struct outcome {
    int status = exit_success;
    std::string out;
    std::string err;
};

// ---- the command line -----------------------------------------------------------------------------------

/// The arguments after the command name, consumed left to right. Options take their value as the next
/// argument or after '=' (--format=json); "--" ends the options.
class arguments {
public:
    explicit arguments(std::vector<std::string_view> args) : args_{std::move(args)} {}

    [[nodiscard]] bool done() const noexcept { return i_ >= args_.size(); }

    /// The next argument; sets `option` (the part before '=' for --name=value) when it is an option.
    std::string_view next(bool& is_option) {
        std::string_view a = args_[i_++];
        pending_value_.reset();
        is_option = false;
        if (a == "--" && !options_ended_) {
            options_ended_ = true;
            if (done()) throw usage_error{"nothing follows --"};
            return args_[i_++];
        }
        if (!options_ended_ && a.size() > 1 && a[0] == '-') {
            is_option = true;
            if (auto const eq = a.find('='); eq != std::string_view::npos) {
                pending_value_ = a.substr(eq + 1);
                a = a.substr(0, eq);
            }
        }
        return a;
    }

    /// The value of option `name` just read.
    std::string_view value(std::string_view name) {
        if (pending_value_) return *pending_value_;
        if (done()) throw usage_error{std::string{name} + " needs a value"};
        return args_[i_++];
    }

    /// Fails when an option that takes no value was given one (--timings=yes).
    void no_value(std::string_view name) const {
        if (pending_value_) throw usage_error{std::string{name} + " takes no value"};
    }

private:
    std::vector<std::string_view> args_;
    std::size_t i_ = 0;
    bool options_ended_ = false;
    std::optional<std::string_view> pending_value_;
};

[[noreturn]] void unknown_option(std::string_view option, std::initializer_list<std::string_view> known) {
    samverkan::io::detail::suggester s{option};
    for (std::string_view k : known) s.offer(k);
    throw usage_error{"unknown option " + std::string{option} +
                      (s.found() ? "; did you mean " + s.best() + "?" : std::string{})};
}

/// Keeps the one FILE argument.
void set_file(std::optional<std::string>& file, std::string_view arg, std::string_view command) {
    if (file) throw usage_error{std::string{command} + " takes one FILE, got " + *file + " and " + std::string{arg}};
    file = std::string{arg};
}

std::string need_file(std::optional<std::string> const& file, std::string_view command) {
    if (!file) throw usage_error{std::string{command} + " needs a FILE (or - for standard input)"};
    return *file;
}

/// "mandate-missing,idle-actor" as rule ids; an unknown id is a usage error.
std::vector<samverkan::rule_id> parse_rules(std::string_view list, std::string_view option) {
    std::vector<samverkan::rule_id> rules;
    while (true) {
        std::size_t const comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (item.empty()) throw usage_error{std::string{option} + " expects a comma-separated list of rule ids"};
        auto const rule = samverkan::parse_rule_id(item);
        if (!rule) {
            samverkan::io::detail::suggester s{item};
            for (auto r : samverkan::all_rules()) s.offer(to_string(r));
            throw usage_error{
                "unknown rule id \"" + std::string{item} + "\" in " + std::string{option} +
                (s.found() ? "; did you mean \"" + s.best() + "\"?" : " (see rules.md for the catalogue)")};
        }
        rules.push_back(*rule);
        if (comma == std::string_view::npos) return rules;
        list.remove_prefix(comma + 1);
    }
}

// ---- loading --------------------------------------------------------------------------------------------

std::string read_stdin() {
    std::string text;
    char chunk[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) text.append(chunk, n);
    if (std::ferror(stdin)) throw samverkan::io::load_error{"<stdin>", 0, 0, "", "cannot read standard input"};
    return text;
}

#if SAMVERKAN_TOOL_MMAP
/// A regular file mapped read-only and populated in one call: the reader parses the page cache in place,
/// without copying the text and without a page fault per 4 KiB (at national scale the copy and the
/// faults cost about a second). Anything else (a pipe, an empty file, a failed map) is read normally.
class mapped_file {
public:
    explicit mapped_file(std::string const& path) {
        int const fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            auto const size = static_cast<std::size_t>(st.st_size);
            void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = static_cast<char const*>(p);
                size_ = size;
            }
        }
        ::close(fd);
    }
    mapped_file(mapped_file const&) = delete;
    mapped_file& operator=(mapped_file const&) = delete;
    ~mapped_file() {
        if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
    }
    [[nodiscard]] bool mapped() const noexcept { return data_ != nullptr; }
    [[nodiscard]] std::string_view text() const noexcept { return {data_, size_}; }

private:
    char const* data_ = nullptr;
    std::size_t size_ = 0;
};
#endif

samverkan::model load(std::string const& file) {
    if (file == "-") return samverkan::io::read_json(read_stdin(), "<stdin>");
#if SAMVERKAN_TOOL_MMAP
    if (mapped_file const map{file}; map.mapped()) return samverkan::io::read_json(map.text(), file);
#endif
    return samverkan::io::read_json_file(file); // also gives the error message when the file cannot be read
}

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

std::string format_seconds(double s) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", s);
    return buffer;
}

// ---- audit ----------------------------------------------------------------------------------------------

/// Reads one of the template options (--templates, --template, --scope, --everywhere, --bind, --mandate,
/// --stage, --as, --format) when `a` is one that `allowed` lists; returns false otherwise.
bool template_option(arguments& args, std::string_view a, samverkan_tool::template_request& r,
                     std::initializer_list<std::string_view> allowed) {
    if (std::find(allowed.begin(), allowed.end(), a) == allowed.end()) return false;
    if (a == "--templates") r.dirs.emplace_back(args.value(a));
    else if (a == "--template" || a == "--profile") r.templates.emplace_back(args.value(a));
    else if (a == "--scope") {
        if (r.binding.scope) throw usage_error{"--scope is given twice"};
        r.binding.scope = std::string{args.value(a)};
    } else if (a == "--everywhere") {
        args.no_value(a);
        r.binding.everywhere = true;
    } else if (a == "--bind") samverkan_tool::add_binding(r.binding, args.value(a));
    else if (a == "--mandate") samverkan_tool::add_mapping(r.binding.mandates, args.value(a), a);
    else if (a == "--stage") samverkan_tool::add_mapping(r.binding.stages, args.value(a), a);
    else if (a == "--as") {
        if (r.as) throw usage_error{"--as is given twice"};
        r.as = std::string{args.value(a)};
        if (r.as->empty()) throw usage_error{"--as needs a non-empty PREFIX"};
    } else if (a == "--format") {
        std::string_view const v = args.value(a);
        if (v != "text" && v != "json")
            throw usage_error{"--format must be text or json, not \"" + std::string{v} + "\""};
        r.json = v == "json";
    }
    return true;
}

struct audit_request {
    std::string file;
    std::optional<samverkan_tool::template_request> profile; // audit --profile
    bool json = false;
    std::optional<samverkan::severity> fail_on = samverkan::severity::error; // nullopt: never
    samverkan::audit_options options;
    bool timings = false;
};

audit_request parse_audit(arguments& args) {
    audit_request request;
    std::optional<std::string> file;
    std::vector<samverkan::rule_id> only, skip;
    bool has_only = false;
    while (!args.done()) {
        bool option = false;
        std::string_view const a = args.next(option);
        if (!option) {
            set_file(file, a, "audit");
        } else if (a == "--format") {
            std::string_view const v = args.value(a);
            if (v != "text" && v != "json")
                throw usage_error{"--format must be text or json, not \"" + std::string{v} + "\""};
            request.json = v == "json";
        } else if (a == "--fail-on") {
            std::string_view const v = args.value(a);
            if (v == "never") request.fail_on.reset();
            else if (auto const s = samverkan::parse_severity(v)) request.fail_on = *s;
            else throw usage_error{"--fail-on must be error, warning, info or never, not \"" + std::string{v} + "\""};
        } else if (a == "--only") {
            auto const rules = parse_rules(args.value(a), a);
            only.insert(only.end(), rules.begin(), rules.end());
            has_only = true;
        } else if (a == "--skip") {
            auto const rules = parse_rules(args.value(a), a);
            skip.insert(skip.end(), rules.begin(), rules.end());
        } else if (a == "--timings") {
            args.no_value(a);
            request.timings = true;
        } else if (a == "--profile" || a == "--scope" || a == "--everywhere" || a == "--bind" || a == "--mandate" ||
                   a == "--templates") {
            if (!request.profile) request.profile.emplace();
            template_option(args, a, *request.profile,
                            {"--profile", "--scope", "--everywhere", "--bind", "--mandate", "--templates"});
        } else {
            unknown_option(a, {"--format", "--fail-on", "--only", "--skip", "--timings", "--profile", "--scope",
                               "--everywhere", "--bind", "--mandate", "--templates", "--help", "--version"});
        }
    }
    request.file = need_file(file, "audit");
    if (request.profile && request.profile->templates.empty())
        throw usage_error{"--scope, --everywhere, --bind, --mandate and --templates need --profile ID|FILE"};
    if (request.profile && request.profile->templates.size() > 1) throw usage_error{"--profile is given twice"};
    if (has_only) {
        request.options.disabled.set();
        for (auto r : only) request.options.disabled.reset(static_cast<std::size_t>(r));
    }
    for (auto r : skip) request.options.skip(r);
    return request;
}

std::string text_report(samverkan::report const& r, std::string const& file) {
    std::ostringstream os;
    os << "samverkan audit: " << (r.model ? *r.model : file == "-" ? std::string{"<stdin>"} : file) << '\n' << r;
    return os.str();
}

outcome run_audit(arguments& args) {
    audit_request const request = parse_audit(args);
    outcome result;

    auto start = clock_type::now();
    samverkan::model const m = load(request.file);
    double const load_s = seconds_since(start);

    start = clock_type::now();
    samverkan::report const r = request.profile ? samverkan_tool::profile_audit(m, *request.profile, request.options)
                                                : samverkan::audit(m, request.options);
    double const audit_s = seconds_since(start);

    start = clock_type::now();
    if (request.json) {
        std::ostringstream os;
        samverkan::io::write_report_json(os, m, r);
        result.out = std::move(os).str();
    } else {
        result.out = text_report(r, request.file);
    }
    double const write_s = seconds_since(start);

    if (request.fail_on && r.summary().at_or_above(*request.fail_on) > 0) result.status = exit_findings;
    if (request.timings)
        result.err = "samverkan: load " + format_seconds(load_s) + " s, audit " + format_seconds(audit_s) +
                     " s, write " + format_seconds(write_s) + " s\n";
    return result;
}

// ---- convert --------------------------------------------------------------------------------------------

outcome run_convert(arguments& args) {
    std::optional<std::string> file;
    std::optional<std::string> to;
    while (!args.done()) {
        bool option = false;
        std::string_view const a = args.next(option);
        if (!option) {
            set_file(file, a, "convert");
        } else if (a == "--to") {
            std::string_view const v = args.value(a);
            if (v != "json" && v != "dot" && v != "graphml" && v != "csv")
                throw usage_error{"--to must be json, dot, graphml or csv, not \"" + std::string{v} + "\""};
            to = std::string{v};
        } else {
            unknown_option(a, {"--to", "--help", "--version"});
        }
    }
    std::string const path = need_file(file, "convert");
    if (!to) throw usage_error{"convert needs --to json|dot|graphml|csv"};

    samverkan::model const m = load(path);
    std::ostringstream os;
    if (*to == "json") samverkan::io::write_json(os, m);
    else if (*to == "dot") samverkan::io::write_dot(os, m, samverkan::audit(m));
    else if (*to == "graphml") samverkan::io::write_graphml(os, m);
    else samverkan::io::write_raci_csv(os, m);
    if (!os) throw samverkan::error{"could not format the output"};
    return {exit_success, std::move(os).str(), {}};
}

// ---- generate -------------------------------------------------------------------------------------------

/// A number for an option; anything else (or out of range) is a usage error.
template <class T>
T parse_number(std::string_view text, std::string_view option) {
    T value{};
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw usage_error{std::string{option} + " expects a number, not \"" + std::string{text} + "\""};
    return value;
}

outcome run_generate(arguments& args) {
    samverkan::synthetic::generator_options options;
    bool have_count = false;
    while (!args.done()) {
        bool option = false;
        std::string_view const a = args.next(option);
        if (!option) throw usage_error{"generate takes no FILE (it writes to standard output), got " + std::string{a}};
        if (a == "--municipalities") {
            options.municipalities = parse_number<std::size_t>(args.value(a), a);
            if (options.municipalities < 1 || options.municipalities > 99999)
                throw usage_error{"--municipalities must be between 1 and 99999"};
            have_count = true;
        } else if (a == "--seed") {
            options.seed = parse_number<std::uint64_t>(args.value(a), a);
        } else if (a == "--defect-rate") {
            options.defect_rate = parse_number<double>(args.value(a), a);
            if (!(options.defect_rate >= 0 && options.defect_rate <= 1))
                throw usage_error{"--defect-rate must be between 0 and 1"};
        } else {
            unknown_option(a, {"--municipalities", "--seed", "--defect-rate", "--help", "--version"});
        }
    }
    if (!have_count) throw usage_error{"generate needs --municipalities N (290 for the national model)"};
    // Streamed straight to stdout (the national model is ~0.4 GB); every usage error is thrown above, before
    // the first byte, so a failure still leaves stdout empty.
    samverkan::synthetic::generate(std::cout, options);
    return {};
}

// ---- templates, apply, fit (templates.md section 6) ----------------------------------------------------

outcome run_templates(arguments& args) {
    samverkan_tool::template_request r;
    while (!args.done()) {
        bool option = false;
        std::string_view const a = args.next(option);
        if (!option) throw usage_error{"templates takes no FILE, got " + std::string{a}};
        if (!template_option(args, a, r, {"--templates", "--format"}))
            unknown_option(a, {"--templates", "--format", "--help", "--version"});
    }
    return {exit_success, samverkan_tool::run_templates(r), {}};
}

outcome run_apply(arguments& args) {
    samverkan_tool::template_request r;
    std::optional<std::string> file;
    while (!args.done()) {
        bool option = false;
        std::string_view const a = args.next(option);
        if (!option) set_file(file, a, "apply");
        else if (!template_option(args, a, r,
                                  {"--template", "--templates", "--scope", "--everywhere", "--as", "--bind",
                                   "--mandate", "--stage"}))
            unknown_option(a, {"--template", "--templates", "--scope", "--everywhere", "--as", "--bind", "--mandate",
                               "--stage", "--help", "--version"});
    }
    std::string const path = need_file(file, "apply");
    if (r.templates.empty()) throw usage_error{"apply needs --template ID|FILE"};
    samverkan::model const place = load(path);
    auto [out, err] = samverkan_tool::run_apply(place, r);
    return {exit_success, std::move(out), std::move(err)};
}

outcome run_fit(arguments& args) {
    samverkan_tool::template_request r;
    std::optional<std::string> file;
    while (!args.done()) {
        bool option = false;
        std::string_view const a = args.next(option);
        if (!option) set_file(file, a, "fit");
        else if (!template_option(args, a, r,
                                  {"--template", "--templates", "--scope", "--everywhere", "--bind", "--mandate",
                                   "--stage", "--format"}))
            unknown_option(a, {"--template", "--templates", "--scope", "--everywhere", "--bind", "--mandate", "--stage",
                               "--format", "--help", "--version"});
    }
    std::string const path = need_file(file, "fit");
    samverkan::model const place = load(path);
    return {exit_success, samverkan_tool::run_fit(place, r), {}};
}

// ---- dispatch -------------------------------------------------------------------------------------------

/// The subcommands. To add one (such as `generate`), write `outcome run_NAME(arguments&)` above, add a
/// row here and a paragraph to usage_text.
struct subcommand {
    std::string_view name;
    outcome (*run)(arguments&);
};
constexpr subcommand subcommands[] = {
    {"audit", run_audit},
    {"convert", run_convert},
    {"generate", run_generate},
    {"templates", run_templates},
    {"apply", run_apply},
    {"fit", run_fit},
};

outcome dispatch(std::vector<std::string_view> const& argv) {
    // --help and --version win wherever they appear (before a "--").
    for (std::string_view a : argv) {
        if (a == "--") break;
        if (a == "--help" || a == "-h") return {exit_success, std::string{usage_text}, {}};
        if (a == "--version") return {exit_success, "samverkan " + std::string{samverkan::version_string} + '\n', {}};
    }
    if (argv.empty()) throw usage_error{"no command given"};
    std::string_view const name = argv.front();
    for (subcommand const& c : subcommands) {
        if (c.name != name) continue;
        arguments args{std::vector<std::string_view>(argv.begin() + 1, argv.end())};
        return c.run(args);
    }
    samverkan::io::detail::suggester s{name};
    for (subcommand const& c : subcommands) s.offer(c.name);
    throw usage_error{"unknown command \"" + std::string{name} + "\"" +
                      (s.found() ? "; did you mean \"" + s.best() + "\"?" : std::string{})};
}

int fail(std::string_view message) {
    std::cerr << "samverkan: " << message << '\n';
    return exit_failure;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    outcome result;
    try {
        result = dispatch(args);
    } catch (samverkan_tool::template_usage_error const& e) {
        std::cerr << "samverkan: " << e.what() << "\nTry 'samverkan --help'.\n";
        return exit_failure;
    } catch (usage_error const& e) {
        std::cerr << "samverkan: " << e.what() << "\nTry 'samverkan --help'.\n";
        return exit_failure;
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
    std::cout.flush();
    if (!std::cout) return fail("could not write to standard output");
    std::cerr << result.err;
    return result.status;
}
