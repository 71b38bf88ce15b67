// watch: the line protocol of `samverkan watch` (docs/watch.md). One JSON object per input line: an edit,
// a batch of edits, or a request for the current report or model; one JSON object per output line: the
// finding delta of the edit, the report or model asked for, or an error naming the input line.
//
//     samverkan::incremental_audit<> live{samverkan::io::read_json_file("plan.json")};
//     samverkan::io::run_watch(std::cin, std::cout, live);   // until the end of the input
//
// A bad line (not JSON, an unknown op or id, an edit that would break a guarantee of the model) gives an
// error line and changes nothing; the session goes on. Each output line is flushed at once, so a planning
// tool can drive the tool as a subprocess, one request and one answer at a time.
//
// Cost per edit: parsing the line (O(its length), id lookups O(1)), the incremental audit (see
// analysis/incremental_audit.hpp) and writing the delta (O(its size)). A "report" or "model" request
// writes the whole report or model.
#ifndef SAMVERKAN_IO_WATCH_HPP
#define SAMVERKAN_IO_WATCH_HPP

#include <samverkan/analysis/incremental_audit.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/detail/json_cursor.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/model/edit.hpp>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan::io {

namespace detail {

/// A small JSON value for edit lines (numbers are kept as text).
struct watch_value {
    enum class kind { null, boolean, number, string, array, object } type = kind::null;
    bool flag = false;
    std::string text;
    std::vector<watch_value> items; // an array's elements, or an object's member values
    std::vector<std::string> keys;  // an object's keys (no vector of pairs: watch_value is incomplete here)

    [[nodiscard]] watch_value const* get(std::string_view key) const noexcept {
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] == key) return &items[i];
        return nullptr;
    }
};

inline watch_value parse_watch_value(json_cursor& c, json_event e) {
    watch_value v;
    switch (e) {
    case json_event::object_begin:
        v.type = watch_value::kind::object;
        for (auto k = c.next(); k != json_event::object_end; k = c.next()) {
            v.keys.emplace_back(c.value());
            v.items.push_back(parse_watch_value(c, c.next()));
        }
        break;
    case json_event::array_begin:
        v.type = watch_value::kind::array;
        for (auto k = c.next(); k != json_event::array_end; k = c.next()) v.items.push_back(parse_watch_value(c, k));
        break;
    case json_event::string:
        v.type = watch_value::kind::string;
        v.text = c.value();
        break;
    case json_event::number:
        v.type = watch_value::kind::number;
        v.text = c.value();
        break;
    case json_event::literal_true:
    case json_event::literal_false:
        v.type = watch_value::kind::boolean;
        v.flag = e == json_event::literal_true;
        break;
    default: break;
    }
    return v;
}

/// Turns watch lines into edits of `m`: id texts to ids, with messages a person can act on.
class watch_parser {
public:
    explicit watch_parser(model const& m) : m_{m} {}

