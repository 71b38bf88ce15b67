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
// order the finding has them, so the same report always gives the same bytes. The messages are made while
// writing (samverkan::message, analysis/message.hpp); detail::finding_json_writer is the one writer of a
// finding object, shared with the fit report (fit_json.hpp). Layout: two-space
// indentation as in Python's json.dumps(indent=2, ensure_ascii=False).
#ifndef SAMVERKAN_IO_REPORT_JSON_HPP
#define SAMVERKAN_IO_REPORT_JSON_HPP

#include <samverkan/analysis/message.hpp>
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
#include <utility>
#include <variant>
#include <vector>

namespace samverkan::io {

namespace detail {

/// `{"error": n, "warning": n, "info": n}` nested at `level` (the report's summary, fit's counts).
inline void write_summary_object(json_sink& out, summary const& s, std::size_t level) {
    out.append("{");
    begin_json_member(out, level + 1, "error", true);
    out.append(std::to_string(s.error));
    begin_json_member(out, level + 1, "warning", false);
    out.append(std::to_string(s.warning));
    begin_json_member(out, level + 1, "info", false);
    out.append(std::to_string(s.info));
    out.newline(level);
    out.append("}");
}

/// The one writer of a finding as a samverkan-report/1 object (the audit, what-if, diff, watch and fit
/// reports all use it): keys rule, severity, subjects, message, witness; an element as the text
/// `id_text(element_ref)` gives (the model's id, or a fit candidate's added id).
template <class IdText>
class finding_json_writer {
public:
    finding_json_writer(json_sink& out, IdText id_text) : out_{out}, id_text_{std::move(id_text)} {}

    /// The object of `f` with message text `message`, nested at `level`.
    void object(finding const& f, std::string_view message, std::size_t level) {
        out_.append("{");
        begin_json_member(out_, level + 1, "rule", true);
        append_string(out_, f.rule.text());
        begin_json_member(out_, level + 1, "severity", false);
        append_string(out_, to_string(f.severity));
        begin_json_member(out_, level + 1, "subjects", false);
        fields(f.subjects, level + 1);
        begin_json_member(out_, level + 1, "message", false);
        append_string(out_, message);
        begin_json_member(out_, level + 1, "witness", false);
        fields(f.witness, level + 1);
        out_.newline(level);
        out_.append("}");
    }

private:
    void fields(std::vector<field> const& fs, std::size_t level) {
        if (fs.empty()) {
            out_.append("{}");
            return;
        }
        out_.append("{");
        for (std::size_t i = 0; i < fs.size(); ++i) {
            begin_json_member(out_, level + 1, fs[i].key.text(), i == 0);
            std::visit([&](auto const& v) { value(v, level + 1); }, fs[i].value);
        }
        out_.newline(level);
        out_.append("}");
    }

    void value(element_ref const& ref, std::size_t) { append_string(out_, id_text_(ref)); }
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
            if (list[i]) append_string(out_, id_text_(*list[i]));
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
            begin_json_member(out_, level + 1, id_text_(map[i].first), i == 0);
            append_string(out_, map[i].second);
        }
        out_.newline(level);
        out_.append("}");
    }

    json_sink& out_;
    IdText id_text_;
};

/// The id text of an element of model `m`.
template <model_traits Traits = default_traits>
struct model_id_text {
    basic_model<Traits> const* m;
    std::string_view operator()(element_ref const& ref) const {
        return std::visit([this](auto id) -> std::string_view { return (*m)[id].id; }, ref);
    }
};

/// Generic over the model's traits (only the elements' ids are read); `report_writer{out, m}` deduces them.
template <model_traits Traits = default_traits>
class report_writer {
public:
    report_writer(json_sink& out, basic_model<Traits> const& m)
        : out_{out}, m_{m}, findings_{out, model_id_text<Traits>{&m}} {}

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
    void summary_object(report const& r, std::size_t level) { write_summary_object(out_, r.summary(), level); }

    void findings_array(report const& r, std::size_t level) {
        if (r.findings.empty()) {
            out_.append("[]");
            return;
        }
        out_.append("[");
        for (std::size_t i = 0; i < r.findings.size(); ++i) {
            if (i > 0) out_.put(',');
            out_.newline(level + 1);
            auto const& f = r.findings[i];
            text_.clear();
            append_message(text_, m_, f); // the message is made here, when it is written
            findings_.object(f, text_, level + 1);
        }
        out_.newline(level);
        out_.append("]");
    }

    void key(std::size_t level, std::string_view k, bool first) { begin_json_member(out_, level, k, first); }

    json_sink& out_;
    basic_model<Traits> const& m_;
    finding_json_writer<model_id_text<Traits>> findings_;
    std::string text_; // the message being written, reused
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
