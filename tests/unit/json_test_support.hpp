// Helpers for the JSON tests: a dump of a model's whole content through the model API (independent of the
// JSON writer, so round-trip checks do not trust the code under test), file reading, and catching
// load errors.
#ifndef SAMVERKAN_TESTS_UNIT_JSON_TEST_SUPPORT_HPP
#define SAMVERKAN_TESTS_UNIT_JSON_TEST_SUPPORT_HPP

#include <samverkan/io/json.hpp>
#include <samverkan/model.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan_json_test {

/// Every element, field and relation of `m`, one per line, in model order.
inline std::string dump(samverkan::model const& m) {
    using namespace samverkan;
    std::ostringstream os;
    auto id = [&](auto x) { return "<" + std::string{m[x].id} + ">"; };
    auto opt = [&](auto x) { return x ? id(*x) : std::string{"-"}; };
    auto where = [&](reach_view const& r) {
        std::string s = opt(r.scope) + " @";
        for (stage_id t : r.stages) s += " " + id(t);
        return s;
    };
    os << "model name=" << m.name() << " description=" << m.description() << " attributes=" << m.attributes() << '\n';
    for (stage_id s : m.stages()) {
        os << "stage " << id(s) << " name=" << m[s].name << " attributes=" << m[s].attributes << " after:";
        for (stage_id t : m.earlier_stages(s)) os << ' ' << id(t);
        os << '\n';
    }
    for (scope_id s : m.scopes())
        os << "scope " << id(s) << " name=" << m[s].name << " within=" << opt(m.parent(s))
           << " attributes=" << m[s].attributes << '\n';
    for (actor_id a : m.actors())
        os << "actor " << id(a) << " name=" << m[a].name << " category=" << m[a].category
           << " attributes=" << m[a].attributes << '\n';
    for (mandate_id x : m.mandates())
        os << "mandate " << id(x) << " name=" << m[x].name << " basis=" << m[x].basis << " exclusive=" << m[x].exclusive
           << " delegable=" << m[x].delegable << " attributes=" << m[x].attributes << '\n';
    for (holding_id h : m.holdings()) {
        auto const v = m.holding(h);
        os << "holds " << id(v.actor) << ' ' << id(v.mandate) << ' ' << where(v.where) << " attributes=" << v.attributes
           << '\n';
    }
    for (delegation_id d : m.delegations()) {
        auto const v = m.delegation(d);
        os << "delegates " << id(v.from) << ' ' << id(v.to) << ' ' << id(v.mandate) << ' ' << where(v.where)
           << " attributes=" << v.attributes << '\n';
    }
    for (duty_id d : m.duties()) {
        os << "duty " << id(d) << " name=" << m[d].name << " basis=" << m[d].basis << " optional=" << m[d].optional
           << " stage=" << opt(m.stage_of(d)) << " scope=" << opt(m.scope_of(d)) << " attributes=" << m[d].attributes
           << " requires:";
        for (mandate_id x : m.required_mandates(d)) os << ' ' << id(x);
        os << " needs:";
        for (duty_id e : m.needs(d)) os << ' ' << id(e);
        // Per role, in the order of each role's list (the order across roles carries no meaning).
        os << " raci:";
        for (raci role : {raci::responsible, raci::accountable, raci::consulted, raci::informed})
            for (actor_id a : m.actors_with(d, role)) os << ' ' << letter(role) << id(a);
        os << '\n';
    }
    for (forum_id f : m.forums()) {
        os << "forum " << id(f) << " name=" << m[f].name << " model=" << m[f].model << " scope=" << opt(m.scope_of(f))
           << " coordinator=" << opt(m.coordinator(f)) << " attributes=" << m[f].attributes << " members:";
        for (actor_id a : m.members(f)) os << ' ' << id(a);
        os << " covers:";
        for (duty_id d : m.covered(f)) os << ' ' << id(d);
        os << '\n';
    }
    return os.str();
}

inline std::string read_text(std::filesystem::path const& p) {
    std::ifstream in{p, std::ios::binary};
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

inline std::filesystem::path conformance_dir() { return std::filesystem::path{SAMVERKAN_SHARED_DIR} / "conformance"; }

/// The model files (not the .expected.json files) of a conformance folder, sorted.
inline std::vector<std::filesystem::path> conformance_models(std::string_view folder) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (auto const& e : std::filesystem::directory_iterator{conformance_dir() / folder, ec}) {
        std::string const name = e.path().filename().string();
        if (e.path().extension() == ".json" && name.find(".expected.") == std::string::npos) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// The load_error that reading `text` throws, or nullopt when it loads.
inline std::optional<samverkan::io::load_error> load_failure(std::string_view text,
                                                             std::string_view source = "m.json") {
    try {
        (void)samverkan::io::read_json(text, source);
    } catch (samverkan::io::load_error const& e) {
        return e;
    }
    return std::nullopt;
}

} // namespace samverkan_json_test

#endif // SAMVERKAN_TESTS_UNIT_JSON_TEST_SUPPORT_HPP
