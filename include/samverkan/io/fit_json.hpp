// The fit report as JSON: format samverkan-fit/1 (templates.md section 5), and the template listing
// samverkan-templates/1 (section 6).
//
//     auto result = samverkan::templates::fit(place, candidates, opts);
//     samverkan::io::write_fit_json(std::cout, place, result);
//
// Keys in the order of the contract; findings as in samverkan-report/1 (rule, severity, subjects, message,
// witness), written by the report's own finding writer (report_json.hpp, detail::finding_json_writer);
// layout as the report's (two-space indentation). The same result always gives the same bytes.
// O(size of the result).
#ifndef SAMVERKAN_IO_FIT_JSON_HPP
#define SAMVERKAN_IO_FIT_JSON_HPP

#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/model/basic_model.hpp>
#include <samverkan/templates/fit.hpp>
#include <samverkan/templates/template.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samverkan::io {

namespace detail {

class fit_writer {
public:
    fit_writer(json_sink& out, model const& place) : out_{out}, place_{place} {}

    void write(templates::fit_result const& r) {
        out_.append("{");
        key(1, "format", true);
        append_string(out_, "samverkan-fit/1");
        key(1, "place", false);
        optional_text(r.place_name ? std::optional<std::string_view>{*r.place_name} : std::nullopt);
        key(1, "scope", false);
        optional_text(r.scope ? std::optional<std::string_view>{place_[*r.scope].id} : std::nullopt);
        key(1, "baseline", false);
        counts(r.baseline, 1);
        key(1, "candidates", false);
        if (r.candidates.empty()) out_.append("[]");
        else {
            out_.append("[");
            for (std::size_t i = 0; i < r.candidates.size(); ++i) {
                if (i > 0) out_.put(',');
                out_.newline(2);
                candidate(r.candidates[i]);
            }
            out_.newline(1);
            out_.append("]");
        }
        out_.newline(0);
        out_.append("}\n");
    }

private:
    void key(std::size_t level, std::string_view k, bool first) { begin_json_member(out_, level, k, first); }
    void optional_text(std::optional<std::string_view> s) {
        if (s) append_string(out_, *s);
        else out_.append("null");
    }
    void counts(summary const& s, std::size_t level) { write_summary_object(out_, s, level); }
    void actor_list(std::vector<actor_id> const& actors, std::size_t level) {
        if (actors.empty()) {
            out_.append("[]");
            return;
        }
        out_.append("[");
        for (std::size_t i = 0; i < actors.size(); ++i) {
            if (i > 0) out_.put(',');
            out_.newline(level + 1);
            append_string(out_, place_[actors[i]].id);
        }
        out_.newline(level);
        out_.append("]");
    }

    void candidate(templates::fit_candidate const& c) {
        auto const& t = *c.tmpl;
        out_.append("{");
        key(3, "rank", true);
        if (c.skipped) out_.append("null");
        else out_.append(std::to_string(c.rank));
        key(3, "template", false);
        append_string(out_, t.id);
        key(3, "name", false);
        optional_text(t.name ? std::optional<std::string_view>{*t.name} : std::nullopt);
        if (c.skipped) {
            key(3, "skipped", false);
            append_string(out_, "already-applied");
            out_.newline(2);
            out_.append("}");
            return;
        }
        key(3, "binding", false);
        if (t.roles.empty()) out_.append("{}");
        else {
            out_.append("{");
            for (std::size_t i = 0; i < t.roles.size(); ++i) {
                key(4, t.roles[i].id, i == 0);
                actor_list(c.roles.roles[i].actors, 4);
            }
            out_.newline(3);
            out_.append("}");
        }
        key(3, "unbound", false);
        bool any = false;
        out_.append("[");
        for (std::size_t i = 0; i < t.roles.size(); ++i) {
            auto const& rb = c.roles.roles[i];
            if (!rb.actors.empty()) continue;
            if (any) out_.put(',');
            any = true;
            out_.newline(4);
            out_.append("{");
            key(5, "role", true);
            append_string(out_, t.roles[i].id);
            key(5, "optional", false);
            out_.append(t.roles[i].optional ? "true" : "false");
            key(5, "reason", false);
            append_string(out_, templates::to_string(rb.reason));
            key(5, "candidates", false);
            actor_list(rb.candidates, 5);
            out_.newline(4);
            out_.append("}");
        }
        if (any) out_.newline(3);
        out_.append("]");
        key(3, "introduced", false);
        counts(c.introduced_count, 3);
        key(3, "resolved", false);
        counts(c.resolved_count, 3);
        key(3, "findings", false);
        out_.append("{");
        key(4, "introduced", true);
        findings(c, c.introduced, 4);
        key(4, "resolved", false);
        findings(c, c.resolved, 4);
        out_.newline(3);
        out_.append("}");
        out_.newline(2);
        out_.append("}");
    }

    void findings(templates::fit_candidate const& c, std::vector<finding> const& fs, std::size_t level) {
        if (fs.empty()) {
            out_.append("[]");
            return;
        }
        // ids of the place or of the candidate's additions; the findings carry their messages (fit freezes
        // them: some were found in a model that is not `place`)
        auto const id = [this, &c](element_ref const& r) { return templates::id_text(place_, c, r); };
        finding_json_writer<decltype(id)> writer{out_, id};
        out_.append("[");
        for (std::size_t i = 0; i < fs.size(); ++i) {
            if (i > 0) out_.put(',');
            out_.newline(level + 1);
            text_.clear();
            append_message(text_, place_, fs[i]);
            writer.object(fs[i], text_, level + 1);
        }
        out_.newline(level);
        out_.append("]");
    }

    json_sink& out_;
    model const& place_;
    std::string text_; // the message being written, reused
};

} // namespace detail

/// The samverkan-fit/1 text of `r`, the fit of `place`.
[[nodiscard]] inline std::string fit_to_json(model const& place, templates::fit_result const& r) {
    detail::json_sink out;
    detail::fit_writer{out, place}.write(r);
    return std::move(out.buffer());
}

/// The samverkan-templates/1 listing of `ts` (sorted by id by the caller).
[[nodiscard]] inline std::string templates_to_json(std::vector<templates::collaboration_template const*> const& ts) {
    detail::json_sink out;
    out.append("{");
    out.newline(1);
    out.append("\"format\": \"samverkan-templates/1\",");
    out.newline(1);
    out.append("\"templates\": [");
    for (std::size_t i = 0; i < ts.size(); ++i) {
        auto const& t = *ts[i];
        if (i > 0) out.put(',');
        out.newline(2);
        out.append("{");
        out.newline(3);
        out.append("\"id\": ");
        detail::append_string(out, t.id);
        out.append(",");
        out.newline(3);
        out.append("\"kind\": ");
        detail::append_string(out, templates::to_string(t.kind));
        out.append(",");
        out.newline(3);
        out.append("\"name\": ");
        if (t.name) detail::append_string(out, *t.name);
        else out.append("null");
        out.append(",");
        out.newline(3);
        out.append("\"roles\": [");
        for (std::size_t j = 0; j < t.roles.size(); ++j) {
            if (j > 0) out.append(", ");
            detail::append_string(out, t.roles[j].id);
        }
        out.append("]");
        out.newline(2);
        out.append("}");
    }
    if (!ts.empty()) out.newline(1);
    out.append("]");
    out.newline(0);
    out.append("}\n");
    return std::move(out.buffer());
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_FIT_JSON_HPP
