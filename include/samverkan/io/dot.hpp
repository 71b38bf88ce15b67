// The model as a Graphviz DOT graph, with the findings of an audit drawn on it.
//
//     samverkan::io::write_dot(std::cout, m, samverkan::audit(m));
//     // samverkan convert model.json --to dot | dot -Tsvg -o model.svg
//
// Nodes, one per element; the node id is the element's node key "<kind>:<id>" (io/detail/export_text.hpp:
// stable, unique per kind and id, quoted), the label its name (or id) with a second line of detail:
//   actor    box, rounded, light blue       detail: category
//   mandate  note, light amber              detail: basis, "exclusive", "not delegable"
//   duty     ellipse, white                 detail: stage and scope (display names), "optional"
//   forum    hexagon, light green           detail: the collaboration model
//   stage    cds (an arrow), lavender       in a cluster "Stages"
//   scope    tab, grey                      in a cluster "Scopes"
// Actors, duties, mandates and forums are laid out in columns (rank=same, left to right: forums,
// actors, duties, mandates).
//
// Edges, one per relation, styled by kind:
//   holds        actor -> mandate, green; label: the holding's scope and stages, when restricted
//   delegates    actor -> actor, purple, dashed; label: the mandate's name (and the reach, when given)
//   RACI         actor -> duty, dark grey; label R, A, C or I; R solid, A bold, C dashed, I dotted
//   requires     duty -> mandate, brown, open-diamond head
//   needs        duty -> duty (needing -> needed), teal, vee head
//   after        stage -> stage, violet, drawn along the process: from the earlier to the later stage
//   within       scope -> scope (inner -> outer), grey, empty head
//   member       forum -> actor, light green, dotted, no head
//   coordinator  forum -> actor, green, bold, dot head
//   covers       forum -> duty, olive, dashed
//
// Findings: what a finding marks is drawn in its severity's colour (error red #d32f2f, warning orange
// #ef6c00, info blue #1976d2; several findings on one item take the most severe), thicker, with the
// rule ids in the label and "severity rule: message" in the tooltip (SVG). Per rule:
//   mandate-missing, mandate-unheld           the requires edge duty -> mandate
//   accountable-, responsible-without-mandate the A or R edge actor -> duty
//   multiple-accountable                      the duty and its A edges
//   exclusive-overlap                         the two actors' holds edges of the mandate
//   invalid-delegation                        the delegation edges from -> to of the mandate
//   delegation-cycle                          the mandate's delegation edges inside the cycle
//   stage-order                               the needs edge duty -> needed duty
//   dependency-cycle                          the needs edges inside the cycle
//   coordination-gap                          a new dashed edge between the two actors (no arrow)
//   coordinator-without-mandate               the coordinator edge
//   every other rule (unassigned-duty, no-accountable, no-responsible, forum-without-coordinator,
//   idle-actor, unused-mandate, user rules)   the nodes of every element its subjects name
// A finding about a relation the model lacks (a report of another model) gets a dashed edge of its
// own; subjects that name no element of the model are ignored. With findings, the graph's title gives
// their counts. A legend cluster explains the shapes, the edge styles and (with findings) the colours.
//
// Text: labels are Graphviz HTML-like labels (XML-escaped, line breaks as <br/>); tooltips are quoted
// strings with '\' and '"' escaped and line breaks as \n. Bytes that are not UTF-8 and control
// characters are written as U+FFFD. The output is deterministic: elements and relations in model order,
// extra edges in report order.
#ifndef SAMVERKAN_IO_DOT_HPP
#define SAMVERKAN_IO_DOT_HPP

#include <samverkan/analysis/message.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/io/detail/dot_marks.hpp>
#include <samverkan/io/detail/export_text.hpp>
#include <samverkan/model/basic_model.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samverkan::io {

