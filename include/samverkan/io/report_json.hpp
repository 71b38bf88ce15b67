// The audit report as JSON: format samverkan-report/1 (model-format.md, section 2).
//
//     auto r = samverkan::audit(m);
//     samverkan::io::write_report_json(std::cout, m, r);
//
// Shape, keys in this order:
//   {"format": "samverkan-report/1", "model": name or null, "summary": {"error": n, "warning": n, "info": n},
//    "findings": [{"rule", "severity", "subjects": {...}, "message", "witness": {...}}]}
// Subject and witness values: an element as its id string, a list as an array of id strings (null for an
// absent element, e.g. the "everywhere" scope), a map as an object from id to text, a string as itself.
// Findings are written in the report's order (audit() sorts them), keys of subjects and witness in the
// order the finding has them, so the same report always gives the same bytes. Layout: two-space
// indentation as in Python's json.dumps(indent=2, ensure_ascii=False).
#ifndef SAMVERKAN_IO_REPORT_JSON_HPP
#define SAMVERKAN_IO_REPORT_JSON_HPP

#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/diagnostics/severity.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/model/basic_model.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samverkan::io {

namespace detail {

/// Generic over the model's traits (only the elements' ids are read); `report_writer{out, m}` deduces them.
template <model_traits Traits = default_traits>
class report_writer {
public:
    report_writer(json_sink& out, basic_model<Traits> const& m) : out_{out}, m_{m} {}

    void write(report const& r) {
        out_.append("{");
        key(1, "format", true);
        append_string(out_, "samverkan-report/1");
        key(1, "model", false);
        if (r.model) append_string(out_, *r.model);
        else out_.append("null");
        key(1, "summary", false);
        summary_object(r, 1);
        key(1, "findings", false);
        findings_array(r, 1);
        out_.newline(0);
        out_.append("}\n");
    }

    /// Writes `{"summary": {...}, "findings": [...]}` of `r` as a value nested at `level` (the blocks of the
    /// what-if and diff reports).
    void summary_and_findings(report const& r, std::size_t level) {
        out_.append("{");
        key(level + 1, "summary", true);
        summary_object(r, level + 1);
        key(level + 1, "findings", false);
        findings_array(r, level + 1);
        out_.newline(level);
        out_.append("}");
    }

private:
    void summary_object(report const& r, std::size_t level) {
        auto const s = r.summary();
        out_.append("{");
        key(level + 1, "error", true);
        out_.append(std::to_string(s.error));
        key(level + 1, "warning", false);
        out_.append(std::to_string(s.warning));
        key(level + 1, "info", false);
        out_.append(std::to_string(s.info));
        out_.newline(level);
        out_.append("}");
    }

    void findings_array(report const& r, std::size_t level) {
        if (r.findings.empty()) {
            out_.append("[]");
            return;
        }
        out_.append("[");
        for (std::size_t i = 0; i < r.findings.size(); ++i) {
            if (i > 0) out_.put(',');
            out_.newline(level + 1);
            finding_object(r.findings[i], level + 1);
        }
        out_.newline(level);
        out_.append("]");
    }

    /// Starts a member: separator, new line, indentation, "key": .
    void key(std::size_t level, std::string_view k, bool first) {
        if (!first) out_.put(',');
        out_.newline(level);
        append_string(out_, k);
        out_.append(": ");
    }

    void finding_object(finding const& f, std::size_t level) {
        out_.append("{");
        key(level + 1, "rule", true);
        append_string(out_, f.rule);
        key(level + 1, "severity", false);
        append_string(out_, to_string(f.severity));
        key(level + 1, "subjects", false);
        fields(f.subjects, level + 1);
        key(level + 1, "message", false);
        append_string(out_, f.message);
        key(level + 1, "witness", false);
        fields(f.witness, level + 1);
        out_.newline(level);
        out_.append("}");
    }

    void fields(std::vector<field> const& fs, std::size_t level) {
        if (fs.empty()) {
            out_.append("{}");
            return;
        }
        out_.append("{");
        for (std::size_t i = 0; i < fs.size(); ++i) {
            key(level + 1, fs[i].key, i == 0);
            std::visit([&](auto const& v) { value(v, level + 1); }, fs[i].value);
        }
        out_.newline(level);
        out_.append("}");
    }

    std::string_view id_of(element_ref const& ref) const {
        return std::visit([&](auto id) -> std::string_view { return m_[id].id; }, ref);
    }

    void value(element_ref const& ref, std::size_t) { append_string(out_, id_of(ref)); }
    void value(std::string const& s, std::size_t) { append_string(out_, s); }
    void value(ref_list const& list, std::size_t level) {
        if (list.empty()) {
            out_.append("[]");
            return;
        }
        out_.append("[");
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) out_.put(',');
            out_.newline(level + 1);
            if (list[i]) append_string(out_, id_of(*list[i]));
            else out_.append("null");
        }
        out_.newline(level);
        out_.append("]");
    }
    void value(text_list const& list, std::size_t level) {
        if (list.empty()) {
            out_.append("[]");
            return;
        }
        out_.append("[");
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) out_.put(',');
            out_.newline(level + 1);
            append_string(out_, list[i]);
        }
        out_.newline(level);
        out_.append("]");
    }
    void value(ref_map const& map, std::size_t level) {
        if (map.empty()) {
            out_.append("{}");
            return;
        }
        out_.append("{");
        for (std::size_t i = 0; i < map.size(); ++i) {
            key(level + 1, id_of(map[i].first), i == 0);
            append_string(out_, map[i].second);
        }
        out_.newline(level);
        out_.append("}");
    }

    json_sink& out_;
    basic_model<Traits> const& m_;
};

} // namespace detail

/// Writes report `r` of model `m` as samverkan-report/1 JSON, ending with a newline. The element ids in
/// the findings must be ids of `m`. Throws samverkan::error when the stream fails or a text is not valid
/// UTF-8. O(size of the report).
///
///     samverkan::io::write_report_json(std::cout, m, samverkan::audit(m));   // any basic_model<Traits>
template <model_traits Traits>
void write_report_json(std::ostream& os, basic_model<Traits> const& m, report const& r) {
    detail::json_sink out{&os};
    detail::report_writer{out, m}.write(r);
    out.flush();
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_REPORT_JSON_HPP
