// What the template commands of the tool share (templates.md section 6: `templates`, `apply`, `fit` and
// `audit --profile`): finding and loading templates (bundled, --templates DIR, --template ID|FILE), the
// binding options, and each command's work over the library. Every failure throws (samverkan::error,
// io::load_error or usage_error) before any output is produced, so the caller prints nothing on stdout and
// exits 2. The commands themselves: command_templates.hpp (and command_audit.hpp for --profile).
#ifndef SAMVERKAN_TOOLS_TEMPLATE_COMMANDS_HPP
#define SAMVERKAN_TOOLS_TEMPLATE_COMMANDS_HPP

#include "cli.hpp"

#include <samverkan/analysis/audit_options.hpp>
#include <samverkan/analysis/capability.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/fit_json.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/template_json.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/templates/apply.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/fit.hpp>
#include <samverkan/templates/profile.hpp>
#include <samverkan/templates/template.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace samverkan::tool {

namespace fs = std::filesystem;
namespace tpl = samverkan::templates;

/// The options the template commands share.
struct template_request {
    std::vector<std::string> dirs;      ///< --templates DIR
    std::vector<std::string> templates; ///< --template ID|FILE
    tpl::binding_options binding;       ///< --bind, --mandate, --stage, --scope, --everywhere
    std::optional<std::string> as;      ///< --as PREFIX
    bool json = false;                  ///< --format json
};

/// `--bind ROLE=ACTOR[,ACTOR...]` (an empty right-hand side binds no actor).
inline void add_binding(tpl::binding_options& o, std::string_view text) {
    auto const eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw usage_error{"--bind expects ROLE=ACTOR[,ACTOR...] or ROLE=, not \"" + std::string{text} + "\""};
    tpl::explicit_binding b{std::string{text.substr(0, eq)}, {}};
    std::string_view rest = text.substr(eq + 1);
    while (!rest.empty()) {
        auto const comma = rest.find(',');
        std::string_view const item = rest.substr(0, comma);
        if (item.empty()) throw usage_error{"--bind " + std::string{text} + ": an empty actor id"};
        b.actors.emplace_back(item);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
        if (rest.empty()) throw usage_error{"--bind " + std::string{text} + ": an empty actor id"};
    }
    o.bindings.push_back(std::move(b));
}

/// `--mandate T=P` or `--stage T=P`.
inline void add_mapping(std::vector<tpl::id_mapping>& out, std::string_view text, std::string_view option) {
    auto const eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size())
        throw usage_error{std::string{option} + " expects TEMPLATE-ID=PLACE-ID, not \"" + std::string{text} + "\""};
    out.push_back({std::string{text.substr(0, eq)}, std::string{text.substr(eq + 1)}});
}

/// The directory of the bundled templates: next to the installed tool (../share/samverkan/templates from
/// the directory of the executable) or, in the build tree, the source tree's templates/ directory.
inline fs::path bundled_templates_dir() {
    std::error_code ec;
    fs::path const exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path const installed = exe.parent_path() / ".." / "share" / "samverkan" / "templates";
        if (fs::is_directory(installed, ec)) return installed;
    }
#ifdef SAMVERKAN_BUNDLED_TEMPLATES_DIR
    return fs::path{SAMVERKAN_BUNDLED_TEMPLATES_DIR};
#else
    return {};
#endif
}

/// Every *.json file directly in `dir`, read as a template, in file-name order. Throws load_error for an
/// invalid one and samverkan::error when the directory cannot be read.
inline std::vector<tpl::collaboration_template> load_dir(fs::path const& dir, bool must_exist) {
    std::vector<tpl::collaboration_template> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        if (must_exist) throw samverkan::error{"--templates " + dir.string() + ": not a directory"};
        return out;
    }
    std::vector<fs::path> files;
    for (auto const& e : fs::directory_iterator{dir, ec})
        if (e.path().extension() == ".json" && !e.is_directory()) files.push_back(e.path());
    if (ec) throw samverkan::error{"cannot read directory " + dir.string() + ": " + ec.message()};
    std::sort(files.begin(), files.end());
    for (auto const& f : files) out.push_back(samverkan::io::read_template_file(f));
    return out;
}

/// The templates a command can use: the bundled ones and those it is given (files and directories).
class template_library {
public:
    explicit template_library(template_request const& r) {
        for (auto& t : load_dir(bundled_templates_dir(), false)) bundled_.push_back(keep(std::move(t)));
        for (auto const& d : r.dirs)
            for (auto& t : load_dir(d, true)) from_dirs_.push_back(given(keep(std::move(t)), d));
        for (auto const& name : r.templates)
            if (is_file(name)) named_.push_back(given(keep(samverkan::io::read_template_file(name)), name));
            else named_.push_back(lookup(name));
    }

