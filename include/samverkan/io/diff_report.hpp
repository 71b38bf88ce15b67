// The diff report (analysis/diff.hpp) as JSON, as text for people, and as a Graphviz DOT view.
//
//     auto const d = samverkan::diff(v1, v2);
//     samverkan::io::write_diff_json(std::cout, v1, v2, d);   // samverkan-diff/1 (analytics.md 5)
//     samverkan::io::write_diff_text(std::cout, v1, v2, d);
//     samverkan::io::write_diff_dot(std::cout, v1, v2, d);    // added green, removed red, changed orange
//
// The JSON form is generated from the Boost.Describe descriptions of the diff structs; the findings blocks
// are written as in a what-if report ({"summary", "findings"}, each finding as in samverkan-report/1), the
// added ones with the ids of the second model, the removed ones with those of the first. The same input
// gives the same bytes. Each writer throws samverkan::error when the stream fails. O(size of the report),
// and for DOT O(size of both models).
#ifndef SAMVERKAN_IO_DIFF_REPORT_HPP
#define SAMVERKAN_IO_DIFF_REPORT_HPP

#include <samverkan/analysis/diff.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/detail/described_json.hpp>
#include <samverkan/io/detail/export_text.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/dot.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan::io {

/// Writes `d`, the diff of `a` (first) and `b` (second), as samverkan-diff/1 JSON ending with a newline.
inline void write_diff_json(std::ostream& os, model const& a, model const& b, diff_report const& d) {
    detail::json_sink out{&os};
    auto const findings = [&](detail::json_sink& sink, finding_changes const& f, std::size_t level) {
        sink.put('{');
        sink.newline(level + 1);
        sink.append("\"added\": ");
        detail::report_writer{sink, b}.summary_and_findings(f.added, level + 1);
        sink.put(',');
        sink.newline(level + 1);
        sink.append("\"removed\": ");
        detail::report_writer{sink, a}.summary_and_findings(f.removed, level + 1);
        sink.newline(level);
        sink.put('}');
    };
    detail::described_json_writer{out, findings}.document("samverkan-diff/1", d);
    out.flush();
}

namespace detail {

inline void id_list(std::string& out, std::vector<std::string> const& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) out += ", ";
        out += ids[i];
    }
}

template <class Entry>
void reach_text(std::string& out, Entry const& e) {
    out += e.scope ? " in " + *e.scope : std::string{" everywhere"};
    if (!e.stages.empty()) {
        out += " at ";
        id_list(out, e.stages);
    }
    if (e.attributes.text != "{}") out += " " + e.attributes.text;
}

template <class Traits>
void findings_text(std::string& out, char sign, basic_model<Traits> const& m, report const& r) {
    for (auto const& f : r.findings) {
        out += "  ";
        out += sign;
        out += ' ';
        append_line(out, m, f);
        out += '\n';
    }
}

} // namespace detail

