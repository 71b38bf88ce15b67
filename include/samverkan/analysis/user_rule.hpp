// User-defined rules: the one customisation point of the audit.
//
// A user rule is any type R with
//   r.id()                 its rule id, convertible to std::string_view ("police-consulted"); pick one that
//                          no built-in rule uses (rules.md) and never reuse it for a new meaning
//   r.check(m, cap, out)   called once per audit with the const model, the audit's capability index and the
//                          report's findings; appends its own findings to `out` (a std::vector<finding>&)
// Each finding carries the severity the rule chooses, `subjects` and `witness` as rules.md does for the
// built-in rules (single ids as element_ref, lists of ids as ref_list sorted by id text; keys are any text,
// or a built-in key_id) and its message for people as a literal text (`message`: a user rule's message is
// its own, samverkan::message(m, f) gives it back; diagnostics/finding.hpp); a finding whose `rule` is empty
// gets r.id(), interned once as a rule_name (diagnostics/names.hpp). The audit sorts them into the same report as the
// built-in findings (analysis/finding_order.hpp), so a rule need not sort, and they are not affected by
// audit_options (skip a user rule by not passing it).
//
//     struct no_forum_for_police {
//         samverkan::actor_id police;
//         std::string_view id() const { return "police-in-a-forum"; }
//         template <class Model>
//         void check(Model const& m, samverkan::capability_index const&, std::vector<samverkan::finding>& out) const {
//             if (m.forums_of(police).begin() == m.forums_of(police).end())
//                 out.push_back({.severity = samverkan::severity::warning, .subjects = {{"actor", police}},
//                                .message = std::string{m.name_of(police)} + " meets in no forum"});
//         }
//     };
//     static_assert(samverkan::user_rule<no_forum_for_police, samverkan::model>);
//     auto r = samverkan::audit(m, {}, no_forum_for_police{lpo});
#ifndef SAMVERKAN_ANALYSIS_USER_RULE_HPP
#define SAMVERKAN_ANALYSIS_USER_RULE_HPP

#include <samverkan/analysis/capability.hpp>
#include <samverkan/diagnostics/finding.hpp>

#include <concepts>
#include <string_view>
#include <vector>

namespace samverkan {

/// Whether R is a user rule for models of type Model (see the top of this header).
template <class R, class Model>
concept user_rule = requires(R const& r, Model const& m, capability_index const& cap, std::vector<finding>& out) {
    { r.id() } -> std::convertible_to<std::string_view>;
    r.check(m, cap, out);
};

namespace detail {

/// Runs one user rule and labels its unlabelled findings with its id. O(the rule's own cost).
template <class R, class Model>
void run_user_rule(R const& r, Model const& m, capability_index const& cap, std::vector<finding>& out) {
    auto const first = out.size();
    r.check(m, cap, out);
    rule_name const id{std::string_view{r.id()}}; // interned once per run, not per finding
    for (auto i = first; i < out.size(); ++i)
        if (out[i].rule.empty()) out[i].rule = id;
}

} // namespace detail

} // namespace samverkan

#endif // SAMVERKAN_ANALYSIS_USER_RULE_HPP
