// The robustness reports (analytics.md section 5): samverkan-whatif/1 and samverkan-resilience/1, as JSON,
// as text for people, and the resilience duty rows as CSV.
//
//     auto r = samverkan::what_if(m, std::vector{lpo});
//     samverkan::io::write_what_if_json(std::cout, m, r);
//     auto rb = samverkan::analyse_robustness(m, 3);
//     samverkan::io::write_resilience_json(std::cout, m, rb);   // or _csv, _text
//
// samverkan-whatif/1: {"format", "model" (name or null), "without" (sorted ids), "added" and "removed", each
// {"summary": {"error", "warning", "info"}, "findings": [...]} with findings exactly as in a
// samverkan-report/1 (io/report_json.hpp writes both)}.
// samverkan-resilience/1: {"format", "model", "k", "duties": one row per duty in id order (sorted by
// id text) {"duty", "optional", "resilience", "cut"} plus "above": k when the resilience is above k
// (resilience and cut null), "actors": one row per actor ranked by rank_criticality (failing count
// descending, added errors descending, id) {"actor", "failing", "added": {"error", "warning", "info"}}}.
// Rows are one per line, so a national model's report stays greppable. CSV: header
// duty,optional,resilience,cut; cut ids joined by ';' (a field that contains ',', ';', '"', a line break or an
// outer space is quoted, quotes doubled: RFC 4180); a row above k has an empty resilience and cut; records
// end in "\n"; booleans true/false.
// Every writer is O(size of the report), deterministic, and throws samverkan::error when the stream fails
// or a text is not valid UTF-8.
#ifndef SAMVERKAN_IO_ROBUSTNESS_REPORT_HPP
#define SAMVERKAN_IO_ROBUSTNESS_REPORT_HPP

#include <samverkan/analysis/resilience.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/csv.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan::io {

namespace detail {

inline void append_summary(json_sink& out, summary const& s) {
    out.append("{\"error\": ");
    out.append(std::to_string(s.error));
    out.append(", \"warning\": ");
    out.append(std::to_string(s.warning));
    out.append(", \"info\": ");
    out.append(std::to_string(s.info));
    out.append("}");
}

template <class Id>
void append_id_list(json_sink& out, model const& m, std::vector<Id> const& ids) {
    out.append("[");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) out.append(", ");
        append_string(out, m[ids[i]].id);
    }
    out.append("]");
}

inline void append_model_name(json_sink& out, model const& m) {
    if (m.has_name()) append_string(out, m.name());
    else out.append("null");
}

/// Opens a document: `{`, its "format" and "model" members, and the separator of the next member.
inline void begin_document(json_sink& out, std::string_view format, model const& m) {
    out.append("{");
    begin_json_member(out, 1, "format", true);
    append_string(out, format);
    begin_json_member(out, 1, "model", false);
    append_model_name(out, m);
    out.append(",");
}

inline std::string summary_text(summary const& s) {
    return std::to_string(s.error) + (s.error == 1 ? " error, " : " errors, ") + std::to_string(s.warning) +
           (s.warning == 1 ? " warning, " : " warnings, ") + std::to_string(s.info) + " info";
}

/// The duty rows in id order (sorted by id text).
inline std::vector<duty_resilience const*> duty_rows_by_id(model const& m, robustness const& r) {
    std::vector<duty_resilience const*> rows;
    rows.reserve(r.duties.size());
    for (auto const& row : r.duties) rows.push_back(&row);
    std::sort(rows.begin(), rows.end(), [&m](duty_resilience const* a, duty_resilience const* b) {
        return std::string_view{m[a->duty].id} < std::string_view{m[b->duty].id};
    });
    return rows;
}

inline std::string id_list_text(model const& m, std::vector<actor_id> const& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) out += ", ";
        out += m[ids[i]].id;
    }
    return out;
}

} // namespace detail

/// Writes what_if() result `r` of model `m` as samverkan-whatif/1 JSON, ending with a newline.
inline void write_what_if_json(std::ostream& os, model const& m, what_if_result const& r) {
    detail::json_sink out{&os};
    detail::begin_document(out, "samverkan-whatif/1", m);
    out.newline(1);
    out.append("\"without\": ");
    detail::append_id_list(out, m, r.without);
    out.append(",");
    out.newline(1);
    detail::report_writer writer{out, m};
    out.append("\"added\": ");
    writer.summary_and_findings(r.added, 1);
    out.append(",");
    out.newline(1);
    out.append("\"removed\": ");
    writer.summary_and_findings(r.removed, 1);
    out.newline(0);
    out.append("}\n");
    out.flush();
}