    [[nodiscard]] edit parse(watch_value const& o) const {
        std::string const op = text(o, "op");
        if (op == "add-stage") return edits::add_element<stage>{{.id = text(o, "id"), .name = opt_text(o, "name")}};
        if (op == "add-scope") return edits::add_element<scope>{{.id = text(o, "id"), .name = opt_text(o, "name")}};
        if (op == "add-actor")
            return edits::add_element<actor>{
                {.id = text(o, "id"), .name = opt_text(o, "name"), .category = opt_text(o, "category")}};
        if (op == "add-mandate")
            return edits::add_element<mandate>{{.id = text(o, "id"),
                                                .name = opt_text(o, "name"),
                                                .basis = opt_text(o, "basis"),
                                                .exclusive = opt_flag(o, "exclusive", false),
                                                .delegable = opt_flag(o, "delegable", true)}};
        if (op == "add-duty")
            return edits::add_duty<duty>{{.id = text(o, "id"),
                                          .name = opt_text(o, "name"),
                                          .basis = opt_text(o, "basis"),
                                          .optional = opt_flag(o, "optional", false)},
                                         {opt_id<stage_id>(o, "stage"), opt_id<scope_id>(o, "scope")}};
        if (op == "add-forum")
            return edits::add_forum<forum>{
                {.id = text(o, "id"), .name = opt_text(o, "name"), .model = opt_text(o, "model")},
                {opt_id<scope_id>(o, "scope")}};
        if (op == "remove") return edits::remove{element(o)};
        if (op == "rename") return edits::rename{element(o), text(o, "to")};
        if (op == "update") return update(o);
        if (op == "grant") return edits::grant{id<actor_id>(o, "actor"), id<mandate_id>(o, "mandate"), where(o)};
        if (op == "revoke") return edits::revoke{holding(o)};
        if (op == "delegate")
            return edits::delegate{id<actor_id>(o, "from"), id<actor_id>(o, "to"), id<mandate_id>(o, "mandate"),
                                   where(o)};
        if (op == "undelegate") return edits::undelegate{delegation(o)};
        if (op == "assign") return edits::assign{id<actor_id>(o, "actor"), id<duty_id>(o, "duty"), role(o, "role")};
        if (op == "unassign") return edits::unassign{id<actor_id>(o, "actor"), id<duty_id>(o, "duty"), role(o, "role")};
        if (op == "require") return edits::require{id<duty_id>(o, "duty"), id<mandate_id>(o, "mandate")};
        if (op == "unrequire") return edits::unrequire{id<duty_id>(o, "duty"), id<mandate_id>(o, "mandate")};
        if (op == "need") return edits::need{id<duty_id>(o, "duty"), id<duty_id>(o, "needs")};
        if (op == "unneed") return edits::unneed{id<duty_id>(o, "duty"), id<duty_id>(o, "needs")};
        if (op == "order") return edits::order{id<stage_id>(o, "stage"), id<stage_id>(o, "after")};
        if (op == "unorder") return edits::unorder{id<stage_id>(o, "stage"), id<stage_id>(o, "after")};
        if (op == "nest") return edits::nest{id<scope_id>(o, "scope"), id<scope_id>(o, "within")};
        if (op == "unnest") return edits::unnest{id<scope_id>(o, "scope")};
        if (op == "add-member") return edits::add_member{id<forum_id>(o, "forum"), id<actor_id>(o, "actor")};
        if (op == "remove-member") return edits::remove_member{id<forum_id>(o, "forum"), id<actor_id>(o, "actor")};
        if (op == "set-coordinator") return edits::set_coordinator{id<forum_id>(o, "forum"), id<actor_id>(o, "actor")};
        if (op == "clear-coordinator") return edits::clear_coordinator{id<forum_id>(o, "forum")};
        if (op == "cover") return edits::cover{id<forum_id>(o, "forum"), id<duty_id>(o, "duty")};
        if (op == "uncover") return edits::uncover{id<forum_id>(o, "forum"), id<duty_id>(o, "duty")};
        if (op == "place-duty")
            return edits::place_duty{id<duty_id>(o, "duty"),
                                     {opt_id<stage_id>(o, "stage"), opt_id<scope_id>(o, "scope")}};
        if (op == "place-forum") return edits::place_forum{id<forum_id>(o, "forum"), {opt_id<scope_id>(o, "scope")}};
        throw error{"unknown op \"" + op + "\" (see docs/watch.md for the ops)"};
    }

