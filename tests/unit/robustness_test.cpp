// Robustness (analytics.md sections 1 and 2): withdraw, what_if, stands, resilience with a cut, criticality.
// The fast algorithms are checked against a brute-force reference on thousands of small random models:
// resilience by withdrawing every subset of actors up to the answer, failing_if_withdrawn by withdrawing each
// actor, criticality's added findings by what_if (two full audits).
#include "analysis_test_support.hpp"
#include "catch.hpp"
#include "random_model_support.hpp"

#include <samverkan/analysis.hpp>
#include <samverkan/analysis/resilience.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/analysis/withdraw.hpp>
#include <samverkan/io/json.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace samverkan_tests_robustness_test { // one per file: the tests are built as a unity build

using namespace samverkan;
namespace rm = samverkan_test::random_models;

namespace {

model shared_model(char const* name) {
    return io::read_json_file(std::filesystem::path{SAMVERKAN_SHARED_DIR} / "conformance-wave2" / "models" / name);
}

actor_id actor(model const& m, std::string const& id) { return *m.find<actor_id>(id); }
duty_id duty(model const& m, std::string const& id) { return *m.find<duty_id>(id); }

std::vector<std::string> ids(model const& m, std::vector<actor_id> const& v) {
    std::vector<std::string> out;
    for (auto a : v) out.push_back(m[a].id);
    return out;
}
std::vector<std::string> ids(model const& m, std::vector<duty_id> const& v) {
    std::vector<std::string> out;
    for (auto d : v) out.push_back(m[d].id);
    return out;
}

/// Subsets of {0..n-1} of size k, in lexicographic order, each passed to f until it returns true.
template <class F>
bool for_subsets(std::uint32_t n, std::uint32_t k, F const& f) {
    std::vector<std::uint32_t> pick(k);
    for (std::uint32_t i = 0; i < k; ++i) pick[i] = i;
    if (k > n) return false;
    for (;;) {
        if (f(pick)) return true;
        int i = static_cast<int>(k) - 1;
        while (i >= 0 && pick[static_cast<std::size_t>(i)] == n - k + static_cast<std::uint32_t>(i)) --i;
        if (i < 0) return false;
        ++pick[static_cast<std::size_t>(i)];
        for (auto j = static_cast<std::size_t>(i) + 1; j < k; ++j) pick[j] = pick[j - 1] + 1;
    }
}

std::vector<actor_id> as_actors(std::vector<std::uint32_t> const& v) {
    std::vector<actor_id> out;
    for (auto i : v) out.emplace_back(i);
    return out;
}

/// More delegation structure than the shared generator gives: chains, loops and explicit grants.
rm::spec with_chains(rm::spec s, std::mt19937& rng) {
    auto pick = [&rng](int n) { return std::uniform_int_distribution<int>{0, n - 1}(rng); };
    int const chains = pick(3);
    for (int c = 0; c < chains; ++c) {
        int const x = pick(s.mandates);
        int from = pick(s.actors);
        for (int len = 1 + pick(3); len > 0; --len) {
            int const to = pick(s.actors);
            rm::spec::delegation g{from, to, x, -1, {}};
            if (pick(3) == 0) {
                g.scope = s.scopes > 0 && pick(2) == 0 ? pick(s.scopes) : -1;
                if (s.stages > 0)
                    for (int k = pick(3); k > 0; --k) g.stages.push_back(pick(s.stages));
            }
            s.delegations.push_back(g);
            from = to;
        }
        if (pick(2) == 0)
            s.holdings.push_back({pick(s.actors), x, s.scopes > 0 && pick(2) == 0 ? pick(s.scopes) : -1, {}});
    }
    return s;
}

} // namespace

TEST_CASE("withdraw removes the actors and everything that names them, and nothing else") {
    auto const m = shared_model("lindvik.json");
    auto const lpo = actor(m, "lpo");
    auto const rest = withdraw(m, std::vector{lpo, lpo});
    CHECK(rest.count<actor_id>() + 1 == m.count<actor_id>());
    CHECK_FALSE(rest.find<actor_id>("lpo"));
    CHECK(rest.count<duty_id>() == m.count<duty_id>());
    CHECK(rest.count<forum_id>() == m.count<forum_id>());
    for (auto d : rest.duties())
        for (auto const& e : rest.raci_of(d)) CHECK(rest[e.actor].id != "lpo");
    std::size_t lpo_holdings = 0;
    for (auto h : m.holdings()) lpo_holdings += m.holding(h).actor == lpo ? 1 : 0;
    CHECK(rest.holdings().size() + lpo_holdings == m.holdings().size());
    auto const where = withdrawn_index(m, std::vector{lpo});
    CHECK_FALSE(where[lpo.index()]);
}

