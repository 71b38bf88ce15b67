// samverkan._samverkan: the pybind11 extension behind the Python package `samverkan`.
//
// A thin layer over the headers: string ids in, string ids out; the model, the audit and the exports are
// the library's. Two habits keep calls from Python within a few per cent of the C++ tool:
//   - the GIL is released while a model is read, audited or withdrawn from (Dask's threads keep working);
//   - an audit returns a `Report` that keeps the C++ findings; Python objects for a finding are made only
//     when one is asked for (report[i], iteration, to_records()).
// Errors: samverkan::io::load_error becomes samverkan.LoadError (a ValueError carrying file, line, column
// and JSON path), samverkan::error becomes samverkan.Error (a ValueError), an unknown id passed to the
// builder a KeyError with a "did you mean".
#include "scenario.hpp"

#include <samverkan/analysis/audit.hpp>
#include <samverkan/analysis/diff.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/analysis/metrics.hpp>
#include <samverkan/analysis/resilience.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/analysis/withdraw.hpp>
#include <samverkan/detail/suggest.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/diagnostics/severity.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/detail/mapped_file.hpp>
#include <samverkan/io/diff_report.hpp>
#include <samverkan/io/fit_json.hpp>
#include <samverkan/io/graphml.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/load_error.hpp>
#include <samverkan/io/metrics_report.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/io/robustness_report.hpp>
#include <samverkan/io/template_json.hpp>
#include <samverkan/templates/apply.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/fit.hpp>
#include <samverkan/templates/profile.hpp>
#include <samverkan/templates/template.hpp>
#include <samverkan/version.hpp>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace py = pybind11;
namespace sv = samverkan;

namespace {

using model_ptr = std::shared_ptr<sv::model>;

// ---- errors ---------------------------------------------------------------------------------------------

/// Raised for an unknown id: becomes a Python KeyError whose text is the message (not its repr).
struct unknown_id : std::exception {
    std::string text;
    explicit unknown_id(std::string t) : text{std::move(t)} {}
    [[nodiscard]] char const* what() const noexcept override { return text.c_str(); }
};

void raise_load_error(sv::io::load_error const& e) {
    py::object cls = py::module_::import("samverkan._errors").attr("LoadError");
    py::object line = e.line() == 0 ? py::object{py::none()} : py::object{py::int_(e.line())};
    py::object column = e.line() == 0 ? py::object{py::none()} : py::object{py::int_(e.column())};
    py::object err =
        cls(py::str(e.what()), py::str(e.source()), line, column, py::str(e.json_path()), py::str(e.message()));
    PyErr_SetObject(cls.ptr(), err.ptr());
}

void raise_error(std::string const& what) {
    py::object cls = py::module_::import("samverkan._errors").attr("Error");
    PyErr_SetObject(cls.ptr(), cls(py::str(what)).ptr());
}

// ---- loading --------------------------------------------------------------------------------------------

model_ptr load_file(std::string const& path) {
    py::gil_scoped_release release;
    return std::make_shared<sv::model>(sv::io::read_json_file(path)); // mapped, parsed in place
}

model_ptr load_text(std::string_view text, std::string const& source) {
    py::gil_scoped_release release;
    return std::make_shared<sv::model>(sv::io::read_json(text, source));
}

// ---- ids ------------------------------------------------------------------------------------------------

template <sv::element_id Id>
Id resolve(sv::model const& m, std::string_view key) {
    if (auto id = m.find<Id>(key)) return *id;
    sv::detail::suggester s{key};
    for (Id other : m.ids<Id>()) s.offer(m[other].id, m[other].name);
    throw unknown_id{"unknown " + std::string{Id::tag_type::name} + " \"" + std::string{key} + "\"" +
                     (s.found() ? "; did you mean \"" + s.best() + "\"?" : std::string{})};
}

template <sv::element_id Id>
std::optional<Id> resolve_opt(sv::model const& m, std::optional<std::string> const& key) {
    if (!key) return std::nullopt;
    return resolve<Id>(m, *key);
}

template <sv::element_id Id>
std::vector<Id> resolve_all(sv::model const& m, std::vector<std::string> const& keys) {
    std::vector<Id> out;
    out.reserve(keys.size());
    for (auto const& k : keys) out.push_back(resolve<Id>(m, k));
    return out;
}

/// Attributes given as a dict (or any JSON value json.dumps accepts) or as JSON text; None: none.
std::string attributes_text(py::object const& value) {
    if (value.is_none()) return {};
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    return py::module_::import("json").attr("dumps")(value, py::arg("ensure_ascii") = false).cast<std::string>();
}

sv::raci parse_role(std::string_view role) {
    if (role == "R" || role == "responsible") return sv::raci::responsible;
    if (role == "A" || role == "accountable") return sv::raci::accountable;
    if (role == "C" || role == "consulted") return sv::raci::consulted;
    if (role == "I" || role == "informed") return sv::raci::informed;
    throw py::value_error("RACI role must be one of R, A, C, I, not \"" + std::string{role} + "\"");
}

char const* kind_name(sv::element_kind k) {
    switch (k) {
    case sv::element_kind::stage: return "stage";
    case sv::element_kind::scope: return "scope";
    case sv::element_kind::actor: return "actor";
    case sv::element_kind::mandate: return "mandate";
    case sv::element_kind::duty: return "duty";
    case sv::element_kind::forum: return "forum";
    }
    return "actor";
}

std::optional<sv::element_kind> parse_kind(std::string_view k) {
    for (auto kind : {sv::element_kind::stage, sv::element_kind::scope, sv::element_kind::actor,
                      sv::element_kind::mandate, sv::element_kind::duty, sv::element_kind::forum})
        if (k == kind_name(kind) || (k.size() == std::string_view{kind_name(kind)}.size() + 1 &&
                                     k.substr(0, k.size() - 1) == kind_name(kind) && k.back() == 's'))
            return kind;
    return std::nullopt;
}

template <class F>
decltype(auto) with_kind(sv::element_kind k, F&& f) {
    switch (k) {
    case sv::element_kind::stage: return f(sv::stage_id{});
    case sv::element_kind::scope: return f(sv::scope_id{});
    case sv::element_kind::actor: return f(sv::actor_id{});
    case sv::element_kind::mandate: return f(sv::mandate_id{});
    case sv::element_kind::duty: return f(sv::duty_id{});
    case sv::element_kind::forum: break;
    }
    return f(sv::forum_id{});
}

sv::element_kind kind_arg(std::string const& kind) {
    auto k = parse_kind(kind);
    if (!k)
        throw py::value_error("kind must be one of stage, scope, actor, mandate, duty, forum, not \"" + kind + "\"");
    return *k;
}

// ---- rules ----------------------------------------------------------------------------------------------

std::vector<std::string> rule_list(py::object const& value, char const* what) {
    std::vector<std::string> out;
    if (value.is_none()) return out;
    auto add = [&](std::string_view text) {
        while (true) {
            auto const comma = text.find(',');
            std::string_view item = text.substr(0, comma);
            while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
            while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
            if (!item.empty()) out.emplace_back(item);
            if (comma == std::string_view::npos) return;
            text.remove_prefix(comma + 1);
        }
    };
    if (py::isinstance<py::str>(value)) {
        add(value.cast<std::string>());
    } else {
        for (auto item : value) {
            if (!py::isinstance<py::str>(item))
                throw py::type_error(std::string{what} + " takes rule ids (strings), got " +
                                     py::repr(item).cast<std::string>());
            add(item.cast<std::string>());
        }
    }
    return out;
}

sv::rule_id parse_rule(std::string const& text, char const* what) {
    if (auto r = sv::parse_rule_id(text)) return *r;
    sv::detail::suggester s{text};
    for (auto r : sv::all_rules()) s.offer(sv::to_string(r));
    throw py::value_error("unknown rule id \"" + text + "\" in " + what +
                          (s.found() ? "; did you mean \"" + s.best() + "\"?" : std::string{}));
}

sv::audit_options make_options(py::object const& only, py::object const& skip, py::object const& severity) {
    sv::audit_options opts;
    if (!only.is_none()) {
        opts.disabled.set();
        for (auto const& r : rule_list(only, "only"))
            opts.disabled.reset(static_cast<std::size_t>(parse_rule(r, "only")));
    }
    for (auto const& r : rule_list(skip, "skip")) opts.skip(parse_rule(r, "skip"));
    if (!severity.is_none()) {
        for (auto item : severity.cast<py::dict>()) {
            auto const rule = parse_rule(item.first.cast<std::string>(), "severity");
            auto const text = item.second.cast<std::string>();
            auto const s = sv::parse_severity(text);
            if (!s) throw py::value_error("severity must be error, warning or info, not \"" + text + "\"");
            opts.set_severity(rule, *s);
        }
    }
    return opts;
}

// ---- reports --------------------------------------------------------------------------------------------

/// An audit's result kept in C++: the model it speaks of and the sorted findings.
struct report_data {
    std::shared_ptr<sv::model const> model;
    sv::report report;
};
using report_ptr = std::shared_ptr<report_data>;

py::str id_str(sv::model const& m, sv::element_ref const& ref) {
    return std::visit([&](auto id) { return py::str(m[id].id); }, ref);
}

py::object field_value_obj(sv::model const& m, sv::field_value const& v) {
    return std::visit(
        [&](auto const& x) -> py::object {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, sv::element_ref>) {
                return id_str(m, x);
            } else if constexpr (std::is_same_v<T, sv::ref_list>) {
                py::list out(x.size());
                for (std::size_t i = 0; i < x.size(); ++i)
                    out[i] = x[i] ? py::object{id_str(m, *x[i])} : py::object{py::none()};
                return out;
            } else if constexpr (std::is_same_v<T, std::string>) {
                return py::str(x);
            } else if constexpr (std::is_same_v<T, sv::text_list>) {
                py::list out(x.size());
                for (std::size_t i = 0; i < x.size(); ++i) out[i] = py::str(x[i]);
                return out;
            } else {
                py::dict out;
                for (auto const& [ref, text] : x) out[id_str(m, ref)] = py::str(text);
                return out;
            }
        },
        v);
}