    static std::string text(watch_value const& o, std::string_view key) {
        auto const* v = o.get(key);
        if (v == nullptr) throw error{"missing \"" + std::string{key} + "\""};
        if (v->type != watch_value::kind::string) throw error{"\"" + std::string{key} + "\" must be a string"};
        return v->text;
    }

private:
    static std::string opt_text(watch_value const& o, std::string_view key) {
        return o.get(key) == nullptr ? std::string{} : text(o, key);
    }
    static bool opt_flag(watch_value const& o, std::string_view key, bool otherwise) {
        auto const* v = o.get(key);
        if (v == nullptr) return otherwise;
        if (v->type != watch_value::kind::boolean) throw error{"\"" + std::string{key} + "\" must be true or false"};
        return v->flag;
    }
    template <class Id>
    Id find(std::string const& key) const {
        if (auto x = m_.find<Id>(key)) return *x;
        throw error{"unknown " + std::string{Id::tag_type::name} + " \"" + key + "\""};
    }
    template <class Id>
    Id id(watch_value const& o, std::string_view key) const {
        return find<Id>(text(o, key));
    }
    template <class Id>
    std::optional<Id> opt_id(watch_value const& o, std::string_view key) const {
        auto const* v = o.get(key);
        if (v == nullptr || v->type == watch_value::kind::null) return std::nullopt;
        return id<Id>(o, key);
    }
    static raci role(watch_value const& o, std::string_view key) {
        auto const r = text(o, key);
        if (r == "R") return raci::responsible;
        if (r == "A") return raci::accountable;
        if (r == "C") return raci::consulted;
        if (r == "I") return raci::informed;
        throw error{"\"role\" must be \"R\", \"A\", \"C\" or \"I\", not \"" + r + "\""};
    }
    reach where(watch_value const& o) const {
        reach r;
        r.scope = opt_id<scope_id>(o, "scope");
        if (auto const* v = o.get("stages")) {
            if (v->type != watch_value::kind::array) throw error{"\"stages\" must be an array of stage ids"};
            for (auto const& s : v->items) {
                if (s.type != watch_value::kind::string) throw error{"\"stages\" must be an array of stage ids"};
                r.stages.push_back(find<stage_id>(s.text));
            }
        }
        return r;
    }
    // the first live holding / delegation that matches; scope and stages narrow the match when given
    bool matches(reach_view const& v, watch_value const& o, reach const& r) const {
        if (o.get("scope") != nullptr && v.scope != r.scope) return false;
        if (o.get("stages") == nullptr) return true;
        auto want = r.stages;
        std::sort(want.begin(), want.end());
        want.erase(std::unique(want.begin(), want.end()), want.end());
        return std::vector<stage_id>(v.stages.begin(), v.stages.end()) == want;
    }
    holding_id holding(watch_value const& o) const {
        auto const a = id<actor_id>(o, "actor");
        auto const x = id<mandate_id>(o, "mandate");
        auto const r = where(o);
        for (holding_id h : m_.holdings_of(a))
            if (m_.holding(h).mandate == x && matches(m_.holding(h).where, o, r)) return h;
        throw error{"actor \"" + m_[a].id + "\" holds \"" + m_[x].id + "\" nowhere that matches"};
    }
    delegation_id delegation(watch_value const& o) const {
        auto const from = id<actor_id>(o, "from");
        auto const to = id<actor_id>(o, "to");
        auto const x = id<mandate_id>(o, "mandate");
        auto const r = where(o);
        for (delegation_id d : m_.delegations_from(from)) {
            auto const v = m_.delegation(d);
            if (v.to == to && v.mandate == x && matches(v.where, o, r)) return d;
        }
        throw error{"no delegation of \"" + m_[x].id + "\" from \"" + m_[from].id + "\" to \"" + m_[to].id +
                    "\" matches"};
    }
    any_element_id element(watch_value const& o) const {
        auto const kind = text(o, "kind");
        auto const key = text(o, "id");
        if (kind == "stage") return find<stage_id>(key);
        if (kind == "scope") return find<scope_id>(key);
        if (kind == "actor") return find<actor_id>(key);
        if (kind == "mandate") return find<mandate_id>(key);
        if (kind == "duty") return find<duty_id>(key);
        if (kind == "forum") return find<forum_id>(key);
        throw error{"\"kind\" must be stage, scope, actor, mandate, duty or forum, not \"" + kind + "\""};
    }
    // fields given replace the element's; fields left out keep their values
    edit update(watch_value const& o) const {
        auto const e = element(o);
        auto const set = [&](std::string& field, char const* key) {
            if (o.get(key) != nullptr) field = text(o, key);
        };
        return std::visit(
            [&](auto x) -> edit {
                auto v = m_[x];
                set(v.name, "name");
                if constexpr (requires { v.category; }) set(v.category, "category");
                if constexpr (requires { v.basis; }) set(v.basis, "basis");
                if constexpr (requires { v.model; }) set(v.model, "model");
                if constexpr (requires { v.exclusive; }) v.exclusive = opt_flag(o, "exclusive", v.exclusive);
                if constexpr (requires { v.delegable; }) v.delegable = opt_flag(o, "delegable", v.delegable);
                if constexpr (requires { v.optional; }) v.optional = opt_flag(o, "optional", v.optional);
                return edits::update<decltype(x), decltype(v)>{x, std::move(v)};
            },
            e);
    }