/// Writes `d` as text for people: what differs in the model's own keys, the added (+), removed (-) and
/// changed (~) ids per element kind, the holdings and delegations added and removed, and the findings that
/// appear (+) and disappear (-); "no differences" when the report is empty.
template <class Traits>
void write_diff_text(std::ostream& os, basic_model<Traits> const& a, basic_model<Traits> const& b,
                     diff_report const& d) {
    (void)a;
    (void)b;
    std::string out = "samverkan diff: ";
    out += d.from ? *d.from : std::string{"(unnamed)"};
    out += " -> ";
    out += d.to ? *d.to : std::string{"(unnamed)"};
    out += '\n';
    if (d.empty()) {
        out += "no differences\n";
        os << out;
        if (!os) throw error{"could not write the output (disk full, or the reader went away?)"};
        return;
    }
    if (!d.model.empty()) {
        out += "\nmodel: ";
        detail::id_list(out, d.model);
        out += d.model.size() == 1 ? " differs\n" : " differ\n";
    }
    struct kind_row {
        std::string_view name;
        element_changes const* changes;
    };
    kind_row const kinds[] = {{"stages", &d.elements.stages}, {"scopes", &d.elements.scopes},
                              {"actors", &d.elements.actors}, {"mandates", &d.elements.mandates},
                              {"duties", &d.elements.duties}, {"forums", &d.elements.forums}};
    bool any = false;
    for (auto const& k : kinds) any = any || !k.changes->empty();
    if (any) {
        out += "\nelements (+ added, - removed, ~ changed)\n";
        for (auto const& k : kinds) {
            if (k.changes->empty()) continue;
            out += "  ";
            out += k.name;
            out += std::string(10 - k.name.size(), ' ');
            bool first = true;
            for (auto const& [sign, list] : {std::pair{'+', &k.changes->added}, std::pair{'-', &k.changes->removed},
                                             std::pair{'~', &k.changes->changed}}) {
                if (list->empty()) continue;
                if (!first) out += "   ";
                first = false;
                out += sign;
                out += ' ';
                detail::id_list(out, *list);
            }
            out += '\n';
        }
    }
    if (!d.holds.added.empty() || !d.holds.removed.empty()) {
        out += "\nholdings\n";
        for (auto const& [sign, list] : {std::pair{'+', &d.holds.added}, std::pair{'-', &d.holds.removed}})
            for (auto const& h : *list) {
                out += "  ";
                out += sign;
                out += ' ' + h.actor + " holds " + h.mandate;
                detail::reach_text(out, h);
                out += '\n';
            }
    }
    if (!d.delegations.added.empty() || !d.delegations.removed.empty()) {
        out += "\ndelegations\n";
        for (auto const& [sign, list] : {std::pair{'+', &d.delegations.added}, std::pair{'-', &d.delegations.removed}})
            for (auto const& e : *list) {
                out += "  ";
                out += sign;
                out += ' ' + e.from + " -> " + e.to + ": " + e.mandate;
                detail::reach_text(out, e);
                out += '\n';
            }
    }
    auto const plus = d.findings.added.summary();
    auto const minus = d.findings.removed.summary();
    auto const counts = [](summary const& x) {
        return std::to_string(x.error) + (x.error == 1 ? " error, " : " errors, ") + std::to_string(x.warning) +
               (x.warning == 1 ? " warning, " : " warnings, ") + std::to_string(x.info) + " info";
    };
    out += "\nfindings: " + std::to_string(plus.total()) + " new (" + counts(plus) + "), " +
           std::to_string(minus.total()) + " resolved (" + counts(minus) + ")\n";
    detail::findings_text(out, '+', b, d.findings.added);
    detail::findings_text(out, '-', a, d.findings.removed);
    os << out;
    if (!os) throw error{"could not write the output (disk full, or the reader went away?)"};
}