py::dict fields_obj(sv::model const& m, std::vector<sv::field> const& fs) {
    py::dict out;
    for (auto const& f : fs) out[py::str(std::string{f.key.text()})] = field_value_obj(m, f.value);
    return out;
}

py::dict summary_obj(sv::summary const& s) {
    py::dict d;
    d["error"] = s.error;
    d["warning"] = s.warning;
    d["info"] = s.info;
    return d;
}

/// One finding of a report, converted to Python values when a property is read.
struct finding_ref {
    report_ptr data;
    std::size_t index;
    [[nodiscard]] sv::finding const& get() const { return data->report.findings[index]; }
};

py::dict finding_record(sv::model const& m, sv::finding const& f, bool flat) {
    py::dict d;
    d["rule"] = py::str(std::string{f.rule.text()});
    d["severity"] = py::str(std::string{sv::to_string(f.severity)});
    if (flat) {
        for (auto const& s : f.subjects) d[py::str(std::string{s.key.text()})] = field_value_obj(m, s.value);
    } else {
        d["subjects"] = fields_obj(m, f.subjects);
    }
    d["message"] = py::str(sv::message(m, f));
    d["witness"] = fields_obj(m, f.witness);
    return d;
}

std::string report_json(report_data const& r) {
    std::ostringstream os;
    sv::io::write_report_json(os, *r.model, r.report);
    return std::move(os).str();
}

std::size_t normalise_index(std::ptrdiff_t i, std::size_t n) {
    if (i < 0) i += static_cast<std::ptrdiff_t>(n);
    if (i < 0 || static_cast<std::size_t>(i) >= n) throw py::index_error("finding index out of range");
    return static_cast<std::size_t>(i);
}

// ---- the model as graph data (for samverkan.to_networkx) -------------------------------------------------

py::tuple node_key(sv::element_kind k, std::string const& id) { return py::make_tuple(kind_name(k), id); }

py::tuple graph_data(sv::model const& m) {
    py::list nodes, edges;
    auto add_nodes = [&]<class Id>(Id, auto&& extra) {
        constexpr auto kind = sv::kind_of<Id>;
        for (Id id : m.ids<Id>()) {
            auto const& e = m[id];
            py::dict a;
            a["kind"] = kind_name(kind);
            a["id"] = py::str(e.id);
            a["name"] = py::str(e.name);
            a["attributes"] = py::str(e.attributes);
            extra(id, e, a);
            nodes.append(py::make_tuple(node_key(kind, e.id), a));
        }
    };
    auto none = [](auto, auto const&, py::dict&) {};
    auto opt_id = [&](auto where) -> py::object {
        if (where) return py::str(m[*where].id);
        return py::none();
    };
    add_nodes(sv::stage_id{}, none);
    add_nodes(sv::scope_id{}, none);
    add_nodes(sv::actor_id{}, [](auto, auto const& e, py::dict& a) { a["category"] = py::str(e.category); });
    add_nodes(sv::mandate_id{}, [](auto, auto const& e, py::dict& a) {
        a["basis"] = py::str(e.basis);
        a["exclusive"] = e.exclusive;
        a["delegable"] = e.delegable;
    });
    add_nodes(sv::duty_id{}, [&](sv::duty_id d, auto const& e, py::dict& a) {
        a["basis"] = py::str(e.basis);
        a["optional"] = e.optional;
        a["stage"] = opt_id(m.stage_of(d));
        a["scope"] = opt_id(m.scope_of(d));
        py::list realises;
        for (auto const& key : m.realises(d)) realises.append(py::str(key));
        a["realises"] = realises;
    });
    add_nodes(sv::forum_id{}, [&](sv::forum_id f, auto const& e, py::dict& a) {
        a["model"] = py::str(e.model);
        a["scope"] = opt_id(m.scope_of(f));
    });

    auto key = [&](auto id) { return node_key(sv::kind_of<decltype(id)>, m[id].id); };
    auto edge = [&](auto from, auto to, char const* relation, py::dict a) {
        a["relation"] = relation;
        edges.append(py::make_tuple(key(from), key(to), a));
    };
    auto reach = [&](sv::reach_view where, std::string_view attributes, py::dict& a) {
        a["scope"] = opt_id(where.scope);
        py::list stages;
        for (sv::stage_id s : where.stages) stages.append(py::str(m[s].id));
        a["stages"] = stages;
        a["attributes"] = py::str(std::string{attributes});
    };
    for (sv::stage_id s : m.stages())
        for (sv::stage_id earlier : m.earlier_stages(s)) edge(s, earlier, "after", py::dict{});
    for (sv::scope_id s : m.scopes())
        if (auto outer = m.parent(s)) edge(s, *outer, "within", py::dict{});
    for (sv::holding_id h : m.holdings()) {
        auto const v = m.holding(h);
        py::dict a;
        reach(v.where, v.attributes, a);
        edge(v.actor, v.mandate, "holds", a);
    }
    for (sv::delegation_id d : m.delegations()) {
        auto const v = m.delegation(d);
        py::dict a;
        a["mandate"] = py::str(m[v.mandate].id);
        reach(v.where, v.attributes, a);
        edge(v.from, v.to, "delegates", a);
    }
    for (sv::duty_id d : m.duties()) {
        for (sv::assignment const& x : m.raci_of(d)) {
            py::dict a;
            a["role"] = std::string(1, sv::letter(x.role));
            edge(x.actor, d, "assigned", a);
        }
        for (sv::mandate_id r : m.required_mandates(d)) edge(d, r, "requires_mandate", py::dict{});
        for (sv::duty_id e : m.needs(d)) edge(d, e, "needs", py::dict{});
    }
    for (sv::forum_id f : m.forums()) {
        for (sv::actor_id a : m.members(f)) edge(f, a, "member", py::dict{});
        if (auto c = m.coordinator(f)) edge(f, *c, "coordinated_by", py::dict{});
        for (sv::duty_id d : m.covered(f)) edge(f, d, "covers", py::dict{});
    }
    py::dict g;
    g["name"] = m.has_name() ? py::object{py::str(m.name())} : py::object{py::none()};
    g["description"] = py::str(m.description());
    g["attributes"] = py::str(m.attributes());
    g["format"] = py::str(std::string{sv::to_string(m.format_version())});
    return py::make_tuple(g, nodes, edges);
}

// ---- element data ---------------------------------------------------------------------------------------

