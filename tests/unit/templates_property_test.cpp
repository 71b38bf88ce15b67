// Property tests of fit (templates.md section 5) on thousands of small random places and templates:
//   - introduced and resolved are exactly the difference of two full audits (the place, and the applied
//     model), in report order, for the incremental method and the full one alike;
//   - the fit report does not depend on the order of the place's elements or of the candidates.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/io/fit_json.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/template_json.hpp>
#include <samverkan/templates/apply.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/fit.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace samverkan_tests_templates_property_test { // one per file: the tests are built as a unity build

using namespace samverkan;
namespace tpl = samverkan::templates;
using strings = std::vector<std::string>;

namespace {

struct random_source {
    std::mt19937 rng;
    int below(int n) { return std::uniform_int_distribution<int>{0, n - 1}(rng); }
    bool chance(int percent) { return below(100) < percent; }
    std::string q(std::string const& s) { return "\"" + s + "\""; }
    std::string list(strings const& items) {
        std::string out = "[";
        for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + q(items[i]);
        return out + "]";
    }
    /// Some distinct picks of `from`.
    strings some(strings const& from, int max) {
        strings out;
        int const n = below(max + 1);
        for (int i = 0; i < n && !from.empty(); ++i) {
            auto const& x = from[static_cast<std::size_t>(below(static_cast<int>(from.size())))];
            if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
        }
        return out;
    }
};

strings const categories{"kommun", "stat", "privat"};
strings const mandate_ids{"m0", "m1", "m2", "m3"};

/// A random place as element arrays (so that the arrays can be shuffled).
struct place_text {
    std::vector<strings> arrays; // stages, scopes, actors, mandates, holds, delegations, duties, forums
    std::string join() const {
        static char const* const names[] = {"stages", "scopes",      "actors", "mandates",
                                            "holds",  "delegations", "duties", "forums"};
        std::string out = R"({"format": "samverkan/1", "name": "P")";
        for (std::size_t k = 0; k < arrays.size(); ++k) {
            out += std::string{", \""} + names[k] + "\": [";
            for (std::size_t i = 0; i < arrays[k].size(); ++i) out += (i ? ", " : "") + arrays[k][i];
            out += "]";
        }
        return out + "}";
    }
};

place_text random_place(random_source& r) {
    place_text p;
    p.arrays.resize(8);
    strings stages{"s0", "s1", "s2"};
    stages.resize(static_cast<std::size_t>(r.below(4)));
    for (std::size_t i = 0; i < stages.size(); ++i)
        p.arrays[0].push_back("{\"id\": " + r.q(stages[i]) + (i ? ", \"after\": [" + r.q(stages[i - 1]) + "]" : "") +
                              "}");
    strings scopes;
    int const nscopes = 1 + r.below(5);
    for (int i = 0; i < nscopes; ++i) {
        scopes.push_back("z" + std::to_string(i));
        std::string e = "{\"id\": " + r.q(scopes.back());
        if (i > 0 && r.chance(75)) e += ", \"within\": " + r.q(scopes[static_cast<std::size_t>(r.below(i))]);
        p.arrays[1].push_back(e + "}");
    }
    strings actors;
    int const nactors = 2 + r.below(5);
    for (int i = 0; i < nactors; ++i) {
        actors.push_back("a" + std::to_string(i));
        p.arrays[2].push_back("{\"id\": " + r.q(actors.back()) +
                              ", \"category\": " + r.q(categories[static_cast<std::size_t>(r.below(3))]) + "}");
    }
    strings mandates;
    for (int i = 0; i < 1 + r.below(3); ++i) {
        mandates.push_back(mandate_ids[static_cast<std::size_t>(i)]);
        p.arrays[3].push_back("{\"id\": " + r.q(mandates.back()) + (r.chance(20) ? ", \"delegable\": false" : "") +
                              (r.chance(20) ? ", \"exclusive\": true" : "") + "}");
    }
    auto const reach = [&] {
        std::string e;
        if (r.chance(80)) e += ", \"scope\": " + r.q(scopes[static_cast<std::size_t>(r.below(nscopes))]);
        if (!stages.empty() && r.chance(20)) e += ", \"stages\": " + r.list(r.some(stages, 2));
        return e;
    };
    for (int i = 0; i < r.below(7); ++i)
        p.arrays[4].push_back(
            "{\"actor\": " + r.q(actors[static_cast<std::size_t>(r.below(nactors))]) + ", \"mandate\": " +
            r.q(mandates[static_cast<std::size_t>(r.below(static_cast<int>(mandates.size())))]) + reach() + "}");
    for (int i = 0; i < r.below(3); ++i)
        p.arrays[5].push_back("{\"from\": " + r.q(actors[static_cast<std::size_t>(r.below(nactors))]) + ", \"to\": " +
                              r.q(actors[static_cast<std::size_t>(r.below(nactors))]) + ", \"mandate\": " +
                              r.q(mandates[static_cast<std::size_t>(r.below(static_cast<int>(mandates.size())))]) +
                              (r.chance(50) ? reach() : std::string{}) + "}");
    strings duties;
    int const nduties = r.below(5);
    for (int i = 0; i < nduties; ++i) duties.push_back("d" + std::to_string(i));
    for (int i = 0; i < nduties; ++i) {
        std::string e = "{\"id\": " + r.q(duties[static_cast<std::size_t>(i)]);
        if (!stages.empty() && r.chance(50))
            e += ", \"stage\": " + r.q(stages[static_cast<std::size_t>(r.below(static_cast<int>(stages.size())))]);
        if (r.chance(50)) e += ", \"scope\": " + r.q(scopes[static_cast<std::size_t>(r.below(nscopes))]);
        if (auto req = r.some(mandates, 2); !req.empty()) e += ", \"requires\": " + r.list(req);
        if (auto n = r.some(duties, 2); !n.empty()) e += ", \"needs\": " + r.list(n);
        e += ", \"raci\": {\"R\": " + r.list(r.some(actors, 2)) + ", \"A\": " + r.list(r.some(actors, 2)) +
             ", \"C\": " + r.list(r.some(actors, 1)) + "}";
        p.arrays[6].push_back(e + "}");
    }
    for (int i = 0; i < r.below(3); ++i) {
        std::string e = "{\"id\": \"f" + std::to_string(i) + "\", \"members\": " + r.list(r.some(actors, 3));
        if (r.chance(60)) e += ", \"coordinator\": " + r.q(actors[static_cast<std::size_t>(r.below(nactors))]);
        if (!duties.empty()) e += ", \"covers\": " + r.list(r.some(duties, 2));
        if (r.chance(20)) e += ", \"model\": \"t1\"";
        p.arrays[7].push_back(e + "}");
    }
    return p;
}

std::string random_template(random_source& r, std::string const& id) {
    strings roles;
    std::vector<bool> many;
    std::string out = "{\"format\": \"samverkan-template/1\", \"id\": " + r.q(id) + ", \"roles\": [";
    int const nroles = 1 + r.below(3);
    for (int i = 0; i < nroles; ++i) {
        roles.push_back("r" + std::to_string(i));
        many.push_back(r.chance(40));
        std::string e = "{\"id\": " + r.q(roles.back());
        if (r.chance(50)) e += ", \"category\": " + r.list(r.some(categories, 2));
        if (r.chance(50)) e += ", \"holds\": " + r.list(r.some(mandate_ids, 1));
        if (many.back()) e += ", \"many\": true";
        if (r.chance(25)) e += ", \"optional\": true";
        out += (i ? ", " : "") + e + "}";
    }
    strings stages{"s1", "n0"};
    stages.resize(static_cast<std::size_t>(r.below(3)));
    out += "], \"stages\": [";
    for (std::size_t i = 0; i < stages.size(); ++i)
        out += std::string{i ? ", " : ""} + "{\"id\": " + r.q(stages[i]) +
               (i ? ", \"after\": [" + r.q(stages[0]) + "]" : "") + "}";
    strings mandates = r.some({"m1", "m3", "n1"}, 2);
    out += "], \"mandates\": [";
    for (std::size_t i = 0; i < mandates.size(); ++i)
        out += std::string{i ? ", " : ""} + "{\"id\": " + r.q(mandates[i]) + "}";
    strings duties;
    int const nduties = 1 + r.below(4);
    for (int i = 0; i < nduties; ++i) duties.push_back("u" + std::to_string(i));
    out += "], \"duties\": [";
    for (int i = 0; i < nduties; ++i) {
        std::string e = "{\"id\": " + r.q(duties[static_cast<std::size_t>(i)]);
        if (!stages.empty() && r.chance(50))
            e += ", \"stage\": " + r.q(stages[static_cast<std::size_t>(r.below(static_cast<int>(stages.size())))]);
        if (auto req = r.some(mandates, 1); !req.empty()) e += ", \"requires\": " + r.list(req);
        if (auto n = r.some(duties, 2); !n.empty()) e += ", \"needs\": " + r.list(n);
        if (r.chance(15)) e += ", \"optional\": true";
        strings resp = r.some(roles, 2), acc = r.some(roles, 1);
        e += ", \"raci\": {\"R\": " + r.list(resp) + ", \"A\": " + r.list(acc) + "}";
        for (std::size_t k = 0; k < roles.size(); ++k)
            if (many[k] && std::find(resp.begin(), resp.end(), roles[k]) != resp.end() && r.chance(50)) {
                e += ", \"each\": " + r.q(roles[k]);
                break;
            }
        out += (i ? ", " : "") + e + "}";
    }
    out += "], \"forums\": [";
    for (int i = 0; i < r.below(3); ++i) {
        std::string e = "{\"id\": \"g" + std::to_string(i) + "\", \"members\": " + r.list(r.some(roles, 2)) +
                        ", \"covers\": " + r.list(r.some(duties, 2));
        std::size_t const c = static_cast<std::size_t>(r.below(nroles));
        if (!many[c] && r.chance(70)) e += ", \"coordinator\": " + r.q(roles[c]);
        out += (i ? ", " : "") + e + "}";
    }
    return out + "]}";
}

/// A finding as a line with id texts, for the fit result of candidate `c`.
std::string rendered(model const& place, tpl::fit_candidate const& c, finding const& f) {
    auto const value = [&](field_value const& v) {
        if (auto const* e = std::get_if<element_ref>(&v)) return std::string{tpl::id_text(place, c, *e)};
        if (auto const* s = std::get_if<std::string>(&v)) return *s;
        std::string out = "[";
        if (auto const* l = std::get_if<ref_list>(&v)) {
            for (auto const& x : *l) out += (x ? std::string{tpl::id_text(place, c, *x)} : "null") + ",";
        } else if (auto const* mp = std::get_if<ref_map>(&v)) {
            for (auto const& [k, s] : *mp) out += std::string{tpl::id_text(place, c, k)} + ":" + s + ",";
        }
        return out + "]";
    };
    std::string out = std::string{to_string(f.severity)} + " " + std::string{f.rule.text()};
    for (auto const& x : f.subjects) out += " " + std::string{x.key.text()} + "=" + value(x.value);
    out += " |";
    for (auto const& x : f.witness) out += " " + std::string{x.key.text()} + "=" + value(x.value);
    return out;
}

std::string rendered(model const& m, finding const& f) {
    auto const value = [&](field_value const& v) {
        if (auto const* e = std::get_if<element_ref>(&v)) return std::string{detail::id_text(m, *e)};
        if (auto const* s = std::get_if<std::string>(&v)) return *s;
        std::string out = "[";
        if (auto const* l = std::get_if<ref_list>(&v)) {
            for (auto const& x : *l) out += (x ? std::string{detail::id_text(m, *x)} : "null") + ",";
        } else if (auto const* mp = std::get_if<ref_map>(&v)) {
            for (auto const& [k, s] : *mp) out += std::string{detail::id_text(m, k)} + ":" + s + ",";
        }
        return out + "]";
    };
    std::string out = std::string{to_string(f.severity)} + " " + std::string{f.rule.text()};
    for (auto const& x : f.subjects) out += " " + std::string{x.key.text()} + "=" + value(x.value);
    out += " |";
    for (auto const& x : f.witness) out += " " + std::string{x.key.text()} + "=" + value(x.value);
    return out;
}

/// (rule, subjects) of a rendered line.
std::string key_of(std::string const& line) {
    return line.substr(line.find(' ') + 1, line.find(" |") - line.find(' '));
}

} // namespace

