// message: the text for people of a finding, derived when it is written (JSON, CSV, text, DOT, Python).
//
//     for (auto const& f : samverkan::audit(m).findings) std::cout << samverkan::message(m, f) << '\n';
//     std::cout << samverkan::describe(m, report);       // one line per finding, then the summary line
//
// A finding of a built-in rule holds no text: its message follows from the rule, the subjects, the witness
// and the model `m` the finding's ids refer to (the names of the elements, a duty's placement and
// performers, the scope and stages of the delegation an invalid-delegation finding reports). This header is
// the one place where those texts are written; every writer of findings calls it. A finding that carries a
// literal message (user rules; findings that left the model they were found in: freeze_messages) gives that
// text instead. Same model, same finding: same text, byte for byte.
//
// Preconditions: the ids of `f` were issued by `m` and `m` still holds the elements (or `f` carries a literal
// message). Complexity: O(length of the message), plus O(k log k) for the k performers of the duty of a
// no-accountable or no-responsible finding. Throws only std::bad_alloc.
#ifndef SAMVERKAN_ANALYSIS_MESSAGE_HPP
#define SAMVERKAN_ANALYSIS_MESSAGE_HPP

#include <samverkan/analysis/capability.hpp>
#include <samverkan/analysis/performers.hpp>
#include <samverkan/analysis/rule_support.hpp>
#include <samverkan/detail/described_enum.hpp>
#include <samverkan/diagnostics/finding.hpp>
#include <samverkan/diagnostics/names.hpp>
#include <samverkan/diagnostics/report.hpp>
#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/model/basic_model.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace samverkan {

