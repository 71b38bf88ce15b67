// The metrics report (analysis/metrics.hpp) as JSON, CSV, text for people, and the collaboration graph as
// Graphviz DOT.
//
//     auto const r = samverkan::metrics(m);
//     samverkan::io::write_metrics_json(std::cout, r);    // samverkan-metrics/1 (analytics.md 5)
//     samverkan::io::write_metrics_csv(std::cout, r);     // the actor rows, for R and pandas
//     samverkan::io::write_metrics_text(std::cout, m, r); // aligned tables
//     samverkan::io::write_collaboration_dot(std::cout, m, samverkan::collaboration(m));
//
// JSON and CSV are generated from the Boost.Describe descriptions of the report structs
// (io/detail/described_json.hpp): keys and CSV header are the member names. Doubles are written in the
// shortest form that reads back to the same double, always with a fraction or exponent. The same report
// gives the same bytes. Each writer throws samverkan::error when the stream fails. O(size of the report).
#ifndef SAMVERKAN_IO_METRICS_REPORT_HPP
#define SAMVERKAN_IO_METRICS_REPORT_HPP

#include <samverkan/analysis/collaboration.hpp>
#include <samverkan/analysis/metrics.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/detail/described_json.hpp>
#include <samverkan/io/detail/export_text.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/dot.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan::io {

/// Writes `r` as samverkan-metrics/1 JSON, ending with a newline.
inline void write_metrics_json(std::ostream& os, metrics_report const& r) {
    detail::json_sink out{&os};
    detail::described_json_writer{out}.document("samverkan-metrics/1", r);
    out.flush();
}

/// Writes the actor rows of `r` as CSV (RFC 4180, records ending in "\n"), header
/// actor,degree,betweenness,performs,accountable,holds,capable,failing_if_withdrawn.
inline void write_metrics_csv(std::ostream& os, metrics_report const& r) {
    std::string out;
    detail::write_described_csv(out, r.actors);
    os << out;
    if (!os) throw error{"could not write the output (disk full, or the reader went away?)"};
}

namespace detail {

/// A table of text cells with aligned columns: `align` gives 'l' (left) or 'r' (right) per column; columns
/// beyond it are right-aligned (numbers), except the first, which is left-aligned by default.
class text_table {
public:
    explicit text_table(std::vector<std::string> header, std::string align = "l")
        : rows_{std::move(header)}, align_{std::move(align)} {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void write(std::string& out, std::string_view indent = "  ") const {
        std::vector<std::size_t> width;
        for (auto const& row : rows_)
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (width.size() <= c) width.push_back(0);
                width[c] = std::max(width[c], display_width(row[c]));
            }
        for (auto const& row : rows_) {
            std::string line{indent};
            for (std::size_t c = 0; c < row.size(); ++c) {
                auto const pad = width[c] - display_width(row[c]);
                if (c > 0) line += "  ";
                if (c < align_.size() && align_[c] == 'l') line += row[c] + std::string(pad, ' ');
                else line += std::string(pad, ' ') + row[c];
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line;
            out += '\n';
        }
    }

private:
    /// Code points, not bytes (Swedish names have å, ä, ö).
    static std::size_t display_width(std::string_view s) noexcept {
        std::size_t n = 0;
        for (char c : s)
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
        return n;
    }
    std::vector<std::vector<std::string>> rows_;
    std::string align_;
};

inline std::string percent(std::optional<double> share) {
    if (!share) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f %%", 100.0 * *share);
    return buffer;
}
inline std::string fixed(double x, int digits = 3) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
    return buffer;
}

} // namespace detail