py::dict element_dict(sv::model const& m, sv::element_kind kind, std::string const& key) {
    py::dict a;
    with_kind(kind, [&](auto tag) {
        using Id = decltype(tag);
        Id const id = resolve<Id>(m, key);
        auto const& e = m[id];
        a["id"] = py::str(e.id);
        a["name"] = py::str(e.name);
        if constexpr (std::is_same_v<Id, sv::actor_id>) a["category"] = py::str(e.category);
        if constexpr (std::is_same_v<Id, sv::mandate_id>) {
            a["basis"] = py::str(e.basis);
            a["exclusive"] = e.exclusive;
            a["delegable"] = e.delegable;
        }
        if constexpr (std::is_same_v<Id, sv::duty_id>) {
            a["basis"] = py::str(e.basis);
            a["optional"] = e.optional;
            auto st = m.stage_of(id);
            auto sc = m.scope_of(id);
            a["stage"] = st ? py::object{py::str(m[*st].id)} : py::object{py::none()};
            a["scope"] = sc ? py::object{py::str(m[*sc].id)} : py::object{py::none()};
            py::dict raci;
            for (char const* letter : {"R", "A", "C", "I"}) raci[letter] = py::list{};
            for (sv::assignment const& x : m.raci_of(id))
                raci[py::str(std::string(1, sv::letter(x.role)))].cast<py::list>().append(py::str(m[x.actor].id));
            a["raci"] = raci;
            py::list req, needs;
            for (sv::mandate_id r : m.required_mandates(id)) req.append(py::str(m[r].id));
            for (sv::duty_id n : m.needs(id)) needs.append(py::str(m[n].id));
            a["requires"] = req;
            a["needs"] = needs;
        }
        if constexpr (std::is_same_v<Id, sv::forum_id>) {
            a["model"] = py::str(e.model);
            auto sc = m.scope_of(id);
            a["scope"] = sc ? py::object{py::str(m[*sc].id)} : py::object{py::none()};
            auto c = m.coordinator(id);
            a["coordinator"] = c ? py::object{py::str(m[*c].id)} : py::object{py::none()};
            py::list members, covers;
            for (sv::actor_id x : m.members(id)) members.append(py::str(m[x].id));
            for (sv::duty_id d : m.covered(id)) covers.append(py::str(m[d].id));
            a["members"] = members;
            a["covers"] = covers;
        }
        if constexpr (std::is_same_v<Id, sv::stage_id>) {
            py::list after;
            for (sv::stage_id s : m.earlier_stages(id)) after.append(py::str(m[s].id));
            a["after"] = after;
        }
        if constexpr (std::is_same_v<Id, sv::scope_id>) {
            auto p = m.parent(id);
            a["within"] = p ? py::object{py::str(m[*p].id)} : py::object{py::none()};
        }
        a["attributes"] = e.attributes.empty() ? py::object{py::dict{}}
                                               : py::module_::import("json").attr("loads")(py::str(e.attributes));
    });
    return a;
}

// ---- robustness and comparison ----------------------------------------------------------------------------

report_ptr make_report(std::shared_ptr<sv::model const> m, sv::report r) {
    auto data = std::make_shared<report_data>();
    data->model = std::move(m);
    data->report = std::move(r);
    return data;
}

std::vector<sv::actor_id> actor_list(sv::model const& m, std::vector<std::string> const& ids) {
    if (ids.empty()) throw py::value_error("name at least one actor to withdraw");
    return resolve_all<sv::actor_id>(m, ids);
}

template <class Id>
py::list id_list(sv::model const& m, std::vector<Id> const& ids) {
    py::list out;
    for (Id id : ids) out.append(py::str(m[id].id));
    return out;
}

/// what_if(): the withdrawn actors and the added and removed findings as two Reports (ids of the model).
struct what_if_data {
    std::shared_ptr<sv::model const> model;
    sv::what_if_result result;
    report_ptr added, removed;
};

/// analyse_robustness(): resilience of every duty and criticality of every actor.
struct robustness_data {
    std::shared_ptr<sv::model const> model;
    sv::robustness result;
};

/// metrics(m).
struct metrics_data {
    std::shared_ptr<sv::model const> model;
    sv::metrics_report result;
};

/// diff(a, b).
struct diff_data {
    std::shared_ptr<sv::model const> a, b;
    sv::diff_report result;
    report_ptr added, removed;
};

template <class Write>
std::string written(Write&& write) {
    std::ostringstream os;
    write(os);
    return std::move(os).str();
}

py::dict criticality_row(sv::model const& m, sv::actor_criticality const& c) {
    py::dict d;
    d["actor"] = py::str(m[c.actor].id);
    d["failing"] = id_list(m, c.failing);
    d["added"] = summary_obj(c.added);
    return d;
}

// ---- templates (templates.md) ------------------------------------------------------------------------------

namespace tpl = samverkan::templates;
using template_ptr = std::shared_ptr<tpl::collaboration_template>;

template_ptr load_template_file(std::string const& path) {
    py::gil_scoped_release release;
    if (sv::io::detail::mapped_file const map{path}; map.mapped())
        return std::make_shared<tpl::collaboration_template>(sv::io::read_template(map.text(), path));
    return std::make_shared<tpl::collaboration_template>(sv::io::read_template_file(path));
}

/// Actor ids of one explicit binding: a list of ids, one id, a comma-separated string, or None (no actor).
std::vector<std::string> bound_actors(py::handle value, std::string const& role) {
    std::vector<std::string> out;
    if (value.is_none()) return out;
    if (py::isinstance<py::str>(value)) {
        std::string const text = value.cast<std::string>();
        std::string_view rest{text};
        while (!rest.empty()) {
            auto const comma = rest.find(',');
            std::string_view const item = rest.substr(0, comma);
            if (item.empty()) throw py::value_error("bind[\"" + role + "\"]: an empty actor id in \"" + text + "\"");
            out.emplace_back(item);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
            if (rest.empty()) throw py::value_error("bind[\"" + role + "\"]: an empty actor id in \"" + text + "\"");
        }
        return out;
    }
    for (auto item : value) {
        if (!py::isinstance<py::str>(item))
            throw py::type_error("bind[\"" + role + "\"] takes actor ids (strings), got " +
                                 py::repr(item).cast<std::string>());
        out.push_back(item.cast<std::string>());
    }
    return out;
}

std::vector<tpl::id_mapping> mapping_list(py::object const& value, char const* what) {
    std::vector<tpl::id_mapping> out;
    if (value.is_none()) return out;
    for (auto item : value.cast<py::dict>()) {
        if (!py::isinstance<py::str>(item.first) || !py::isinstance<py::str>(item.second))
            throw py::type_error(std::string{what} + " maps template ids to place ids (strings)");
        out.push_back({item.first.cast<std::string>(), item.second.cast<std::string>()});
    }
    return out;
}

/// The binding options of templates.md section 2 from keyword arguments (bind={role: actors}, mandate={T: P},
/// stage={T: P}, scope=..., everywhere=...).
tpl::binding_options binding_opts(py::object const& bind, py::object const& mandate, py::object const& stage,
                                  std::optional<std::string> const& scope, bool everywhere) {
    tpl::binding_options o;
    if (!bind.is_none())
        for (auto item : bind.cast<py::dict>()) {
            if (!py::isinstance<py::str>(item.first)) throw py::type_error("bind takes role ids (strings) as keys");
            auto role = item.first.cast<std::string>();
            auto actors = bound_actors(item.second, role);
            o.bindings.push_back({std::move(role), std::move(actors)});
        }
    o.mandates = mapping_list(mandate, "mandate");
    o.stages = mapping_list(stage, "stage");
    o.scope = scope;
    o.everywhere = everywhere;
    return o;
}

py::list role_ids(sv::model const& m, std::vector<sv::actor_id> const& ids) {
    py::list out;
    for (auto a : ids) out.append(py::str(m[a].id));
    return out;
}

/// {role: [actor ids]} in role order, as the fit report's `binding`.
py::dict binding_obj(sv::model const& m, tpl::collaboration_template const& t, tpl::binding const& b) {
    py::dict d;
    for (std::size_t i = 0; i < t.roles.size(); ++i) d[py::str(t.roles[i].id)] = role_ids(m, b.roles[i].actors);
    return d;
}

/// The unbound roles in role order, as the fit report's `unbound`.
py::list unbound_obj(sv::model const& m, tpl::collaboration_template const& t, tpl::binding const& b) {
    py::list out;
    for (std::size_t i = 0; i < t.roles.size(); ++i) {
        auto const& rb = b.roles[i];
        if (!rb.actors.empty()) continue;
        py::dict d;
        d["role"] = py::str(t.roles[i].id);
        d["optional"] = t.roles[i].optional;
        d["reason"] = py::str(std::string{tpl::to_string(rb.reason)});
        d["candidates"] = role_ids(m, rb.candidates);
        out.append(d);
    }
    return out;
}

/// apply(): the applied model with the binding it was made with.
struct application_data {
    model_ptr place;
    template_ptr tmpl;
    model_ptr model;
    tpl::binding binding;
    std::optional<sv::scope_id> scope;
};

/// fit(): the ranking; keeps the candidates alive (the result points into them).
struct fit_data {
    model_ptr place;
    std::vector<template_ptr> templates;
    tpl::fit_result result;
};

/// One flat row of Fit.to_records(): the counts are None for a skipped candidate.
py::dict fit_row(tpl::fit_candidate const& c) {
    py::dict d;
    d["rank"] = c.skipped ? py::object{py::none()} : py::object{py::int_(c.rank)};
    d["template"] = py::str(c.tmpl->id);
    d["name"] = c.tmpl->name ? py::object{py::str(*c.tmpl->name)} : py::object{py::none()};
    d["skipped"] = c.skipped ? py::object{py::str("already-applied")} : py::object{py::none()};
    d["unbound_required"] = c.skipped ? py::object{py::none()} : py::object{py::int_(c.unbound_required)};
    for (auto const& [key, s] :
         {std::pair{"introduced", &c.introduced_count}, std::pair{"resolved", &c.resolved_count}})
        for (auto const& [sev, n] :
             {std::pair{"error", s->error}, std::pair{"warning", s->warning}, std::pair{"info", s->info}})
            d[py::str(std::string{key} + "_" + sev)] = c.skipped ? py::object{py::none()} : py::object{py::int_(n)};
    return d;
}