namespace detail {

/// Appends `text` for a quoted DOT string that Graphviz reads as an escString (tooltips): '\' and '"'
/// escaped, line feed as \n, other control characters and bytes that are not UTF-8 as U+FFFD. O(n).
inline void append_dot_escaped(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto const step = decode_utf8(text, i);
        char32_t const c = step.code;
        if (!step.valid || (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) out += replacement_character;
        else if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += ' ';
        else if (c != '\r') out.append(text.substr(i, step.length));
        i += step.length;
    }
}

[[nodiscard]] constexpr std::string_view dot_severity_color(severity s) noexcept {
    switch (s) {
    case severity::error: return "#d32f2f";
    case severity::warning: return "#ef6c00";
    case severity::info: return "#1976d2";
    }
    return "#d32f2f";
}

[[nodiscard]] constexpr std::string_view dot_severity_fill(severity s) noexcept {
    switch (s) {
    case severity::error: return "#ffebee";
    case severity::warning: return "#fff3e0";
    case severity::info: return "#e3f2fd";
    }
    return "#ffebee";
}

/// The base look of a relation kind (colour, line style, head) and its legend text.
struct dot_edge_style {
    std::string_view color;
    std::string_view style;
    std::string_view arrowhead;
    std::string_view penwidth;
    std::string_view legend;
};

[[nodiscard]] constexpr dot_edge_style dot_style_of(relation_kind k) noexcept {
    switch (k) {
    case relation_kind::holds: return {"#2e7d32", "solid", "normal", "1", "holds (actor → mandate)"};
    case relation_kind::delegates: return {"#8e24aa", "dashed", "normal", "1.2", "delegates (label: mandate)"};
    case relation_kind::assigned:
        return {"#37474f", "solid", "normal", "1", "RACI: R solid, A bold, C dashed, I dotted"};
    case relation_kind::requires_mandate: return {"#8d6e63", "solid", "odiamond", "1", "requires (duty → mandate)"};
    case relation_kind::needs: return {"#00897b", "solid", "vee", "1.2", "needs (duty → needed duty)"};
    case relation_kind::after: return {"#7e57c2", "solid", "normal", "1.2", "stage order (earlier → later)"};
    case relation_kind::within: return {"#9e9e9e", "solid", "empty", "1", "within (inner → outer scope)"};
    case relation_kind::member: return {"#9ccc65", "dotted", "none", "0.8", "member (forum → actor)"};
    case relation_kind::coordinated_by: return {"#558b2f", "bold", "dot", "2", "coordinator (forum → actor)"};
    case relation_kind::covers: return {"#c0ca33", "dashed", "vee", "0.8", "covers (forum → duty)"};
    }
    return {"#000000", "solid", "normal", "1", ""};
}

struct dot_node_style {
    std::string_view shape;
    std::string_view style;
    std::string_view fill;
};

[[nodiscard]] constexpr dot_node_style dot_style_of(element_kind k) noexcept {
    switch (k) {
    case element_kind::stage: return {"cds", "filled", "#ede7f6"};
    case element_kind::scope: return {"tab", "filled", "#eceff1"};
    case element_kind::actor: return {"box", "rounded,filled", "#e1f5fe"};
    case element_kind::mandate: return {"note", "filled", "#fff8e1"};
    case element_kind::duty: return {"ellipse", "filled", "#ffffff"};
    case element_kind::forum: return {"hexagon", "filled", "#e8f5e9"};
    }
    return {"box", "filled", "#ffffff"};
}

/// Writes one DOT graph; holds the model, the report and the marks so that each node and edge is one call.
template <class Traits>
class dot_writer {
public:
    dot_writer(std::ostream& os, basic_model<Traits> const& m, report const& r) : os_{os}, m_{m}, r_{r}, marks_{m, r} {}