TEST_CASE("what_if: added and removed findings by (rule, subjects), ids of the original model") {
    auto const m = shared_model("lindvik.json");
    auto const r = what_if(m, std::vector{actor(m, "lpo")});
    CHECK(ids(m, r.without) == std::vector<std::string>{"lpo"});
    CHECK(samverkan_test::lines(m, r.added.findings) ==
          std::vector<std::string>{"error mandate-unheld duty=kvallsinsats mandate=polisiara-befogenheter",
                                   "warning no-responsible duty=skolinsats"});
    CHECK(samverkan_test::lines(m, r.removed.findings) ==
          std::vector<std::string>{
              "info responsible-without-mandate duty=skolinsats actor=lpo | mandates=[fritidsverksamhet]"});

    auto const k = shared_model("kvarnby.json");
    auto const w = what_if(k, std::vector{actor(k, "gatukontoret")});
    CHECK(w.added.findings.empty()); // a witness change is neither added nor removed
    CHECK(w.removed.findings.empty());
}

TEST_CASE("resilience and criticality of the conformance model rosendal") {
    auto const m = shared_model("rosendal.json");
    auto const rows = resilience(m);
    REQUIRE(rows.size() == m.count<duty_id>());
    auto const row = [&](std::string const& id) { return rows[duty(m, id).index()]; };
    CHECK(row("enkat").value == 0);
    CHECK(row("enkat").cut.empty());
    CHECK(row("fotboll").value == 1);
    CHECK(ids(m, row("fotboll").cut) == std::vector<std::string>{"fn"});
    CHECK(row("lovaktivitet").optional);
    CHECK(ids(m, row("orosanmalan").cut) == std::vector<std::string>{"soc"});
    CHECK(row("sommarlager").value == 2);
    CHECK(ids(m, row("sommarlager").cut) == std::vector<std::string>{"faltare", "forening"});
    CHECK(row("trygghetsvandring").value == 3);
    CHECK(ids(m, row("trygghetsvandring").cut) == std::vector<std::string>{"ks", "lpo", "soc"});

    auto const low = resilience(m, 1);
    CHECK_FALSE(low[duty(m, "sommarlager").index()].value);
    CHECK(low[duty(m, "sommarlager").index()].cut.empty());
    CHECK(low[duty(m, "fotboll").index()].value == 1);
    CHECK_THROWS_AS(resilience(m, 0), samverkan::error);
    CHECK_THROWS_AS(resilience(m, 9), samverkan::error);

    auto rows2 = criticality(m);
    rank_criticality(m, rows2);
    std::vector<std::string> order;
    for (auto const& c : rows2) order.push_back(m[c.actor].id);
    CHECK(order == std::vector<std::string>{"fn", "soc", "faltare", "forening", "ks", "lpo"});
    CHECK(ids(m, rows2[0].failing) == std::vector<std::string>{"fotboll", "lovaktivitet"});
    CHECK(rows2[0].added == summary{2, 1, 1});
    CHECK(rows2[2].added == summary{1, 2, 0});

    auto const f = failing_if_withdrawn(m);
    CHECK(ids(m, f[actor(m, "soc").index()]) == std::vector<std::string>{"orosanmalan"});
    auto const st = standing(m);
    CHECK_FALSE(st[duty(m, "enkat").index()]);
    CHECK(stands(m, duty(m, "fotboll")));
}