/// Writes `r` (computed from `m`) as text for people: the coverage, the redundancy and resilience lines,
/// the collaboration graph's measures, the per-stage table (what each stage lacks) and the actors with the
/// highest betweenness (all of them when there are at most 40).
template <class Traits>
void write_metrics_text(std::ostream& os, basic_model<Traits> const& m, metrics_report const& r) {
    using detail::percent;
    std::string out = "samverkan metrics: ";
    out += r.model ? *r.model : std::string{"(unnamed model)"};
    out += "\n\n";
    auto const& c = r.counts;
    auto const count = [](std::size_t n, std::string_view one, std::string_view many) {
        return std::to_string(n) + " " + std::string{n == 1 ? one : many};
    };
    out += "  " + count(c.actors, "actor", "actors") + ", " + count(c.duties, "duty", "duties") + ", " +
           count(c.mandates, "mandate", "mandates") + ", " + count(c.forums, "forum", "forums") + ", " +
           count(c.stages, "stage", "stages") + ", " + count(c.scopes, "scope", "scopes") + ", " +
           count(c.holds, "holding", "holdings") + ", " + count(c.delegations, "delegation", "delegations") + "\n\n";

    out += "coverage\n";
    detail::text_table coverage{{"share", "value", "of what"}, "lrl"};
    coverage.add({"assigned", percent(r.coverage.assigned), "non-optional duties with an R or A actor"});
    coverage.add({"accountable", percent(r.coverage.accountable), "non-optional duties with exactly one A"});
    coverage.add({"mandated", percent(r.coverage.mandated),
                  "required mandates of performed duties that a performer is capable of"});
    coverage.add({"standing", percent(r.coverage.standing), "duties that stand (performed, every mandate covered)"});
    coverage.write(out);

    auto const& red = r.redundancy;
    out += "\nredundancy: " + std::to_string(red.pairs) + " (duty, required mandate) pairs; mean capable actors " +
           (red.mean_capable ? detail::fixed(*red.mean_capable, 2) : std::string{"-"}) + "; " +
           std::to_string(red.sole_capable) + " with one capable actor, " + std::to_string(red.none_capable) +
           " with none\n";
    out += "resilience (duties whose failure takes that many withdrawn actors): ";
    for (std::size_t i = 0; i < 4; ++i) {
        if (i > 0) out += ", ";
        out += std::string{resilience_histogram::keys[i]} + ": " + std::to_string(r.resilience.counts[i]);
    }
    out += '\n';

    auto const& g = r.collaboration;
    out += "\ncollaboration graph: " + std::to_string(g.n) + " actors, " + std::to_string(g.edges) +
           " edges, density " + detail::fixed(g.density) + ", " + std::to_string(g.components) +
           (g.components == 1 ? " component" : " components") + ", degree centralisation " +
           detail::fixed(g.degree_centralisation) + "\n";

    out += "\nstages (duties failing: no performer, or a required mandate no performer is capable of)\n";
    detail::text_table stages{{"stage", "name", "duties", "failing", "standing", "errors", "warnings", "info"}, "ll"};
    for (auto const& s : r.stages) {
        std::string name = "(duties without a stage)";
        if (s.stage) {
            auto const id = m.template find<stage_id>(*s.stage);
            name = id ? std::string{m.name_of(*id)} : *s.stage;
        }
        std::optional<double> const standing =
            s.duties == 0
                ? std::nullopt
                : std::optional<double>{static_cast<double>(s.duties - s.failing) / static_cast<double>(s.duties)};
        stages.add({s.stage ? *s.stage : std::string{"-"}, name, std::to_string(s.duties), std::to_string(s.failing),
                    percent(standing), std::to_string(s.findings.error), std::to_string(s.findings.warning),
                    std::to_string(s.findings.info)});
    }
    stages.write(out);

    constexpr std::size_t shown = 40;
    std::vector<actor_metrics const*> actors;
    for (auto const& a : r.actors) actors.push_back(&a);
    bool const all = actors.size() <= shown;
    if (!all) {
        std::stable_sort(actors.begin(), actors.end(),
                         [](auto const* x, auto const* y) { return x->betweenness > y->betweenness; });
        actors.resize(shown);
        out += "\nactors: the " + std::to_string(shown) + " of " + std::to_string(r.actors.size()) +
               " with the highest betweenness (all: --format csv)\n";
    } else {
        out += "\nactors\n";
    }
    detail::text_table table{
        {"actor", "degree", "betweenness", "performs", "accountable", "holds", "capable", "failing if withdrawn"}};
    for (auto const* a : actors)
        table.add({a->actor, std::to_string(a->degree), detail::fixed(a->betweenness, 4), std::to_string(a->performs),
                   std::to_string(a->accountable), std::to_string(a->holds), std::to_string(a->capable),
                   std::to_string(a->failing_if_withdrawn)});
    table.write(out);
    os << out;
    if (!os) throw error{"could not write the output (disk full, or the reader went away?)"};
}