namespace detail {

/// A mandate-missing reason in the planner's words.
[[nodiscard]] constexpr std::string_view reason_phrase(capability_status s) noexcept {
    switch (s) {
    case capability_status::not_held: return "holds no such mandate";
    case capability_status::invalid_delegation: return "only an invalid delegation";
    case capability_status::scope: return "holds it for another scope";
    case capability_status::stage: return "holds it at other stages";
    case capability_status::capable: return "capable";
    }
    return "capable";
}

/// The invalid-delegation text of delegation `v`, invalid for reason `why`.
template <class Traits>
void append_invalid_delegation(std::string& text, basic_model<Traits> const& m, delegation_view const& v,
                               delegation_status why) {
    std::string const from{m.name_of(v.from)};
    std::string const what = quoted(m, v.mandate);
    text += from + "'s delegation of " + what + " to " + std::string{m.name_of(v.to)} + " is invalid: ";
    switch (why) {
    case delegation_status::not_delegable: text += what + " may not be delegated"; break;
    case delegation_status::self: text += "an actor cannot delegate to itself"; break;
    case delegation_status::not_held:
        text += from + " does not hold " + what + ", directly or through a valid delegation";
        break;
    case delegation_status::scope:
        text += from + " holds " + what + " for no scope that covers " +
                (v.where.scope ? std::string{m.name_of(*v.where.scope)} : std::string{"everywhere"});
        break;
    case delegation_status::stage:
        text += from + " does not hold " + what + " " +
                (v.where.scope ? "for " + std::string{m.name_of(*v.where.scope)} : std::string{"everywhere"}) +
                (v.where.stages.empty() ? std::string{" at every stage"} : std::string{" at every stage it grants"});
        break;
    case delegation_status::valid: break;
    }
    text += "; it confers nothing until " + from + " gets the mandate or the delegation is corrected";
}

/// The elements of kind Id of a list value (a ref_list), in its order; empty for another value.
template <element_id Id>
[[nodiscard]] std::vector<Id> ids_in(field_value const* v) {
    std::vector<Id> out;
    if (v)
        if (auto const* l = std::get_if<ref_list>(v))
            for (auto const& r : *l)
                if (r)
                    if (auto const* id = std::get_if<Id>(&*r)) out.push_back(*id);
    return out;
}

/// The text of a value that is a string ("" for another value).
[[nodiscard]] inline std::string_view text_in(field_value const* v) noexcept {
    if (v)
        if (auto const* s = std::get_if<std::string>(v)) return *s;
    return {};
}

template <class Traits, element_id Id>
void append_quoted(std::string& out, basic_model<Traits> const& m, Id id) {
    out += '\'';
    out += m.name_of(id);
    out += '\'';
}

/// The message of a finding of built-in rule `r` (see the top of this header).
template <class Traits>
void append_builtin_message(std::string& out, basic_model<Traits> const& m, finding const& f, rule_id r) {
    // a subject the rule always writes (std::bad_optional_access for a finding the rule did not make)
    auto const duty = [&] { return f.subject_id<duty_id>(key_id::duty).value(); };
    auto const mandate = [&] { return f.subject_id<mandate_id>(key_id::mandate).value(); };
    auto const actor = [&] { return f.subject_id<actor_id>(key_id::actor).value(); };
    auto const forum = [&] { return f.subject_id<forum_id>(key_id::forum).value(); };
    auto const where = [&](duty_id d) { return where_text(m, placement{m.stage_of(d), m.scope_of(d)}); };
    auto const performers_of = [&](duty_id d, bool accountable) {
        std::vector<performer> all;
        append_performers(m, d, all);
        std::vector<actor_id> out_ids;
        for (auto const& p : all)
            if (accountable ? p.accountable : p.responsible) out_ids.push_back(p.actor);
        sort_by_id_text(m, out_ids);
        return out_ids;
    };
    switch (r) {
    case rule_id::unassigned_duty:
        append_quoted(out, m, duty());
        out += " is assigned to no one: no actor is responsible (R) or accountable (A) for it";
        return;
    case rule_id::no_accountable: {
        auto const responsible = performers_of(duty(), false);
        append_quoted(out, m, duty());
        out += " has no one accountable; " + name_list(m, responsible) + " " + std::string{is_are(responsible.size())} +
               " responsible, but no actor answers for the result";
        return;
    }
    case rule_id::no_responsible: {
        auto const accountable = performers_of(duty(), true);
        append_quoted(out, m, duty());
        out += " has no one responsible; " + name_list(m, accountable) + " " + std::string{is_are(accountable.size())} +
               " accountable, but no actor is assigned to do the work";
        return;
    }
    case rule_id::multiple_accountable: {
        auto const accountable = ids_in<actor_id>(f.subject(key_id::actors));
        append_quoted(out, m, duty());
        out += " has " + std::to_string(accountable.size()) + " accountable actors (" + name_list(m, accountable) +
               "); exactly one should answer for it";
        return;
    }
    case rule_id::mandate_missing: {
        std::string why;
        if (auto const* v = f.evidence(key_id::reasons))
            if (auto const* reasons = std::get_if<ref_map>(v))
                for (auto const& [who, status] : *reasons) {
                    if (!why.empty()) why += ", ";
                    why += std::string{m.name_of(std::get<actor_id>(who))} + ": " +
                           std::string{reason_phrase(
                               parse_enum<capability_status>(status).value_or(capability_status::capable))};
                }
        auto const able = ids_in<actor_id>(f.evidence(key_id::capable));
        out += "No one assigned to " + quoted(m, duty()) + " is capable of " + quoted(m, mandate()) + " " +
               where(duty()) + " (" + why + "); " + name_list(m, able) + " " + std::string{is_are(able.size())};
        return;
    }
    case rule_id::mandate_unheld:
        out += "No actor in the model is capable of " + quoted(m, mandate()) + " " + where(duty()) + ", which " +
               quoted(m, duty()) + " requires: grant the mandate to someone or reconsider the requirement";
        return;
    case rule_id::accountable_without_mandate:
    case rule_id::responsible_without_mandate: {
        bool const a = r == rule_id::accountable_without_mandate;
        out += m.name_of(actor());
        out += a ? " is accountable for " : " is responsible for ";
        out += quoted(m, duty()) + " but capable of none of the mandates it requires (" +
               name_list(m, ids_in<mandate_id>(f.evidence(key_id::mandates)), true) + "): ";
        out += a ? "it answers for work it has no authority over"
                 : "it works under another's mandate without a valid delegation";
        return;
    }
    case rule_id::exclusive_overlap: {
        auto const actors = ids_in<actor_id>(f.subject(key_id::actors));
        std::vector<std::optional<scope_id>> scopes;
        if (auto const* v = f.evidence(key_id::scopes))
            if (auto const* l = std::get_if<ref_list>(v))
                for (auto const& s : *l) scopes.push_back(s ? std::optional{std::get<scope_id>(*s)} : std::nullopt);
        scopes.resize(2);
        auto const place = [&](std::optional<scope_id> s) {
            return s ? "for " + std::string{m.name_of(*s)} : std::string{"everywhere"};
        };
        out += quoted(m, mandate()) + " is exclusive, but " + std::string{m.name_of(actors.at(0))} + " (" +
               place(scopes[0]) + ") and " + std::string{m.name_of(actors.at(1))} + " (" + place(scopes[1]) +
               ") both hold it directly where their scopes overlap, at a common stage; one of the holdings "
               "should be narrowed or replaced by a delegation";
        return;
    }
    case rule_id::invalid_delegation: {
        auto const why = parse_enum<delegation_status>(text_in(f.evidence(key_id::reason)));
        auto d = f.delegation;
        if (!d) { // a finding made elsewhere: the first delegation listed of its mandate, from and to
            auto const from = f.subject_id<actor_id>(key_id::from).value();
            auto const to = f.subject_id<actor_id>(key_id::to).value();
            for (delegation_id x : m.delegations_from(from))
                if (m.delegation(x).to == to && m.delegation(x).mandate == mandate()) {
                    d = x;
                    break;
                }
        }
        append_invalid_delegation(out, m, m.delegation(d.value()), why.value_or(delegation_status::valid));
        return;
    }
    case rule_id::delegation_cycle:
        out += name_list(m, ids_in<actor_id>(f.subject(key_id::actors))) + " delegate " + quoted(m, mandate()) +
               " to one another in a cycle, so no one can tell where the mandate comes from";
        return;
    case rule_id::stage_order: {
        auto const stages = ids_in<stage_id>(f.evidence(key_id::stages));
        auto const needs = f.subject_id<duty_id>(key_id::needs).value();
        out += quoted(m, duty()) + " (stage " + quoted(m, stages.at(0)) + ") needs the output of " + quoted(m, needs) +
               ", which comes later (stage " + quoted(m, stages.at(1)) + "); move one of them or drop the dependency";
        return;
    }
    case rule_id::dependency_cycle: {
        auto const duties = ids_in<duty_id>(f.subject(key_id::duties));
        out += duties.size() == 1
                   ? quoted(m, duties.front()) + " needs its own output, so it can never start"
                   : name_list(m, duties, true) + " need one another's output in a cycle, so none of them can start";
        return;
    }
    case rule_id::coordination_gap: {
        auto const pair = ids_in<actor_id>(f.subject(key_id::actors));
        out += std::string{m.name_of(pair.at(0))} + " and " + std::string{m.name_of(pair.at(1))} + " share work on " +
               name_list(m, ids_in<duty_id>(f.evidence(key_id::duties)), true) +
               " but meet in no forum; a forum with both, or a coordinator for them, would close the gap";
        return;
    }
    case rule_id::coordinator_without_mandate:
        out += std::string{m.name_of(actor())} + " coordinates " + quoted(m, forum()) +
               " but is capable of none of the mandates its duties require (" +
               name_list(m, ids_in<mandate_id>(f.evidence(key_id::mandates)), true) +
               ") for any of them: a coordinator without mandate";
        return;
    case rule_id::forum_without_coordinator:
        append_quoted(out, m, forum());
        out += " has no coordinator: no one is charged with calling its members together and following up";
        return;
    case rule_id::idle_actor:
        out += m.name_of(actor());
        out += " takes part in nothing: no duty, forum, mandate or delegation; give it a role or leave it out of "
               "the model";
        return;
    case rule_id::unused_mandate:
        append_quoted(out, m, mandate());
        out += " is required by no duty and held directly by no actor";
        return;
    case rule_id::obligation_unrealised: {
        auto const profile = text_in(f.subject(key_id::profile));
        auto const obligation = text_in(f.subject(key_id::obligation));
        out += "no duty realises obligation \"";
        out += obligation;
        out += "\" of profile \"";
        out += profile;
        out += "\" (mark the duty that meets it with \"realises\": [\"";
        out += profile;
        out += ':';
        out += obligation;
        out += "\"])";
        return;
    }
    case rule_id::obligation_misowned:
        out += "duty \"";
        out += m[duty()].id;
        out += "\" realises obligation \"";
        out += text_in(f.subject(key_id::obligation));
        out += "\" of profile \"";
        out += text_in(f.subject(key_id::profile));
        out += "\", but none of its accountable actors fills the obligation's A role";
        return;
    case rule_id::profile_role_unbound:
        out += "role \"";
        out += text_in(f.subject(key_id::role));
        out += "\" of profile \"";
        out += text_in(f.subject(key_id::profile));
        out += "\" is filled by no actor (";
        out += text_in(f.evidence(key_id::reason));
        out += ')';
        return;
    }
}

} // namespace detail