TEST_CASE("fit: introduced and resolved are the difference of two full audits, for both methods", "[templates]") {
    random_source r{std::mt19937{20261206}};
    int compared = 0;
    for (int round = 0; round < 1500; ++round) {
        auto const p = random_place(r);
        model place;
        tpl::collaboration_template t;
        try {
            place = io::read_json(p.join());
            t = io::read_template(random_template(r, "t1"));
        } catch (io::load_error const&) {
            continue; // e.g. a random stage cycle in the template's needs is fine, a scope cycle is not possible
        }
        tpl::binding_options const o{.everywhere = r.chance(30)};
        std::vector<tpl::collaboration_template const*> const candidates{&t};
        auto const fast = tpl::fit(place, candidates, o, tpl::fit_method::incremental);
        auto const full = tpl::fit(place, candidates, o, tpl::fit_method::full);
        REQUIRE(fast.candidates.size() == 1);
        auto const& c = fast.candidates[0];
        auto const& g = full.candidates[0];
        REQUIRE(c.skipped == g.skipped);
        if (c.skipped) continue;
        // the definition: apply, audit both, compare by (rule, subjects)
        capability_index const cap{place};
        auto const scope = tpl::application_scope(place, o);
        auto const applied = tpl::apply(place, cap, t, c.roles, o, scope, t.id);
        auto const before = audit(place), after = audit(applied);
        strings before_lines, after_lines;
        for (auto const& f : before.findings) before_lines.push_back(rendered(place, f));
        for (auto const& f : after.findings) after_lines.push_back(rendered(applied, f));
        std::set<std::string> before_keys, after_keys;
        for (auto const& l : before_lines) before_keys.insert(key_of(l));
        for (auto const& l : after_lines) after_keys.insert(key_of(l));
        strings introduced, resolved;
        for (auto const& l : after_lines)
            if (!before_keys.count(key_of(l))) introduced.push_back(l);
        for (auto const& l : before_lines)
            if (!after_keys.count(key_of(l))) resolved.push_back(l);
        strings fast_introduced, fast_resolved, full_introduced, full_resolved;
        for (auto const& f : c.introduced) fast_introduced.push_back(rendered(place, c, f));
        for (auto const& f : c.resolved) fast_resolved.push_back(rendered(place, c, f));
        for (auto const& f : g.introduced) full_introduced.push_back(rendered(place, g, f));
        for (auto const& f : g.resolved) full_resolved.push_back(rendered(place, g, f));
        INFO("place " << p.join() << "\ntemplate " << io::to_json(t));
        CHECK(full_introduced == introduced);
        CHECK(full_resolved == resolved);
        CHECK(fast_introduced == introduced);
        CHECK(fast_resolved == resolved);
        CHECK(io::fit_to_json(place, fast) == io::fit_to_json(place, full));
        ++compared;
    }
    CHECK(compared > 500);
}