/// Writes a DOT view of the change from `a` to `b`: every actor, mandate, duty and forum of either model
/// and the stages and scopes that were added, removed or changed (shapes as in io/dot.hpp), added ones green and bold,
/// removed ones red and dashed, changed ones orange, the rest grey; the holdings (actor -- mandate) and delegations
/// (from -> to, labelled with the mandate) added (green) and removed (red), and the second model's RACI
/// entries in grey for context.
template <class Traits>
void write_diff_dot(std::ostream& os, basic_model<Traits> const& a, basic_model<Traits> const& b,
                    diff_report const& d) {
    constexpr std::string_view added_color = "#2e7d32", removed_color = "#c62828", changed_color = "#ef6c00",
                               same_color = "#90a4ae";
    std::string out = "digraph diff {\n  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=\"";
    detail::append_dot_escaped(out, d.from ? std::string_view{*d.from} : std::string_view{"(unnamed)"});
    out += " -> ";
    detail::append_dot_escaped(out, d.to ? std::string_view{*d.to} : std::string_view{"(unnamed)"});
    out += " (green added, red removed, orange changed)\"];\n"
           "  node [fontname=\"Helvetica\", fontsize=10, style=filled, fillcolor=white];\n"
           "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    auto const node = [&](std::string_view kind, std::string_view shape, std::string_view id, std::string_view label,
                          element_changes const& ch) {
        auto const in = [&](std::vector<std::string> const& v) { return std::binary_search(v.begin(), v.end(), id); };
        std::string_view color = same_color, style = "filled";
        if (in(ch.added)) color = added_color, style = "filled,bold";
        else if (in(ch.removed)) color = removed_color, style = "filled,dashed";
        else if (in(ch.changed)) color = changed_color, style = "filled,bold";
        out += "  \"" + detail::node_key(kind, id) + "\" [shape=";
        out += shape;
        out += ", label=\"";
        detail::append_dot_escaped(out, label);
        out += "\", color=\"";
        out += color;
        out += "\", fontcolor=\"";
        out += color == same_color ? std::string_view{"#37474f"} : color;
        out += "\", style=\"";
        out += style;
        out += "\"];\n";
    };
    // stages and scopes have no edges in this view: only those that changed are drawn
    auto const nodes = [&]<class Id>(std::string_view kind, std::string_view shape, element_changes const& ch,
                                     bool changed_only = false) {
        auto const changed = [&](std::string_view id) {
            return !changed_only || std::binary_search(ch.added.begin(), ch.added.end(), id) ||
                   std::binary_search(ch.changed.begin(), ch.changed.end(), id);
        };
        for (Id x : b.template ids<Id>())
            if (changed(b[x].id)) node(kind, shape, b[x].id, b.name_of(x), ch);
        for (Id x : a.template ids<Id>())
            if (!b.template find<Id>(a[x].id)) node(kind, shape, a[x].id, a.name_of(x), ch);
    };
    nodes.template operator()<stage_id>("stage", "cds", d.elements.stages, true);
    nodes.template operator()<scope_id>("scope", "tab", d.elements.scopes, true);
    nodes.template operator()<actor_id>("actor", "box", d.elements.actors);
    nodes.template operator()<mandate_id>("mandate", "note", d.elements.mandates);
    nodes.template operator()<duty_id>("duty", "ellipse", d.elements.duties);
    nodes.template operator()<forum_id>("forum", "hexagon", d.elements.forums);
    for (duty_id x : b.duties())
        for (assignment const& e : b.raci_of(x)) {
            out += "  \"" + detail::node_key("actor", b[e.actor].id) + "\" -> \"" + detail::node_key("duty", b[x].id) +
                   "\" [color=\"#cfd8dc\", fontcolor=\"#90a4ae\", label=\"";
            out += letter(e.role);
            out += "\"];\n";
        }
    auto const reach_label = [&](auto const& e) {
        std::string label = e.scope ? *e.scope : std::string{"everywhere"};
        for (auto const& s : e.stages) label += " " + s;
        return label;
    };
    for (auto const& [color, list] :
         {std::pair{added_color, &d.holds.added}, std::pair{removed_color, &d.holds.removed}})
        for (auto const& h : *list) {
            out += "  \"" + detail::node_key("actor", h.actor) + "\" -> \"" + detail::node_key("mandate", h.mandate) +
                   "\" [penwidth=2, color=\"";
            out += color;
            out += "\", fontcolor=\"";
            out += color;
            out += "\", label=\"holds ";
            detail::append_dot_escaped(out, reach_label(h));
            out += "\"];\n";
        }
    for (auto const& [color, list] :
         {std::pair{added_color, &d.delegations.added}, std::pair{removed_color, &d.delegations.removed}})
        for (auto const& e : *list) {
            out += "  \"" + detail::node_key("actor", e.from) + "\" -> \"" + detail::node_key("actor", e.to) +
                   "\" [penwidth=2, style=dashed, color=\"";
            out += color;
            out += "\", fontcolor=\"";
            out += color;
            out += "\", label=\"";
            detail::append_dot_escaped(out, e.mandate + " " + reach_label(e));
            out += "\"];\n";
        }
    out += "}\n";
    os << out;
    if (!os) throw error{"could not write the output (disk full, or the reader went away?)"};
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_DIFF_REPORT_HPP