    /// A value containing '/' or ending in ".json" names a file; anything else a template id.
    static bool is_file(std::string_view name) {
        return name.find('/') != std::string_view::npos || name.ends_with(".json");
    }

    /// The bundled templates with those of the directories (which win on a shared id), sorted by id.
    [[nodiscard]] std::vector<tpl::collaboration_template const*> available() const {
        std::map<std::string_view, tpl::collaboration_template const*> by_id;
        for (auto const* t : bundled_) by_id[t->id] = t;
        for (auto const* t : from_dirs_) by_id[t->id] = t;
        for (auto const* t : named_) by_id[t->id] = t;
        std::vector<tpl::collaboration_template const*> out;
        for (auto const& [id, t] : by_id) out.push_back(t);
        return out;
    }

    /// The fit candidates (section 5): the bundled templates of kind model, or, when any are given, the
    /// directories' templates of kind model and each --template (a profile there is a usage error).
    [[nodiscard]] std::vector<tpl::collaboration_template const*> candidates() const {
        std::vector<tpl::collaboration_template const*> out;
        if (from_dirs_.empty() && named_.empty()) {
            for (auto const* t : bundled_)
                if (t->kind == tpl::template_kind::model) out.push_back(t);
            return out;
        }
        for (auto const* t : from_dirs_)
            if (t->kind == tpl::template_kind::model) out.push_back(t);
        for (auto const* t : named_) {
            if (t->kind != tpl::template_kind::model)
                throw usage_error{"--template " + t->id +
                                  ": it is a profile; fit ranks templates of kind model (audit a model "
                                  "against a profile with audit --profile)"};
            out.push_back(t);
        }
        return out;
    }

    /// The one --template (apply, audit --profile).
    [[nodiscard]] tpl::collaboration_template const& single() const {
        if (named_.size() != 1) throw usage_error{"give exactly one --template ID|FILE"};
        return *named_.front();
    }

private:
    tpl::collaboration_template const* keep(tpl::collaboration_template t) {
        owned_.push_back(std::make_unique<tpl::collaboration_template>(std::move(t)));
        return owned_.back().get();
    }
    /// Notes a template given as a file or directory; two given templates with one id are an error.
    tpl::collaboration_template const* given(tpl::collaboration_template const* t, std::string const& where) {
        for (auto const& [id, from] : given_ids_)
            if (id == t->id)
                throw samverkan::error{"two templates have the id \"" + t->id + "\": " + from + " and " + where};
        given_ids_.emplace_back(t->id, where);
        return t;
    }
    tpl::collaboration_template const* lookup(std::string const& id) {
        for (auto const* t : from_dirs_)
            if (t->id == id) return t;
        for (auto const* t : bundled_)
            if (t->id == id) return given(t, "the bundled template " + id);
        samverkan::detail::suggester s{id};
        for (auto const* t : bundled_) s.offer(t->id);
        for (auto const* t : from_dirs_) s.offer(t->id);
        throw usage_error{"unknown template \"" + id + "\"" +
                          (s.found() ? "; did you mean \"" + s.best() + "\"?"
                                     : " (samverkan templates lists them; a file name needs a / or .json)")};
    }

    std::vector<std::unique_ptr<tpl::collaboration_template>> owned_;
    std::vector<tpl::collaboration_template const*> bundled_, from_dirs_, named_;
    std::vector<std::pair<std::string, std::string>> given_ids_;
};

/// `samverkan templates`: the listing, text or samverkan-templates/1.
inline std::string run_templates(template_request const& r) {
    template_library const lib{r};
    auto const ts = lib.available();
    if (r.json) return samverkan::io::templates_to_json(ts);
    std::string out;
    for (auto const* t : ts) {
        std::string line = t->id;
        line.resize(std::max<std::size_t>(line.size() + 2, 28), ' ');
        line += std::string{tpl::to_string(t->kind)};
        line.resize(std::max<std::size_t>(line.size() + 2, 38), ' ');
        line += t->name ? *t->name : std::string{"-"};
        std::string roles;
        for (auto const& role : t->roles) roles += (roles.empty() ? "" : ", ") + role.id;
        out += line + " (roles: " + (roles.empty() ? "none" : roles) + ")\n";
    }
    if (ts.empty()) out = "no templates found\n";
    return out;
}

/// The stderr line for an unbound role of an application.
inline std::string unbound_line(samverkan::model const& m, tpl::role const& role, tpl::role_binding const& b) {
    std::string line = "samverkan: role \"" + role.id + "\"" + (role.optional ? " (optional)" : "") +
                       " is unbound: " + std::string{tpl::to_string(b.reason)};
    if (b.reason == tpl::unbound_reason::ambiguous) {
        line += "; candidates:";
        for (auto a : b.candidates) line += " " + m[a].id;
        line += " (choose one with --bind " + role.id + "=ACTOR)";
    }
    return line + "\n";
}