/// Appends the message of finding `f` of model `m` to `out` (see the top of this header): its literal
/// message if it has one, else the text its built-in rule derives; nothing for a user finding without one.
template <class Traits>
void append_message(std::string& out, basic_model<Traits> const& m, finding const& f) {
    if (!f.message.empty()) {
        out += f.message.text();
        return;
    }
    if (auto const r = f.rule.id()) detail::append_builtin_message(out, m, f, *r);
}

/// The message of finding `f` of model `m`: `samverkan::message(m, f)`.
template <class Traits>
[[nodiscard]] std::string message(basic_model<Traits> const& m, finding const& f) {
    std::string out;
    append_message(out, m, f);
    return out;
}

/// Gives every finding of `findings` (of model `m`) its message as a literal message, so that the findings
/// can be written without `m`, or after `m` changed: what_if, diff, fit and the incremental audit do this
/// with the findings they carry over from another model or another state of one. O(length of the messages).
template <class Traits>
void freeze_messages(basic_model<Traits> const& m, std::span<finding> findings) {
    for (auto& f : findings)
        if (f.message.empty() && f.rule.id()) {
            f.message = message(m, f);
            f.delegation.reset(); // only the message needed it
        }
}
template <class Traits>
void freeze_messages(basic_model<Traits> const& m, std::vector<finding>& findings) {
    freeze_messages(m, std::span<finding>{findings});
}