py::dict template_role_obj(tpl::role const& r) {
    py::dict d;
    d["id"] = py::str(r.id);
    d["name"] = py::str(r.name);
    d["category"] = py::cast(r.category);
    d["holds"] = py::cast(r.holds);
    d["many"] = r.many;
    d["optional"] = r.optional;
    return d;
}

template <class V>
py::list element_ids(V const& v) {
    py::list out;
    for (auto const& e : v) out.append(py::str(e.id));
    return out;
}

} // namespace

PYBIND11_MODULE(_samverkan, mod) {
    mod.doc() = "samverkan's C++ core (use the package `samverkan`, which re-exports what is public).";
    mod.attr("__version__") = std::string{sv::version_string};

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (sv::io::load_error const& e) {
            raise_load_error(e);
        } catch (unknown_id const& e) {
            PyErr_SetObject(PyExc_KeyError, py::str(e.text).ptr());
        } catch (sv::error const& e) {
            raise_error(e.what());
        }
    });

    // ---- Model ------------------------------------------------------------------------------------------
    py::class_<sv::model, model_ptr> model_cls(mod, "Model", R"doc(
A collaboration model (samverkan/1): stages, scopes, actors, mandates, holdings, delegations, duties and
forums. Read one with samverkan.load(), or build one in code:

    m = samverkan.Model(name="Exempelkommun")
    m.add_scope("kommun", name="Exempelkommun")
    m.add_actor("ks", name="Kommunstyrelsen")
    m.add_mandate("leda", name="Leda och samordna")
    m.grant("ks", "leda", scope="kommun")
    m.add_duty("lagesbild", scope="kommun", requires=["leda"], raci={"A": ["ks"]})

Elements are referred to by their id strings. An unknown id raises KeyError (with a "did you mean");
an operation that would break the model (a duplicate id, a cycle of stages) raises samverkan.Error and
changes nothing.)doc");
    model_cls
        .def(py::init([](std::optional<std::string> name, std::string description, py::object attributes) {
                 auto m = std::make_shared<sv::model>();
                 if (name) m->set_name(*name);
                 m->set_description(std::move(description));
                 m->set_attributes(attributes_text(attributes));
                 return m;
             }),
             py::kw_only(), py::arg("name") = py::none(), py::arg("description") = "",
             py::arg("attributes") = py::none(), "An empty model, optionally named.")
        .def_property(
            "name",
            [](sv::model const& m) -> py::object {
                if (!m.has_name()) return py::none();
                return py::str(m.name());
            },
            [](sv::model& m, std::string n) { m.set_name(std::move(n)); },
            "The model's name, or None when it has none.")
        .def_property(
            "description", [](sv::model const& m) { return m.description(); },
            [](sv::model& m, std::string d) { m.set_description(std::move(d)); }, "Free text ('' when none).")
        .def_property(
            "format", [](sv::model const& m) { return std::string{sv::to_string(m.format_version())}; },
            [](sv::model& m, std::string const& f) {
                if (f == "samverkan/1") m.set_format_version(sv::format_version::v1);
                else if (f == "samverkan/1.1") m.set_format_version(sv::format_version::v1_1);
                else throw py::value_error("format must be 'samverkan/1' or 'samverkan/1.1', not '" + f + "'");
            },
            "The format version the model is written in: 'samverkan/1', or 'samverkan/1.1' (duties that "
            "realise obligations, templates.md).")
        .def_property_readonly(
            "counts",
            [](sv::model const& m) {
                py::dict d;
                d["stages"] = m.count<sv::stage_id>();
                d["scopes"] = m.count<sv::scope_id>();
                d["actors"] = m.count<sv::actor_id>();
                d["mandates"] = m.count<sv::mandate_id>();
                d["holds"] = m.relation_count(sv::relation_kind::holds);
                d["delegations"] = m.relation_count(sv::relation_kind::delegates);
                d["duties"] = m.count<sv::duty_id>();
                d["forums"] = m.count<sv::forum_id>();
                return d;
            },
            "Number of entries per kind, as in the model file: stages, scopes, actors, mandates, holds, "
            "delegations, duties, forums.")
        .def(
            "ids",
            [](sv::model const& m, std::string const& kind) {
                return with_kind(kind_arg(kind), [&](auto tag) {
                    using Id = decltype(tag);
                    py::list out;
                    for (Id id : m.ids<Id>()) out.append(py::str(m[id].id));
                    return out;
                });
            },
            py::arg("kind"), "The ids of one kind of element ('actor' or 'actors', 'duty', ...) in model order.")
        .def(
            "__contains__",
            [](sv::model const& m, py::tuple key) {
                if (key.size() != 2) throw py::type_error("use (kind, id) in model, e.g. ('actor', 'ks') in m");
                auto const kind = kind_arg(key[0].cast<std::string>());
                auto const id = key[1].cast<std::string>();
                return with_kind(kind, [&](auto tag) { return m.find<decltype(tag)>(id).has_value(); });
            },
            "('actor', 'ks') in model: whether the model has that element.")
        .def(
            "element",
            [](sv::model const& m, std::string const& kind, std::string const& id) {
                return element_dict(m, kind_arg(kind), id);
            },
            py::arg("kind"), py::arg("id"),
            "One element's data as a dict with the keys of the model file (for a duty: raci, requires, needs; "
            "for a forum: members, coordinator, covers). KeyError for an unknown id.")
        // ---- building ----
        .def(
            "add_stage",
            [](sv::model& m, std::string id, std::string name, std::vector<std::string> const& after,
               py::object attributes) {
                auto earlier = resolve_all<sv::stage_id>(m, after);
                auto const s = m.add_stage(
                    {.id = std::move(id), .name = std::move(name), .attributes = attributes_text(attributes)});
                for (auto e : earlier) (void)m.order(s, e);
            },
            py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("after") = std::vector<std::string>{},
            py::arg("attributes") = py::none(), "Adds a stage that comes after the stages `after`.")
        .def(
            "add_scope",
            [](sv::model& m, std::string id, std::string name, std::optional<std::string> const& within,
               py::object attributes) {
                auto outer = resolve_opt<sv::scope_id>(m, within);
                auto const s = m.add_scope(
                    {.id = std::move(id), .name = std::move(name), .attributes = attributes_text(attributes)});
                if (outer) (void)m.nest(s, *outer);
            },
            py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("within") = py::none(),
            py::arg("attributes") = py::none(), "Adds a scope, optionally within another.")
        .def(
            "add_actor",
            [](sv::model& m, std::string id, std::string name, std::string category, py::object attributes) {
                (void)m.add_actor({.id = std::move(id),
                                   .name = std::move(name),
                                   .category = std::move(category),
                                   .attributes = attributes_text(attributes)});
            },
            py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("category") = "",
            py::arg("attributes") = py::none(), "Adds an actor.")
        .def(
            "add_mandate",
            [](sv::model& m, std::string id, std::string name, std::string basis, bool exclusive, bool delegable,
               py::object attributes) {
                (void)m.add_mandate({.id = std::move(id),
                                     .name = std::move(name),
                                     .basis = std::move(basis),
                                     .exclusive = exclusive,
                                     .delegable = delegable,
                                     .attributes = attributes_text(attributes)});
            },
            py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("basis") = "", py::arg("exclusive") = false,
            py::arg("delegable") = true, py::arg("attributes") = py::none(), "Adds a mandate.")
        .def(
            "add_duty",
            [](sv::model& m, std::string id, std::string name, std::string basis,
               std::optional<std::string> const& stage, std::optional<std::string> const& scope,
               std::vector<std::string> const& requires_, std::vector<std::string> needs, bool optional,
               std::optional<py::dict> raci, py::object attributes, std::vector<std::string> realises) {
                // resolve everything first, so that a bad id leaves the model unchanged
                sv::placement where{resolve_opt<sv::stage_id>(m, stage), resolve_opt<sv::scope_id>(m, scope)};
                auto const mandates = resolve_all<sv::mandate_id>(m, requires_);
                std::vector<std::optional<sv::duty_id>> needed;
                for (auto const& n : needs)
                    needed.push_back(n == id ? std::nullopt : std::optional{resolve<sv::duty_id>(m, n)});
                std::vector<std::pair<sv::actor_id, sv::raci>> roles;
                if (raci)
                    for (auto item : *raci) {
                        auto const role = parse_role(item.first.cast<std::string>());
                        for (auto const& a : item.second.cast<std::vector<std::string>>())
                            roles.emplace_back(resolve<sv::actor_id>(m, a), role);
                    }
                auto attr = attributes_text(attributes);
                auto const d = m.add_duty({.id = std::move(id),
                                           .name = std::move(name),
                                           .basis = std::move(basis),
                                           .optional = optional,
                                           .attributes = std::move(attr)},
                                          where);
                for (auto r : mandates) (void)m.require(d, r);
                for (auto n : needed) (void)m.need(d, n ? *n : d);
                for (auto [a, role] : roles) (void)m.assign(a, d, role);
                for (auto& key : realises) (void)m.realise(d, std::move(key));
            },
            py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("basis") = "", py::arg("stage") = py::none(),
            py::arg("scope") = py::none(), py::arg("requires") = std::vector<std::string>{},
            py::arg("needs") = std::vector<std::string>{}, py::arg("optional") = false, py::arg("raci") = py::none(),
            py::arg("attributes") = py::none(), py::arg("realises") = std::vector<std::string>{},
            "Adds a duty at a stage and scope (None: stage-independent, everywhere), with its required "
            "mandates, the duties it needs, its RACI lists ({'R': [...], 'A': [...], 'C': [...], 'I': [...]}) "
            "and the obligations it realises ('TEMPLATE:DUTY', which makes the model samverkan/1.1).")
        .def(
            "add_forum",
            [](sv::model& m, std::string id, std::string name, std::string model_name,
               std::vector<std::string> const& members, std::optional<std::string> const& coordinator,
               std::vector<std::string> const& covers, std::optional<std::string> const& scope, py::object attributes) {
                auto const mem = resolve_all<sv::actor_id>(m, members);
                auto const coord = resolve_opt<sv::actor_id>(m, coordinator);
                auto const cov = resolve_all<sv::duty_id>(m, covers);
                sv::forum_placement where{resolve_opt<sv::scope_id>(m, scope)};
                auto const f = m.add_forum({.id = std::move(id),
                                            .name = std::move(name),
                                            .model = std::move(model_name),
                                            .attributes = attributes_text(attributes)},
                                           where);
                for (auto a : mem) (void)m.add_member(f, a);
                if (coord) m.set_coordinator(f, *coord);
                for (auto d : cov) (void)m.cover(f, d);
            },
            py::arg("id"), py::kw_only(), py::arg("name") = "", py::arg("model") = "",
            py::arg("members") = std::vector<std::string>{}, py::arg("coordinator") = py::none(),
            py::arg("covers") = std::vector<std::string>{}, py::arg("scope") = py::none(),
            py::arg("attributes") = py::none(), "Adds a forum with its members, coordinator and covered duties.")
        .def(
            "grant",
            [](sv::model& m, std::string const& actor, std::string const& mandate,
               std::optional<std::string> const& scope, std::vector<std::string> const& stages, py::object attributes) {
                auto const a = resolve<sv::actor_id>(m, actor);
                auto const mn = resolve<sv::mandate_id>(m, mandate);
                sv::reach where{resolve_opt<sv::scope_id>(m, scope), resolve_all<sv::stage_id>(m, stages)};
                auto attr = attributes_text(attributes);
                auto const h = m.grant(a, mn, where);
                if (!attr.empty()) m.set_attributes(h, std::move(attr));
            },
            py::arg("actor"), py::arg("mandate"), py::kw_only(), py::arg("scope") = py::none(),
            py::arg("stages") = std::vector<std::string>{}, py::arg("attributes") = py::none(),
            "`actor` holds `mandate` directly over `scope` (None: everywhere) at `stages` ([]: every stage).")
        .def(
            "delegate",
            [](sv::model& m, std::string const& from, std::string const& to, std::string const& mandate,
               std::optional<std::string> const& scope, std::vector<std::string> const& stages, py::object attributes) {
                auto const a = resolve<sv::actor_id>(m, from);
                auto const b = resolve<sv::actor_id>(m, to);
                auto const mn = resolve<sv::mandate_id>(m, mandate);
                sv::reach where{resolve_opt<sv::scope_id>(m, scope), resolve_all<sv::stage_id>(m, stages)};
                auto attr = attributes_text(attributes);
                auto const d = m.delegate(a, b, mn, where);
                if (!attr.empty()) m.set_attributes(d, std::move(attr));
            },
            py::arg("from_"), py::arg("to"), py::arg("mandate"), py::kw_only(), py::arg("scope") = py::none(),
            py::arg("stages") = std::vector<std::string>{}, py::arg("attributes") = py::none(),
            "`from_` delegates `mandate` to `to`; without scope and stages it passes on what `from_` holds.")
        .def(
            "assign",
            [](sv::model& m, std::string const& actor, std::string const& duty, std::string const& role) {
                auto const r = parse_role(role);
                return m.assign(resolve<sv::actor_id>(m, actor), resolve<sv::duty_id>(m, duty), r);
            },
            py::arg("actor"), py::arg("duty"), py::arg("role"),
            "Gives `actor` the RACI role ('R', 'A', 'C' or 'I') on `duty`; False if it had it already.")
        .def(
            "require",
            [](sv::model& m, std::string const& duty, std::string const& mandate) {
                return m.require(resolve<sv::duty_id>(m, duty), resolve<sv::mandate_id>(m, mandate));
            },
            py::arg("duty"), py::arg("mandate"), "`duty` requires `mandate`.")
        .def(
            "need",
            [](sv::model& m, std::string const& duty, std::string const& needed) {
                return m.need(resolve<sv::duty_id>(m, duty), resolve<sv::duty_id>(m, needed));
            },
            py::arg("duty"), py::arg("needed"), "`duty` needs the output of `needed`.")
        .def(
            "order",
            [](sv::model& m, std::string const& later, std::string const& earlier) {
                return m.order(resolve<sv::stage_id>(m, later), resolve<sv::stage_id>(m, earlier));
            },
            py::arg("later"), py::arg("earlier"), "Stage `later` comes after `earlier` (samverkan.Error on a cycle).")
        .def(
            "nest",
            [](sv::model& m, std::string const& inner, std::string const& outer) {
                return m.nest(resolve<sv::scope_id>(m, inner), resolve<sv::scope_id>(m, outer));
            },
            py::arg("inner"), py::arg("outer"), "Scope `inner` lies within `outer`.")
        .def(
            "add_member",
            [](sv::model& m, std::string const& forum, std::string const& actor) {
                return m.add_member(resolve<sv::forum_id>(m, forum), resolve<sv::actor_id>(m, actor));
            },
            py::arg("forum"), py::arg("actor"), "`actor` is a member of `forum`.")
        .def(
            "set_coordinator",
            [](sv::model& m, std::string const& forum, std::string const& actor) {
                m.set_coordinator(resolve<sv::forum_id>(m, forum), resolve<sv::actor_id>(m, actor));
            },
            py::arg("forum"), py::arg("actor"), "`actor` coordinates `forum`.")
        .def(
            "cover",
            [](sv::model& m, std::string const& forum, std::string const& duty) {
                return m.cover(resolve<sv::forum_id>(m, forum), resolve<sv::duty_id>(m, duty));
            },
            py::arg("forum"), py::arg("duty"), "`forum` covers `duty`.")
        // ---- output ----
        .def(
            "to_json", [](sv::model const& m) { return sv::io::to_json(m); },
            "The model as canonical samverkan/1 JSON text (what `samverkan convert --to json` writes).")
        .def(
            "to_graphml",
            [](sv::model const& m) {
                std::ostringstream os;
                sv::io::write_graphml(os, m);
                return std::move(os).str();
            },
            "The model as GraphML text (what `samverkan convert --to graphml` writes).")
        .def("__repr__",
             [](sv::model const& m) {
                 std::string s = "<samverkan.Model";
                 if (m.has_name()) s += " '" + m.name() + "'";
                 s += ": " + std::to_string(m.count<sv::actor_id>()) + " actors, " +
                      std::to_string(m.count<sv::duty_id>()) + " duties, " + std::to_string(m.relation_count()) +
                      " relations>";
                 return s;
             })
        .def(py::pickle([](sv::model const& m) { return py::make_tuple(sv::io::to_json(m)); },
                        [](py::tuple t) { return load_text(t[0].cast<std::string>(), "<pickle>"); }));

    mod.def("_load_file", &load_file, py::arg("path"));
    mod.def(
        "_load_text",
        [](py::object text, std::string const& source) {
            if (py::isinstance<py::bytes>(text)) {
                std::string_view const v = text.cast<std::string_view>();
                return load_text(v, source);
            }
            return load_text(text.cast<std::string>(), source);
        },
        py::arg("text"), py::arg("source"));

    // ---- Finding and Report -------------------------------------------------------------------------------
    py::class_<finding_ref>(mod, "Finding", R"doc(
One finding of an audit (rules.md). Its values are converted from the C++ report when read:
rule (str), severity ('error' | 'warning' | 'info'), subjects and witness (dicts of element ids, lists of
ids and texts, as in the JSON report) and message (for people).)doc")
        .def_property_readonly(
            "rule", [](finding_ref const& f) { return std::string{f.get().rule.text()}; }, "The rule id.")
        .def_property_readonly(
            "severity", [](finding_ref const& f) { return std::string{sv::to_string(f.get().severity)}; },
            "'error', 'warning' or 'info'.")
        .def_property_readonly(
            "subjects", [](finding_ref const& f) { return fields_obj(*f.data->model, f.get().subjects); },
            "The elements involved, keyed as rules.md gives for the rule.")
        .def_property_readonly(
            "witness", [](finding_ref const& f) { return fields_obj(*f.data->model, f.get().witness); },
            "The evidence, keyed as rules.md gives for the rule ({} when the rule has none).")
        .def_property_readonly(
            "message", [](finding_ref const& f) { return sv::message(*f.data->model, f.get()); }, "Text for people.")
        .def(
            "to_dict", [](finding_ref const& f) { return finding_record(*f.data->model, f.get(), false); },
            "The finding as the JSON report writes it: rule, severity, subjects, message, witness.")
        .def("__eq__",
             [](finding_ref const& a, py::object const& other) {
                 if (!py::isinstance<finding_ref>(other)) return false;
                 auto const& b = other.cast<finding_ref const&>();
                 return finding_record(*a.data->model, a.get(), false)
                     .equal(finding_record(*b.data->model, b.get(), false));
             })
        .def("__repr__", [](finding_ref const& f) {
            auto const& x = f.get();
            return "<Finding " + std::string{sv::to_string(x.severity)} + " " + std::string{x.rule.text()} + " " +
                   py::repr(fields_obj(*f.data->model, x.subjects)).cast<std::string>() + ">";
        });
    py::setattr(mod.attr("Finding"), "__hash__", py::none());

    py::class_<report_data, report_ptr>(mod, "Report", R"doc(
The result of samverkan.audit(): the findings sorted by severity, rule id and subjects, kept in C++ until
asked for. len(report), report[i] and iteration give Finding objects; to_records() gives plain dicts
(pandas.DataFrame(report.to_records())); to_json() the samverkan-report/1 text of `samverkan audit
--format json`; summary the counts per severity.)doc")
        .def_property_readonly(
            "model",
            [](report_data const& r) -> py::object {
                if (!r.report.model) return py::none();
                return py::str(*r.report.model);
            },
            "The audited model's name, or None.")
        .def_property_readonly(
            "summary", [](report_data const& r) { return summary_obj(r.report.summary()); },
            "{'error': n, 'warning': n, 'info': n}.")
        .def("__len__", [](report_data const& r) { return r.report.findings.size(); })
        .def("__bool__", [](report_data const& r) { return !r.report.findings.empty(); })
        .def("__getitem__",
             [](report_ptr const& r, std::ptrdiff_t i) {
                 return finding_ref{r, normalise_index(i, r->report.findings.size())};
             })
        .def("__getitem__",
             [](report_ptr const& r, py::slice s) {
                 std::size_t start = 0, stop = 0, step = 0, length = 0;
                 if (!s.compute(r->report.findings.size(), &start, &stop, &step, &length))
                     throw py::error_already_set();
                 py::list out;
                 for (std::size_t k = 0; k < length; ++k) out.append(finding_ref{r, start + k * step});
                 return out;
             })
        .def("__iter__",
             [](report_ptr const& r) {
                 py::list out; // cheap handles; the values are converted when read
                 for (std::size_t i = 0; i < r->report.findings.size(); ++i) out.append(finding_ref{r, i});
                 return py::iter(out);
             })
        .def(
            "to_records",
            [](report_data const& r, bool flat) {
                py::list out(r.report.findings.size());
                for (std::size_t i = 0; i < r.report.findings.size(); ++i)
                    out[i] = finding_record(*r.model, r.report.findings[i], flat);
                return out;
            },
            py::kw_only(), py::arg("flat") = false, R"doc(
One dict per finding, in report order: rule, severity, subjects (a dict), message, witness (a dict).
pandas.DataFrame(report.to_records()) takes it as it is. With flat=True each subject key becomes a column
of its own (duty, mandate, actor, ...) instead of the subjects dict.)doc")
        .def(
            "to_json", [](report_data const& r) { return report_json(r); },
            "The report as samverkan-report/1 JSON, byte for byte what `samverkan audit --format json` writes.")
        .def(
            "counts_by_rule",
            [](report_data const& r) {
                py::dict d;
                for (auto const& f : r.report.findings) {
                    py::str k(std::string{f.rule.text()});
                    d[k] = (d.contains(k) ? d[k].cast<std::size_t>() : 0) + 1;
                }
                return d;
            },
            "{rule id: number of findings}.")
        .def("__repr__", [](report_data const& r) {
            auto const s = r.report.summary();
            return "<samverkan.Report: " + std::to_string(s.error) + " errors, " + std::to_string(s.warning) +
                   " warnings, " + std::to_string(s.info) + " info>";
        });

    mod.def(
        "audit",
        [](model_ptr const& m, py::object only, py::object skip, py::object severity, template_ptr const& profile,
           py::object bind, py::object mandate, std::optional<std::string> const& scope, bool everywhere) {
            auto const opts = make_options(only, skip, severity);
            auto data = std::make_shared<report_data>();
            data->model = m;
            if (!profile) {
                if (!bind.is_none() || !mandate.is_none() || scope || everywhere)
                    throw py::value_error("bind, mandate, scope and everywhere need a profile");
                py::gil_scoped_release release;
                data->report = sv::audit(*m, opts);
                return report_ptr{std::move(data)};
            }
            if (profile->kind != tpl::template_kind::profile)
                throw sv::error{"profile " + profile->id +
                                ": it is a template of kind model, not a profile (apply it with "
                                "samverkan.apply, or rank it with samverkan.fit)"};
            auto const o = binding_opts(bind, mandate, py::none(), scope, everywhere);
            py::gil_scoped_release release;
            tpl::check_options(*m, *profile, o);
            auto const where = tpl::application_scope(*m, o);
            sv::capability_index const cap{*m};
            auto const b = tpl::bind(*m, cap, *profile, o, where);
            data->report = tpl::audit(*m, *profile, b, opts);
            return report_ptr{std::move(data)};
        },
        py::arg("model"), py::kw_only(), py::arg("only") = py::none(), py::arg("skip") = py::none(),
        py::arg("severity") = py::none(), py::arg("profile") = py::none(), py::arg("bind") = py::none(),
        py::arg("mandate") = py::none(), py::arg("scope") = py::none(), py::arg("everywhere") = false);

    mod.def("rules", [] {
        py::list out;
        for (auto r : sv::all_rules())
            out.append(
                py::make_tuple(std::string{sv::to_string(r)}, std::string{sv::to_string(sv::default_severity(r))}));
        return out;
    });

    mod.def(
        "_graph_data", [](model_ptr const& m) { return graph_data(*m); }, py::arg("model"));

    // ---- robustness -------------------------------------------------------------------------------------
    mod.def(
        "withdraw",
        [](model_ptr const& m, std::vector<std::string> const& without) {
            auto const ids = actor_list(*m, without);
            py::gil_scoped_release release;
            return std::make_shared<sv::model>(sv::withdraw(*m, std::span<sv::actor_id const>{ids}));
        },
        py::arg("model"), py::arg("without"));

    py::class_<what_if_data, std::shared_ptr<what_if_data>>(mod, "WhatIf", R"doc(
The result of samverkan.what_if(model, without): audit(model) compared with audit(withdraw(model, without))
by (rule, subjects). `added` and `removed` are Reports whose ids are the model's; `without` the withdrawn
actors sorted by id; to_json() is what `samverkan what-if --format json` writes.)doc")
        .def_property_readonly("without", [](what_if_data const& w) { return id_list(*w.model, w.result.without); })
        .def_property_readonly("added", [](what_if_data const& w) { return w.added; })
        .def_property_readonly("removed", [](what_if_data const& w) { return w.removed; })
        .def("to_json",
             [](what_if_data const& w) {
                 return written([&](std::ostream& os) { sv::io::write_what_if_json(os, *w.model, w.result); });
             })
        .def("to_text",
             [](what_if_data const& w) {
                 return written([&](std::ostream& os) { sv::io::write_what_if_text(os, *w.model, w.result); });
             })
        .def("__repr__", [](what_if_data const& w) {
            auto const a = w.result.added.summary();
            return "<samverkan.WhatIf: " + std::to_string(w.result.without.size()) + " withdrawn, added " +
                   std::to_string(a.error) + " errors, " + std::to_string(a.warning) + " warnings, " +
                   std::to_string(a.info) + " info, removed " + std::to_string(w.result.removed.findings.size()) + ">";
        });
    mod.def(
        "what_if",
        [](model_ptr const& m, std::vector<std::string> const& without) {
            auto const ids = actor_list(*m, without);
            auto w = std::make_shared<what_if_data>();
            w->model = m;
            {
                py::gil_scoped_release release;
                w->result = sv::what_if(*m, std::span<sv::actor_id const>{ids});
            }
            w->added = make_report(m, w->result.added);
            w->removed = make_report(m, w->result.removed);
            return w;
        },
        py::arg("model"), py::arg("without"));

    py::class_<robustness_data, std::shared_ptr<robustness_data>>(mod, "Resilience", R"doc(
The result of samverkan.resilience(model, k): per duty its resilience (the smallest number of actors whose
withdrawal makes it fail, exact up to k) and a cut; per actor its criticality. duties and actors are lists
of dicts as in the samverkan-resilience/1 report (duties in id order, actors ranked: failing count, then
added errors, descending); to_json(), to_csv() and to_text() are what `samverkan resilience` writes.)doc")
        .def_property_readonly("k", [](robustness_data const& r) { return r.result.k; })
        .def_property_readonly("duties",
                               [](robustness_data const& r) {
                                   auto const& m = *r.model;
                                   py::list out;
                                   for (auto const* row : sv::io::detail::duty_rows_by_id(m, r.result)) {
                                       py::dict d;
                                       d["duty"] = py::str(m[row->duty].id);
                                       d["optional"] = row->optional;
                                       d["resilience"] =
                                           row->value ? py::object{py::int_(*row->value)} : py::object{py::none()};
                                       d["cut"] =
                                           row->value ? py::object{id_list(m, row->cut)} : py::object{py::none()};
                                       if (!row->value) d["above"] = r.result.k;
                                       out.append(d);
                                   }
                                   return out;
                               })
        .def_property_readonly("actors",
                               [](robustness_data const& r) {
                                   auto rows = r.result.actors;
                                   sv::rank_criticality(*r.model, rows);
                                   py::list out;
                                   for (auto const& c : rows) out.append(criticality_row(*r.model, c));
                                   return out;
                               })
        .def("to_json",
             [](robustness_data const& r) {
                 return written([&](std::ostream& os) { sv::io::write_resilience_json(os, *r.model, r.result); });
             })
        .def("to_csv",
             [](robustness_data const& r) {
                 return written([&](std::ostream& os) { sv::io::write_resilience_csv(os, *r.model, r.result); });
             })
        .def("to_text", [](robustness_data const& r) {
            return written([&](std::ostream& os) { sv::io::write_resilience_text(os, *r.model, r.result); });
        });
    mod.def(
        "resilience",
        [](model_ptr const& m, int k) {
            auto r = std::make_shared<robustness_data>();
            r->model = m;
            py::gil_scoped_release release;
            r->result = sv::analyse_robustness(*m, k);
            return r;
        },
        py::arg("model"), py::arg("k") = 3);
    mod.def(
        "criticality",
        [](model_ptr const& m) {
            std::vector<sv::actor_criticality> rows;
            {
                py::gil_scoped_release release;
                rows = sv::criticality(*m);
            }
            py::list out;
            for (auto const& c : rows) out.append(criticality_row(*m, c));
            return out;
        },
        py::arg("model"));

    // ---- metrics ----------------------------------------------------------------------------------------
    py::class_<metrics_data, std::shared_ptr<metrics_data>>(mod, "Metrics", R"doc(
The result of samverkan.metrics(model) (analytics.md, section 3): coverage, redundancy, resilience
histogram, collaboration graph measures, one row per actor and per stage. to_json() and to_csv() are what
`samverkan metrics` writes; to_dict() the parsed JSON; actors and stages its rows (lists of dicts, for
pandas.DataFrame).)doc")
        .def("to_json",
             [](metrics_data const& r) {
                 return written([&](std::ostream& os) { sv::io::write_metrics_json(os, r.result); });
             })
        .def("to_csv",
             [](metrics_data const& r) {
                 return written([&](std::ostream& os) { sv::io::write_metrics_csv(os, r.result); });
             })
        .def("to_text", [](metrics_data const& r) {
            return written([&](std::ostream& os) { sv::io::write_metrics_text(os, *r.model, r.result); });
        });
    mod.def(
        "metrics",
        [](model_ptr const& m) {
            auto r = std::make_shared<metrics_data>();
            r->model = m;
            py::gil_scoped_release release;
            r->result = sv::metrics(*m);
            return r;
        },
        py::arg("model"));

    // ---- diff -------------------------------------------------------------------------------------------
    py::class_<diff_data, std::shared_ptr<diff_data>>(mod, "Diff", R"doc(
The result of samverkan.diff(a, b): what changed in meaning from model a to model b (analytics.md,
section 4). to_json() is what `samverkan diff --format json` writes, to_dict() its parsed form;
`added` (ids of b) and `removed` (ids of a) are the findings as Reports; `empty` is True when nothing
differs.)doc")
        .def_property_readonly("empty", [](diff_data const& d) { return d.result.empty(); })
        .def_property_readonly("added", [](diff_data const& d) { return d.added; })
        .def_property_readonly("removed", [](diff_data const& d) { return d.removed; })
        .def("to_json",
             [](diff_data const& d) {
                 return written([&](std::ostream& os) { sv::io::write_diff_json(os, *d.a, *d.b, d.result); });
             })
        .def("to_text", [](diff_data const& d) {
            return written([&](std::ostream& os) { sv::io::write_diff_text(os, *d.a, *d.b, d.result); });
        });
    mod.def(
        "diff",
        [](model_ptr const& a, model_ptr const& b) {
            auto d = std::make_shared<diff_data>();
            d->a = a;
            d->b = b;
            {
                py::gil_scoped_release release;
                d->result = sv::diff(*a, *b);
            }
            d->added = make_report(b, d->result.findings.added);
            d->removed = make_report(a, d->result.findings.removed);
            return d;
        },
        py::arg("a"), py::arg("b"));

    // ---- templates, apply, fit (templates.md) ---------------------------------------------------------------
    py::class_<tpl::collaboration_template, template_ptr>(mod, "Template", R"doc(
A collaboration-model template (samverkan-template/1, templates.md section 1): an established
samverkansmodell with roles in place of actors (kind 'model'), or a profile of obligations (kind
'profile'). Read one with samverkan.load_template(); samverkan.templates() lists the bundled ones.
to_json() is its canonical samverkan-template/1 text.)doc")
        .def_property_readonly("id", [](tpl::collaboration_template const& t) { return t.id; })
        .def_property_readonly(
            "kind", [](tpl::collaboration_template const& t) { return std::string{tpl::to_string(t.kind)}; },
            "'model' or 'profile'.")
        .def_property_readonly("name",
                               [](tpl::collaboration_template const& t) -> py::object {
                                   if (!t.name) return py::none();
                                   return py::str(*t.name);
                               })
        .def_property_readonly("basis", [](tpl::collaboration_template const& t) { return t.basis; })
        .def_property_readonly("description", [](tpl::collaboration_template const& t) { return t.description; })
        .def_property_readonly(
            "roles",
            [](tpl::collaboration_template const& t) {
                py::list out;
                for (auto const& r : t.roles) out.append(template_role_obj(r));
                return out;
            },
            "The roles in template order: dicts with id, name, category, holds, many, optional.")
        .def_property_readonly(
            "stages", [](tpl::collaboration_template const& t) { return element_ids(t.stages); }, "Stage ids.")
        .def_property_readonly(
            "mandates", [](tpl::collaboration_template const& t) { return element_ids(t.mandates); },
            "Mandate ids the template defines.")
        .def_property_readonly(
            "duties", [](tpl::collaboration_template const& t) { return element_ids(t.duties); }, "Duty ids.")
        .def_property_readonly(
            "forums", [](tpl::collaboration_template const& t) { return element_ids(t.forums); }, "Forum ids.")
        .def_property_readonly(
            "obligations",
            [](tpl::collaboration_template const& t) {
                py::list out;
                if (t.kind == tpl::template_kind::profile)
                    for (auto const& d : t.duties)
                        if (!d.optional) out.append(py::str(d.id));
                return out;
            },
            "For a profile: the ids of its obligations (its duties that are not optional); [] for a model.")
        .def(
            "to_json", [](tpl::collaboration_template const& t) { return sv::io::to_json(t); },
            "The canonical samverkan-template/1 text.")
        .def("__repr__",
             [](tpl::collaboration_template const& t) {
                 return "<samverkan.Template '" + t.id + "' (" + std::string{tpl::to_string(t.kind)} +
                        "): " + std::to_string(t.roles.size()) + " roles, " + std::to_string(t.duties.size()) +
                        " duties>";
             })
        .def(py::pickle([](tpl::collaboration_template const& t) { return py::make_tuple(sv::io::to_json(t)); },
                        [](py::tuple t) {
                            return template_ptr{std::make_shared<tpl::collaboration_template>(
                                sv::io::read_template(t[0].cast<std::string>(), "<pickle>"))};
                        }));
    mod.def("_load_template_file", &load_template_file, py::arg("path"));
    mod.def(
        "_load_template_text",
        [](std::string const& text, std::string const& source) {
            py::gil_scoped_release release;
            return template_ptr{std::make_shared<tpl::collaboration_template>(sv::io::read_template(text, source))};
        },
        py::arg("text"), py::arg("source"));
    mod.def(
        "_templates_json",
        [](std::vector<template_ptr> const& ts) {
            std::vector<tpl::collaboration_template const*> raw;
            for (auto const& t : ts) raw.push_back(t.get());
            return sv::io::templates_to_json(raw);
        },
        py::arg("templates"));

    py::class_<application_data, std::shared_ptr<application_data>>(mod, "Application", R"doc(
The result of samverkan.apply(template, place): the applied model (samverkan/1.1) and the binding it was
made with. to_json() is what `samverkan apply` writes on stdout; messages the lines it writes on stderr
(one per unbound role).)doc")
        .def_property_readonly(
            "model", [](application_data const& a) { return a.model; }, "The applied model (a new Model).")
        .def_property_readonly(
            "template", [](application_data const& a) { return a.tmpl; }, "The template applied.")
        .def_property_readonly(
            "scope",
            [](application_data const& a) -> py::object {
                if (!a.scope) return py::none();
                return py::str((*a.place)[*a.scope].id);
            },
            "The application scope's id, or None for everywhere.")
        .def_property_readonly(
            "binding", [](application_data const& a) { return binding_obj(*a.place, *a.tmpl, a.binding); },
            "{role: [actor ids]} for every role, in role order ([] when unbound).")
        .def_property_readonly(
            "unbound", [](application_data const& a) { return unbound_obj(*a.place, *a.tmpl, a.binding); },
            "The unbound roles in role order: dicts with role, optional, reason ('no-candidate', 'ambiguous', "
            "'explicit-only', 'explicit') and candidates.")
        .def_property_readonly(
            "messages",
            [](application_data const& a) {
                py::list out;
                auto const& t = *a.tmpl;
                auto const& m = *a.place;
                for (std::size_t i = 0; i < t.roles.size(); ++i) {
                    auto const& b = a.binding.roles[i];
                    if (!b.actors.empty()) continue;
                    std::string line = "samverkan: role \"" + t.roles[i].id + "\"" +
                                       (t.roles[i].optional ? " (optional)" : "") +
                                       " is unbound: " + std::string{tpl::to_string(b.reason)};
                    if (b.reason == tpl::unbound_reason::ambiguous) {
                        line += "; candidates:";
                        for (auto c : b.candidates) line += " " + m[c].id;
                        line += " (choose one with --bind " + t.roles[i].id + "=ACTOR)";
                    }
                    out.append(py::str(line));
                }
                return out;
            },
            "The tool's stderr lines for the unbound roles (without newlines).")
        .def(
            "to_json", [](application_data const& a) { return sv::io::to_json(*a.model); },
            "The applied model as `samverkan apply` writes it (canonical samverkan/1.1 JSON).")
        .def("__repr__", [](application_data const& a) {
            std::size_t unbound = 0;
            for (auto const& r : a.binding.roles) unbound += r.actors.empty() ? 1 : 0;
            return "<samverkan.Application of '" + a.tmpl->id + "': " + std::to_string(unbound) + " unbound roles>";
        });
    mod.def(
        "apply",
        [](template_ptr const& t, model_ptr const& place, py::object bind, py::object mandate, py::object stage,
           std::optional<std::string> const& scope, bool everywhere, std::optional<std::string> const& prefix) {
            auto const o = binding_opts(bind, mandate, stage, scope, everywhere);
            if (prefix && prefix->empty()) throw py::value_error("prefix must not be empty");
            auto a = std::make_shared<application_data>();
            a->place = place;
            a->tmpl = t;
            py::gil_scoped_release release;
            tpl::check_options(*place, *t, o);
            a->scope = tpl::application_scope(*place, o);
            sv::capability_index const cap{*place};
            a->binding = tpl::bind(*place, cap, *t, o, a->scope);
            a->model = std::make_shared<sv::model>(
                tpl::apply(*place, cap, *t, a->binding, o, a->scope, prefix ? *prefix : t->id));
            return a;
        },
        py::arg("template"), py::arg("place"), py::kw_only(), py::arg("bind") = py::none(),
        py::arg("mandate") = py::none(), py::arg("stage") = py::none(), py::arg("scope") = py::none(),
        py::arg("everywhere") = false, py::arg("prefix") = py::none());

    py::class_<fit_data, std::shared_ptr<fit_data>>(mod, "Fit", R"doc(
The result of samverkan.fit(place, ...): the candidate templates ranked by how well the place can carry
them (templates.md section 5). to_json() is what `samverkan fit --format json` writes (samverkan-fit/1);
to_dict() its parsed form; to_records() one flat row per candidate (for pandas.DataFrame); len() and
indexing give the candidates of the JSON report as dicts.)doc")
        .def_property_readonly("place",
                               [](fit_data const& f) -> py::object {
                                   if (!f.result.place_name) return py::none();
                                   return py::str(*f.result.place_name);
                               })
        .def_property_readonly(
            "scope",
            [](fit_data const& f) -> py::object {
                if (!f.result.scope) return py::none();
                return py::str((*f.place)[*f.result.scope].id);
            },
            "The application scope's id, or None for everywhere.")
        .def_property_readonly(
            "baseline", [](fit_data const& f) { return summary_obj(f.result.baseline); },
            "The summary of the place's own audit.")
        .def_property_readonly(
            "ranking",
            [](fit_data const& f) {
                py::list out;
                for (auto const& c : f.result.candidates)
                    if (!c.skipped) out.append(py::str(c.tmpl->id));
                return out;
            },
            "The ranked template ids, best first (skipped candidates left out).")
        .def("__len__", [](fit_data const& f) { return f.result.candidates.size(); })
        .def(
            "to_records",
            [](fit_data const& f) {
                py::list out;
                for (auto const& c : f.result.candidates) out.append(fit_row(c));
                return out;
            },
            "One dict per candidate in report order: rank (None when skipped), template, name, skipped "
            "('already-applied' or None), unbound_required, introduced_error/_warning/_info, "
            "resolved_error/_warning/_info.")
        .def(
            "to_json", [](fit_data const& f) { return sv::io::fit_to_json(*f.place, f.result); },
            "The samverkan-fit/1 report, byte for byte what `samverkan fit --format json` writes.")
        .def("__repr__", [](fit_data const& f) {
            std::string s = "<samverkan.Fit: " + std::to_string(f.result.candidates.size()) + " candidates";
            for (auto const& c : f.result.candidates)
                if (c.rank == 1) s += ", best '" + c.tmpl->id + "'";
            return s + ">";
        });
    mod.def(
        "fit",
        [](model_ptr const& place, std::vector<template_ptr> const& candidates, py::object bind, py::object mandate,
           py::object stage, std::optional<std::string> const& scope, bool everywhere) {
            auto const o = binding_opts(bind, mandate, stage, scope, everywhere);
            auto f = std::make_shared<fit_data>();
            f->place = place;
            f->templates = candidates;
            std::vector<tpl::collaboration_template const*> raw;
            for (auto const& t : candidates) {
                if (!t) throw py::type_error("fit takes Template objects");
                raw.push_back(t.get());
            }
            py::gil_scoped_release release;
            f->result = tpl::fit(*place, raw, o);
            return f;
        },
        py::arg("place"), py::arg("candidates"), py::kw_only(), py::arg("bind") = py::none(),
        py::arg("mandate") = py::none(), py::arg("stage") = py::none(), py::arg("scope") = py::none(),
        py::arg("everywhere") = false);

    // ---- scenarios (samverkan.sweep) -----------------------------------------------------------------------
    py::class_<samverkan_py::scenario_runner, std::shared_ptr<samverkan_py::scenario_runner>>(mod, "_ScenarioRunner")
        .def(py::init([](model_ptr const& m) {
                 py::gil_scoped_release release;
                 return std::make_shared<samverkan_py::scenario_runner>(m);
             }),
             py::arg("model"))
        .def(
            "run",
            [](samverkan_py::scenario_runner const& runner, std::vector<std::string> const& without, bool removed) {
                auto const& m = runner.model();
                auto ids = actor_list(m, without);
                samverkan_py::scenario_result r;
                {
                    py::gil_scoped_release release;
                    r = runner.run(std::move(ids), removed);
                }
                py::dict d;
                d["without"] = id_list(m, r.without);
                d["added"] = make_report(runner.model_ptr(), std::move(r.added));
                d["removed"] = make_report(runner.model_ptr(), std::move(r.removed));
                d["failing"] = id_list(m, r.failing);
                return d;
            },
            py::arg("without"), py::arg("removed") = false);
}