/// `samverkan apply`: the applied model (stdout) and one line per unbound role (stderr).
inline std::pair<std::string, std::string> run_apply(samverkan::model const& place, template_request const& r) {
    template_library const lib{r};
    auto const& t = lib.single();
    tpl::check_options(place, t, r.binding);
    auto const scope = tpl::application_scope(place, r.binding);
    samverkan::capability_index const cap{place};
    auto const b = tpl::bind(place, cap, t, r.binding, scope);
    auto const applied = tpl::apply(place, cap, t, b, r.binding, scope, r.as ? *r.as : t.id);
    std::string err;
    for (std::size_t i = 0; i < t.roles.size(); ++i)
        if (b.roles[i].actors.empty()) err += unbound_line(place, t.roles[i], b.roles[i]);
    return {samverkan::io::to_json(applied), err};
}

/// Counts as text: "1 error, 0 warnings, 2 info".
inline std::string counts_text(samverkan::summary const& s) {
    return std::to_string(s.error) + (s.error == 1 ? " error, " : " errors, ") + std::to_string(s.warning) +
           (s.warning == 1 ? " warning, " : " warnings, ") + std::to_string(s.info) + " info";
}

/// `samverkan fit`: the ranking, text or samverkan-fit/1.
inline std::string run_fit(samverkan::model const& place, template_request const& r) {
    if (r.as) throw usage_error{"--as is an option of apply, not of fit (fit applies each template under its id)"};
    template_library const lib{r};
    auto const candidates = lib.candidates();
    auto const result = tpl::fit(place, candidates, r.binding);
    if (r.json) return samverkan::io::fit_to_json(place, result);

    std::string out = "samverkan fit: " + (result.place_name ? *result.place_name : std::string{"(unnamed place)"}) +
                      ", scope " + (result.scope ? place[*result.scope].id : std::string{"everywhere"}) +
                      "; the place alone: " + counts_text(result.baseline) + "\n";
    for (auto const& c : result.candidates) {
        if (c.skipped) {
            out += "   -  " + c.tmpl->id + ": skipped, the place already follows it (or applying it would clash)\n";
            continue;
        }
        std::string line = (c.rank < 10    ? "   "
                            : c.rank < 100 ? "  "
                                           : " ") +
                           std::to_string(c.rank) + "  " + c.tmpl->id;
        line.resize(std::max<std::size_t>(line.size() + 2, 32), ' ');
        out += line + "unbound required roles " + std::to_string(c.unbound_required) + "; introduced " +
               counts_text(c.introduced_count) + "; resolved " + counts_text(c.resolved_count) + "\n";
    }
    for (auto const& c : result.candidates) {
        if (c.skipped) continue;
        auto const& t = *c.tmpl;
        out += "\n" + std::to_string(c.rank) + ". " + t.id + (t.name ? " (" + *t.name + ")" : std::string{}) + "\n";
        for (std::size_t i = 0; i < t.roles.size(); ++i) {
            auto const& rb = c.roles.roles[i];
            out += "  role " + t.roles[i].id + ": ";
            if (!rb.actors.empty()) {
                for (std::size_t k = 0; k < rb.actors.size(); ++k) out += (k ? ", " : "") + place[rb.actors[k]].id;
            } else {
                out += std::string{"unbound ("} + std::string{tpl::to_string(rb.reason)} +
                       (t.roles[i].optional ? ", optional" : "");
                if (!rb.candidates.empty()) {
                    out += "; candidates";
                    for (auto a : rb.candidates) out += " " + place[a].id;
                }
                out += ")";
            }
            out += "\n";
        }
        for (auto const& f : c.introduced) { // fit gives these their messages (found in another model)
            out += "  introduced ";
            samverkan::append_line(out, place, f);
            out += "\n";
        }
        for (auto const& f : c.resolved) {
            out += "  resolved   ";
            samverkan::append_line(out, place, f);
            out += "\n";
        }
    }
    return out;
}

/// `samverkan audit --profile`: the audit with the obligation rules. `r.binding.stages` must be empty
/// (a usage error of the command line: --stage is not an option of audit).
inline samverkan::report profile_audit(samverkan::model const& m, template_request const& r,
                                       samverkan::audit_options const& opts) {
    template_library const lib{r};
    auto const& p = lib.single();
    if (p.kind != tpl::template_kind::profile)
        throw usage_error{"--profile " + p.id +
                          ": it is a template of kind model, not a profile (apply it "
                          "with samverkan apply, or rank it with samverkan fit)"};
    tpl::check_options(m, p, r.binding);
    auto const scope = tpl::application_scope(m, r.binding);
    samverkan::capability_index const cap{m};
    auto const b = tpl::bind(m, cap, p, r.binding, scope);
    return tpl::audit(m, p, b, opts);
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_TEMPLATE_COMMANDS_HPP