/// One line for people: severity, rule id and message in columns.
///     error    mandate-missing              No one assigned to 'Ta fram lägesbild' is capable of ...
template <class Traits>
void append_line(std::string& line, basic_model<Traits> const& m, finding const& f) {
    auto const start = line.size();
    line += to_string(f.severity);
    line.resize(std::max<std::size_t>(line.size() + 1, start + 9), ' ');
    line += f.rule.text();
    line.resize(std::max<std::size_t>(line.size() + 1, start + 38), ' ');
    append_message(line, m, f);
}

/// The summary line of a report: "1 error, 2 warnings, 0 info".
[[nodiscard]] inline std::string summary_line(summary const& s) {
    return std::to_string(s.error) + (s.error == 1 ? " error, " : " errors, ") + std::to_string(s.warning) +
           (s.warning == 1 ? " warning, " : " warnings, ") + std::to_string(s.info) + " info";
}

/// A finding or a report with its model, to print: `std::cout << samverkan::describe(m, r)`.
template <class Traits, class What>
struct described {
    basic_model<Traits> const& model;
    What const& what;

    /// A finding: its line (append_line). A report: one line per finding, then the summary line.
    friend std::ostream& operator<<(std::ostream& os, described const& d) {
        std::string text;
        if constexpr (std::is_same_v<What, finding>) {
            append_line(text, d.model, d.what);
        } else {
            for (auto const& f : d.what.findings) {
                append_line(text, d.model, f);
                text += '\n';
                if (text.size() >= (1U << 16)) {
                    os << text;
                    text.clear();
                }
            }
            text += summary_line(d.what.summary());
            text += '\n';
        }
        return os << text;
    }
};

/// Printable text of finding `f` (one line) or report `r` (its lines and summary) of model `m`.
template <class Traits>
[[nodiscard]] described<Traits, finding> describe(basic_model<Traits> const& m, finding const& f) noexcept {
    return {m, f};
}
template <class Traits>
[[nodiscard]] described<Traits, report> describe(basic_model<Traits> const& m, report const& r) noexcept {
    return {m, r};
}

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_MESSAGE_HPP