TEST_CASE("property: resilience, cuts, failing_if_withdrawn and criticality agree with brute force") {
    int models = 0, checked_values = 0, above = 0;
    for (unsigned seed = 1; seed <= 1500; ++seed) {
        rm::generator gen{seed};
        auto s = gen.make();
        if (seed % 2 == 0) s = with_chains(s, gen.rng);
        auto const m = rm::build(s);
        int const k = seed % 7 == 0 ? 1 : seed % 11 == 0 ? 2 : seed % 13 == 0 ? 8 : 3;
        auto const n = static_cast<std::uint32_t>(m.count<actor_id>());
        auto const base = standing(m);

        // the standing of every duty after withdrawing each subset of size <= k, computed once per subset
        std::vector<std::optional<int>> brute(m.count<duty_id>());
        for (auto d : m.duties())
            if (!base[d.index()]) brute[d.index()] = 0;
        for (std::uint32_t size = 1; size <= static_cast<std::uint32_t>(k) && size <= n; ++size)
            for_subsets(n, size, [&](std::vector<std::uint32_t> const& pick) {
                auto const after = standing(withdraw(m, as_actors(pick)));
                for (auto d : m.duties())
                    if (!brute[d.index()] && !after[d.index()]) brute[d.index()] = static_cast<int>(size);
                return false;
            });

        auto const r = analyse_robustness(m, k);
        ++models;
        for (auto d : m.duties()) {
            INFO("seed " << seed << " k " << k << " duty " << m[d].id);
            auto const& row = r.duties[d.index()];
            CHECK(row.duty == d);
            CHECK(row.optional == m[d].optional);
            REQUIRE(row.value == brute[d.index()]);
            if (!row.value) {
                ++above;
                CHECK(row.cut.empty());
                continue;
            }
            ++checked_values;
            REQUIRE(row.cut.size() == static_cast<std::size_t>(*row.value));
            for (std::size_t i = 1; i < row.cut.size(); ++i) CHECK(m[row.cut[i - 1]].id < m[row.cut[i]].id);
            if (*row.value > 0) CHECK_FALSE(standing(withdraw(m, row.cut))[d.index()]);
        }
        auto const fast_failing = failing_if_withdrawn(m);
        for (auto a : m.actors()) {
            INFO("seed " << seed << " actor " << m[a].id);
            auto const after = standing(withdraw(m, std::vector{a}));
            std::vector<duty_id> want;
            for (auto d : m.duties())
                if (base[d.index()] && !after[d.index()]) want.push_back(d);
            detail::sort_by_id_text(m, want);
            CHECK(ids(m, r.actors[a.index()].failing) == ids(m, want));
            CHECK(ids(m, fast_failing[a.index()]) == ids(m, want));
            auto const w = detail::what_if_by_audits(m, std::vector{a});
            CHECK(r.actors[a.index()].added == w.added.summary());
        }
    }
    CHECK(models == 1500);
    CHECK(checked_values > 3000);
    CHECK(above > 10);
}

std::vector<std::string> full_lines(model const& m, std::vector<finding> const& fs) {
    std::vector<std::string> out;
    for (auto const& f : fs) out.push_back(samverkan_test::line(m, f) + " :: " + message(m, f));
    return out;
}

TEST_CASE("property: what_if (region model) gives exactly the findings of two full audits") {
    int with_changes = 0;
    for (unsigned seed = 2001; seed <= 3200; ++seed) {
        rm::generator gen{seed};
        auto s = gen.make();
        if (seed % 2 == 0) s = with_chains(s, gen.rng);
        auto const m = rm::build(s);
        std::vector<actor_id> W{actor_id{static_cast<std::uint32_t>(seed % m.count<actor_id>())}};
        if (m.count<actor_id>() > 2 && seed % 3 == 0)
            W.push_back(actor_id{static_cast<std::uint32_t>((seed / 3) % m.count<actor_id>())});
        INFO("seed " << seed);
        auto const fast = what_if(m, W);
        auto const slow = detail::what_if_by_audits(m, W);
        CHECK(ids(m, fast.without) == ids(m, slow.without));
        CHECK(full_lines(m, fast.added.findings) == full_lines(m, slow.added.findings));
        CHECK(full_lines(m, fast.removed.findings) == full_lines(m, slow.removed.findings));
        CHECK(fast.added.model == slow.added.model);
        if (seed % 4 == 0) { // the overload that reuses the unchanged model's audit (a sweep's workers)
            auto const given = what_if(m, W, audit(m));
            CHECK(full_lines(m, given.added.findings) == full_lines(m, fast.added.findings));
            CHECK(full_lines(m, given.removed.findings) == full_lines(m, fast.removed.findings));
        }
        with_changes += fast.added.findings.empty() && fast.removed.findings.empty() ? 0 : 1;
    }
    CHECK(with_changes > 600);
}

} // namespace samverkan_tests_robustness_test