TEST_CASE("fit: the report does not depend on the order of the place's elements or of the candidates", "[templates]") {
    random_source r{std::mt19937{7}};
    int compared = 0;
    for (int round = 0; round < 400; ++round) {
        auto p = random_place(r);
        std::vector<tpl::collaboration_template> ts;
        try {
            for (int i = 0; i < 3; ++i) ts.push_back(io::read_template(random_template(r, "t" + std::to_string(i))));
            (void)io::read_json(p.join());
        } catch (io::load_error const&) {
            continue;
        }
        tpl::binding_options const o{.everywhere = r.chance(30)};
        std::vector<tpl::collaboration_template const*> candidates;
        for (auto const& t : ts) candidates.push_back(&t);
        model const place = io::read_json(p.join());
        std::string const first = io::fit_to_json(place, tpl::fit(place, candidates, o));
        // shuffle every element array (stages and scopes keep their links: the ids do not change)
        for (auto& a : p.arrays) std::shuffle(a.begin(), a.end(), r.rng);
        std::shuffle(candidates.begin(), candidates.end(), r.rng);
        model shuffled;
        try {
            shuffled = io::read_json(p.join());
        } catch (io::load_error const&) {
            continue;
        }
        INFO("place " << p.join());
        CHECK(io::fit_to_json(shuffled, tpl::fit(shuffled, candidates, o)) == first);
        ++compared;
    }
    CHECK(compared > 200);
}

} // namespace samverkan_tests_templates_property_test