    model const& m_;
};

/// The JSON text `pretty` without the whitespace between tokens (strings are kept as they are).
[[nodiscard]] inline std::string compact_json(std::string_view pretty) {
    std::string out;
    out.reserve(pretty.size());
    bool in_string = false, escaped = false;
    for (char c : pretty) {
        if (in_string) {
            out.push_back(c);
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
        if (c == '"') in_string = true;
        out.push_back(c);
    }
    return out;
}

/// The "findings" array of a samverkan-report/1 text, compact.
[[nodiscard]] inline std::string findings_array(model const& m, std::vector<finding> const& findings) {
    report r;
    r.findings = findings;
    std::ostringstream os;
    write_report_json(os, m, r);
    auto const text = compact_json(os.str());
    auto const at = text.find("\"findings\":");
    return text.substr(at + 11, text.size() - (at + 11) - 1); // up to the closing brace of the report
}

} // namespace detail

/// Runs a watch session: reads lines from `in` until its end, applies each to `live`, writes one line per
/// input line (blank lines are skipped) to `out` and flushes it. Returns the number of error lines.
inline std::size_t run_watch(std::istream& in, std::ostream& out, incremental_audit<>& live) {
    std::size_t errors = 0;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string answer = "{\"line\":" + std::to_string(number) + ",";
        try {
            detail::json_cursor c{line, 64};
            auto const value = detail::parse_watch_value(c, c.next());
            if (c.next() != detail::json_event::end) throw error{"one JSON object per line"};
            if (value.type != detail::watch_value::kind::object) throw error{"each line must be a JSON object"};
            std::string const op = detail::watch_parser::text(value, "op");
            auto const file =
                value.get("file") ? std::optional{detail::watch_parser::text(value, "file")} : std::nullopt;
            if (op == "report" || op == "model") {
                std::ostringstream os;
                if (op == "report") write_report_json(os, live.model(), live.report());
                else write_json(os, live.model());
                if (file) {
                    std::ofstream f{*file, std::ios::binary};
                    f << os.str();
                    f.close();
                    if (!f) throw error{"could not write \"" + *file + "\""};
                    answer += "\"wrote\":";
                    detail::append_string(answer, *file, detail::invalid_utf8::replace);
                } else {
                    answer += "\"" + op + "\":" + detail::compact_json(os.str());
                }
            } else {
                finding_delta delta;
                if (op == "batch") {
                    auto const* list = value.get("edits");
                    if (list == nullptr || list->type != detail::watch_value::kind::array)
                        throw error{"\"batch\" needs \"edits\": an array of edit objects"};
                    // ids are looked up as each edit comes, in the model as the batch leaves it so far
                    std::vector<edit> batch;
                    auto scratch = std::make_unique<model>(live.model());
                    for (auto const& item : list->items) {
                        if (item.type != detail::watch_value::kind::object)
                            throw error{"\"edits\" must hold edit objects"};
                        batch.push_back(detail::watch_parser{*scratch}.parse(item));
                        samverkan::apply(*scratch, batch.back());
                    }
                    delta = live.apply(std::span<edit const>{batch});
                } else {
                    delta = live.apply(detail::watch_parser{live.model()}.parse(value));
                }
                answer += "\"removed\":" + detail::findings_array(live.model(), delta.removed) +
                          ",\"added\":" + detail::findings_array(live.model(), delta.added);
            }
        } catch (detail::json_failure const& e) {
            ++errors;
            answer += "\"error\":";
            detail::append_string(answer, "not JSON: " + std::string{e.message()}, detail::invalid_utf8::replace);
        } catch (samverkan::error const& e) {
            ++errors;
            answer += "\"error\":";
            detail::append_string(answer, e.what(), detail::invalid_utf8::replace);
        }
        answer += "}\n";
        out << answer << std::flush;
    }
    return errors;
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_WATCH_HPP