    void write() {
        out_ = "// A samverkan model; render it with: dot -Tsvg model.dot -o model.svg\n"
               "digraph samverkan {\n"
               "  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.9, fontname=\"Helvetica\", fontsize=12, "
               "labelloc=t, labeljust=l";
        title();
        out_ += "];\n"
                "  node [fontname=\"Helvetica\", fontsize=11, color=\"#546e7a\", margin=\"0.12,0.05\"];\n"
                "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n";
        flush();

        cluster<stage_id>("cluster_stages", "Stages");
        cluster<scope_id>("cluster_scopes", "Scopes");
        column<forum_id>();
        column<actor_id>();
        column<duty_id>();
        column<mandate_id>();

        for (stage_id s : m_.stages())
            for (stage_id earlier : m_.earlier_stages(s)) edge(earlier, s, relation_kind::after, {}, nullptr, {});
        for (scope_id s : m_.scopes())
            if (auto outer = m_.parent(s)) edge(s, *outer, relation_kind::within, {}, nullptr, {});
        for (holding_id h : m_.holdings()) {
            auto const v = m_.holding(h);
            edge(v.actor, v.mandate, relation_kind::holds, reach_text(v.where), marks_.holding(h), {});
        }
        for (delegation_id d : m_.delegations()) {
            auto const v = m_.delegation(d);
            std::string label{m_.name_of(v.mandate)};
            if (auto reach = reach_text(v.where); !reach.empty()) (label += '\n') += reach;
            edge(v.from, v.to, relation_kind::delegates, label, marks_.delegation(d), {});
        }
        for (duty_id d : m_.duties()) {
            for (assignment const& a : m_.raci_of(d)) {
                constexpr std::string_view styles[] = {"solid", "bold", "dashed", "dotted"};
                char const role[] = {letter(a.role), '\0'};
                edge(a.actor, d, relation_kind::assigned, role, marks_.assignment_of(a.actor, d, a.role),
                     styles[static_cast<std::size_t>(a.role)]);
            }
            for (mandate_id r : m_.required_mandates(d))
                edge(d, r, relation_kind::requires_mandate, {}, marks_.requirement(d, r), {});
            for (duty_id e : m_.needs(d)) edge(d, e, relation_kind::needs, {}, marks_.need(d, e), {});
        }
        for (forum_id f : m_.forums()) {
            for (actor_id a : m_.members(f)) edge(f, a, relation_kind::member, {}, nullptr, {});
            if (auto c = m_.coordinator(f)) edge(f, *c, relation_kind::coordinated_by, {}, marks_.coordination(f), {});
            for (duty_id d : m_.covered(f)) edge(f, d, relation_kind::covers, {}, nullptr, {});
        }
        for (auto const& x : marks_.extra_edges()) extra_edge(x);
        legend();
        os_ << "}\n";
    }

private:
    // ---- text helpers ---------------------------------------------------------------------------------
    template <element_id Id>
    std::string key(Id id) const {
        return node_key(m_, id);
    }
    std::string key(element_ref const& e) const {
        return std::visit([&](auto id) { return node_key(m_, id); }, e);
    }
    void flush() {
        os_ << out_;
        out_.clear();
    }
    void html(std::string_view text) { append_xml_escaped(out_, text, xml_context::html_label); }

    /// The most severe severity among the findings of a mark.
    severity level(dot_mark const& mark) const noexcept {
        severity worst = severity::info;
        for (std::size_t i : mark.findings) worst = std::min(worst, r_.findings[i].severity);
        return worst;
    }
    /// The distinct rule ids of a mark's findings, in report order, one per line (HTML).
    void rule_lines(dot_mark const& mark) {
        std::vector<std::string_view> seen;
        for (std::size_t i : mark.findings) {
            std::string_view const rule = r_.findings[i].rule;
            if (std::find(seen.begin(), seen.end(), rule) != seen.end()) continue;
            if (!seen.empty()) out_ += "<br/>";
            seen.push_back(rule);
            html(rule);
        }
    }
    /// The message of `f`, made now (samverkan::message); valid until the next call.
    std::string_view message_of(finding const& f) {
        text_.clear();
        append_message(text_, m_, f);
        return text_;
    }
    /// "severity rule: message" per finding, for tooltips.
    void finding_lines(dot_mark const& mark) {
        for (std::size_t i : mark.findings) {
            auto const& f = r_.findings[i];
            out_ += "\\n";
            append_dot_escaped(out_, to_string(f.severity));
            out_ += ' ';
            append_dot_escaped(out_, f.rule);
            out_ += ": ";
            append_dot_escaped(out_, message_of(f));
        }
    }

