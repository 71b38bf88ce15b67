// Helpers for the analysis tests: findings as one line of text each, with ids instead of indices, so a test
// states the exact rule, severity, subjects and witness it expects:
//   "error mandate-missing duty=plan mandate=leda | reasons={sf:not-held} capable=[ks]"
#ifndef SAMVERKAN_TESTS_UNIT_ANALYSIS_TEST_SUPPORT_HPP
#define SAMVERKAN_TESTS_UNIT_ANALYSIS_TEST_SUPPORT_HPP

#include <samverkan/analysis.hpp>
#include <samverkan/model.hpp>

#include <initializer_list>
#include <string>
#include <variant>
#include <vector>

namespace samverkan_test {

template <class Traits>
std::string show(samverkan::basic_model<Traits> const& m, samverkan::field_value const& v) {
    using namespace samverkan;
    if (auto const* e = std::get_if<element_ref>(&v)) return std::string{detail::id_text(m, *e)};
    if (auto const* s = std::get_if<std::string>(&v)) return *s;
    std::string out;
    if (auto const* l = std::get_if<ref_list>(&v)) {
        out = "[";
        for (auto const& x : *l)
            out += (out.size() > 1 ? "," : "") + (x ? std::string{detail::id_text(m, *x)} : std::string{"null"});
        return out + "]";
    }
    if (auto const* t = std::get_if<text_list>(&v)) {
        out = "[";
        for (auto const& x : *t) out += (out.size() > 1 ? "," : "") + x;
        return out + "]";
    }
    out = "{";
    for (auto const& [k, s] : std::get<ref_map>(v))
        out += (out.size() > 1 ? "," : "") + std::string{detail::id_text(m, k)} + ":" + s;
    return out + "}";
}

template <class Traits>
std::string line(samverkan::basic_model<Traits> const& m, samverkan::finding const& f) {
    std::string out = std::string{to_string(f.severity)} + " " + std::string{f.rule.text()};
    for (auto const& x : f.subjects) out += " " + std::string{x.key.text()} + "=" + show(m, x.value);
    if (!f.witness.empty()) {
        out += " |";
        for (auto const& x : f.witness) out += " " + std::string{x.key.text()} + "=" + show(m, x.value);
    }
    return out;
}

template <class Traits>
std::vector<std::string> lines(samverkan::basic_model<Traits> const& m, std::vector<samverkan::finding> const& fs) {
    std::vector<std::string> out;
    for (auto const& f : fs) out.push_back(line(m, f));
    return out;
}

/// The findings of a full audit restricted to the rules listed, as lines.
template <class Traits>
std::vector<std::string> audit_only(samverkan::basic_model<Traits> const& m,
                                    std::initializer_list<samverkan::rule_id> rules) {
    samverkan::audit_options opts;
    opts.only(rules);
    return lines(m, samverkan::audit(m, opts).findings);
}

/// The findings of a full audit, as lines.
template <class Traits>
std::vector<std::string> audit_lines(samverkan::basic_model<Traits> const& m) {
    return lines(m, samverkan::audit(m).findings);
}

using strings = std::vector<std::string>;

} // namespace samverkan_test

#endif // SAMVERKAN_TESTS_UNIT_ANALYSIS_TEST_SUPPORT_HPP