/// Writes what_if() result `r` as text for people: the withdrawn actors, then the added and the removed
/// findings, one line each, with their counts.
inline void write_what_if_text(std::ostream& os, model const& m, what_if_result const& r) {
    os << "samverkan what-if: " << (m.has_name() ? m.name() : std::string{"(unnamed model)"}) << " without "
       << detail::id_list_text(m, r.without) << '\n';
    os << "added: " << detail::summary_text(r.added.summary()) << '\n';
    for (auto const& f : r.added.findings) os << "  + " << describe(m, f) << '\n';
    os << "removed: " << detail::summary_text(r.removed.summary()) << '\n';
    for (auto const& f : r.removed.findings) os << "  - " << describe(m, f) << '\n';
    if (!os) throw error{"could not write the output (disk full, or the reader went away?)"};
}

/// Writes analyse_robustness() result `r` of model `m` as samverkan-resilience/1 JSON (actors ranked).
inline void write_resilience_json(std::ostream& os, model const& m, robustness const& r) {
    detail::json_sink out{&os};
    detail::begin_document(out, "samverkan-resilience/1", m);
    out.newline(1);
    out.append("\"k\": " + std::to_string(r.k) + ",");
    out.newline(1);
    out.append("\"duties\": [");
    auto const rows = detail::duty_rows_by_id(m, r);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto const& row = *rows[i];
        if (i > 0) out.put(',');
        out.newline(2);
        out.append("{\"duty\": ");
        detail::append_string(out, m[row.duty].id);
        out.append(row.optional ? ", \"optional\": true" : ", \"optional\": false");
        if (row.value) {
            out.append(", \"resilience\": " + std::to_string(*row.value) + ", \"cut\": ");
            detail::append_id_list(out, m, row.cut);
            out.append("}");
        } else {
            out.append(", \"resilience\": null, \"cut\": null, \"above\": " + std::to_string(r.k) + "}");
        }
    }
    if (!r.duties.empty()) out.newline(1);
    out.append("],");
    out.newline(1);
    out.append("\"actors\": [");
    auto ranked = r.actors;
    rank_criticality(m, ranked);
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        auto const& row = ranked[i];
        if (i > 0) out.put(',');
        out.newline(2);
        out.append("{\"actor\": ");
        detail::append_string(out, m[row.actor].id);
        out.append(", \"failing\": ");
        detail::append_id_list(out, m, row.failing);
        out.append(", \"added\": ");
        detail::append_summary(out, row.added);
        out.append("}");
    }
    if (!ranked.empty()) out.newline(1);
    out.append("]");
    out.newline(0);
    out.append("}\n");
    out.flush();
}

/// Writes the duty rows of `r` as CSV (see the top of this header).
inline void write_resilience_csv(std::ostream& os, model const& m, robustness const& r) {
    detail::json_sink out{&os};
    out.append("duty,optional,resilience,cut\n");
    std::string cut;
    for (auto const* p : detail::duty_rows_by_id(m, r)) {
        auto const& row = *p;
        auto& b = out.buffer();
        detail::append_csv_field(b, m[row.duty].id);
        b += row.optional ? ",true," : ",false,";
        if (row.value) {
            b += std::to_string(*row.value);
            b += ',';
            cut.clear();
            for (std::size_t i = 0; i < row.cut.size(); ++i) {
                if (i > 0) cut += ';';
                cut += m[row.cut[i]].id;
            }
            if (!cut.empty()) detail::append_csv_field(b, cut);
        } else {
            b += ',';
        }
        b += '\n';
        out.written();
    }
    out.flush();
}

/// Writes `r` as text for people: the duties that fail or hang on few actors, then the actors ranked by
/// criticality (only those whose withdrawal changes something).
inline void write_resilience_text(std::ostream& os, model const& m, robustness const& r) {
    std::size_t counts[4] = {0, 0, 0, 0};
    std::size_t above = 0;
    for (auto const& row : r.duties) {
        if (!row.value) ++above;
        else ++counts[std::min<std::size_t>(static_cast<std::size_t>(*row.value), 3)];
    }
    os << "samverkan resilience: " << (m.has_name() ? m.name() : std::string{"(unnamed model)"}) << " (k = " << r.k
       << ")\n";
    os << "duties: " << r.duties.size() << "; resilience 0: " << counts[0] << ", 1: " << counts[1]
       << ", 2: " << counts[2] << ", 3 or more: " << counts[3] << ", above " << r.k << ": " << above << '\n';
    for (auto const* p : detail::duty_rows_by_id(m, r)) {
        auto const& row = *p;
        if (!row.value || *row.value > 1) continue;
        os << "  " << *row.value << "  " << m[row.duty].id << (row.optional ? " (optional)" : "");
        if (*row.value == 0) os << ": fails already\n";
        else os << ": fails without " << detail::id_list_text(m, row.cut) << '\n';
    }
    auto ranked = r.actors;
    rank_criticality(m, ranked);
    os << "actors by criticality (failing duties; findings added without them):\n";
    for (auto const& row : ranked) {
        if (row.failing.empty() && row.added.total() == 0) continue;
        os << "  " << m[row.actor].id << ": " << row.failing.size() << " failing; " << detail::summary_text(row.added)
           << '\n';
    }
    if (!os) throw error{"could not write the output (disk full, or the reader went away?)"};
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_ROBUSTNESS_REPORT_HPP