    void title() {
        auto const s = r_.summary();
        if (m_.name().empty() && r_.findings.empty()) return;
        out_ += ", label=<";
        if (!m_.name().empty()) {
            out_ += "<font point-size=\"18\"><b>";
            html(m_.name());
            out_ += "</b></font>";
        }
        if (!r_.findings.empty()) {
            if (!m_.name().empty()) out_ += "<br/>";
            out_ += "<font point-size=\"13\">";
            auto count = [&](std::size_t n, std::string_view one, std::string_view many, severity sev) {
                out_ += "<font color=\"";
                out_ += dot_severity_color(sev);
                out_ += "\">";
                out_ += std::to_string(n);
                out_ += ' ';
                out_ += n == 1 ? one : many;
                out_ += "</font>";
            };
            count(s.error, "error", "errors", severity::error);
            out_ += ", ";
            count(s.warning, "warning", "warnings", severity::warning);
            out_ += ", ";
            count(s.info, "info", "info", severity::info);
            out_ += "</font>";
        }
        out_ += '>';
    }

    /// The reach of a holding or delegation for an edge label: "Centrum; Lägesbild, Plan", or empty when
    /// it applies everywhere and at every stage.
    std::string reach_text(reach_view where) const {
        std::string text;
        if (where.scope) text += m_.name_of(*where.scope);
        if (!where.stages.empty()) {
            if (!text.empty()) text += "; ";
            bool first = true;
            for (stage_id s : where.stages) {
                if (!first) text += ", ";
                first = false;
                text += m_.name_of(s);
            }
        }
        return text;
    }

    // ---- nodes ----------------------------------------------------------------------------------------
    /// The text member `category`, `basis` or `model` of an element, when its type has one.
    template <class T>
    static std::string category_of(T const& e) {
        if constexpr (requires { std::string_view{e.category}; }) return std::string{e.category};
        else return {};
    }
    template <class T>
    static std::string basis_of(T const& e) {
        if constexpr (requires { std::string_view{e.basis}; }) return std::string{e.basis};
        else return {};
    }
    template <class T>
    static std::string model_of(T const& e) {
        if constexpr (requires { std::string_view{e.model}; }) return std::string{e.model};
        else return {};
    }

    std::string detail_of(stage_id) const { return {}; }
    std::string detail_of(scope_id) const { return {}; }
    std::string detail_of(actor_id a) const { return category_of(m_[a]); }
    std::string detail_of(forum_id f) const { return model_of(m_[f]); }
    std::string detail_of(mandate_id id) const {
        auto const& e = m_[id];
        std::string text = basis_of(e);
        auto add = [&](std::string_view flag) {
            if (!text.empty()) text += " · ";
            text += flag;
        };
        if (e.exclusive) add("exclusive");
        if (!e.delegable) add("not delegable");
        return text;
    }
    std::string detail_of(duty_id d) const {
        std::string text;
        if (auto s = m_.stage_of(d)) text += m_.name_of(*s);
        if (auto s = m_.scope_of(d)) {
            if (!text.empty()) text += " · ";
            text += m_.name_of(*s);
        }
        if (m_[d].optional) text += text.empty() ? "optional" : " · optional";
        return text;
    }

    template <element_id Id>
    void node(Id id, std::string_view indent) {
        constexpr auto look = dot_style_of(kind_of<Id>);
        dot_mark const* mark = marks_.node(element_ref{id});
        out_ += indent;
        out_ += '"';
        out_ += key(id);
        out_ += "\" [shape=";
        out_ += look.shape;
        out_ += ", style=\"";
        out_ += look.style;
        out_ += "\", fillcolor=\"";
        out_ += mark ? dot_severity_fill(level(*mark)) : look.fill;
        out_ += '"';
        if (mark) {
            out_ += ", color=\"";
            out_ += dot_severity_color(level(*mark));
            out_ += "\", penwidth=2.5";
        }
        out_ += ", label=<";
        html(m_.name_of(id));
        if (auto const extra = detail_of(id); !extra.empty()) {
            out_ += "<br/><font point-size=\"9\" color=\"#546e7a\">";
            html(extra);
            out_ += "</font>";
        }
        if (mark) {
            out_ += "<br/><font point-size=\"9\" color=\"";
            out_ += dot_severity_color(level(*mark));
            out_ += "\"><b>";
            rule_lines(*mark);
            out_ += "</b></font>";
        }
        out_ += ">, tooltip=\"";
        append_dot_escaped(out_, Id::tag_type::name);
        out_ += ' ';
        append_dot_escaped(out_, m_[id].id);
        if (mark) finding_lines(*mark);
        out_ += "\"];\n";
        flush();
    }