/// Writes the collaboration graph `g` of `m` as an undirected Graphviz graph: one node per actor (its
/// name, sized by betweenness: width 0.4 + 1.6 * sqrt(b / max b) inches, filled with a colour per actor
/// category, with a legend of the categories) and one edge per pair of collaborating actors; the tooltip
/// gives degree and betweenness. Render with `fdp` (it keeps the legend cluster apart) or `neato`.
template <class Traits>
void write_collaboration_dot(std::ostream& os, basic_model<Traits> const& m, collaboration_network const& g) {
    static constexpr std::string_view palette[] = {"#90caf9", "#a5d6a7", "#ffcc80", "#ce93d8", "#80cbc4",
                                                   "#f48fb1", "#e6ee9c", "#bcaaa4", "#b0bec5", "#fff59d"};
    std::map<std::string_view, std::size_t> category;
    for (actor_id a : m.actors()) category.emplace(std::string_view{m[a].category}, 0);
    std::size_t k = 0;
    for (auto& [name, index] : category) index = k++;
    double const top = g.betweenness.empty() ? 0.0 : *std::max_element(g.betweenness.begin(), g.betweenness.end());

    std::string out = "graph collaboration {\n  graph [overlap=false, splines=true, fontname=\"Helvetica\", label=\"";
    detail::append_dot_escaped(out, m.has_name() ? std::string_view{m.name()} : std::string_view{"collaboration"});
    out +=
        " (node size: betweenness)\", labelloc=t];\n"
        "  node [shape=circle, style=filled, fixedsize=shape, fontname=\"Helvetica\", fontsize=9, color=\"#546e7a\"];\n"
        "  edge [color=\"#90a4ae\"];\n";
    for (actor_id a : m.actors()) {
        double const b = g.betweenness[a.index()];
        double const width = 0.4 + (top > 0.0 ? 1.6 * std::sqrt(b / top) : 0.0);
        out += "  \"";
        out += detail::node_key("actor", m[a].id);
        out += "\" [label=\"";
        detail::append_dot_escaped(out, m.name_of(a));
        out += "\", width=" + detail::fixed(width, 2) + ", fillcolor=\"";
        out += palette[category[m[a].category] % std::size(palette)];
        out += "\", tooltip=\"";
        detail::append_dot_escaped(out, m[a].id);
        out += ": degree " + std::to_string(g.degree[a.index()]) + ", betweenness " + detail::fixed(b, 4) + "\"];\n";
    }
    for (auto const& [u, v] : g.edges) {
        out += "  \"" + detail::node_key("actor", m[u].id) + "\" -- \"" + detail::node_key("actor", m[v].id) + "\";\n";
    }
    out += "  subgraph cluster_legend {\n    label=\"category\"; style=rounded; color=\"#b0bec5\"; "
           "fontname=\"Helvetica\";\n";
    for (auto const& [name, index] : category) {
        out += "    \"legend:" + std::to_string(index) + "\" [shape=box, fixedsize=false, width=0.3, label=\"";
        detail::append_dot_escaped(out, name.empty() ? std::string_view{"(no category)"} : name);
        out += "\", fillcolor=\"";
        out += palette[index % std::size(palette)];
        out += "\"];\n";
    }
    out += "  }\n}\n";
    os << out;
    if (!os) throw error{"could not write the output (disk full, or the reader went away?)"};
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_METRICS_REPORT_HPP
