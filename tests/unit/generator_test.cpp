// samverkan::synthetic::generate: determinism, a valid samverkan/1 model, and exactly the planted findings.
#include "catch.hpp"

#include <samverkan/synthetic/generator.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include <samverkan/analysis/audit.hpp>
#include <samverkan/io/json.hpp>

namespace samverkan_tests_generator_test { // one per file: the tests are built as a unity build

namespace {
namespace syn = samverkan::synthetic;

std::string generate(syn::generator_options const& o, syn::generator_stats* stats = nullptr) {
    std::ostringstream os;
    auto const s = syn::generate(os, o);
    if (stats) *stats = s;
    return std::move(os).str();
}
} // namespace

TEST_CASE("generator: the same options give the same bytes; another seed gives another model") {
    syn::generator_options const o{.municipalities = 2, .seed = 7, .defect_rate = 0.05};
    syn::generator_stats s;
    std::string const a = generate(o, &s);
    std::string const b = generate(o);
    CHECK(a == b);
    CHECK(s.bytes == a.size());
    CHECK(s.municipalities == 2);

    auto other = o;
    other.seed = 8;
    CHECK(generate(other) != a);
    auto cleaner = o;
    cleaner.defect_rate = 0;
    CHECK(generate(cleaner) != a);
}

TEST_CASE("generator: the model name, the header and every section are written") {
    // the name goes through the library's one JSON escaper; bytes that are not UTF-8 become U+FFFD
    std::string const text = generate({.municipalities = 1, .name = "Prov \"1\"\n\xff"});
    CHECK(text.starts_with("{\n\"format\":\"samverkan/1\",\n\"name\":\"Prov \\\"1\\\"\\n\xEF\xBF\xBD\""));
    for (char const* key : {"\"stages\":[", "\"scopes\":[", "\"actors\":[", "\"mandates\":[", "\"holds\":[",
                            "\"delegations\":[", "\"duties\":[", "\"forums\":["})
        CHECK(text.find(key) != std::string::npos);
    CHECK(text.ends_with("\n]\n}\n"));
    CHECK(
        generate({.municipalities = 1}).find("\"name\":\"Syntetisk nationell samverkansmodell (1 kommuner, frö 1)\"") !=
        std::string::npos);
}

TEST_CASE("generator: a municipality is the same whatever the number of municipalities") {
    // the first municipality's scopes are a prefix property of the stream: k001 draws from its own stream
    std::string const two = generate({.municipalities = 2, .defect_rate = 0.05});
    std::string const three = generate({.municipalities = 3, .defect_rate = 0.05});
    auto k001_plans = [](std::string const& text) {
        std::size_t n = 0;
        for (auto at = text.find("{\"id\":\"k001.sd"); at != std::string::npos;
             at = text.find("{\"id\":\"k001.sd", at + 1))
            ++n;
        return n;
    };
    CHECK(k001_plans(two) == k001_plans(three));
    CHECK(k001_plans(two) > 0);
}

TEST_CASE("generator: the defect rate is clamped and controls the planted defects") {
    syn::generator_stats clean, some, max, over;
    generate({.municipalities = 3, .defect_rate = 0}, &clean);
    generate({.municipalities = 3, .defect_rate = 0.02}, &some);
    generate({.municipalities = 3, .defect_rate = 0.05}, &max);
    generate({.municipalities = 3, .defect_rate = 7}, &over);
    CHECK(clean.expected_total() == 0);
    CHECK(some.expected_total() > 0);
    CHECK(max.expected_total() > some.expected_total());
    CHECK(over.expected_total() == max.expected_total()); // 7 is read as the maximum, 1/20
    std::uint64_t defects = 0;
    for (auto n : max.defects) defects += n;
    CHECK(defects <= max.plans);
    CHECK(defects * 10 >= max.plans * 9); // at the maximum rate almost every plan has one defect
    CHECK_THROWS_AS(generate({.municipalities = 0}), samverkan::error);
}

TEST_CASE("generator: sizes grow linearly with the number of municipalities") {
    syn::generator_stats s;
    generate({.municipalities = 3, .defect_rate = 0}, &s);
    CHECK(s.count(samverkan::element_kind::stage) == 16);
    CHECK(s.count(samverkan::relation_kind::after) == 14);
    CHECK(s.count(samverkan::element_kind::duty) > 1000);
    // about ten relations per duty, the proportion of the national model (1e6 duties, 1e7 relations)
    CHECK(s.relation_count() > 8 * s.count(samverkan::element_kind::duty));
    CHECK(s.relation_count() < 12 * s.count(samverkan::element_kind::duty));
}

TEST_CASE("generator: the output is a valid samverkan/1 model with the counts the generator reports") {
    syn::generator_stats s;
    std::string const text = generate({.municipalities = 2, .seed = 3, .defect_rate = 0.05}, &s);
    auto const m = samverkan::io::read_json(text, "generated.json");
    CHECK(m.count<samverkan::stage_id>() == s.count(samverkan::element_kind::stage));
    CHECK(m.count<samverkan::scope_id>() == s.count(samverkan::element_kind::scope));
    CHECK(m.count<samverkan::actor_id>() == s.count(samverkan::element_kind::actor));
    CHECK(m.count<samverkan::mandate_id>() == s.count(samverkan::element_kind::mandate));
    CHECK(m.count<samverkan::duty_id>() == s.count(samverkan::element_kind::duty));
    CHECK(m.count<samverkan::forum_id>() == s.count(samverkan::element_kind::forum));
    for (auto k :
         {samverkan::relation_kind::holds, samverkan::relation_kind::delegates, samverkan::relation_kind::assigned,
          samverkan::relation_kind::requires_mandate, samverkan::relation_kind::needs, samverkan::relation_kind::after,
          samverkan::relation_kind::within, samverkan::relation_kind::member, samverkan::relation_kind::coordinated_by,
          samverkan::relation_kind::covers}) {
        INFO(static_cast<int>(k));
        CHECK(m.relation_count(k) == s.count(k));
    }
    CHECK(m.relation_count() == s.relation_count());
    CHECK(m.name() == "Syntetisk nationell samverkansmodell (2 kommuner, frö 3)");
}

namespace {
std::array<std::uint64_t, samverkan::rule_count> counts(samverkan::report const& r) {
    std::array<std::uint64_t, samverkan::rule_count> n{};
    for (auto const& f : r.findings) {
        auto const id = samverkan::parse_rule_id(f.rule);
        REQUIRE(id);
        ++n[static_cast<std::size_t>(*id)];
    }
    return n;
}
} // namespace

TEST_CASE("generator: without defects the audit finds nothing") {
    auto const m = samverkan::io::read_json(generate({.municipalities = 2, .defect_rate = 0}));
    auto const r = samverkan::audit(m);
    CHECK(r.findings.empty());
}

TEST_CASE("generator: every built-in rule fires, exactly as often as the generator planted it") {
    for (std::uint64_t seed : {1U, 2U}) {
        syn::generator_stats s;
        auto const m = samverkan::io::read_json(generate({.municipalities = 3, .seed = seed, .defect_rate = 0.05}, &s));
        auto const found = counts(samverkan::audit(m));
        for (auto r : samverkan::all_rules()) {
            INFO("seed " << seed << ", rule " << samverkan::to_string(r));
            CHECK(found[static_cast<std::size_t>(r)] == s.expected(r));
            CHECK(found[static_cast<std::size_t>(r)] > 0);
        }
    }
}

} // namespace samverkan_tests_generator_test