    template <element_id Id>
    void cluster(std::string_view name, std::string_view label) {
        if (m_.template count<Id>() == 0) return;
        out_ += "  subgraph ";
        out_ += name;
        out_ += " {\n    label=\"";
        out_ += label;
        out_ += "\"; style=\"rounded,dashed\"; color=\"#b0bec5\"; fontcolor=\"#546e7a\";\n";
        flush();
        for (Id id : m_.template ids<Id>()) node(id, "    ");
        os_ << "  }\n";
    }

    template <element_id Id>
    void column() {
        if (m_.template count<Id>() == 0) return;
        os_ << "  { rank=same;\n";
        for (Id id : m_.template ids<Id>()) node(id, "    ");
        os_ << "  }\n";
    }

    // ---- edges ----------------------------------------------------------------------------------------
    template <element_id From, element_id To>
    void edge(From from, To to, relation_kind kind, std::string_view label, dot_mark const* mark,
              std::string_view style) {
        auto const look = dot_style_of(kind);
        if (style.empty()) style = look.style;
        out_ += "  \"";
        out_ += key(from);
        out_ += "\" -> \"";
        out_ += key(to);
        out_ += "\" [color=\"";
        out_ += mark ? dot_severity_color(level(*mark)) : look.color;
        out_ += "\", style=\"";
        out_ += style;
        if (mark && style != "bold") out_ += ",bold";
        out_ += "\", arrowhead=";
        out_ += look.arrowhead;
        out_ += ", penwidth=";
        out_ += mark ? "3" : style == "bold" ? "2" : look.penwidth;
        if (!label.empty() || mark) {
            out_ += ", label=<";
            html(label);
            if (mark) {
                if (!label.empty()) out_ += "<br/>";
                out_ += "<b>";
                rule_lines(*mark);
                out_ += "</b>";
            }
            out_ += ">, fontcolor=\"";
            out_ += mark ? dot_severity_color(level(*mark)) : look.color;
            out_ += '"';
        }
        out_ += ", tooltip=\"";
        append_dot_escaped(out_, kind == relation_kind::after ? "stage order"
                                                              : boost::describe::enum_to_string(kind, "relation"));
        out_ += ": ";
        append_dot_escaped(out_, m_[from].id);
        out_ += " -> ";
        append_dot_escaped(out_, m_[to].id);
        if (mark) finding_lines(*mark);
        out_ += "\"];\n";
        flush();
    }

    void extra_edge(dot_extra_edge const& x) {
        auto const& f = r_.findings[x.finding];
        auto const color = dot_severity_color(f.severity);
        out_ += "  \"";
        out_ += key(x.from);
        out_ += "\" -> \"";
        out_ += key(x.to);
        out_ += "\" [color=\"";
        out_ += color;
        out_ += "\", style=\"dashed,bold\", penwidth=2.5, constraint=false";
        if (x.undirected) out_ += ", dir=none";
        out_ += ", label=<<b>";
        html(f.rule);
        out_ += "</b>>, fontcolor=\"";
        out_ += color;
        out_ += "\", tooltip=\"";
        append_dot_escaped(out_, to_string(f.severity));
        out_ += ' ';
        append_dot_escaped(out_, f.rule);
        out_ += ": ";
        append_dot_escaped(out_, message_of(f));
        out_ += "\"];\n";
        flush();
    }

    // ---- legend ---------------------------------------------------------------------------------------
    /// A sample line for the legend table: box-drawing characters in the style of the edge.
    static std::string_view line_sample(std::string_view style) noexcept {
        if (style == "dashed") return "╌╌╌╌▶";
        if (style == "dotted") return "┈┈┈┈▶";
        if (style == "bold") return "━━━━▶";
        return "────▶";
    }

    /// A cluster, one column: a node per element kind (its shape and fill), then a table of the edge
    /// styles and, when there are findings, the severity colours.
    void legend() {
        out_ += "  subgraph cluster_legend {\n"
                "    label=\"Legend\"; style=\"rounded\"; color=\"#b0bec5\"; fontcolor=\"#546e7a\"; fontsize=11;\n"
                "    node [fontsize=9, height=0.3, margin=\"0.06,0.02\"];\n"
                "    { rank=same;\n";
        constexpr element_kind kinds[] = {element_kind::forum,   element_kind::actor, element_kind::duty,
                                          element_kind::mandate, element_kind::stage, element_kind::scope};
        for (element_kind k : kinds) {
            auto const look = dot_style_of(k);
            std::string_view const name = boost::describe::enum_to_string(k, "element");
            out_ += "      \"legend:";
            out_ += name;
            out_ += "\" [shape=";
            out_ += look.shape;
            out_ += ", style=\"";
            out_ += look.style;
            out_ += "\", fillcolor=\"";
            out_ += look.fill;
            out_ += "\", label=\"";
            out_ += name;
            out_ += "\"];\n";
        }
        out_ += "      \"legend:edges\" [shape=plaintext, style=\"\", label=<<table border=\"0\" cellborder=\"0\" "
                "cellspacing=\"1\" cellpadding=\"1\">";
        auto row = [&](std::string_view color, std::string_view sample, std::string_view text) {
            out_ += "<tr><td align=\"left\"><font color=\"";
            out_ += color;
            out_ += "\">";
            out_ += sample;
            out_ += "</font></td><td align=\"left\">";
            html(text);
            out_ += "</td></tr>";
        };
        constexpr relation_kind relations[] = {relation_kind::holds,          relation_kind::delegates,
                                               relation_kind::assigned,       relation_kind::requires_mandate,
                                               relation_kind::needs,          relation_kind::after,
                                               relation_kind::within,         relation_kind::member,
                                               relation_kind::coordinated_by, relation_kind::covers};
        for (relation_kind k : relations) {
            auto const look = dot_style_of(k);
            row(look.color, line_sample(look.style), look.legend);
        }
        if (!r_.findings.empty()) {
            row(dot_severity_color(severity::error), line_sample("bold"), "finding: error");
            row(dot_severity_color(severity::warning), line_sample("bold"), "finding: warning");
            row(dot_severity_color(severity::info), line_sample("bold"), "finding: info (rule ids in labels)");
        }
        out_ += "</table>>];\n"
                "    }\n"
                "  }\n";
        flush();
    }

    std::ostream& os_;
    basic_model<Traits> const& m_;
    std::string text_; // the message being written, reused
    report const& r_;
    dot_marks marks_;
    std::string out_;
};

} // namespace detail

/// Writes `m` as a Graphviz DOT digraph with the findings of `findings` drawn on it (see the top of this
/// file for shapes, styles and what each rule marks). Deterministic. O(elements + relations + F log F)
/// for F findings.
///
///     auto const r = samverkan::audit(m);
///     samverkan::io::write_dot(std::cout, m, r);   // digraph samverkan { ... "duty:lagesbild" ... }
template <class Traits>
void write_dot(std::ostream& os, basic_model<Traits> const& m, report const& findings) {
    detail::dot_writer<Traits>{os, m, findings}.write();
}

/// Writes `m` as a Graphviz DOT digraph without findings.
///
///     samverkan::io::write_dot(std::cout, m);
template <class Traits>
void write_dot(std::ostream& os, basic_model<Traits> const& m) {
    report const none;
    write_dot(os, m, none);
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_DOT_HPP
