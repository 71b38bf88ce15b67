// The analyses outside the audit work on an edited model (one with removed elements, holdings or
// delegations: tombstones) and give exactly what they give on the same model written and read back (whose
// ids are renumbered): compared through the bytes of their io writers, or by id text.
#include "catch.hpp"
#include "random_model_support.hpp"

#include <samverkan/analysis/diff.hpp>
#include <samverkan/analysis/metrics.hpp>
#include <samverkan/analysis/resilience.hpp>
#include <samverkan/analysis/what_if.hpp>
#include <samverkan/analysis/withdraw.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/diff_report.hpp>
#include <samverkan/io/fit_json.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/metrics_report.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/io/robustness_report.hpp>
#include <samverkan/io/template_json.hpp>
#include <samverkan/templates/apply.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/fit.hpp>
#include <samverkan/templates/profile.hpp>

#include <algorithm>
#include <filesystem>

#include <cstddef>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace samverkan_tests_removed_guard_test { // one per file: the tests are built as a unity build

using namespace samverkan;

namespace {

template <class Id>
std::vector<Id> live(model const& m) {
    std::vector<Id> out;
    for (Id id : m.template ids<Id>()) out.push_back(id);
    return out;
}

template <class Id>
void remove_some(model& m, std::mt19937& rng, int times) {
    for (int k = 0; k < times; ++k) {
        auto const ids = live<Id>(m);
        if (ids.empty()) return;
        auto const id = ids[std::uniform_int_distribution<std::size_t>{0, ids.size() - 1}(rng)];
        try {
            m.remove(id);
        } catch (samverkan::error const&) {} // a stage or scope that still places something
    }
}

/// A small random model with removals of every kind (some of them first in their kind, so that the live
/// ids do not start at index 0).
model edited(unsigned seed) {
    std::mt19937 rng{seed};
    auto m = samverkan_test::build(samverkan_test::generator{seed}.make());
    auto const few = [&] { return std::uniform_int_distribution<int>{0, 2}(rng); };
    remove_some<actor_id>(m, rng, few());
    remove_some<mandate_id>(m, rng, few() / 2);
    remove_some<duty_id>(m, rng, few());
    remove_some<forum_id>(m, rng, few() / 2);
    remove_some<stage_id>(m, rng, few());
    remove_some<scope_id>(m, rng, few());
    if (auto const hs = live<holding_id>(m); !hs.empty() && few() == 0) m.revoke(hs.front());
    if (auto const ds = live<delegation_id>(m); !ds.empty() && few() != 0)
        m.undelegate(ds[std::uniform_int_distribution<std::size_t>{0, ds.size() - 1}(rng)]);
    // a new element after the removals: its index lies beyond the tombstones
    auto const late = m.add_actor({.id = "late"});
    if (auto const ds = live<duty_id>(m); !ds.empty()) m.assign(late, ds.back(), raci::responsible);
    if (auto const xs = live<mandate_id>(m); !xs.empty()) m.grant(late, xs.front());
    return m;
}

template <class Write>
std::string text(Write const& write) {
    std::ostringstream os;
    write(os);
    return os.str();
}

/// The ids of `back` with the id texts of `ids` in `m`.
template <class Id>
std::vector<Id> same_in(model const& m, model const& back, std::vector<Id> const& ids) {
    std::vector<Id> out;
    for (Id id : ids) out.push_back(*back.template find<Id>(m[id].id));
    return out;
}

template <class Id>
std::vector<std::string> texts(model const& m, std::vector<Id> const& ids) {
    std::vector<std::string> out;
    for (Id id : ids) out.push_back(m[id].id);
    return out;
}

} // namespace

TEST_CASE("removed elements: the analyses on an edited model equal those on it written and read back") {
    int with_removed = 0;
    for (unsigned seed = 1; seed <= 60; ++seed) {
        INFO("seed " << seed);
        model const m = edited(seed);
        with_removed += m.has_removed() ? 1 : 0;
        model const back = io::read_json(io::to_json(m));
        REQUIRE_FALSE(back.has_removed());

        // metrics (coverage, redundancy, resilience counts, collaboration graph, per actor, per stage)
        CHECK(text([&](auto& os) { io::write_metrics_json(os, metrics(m)); }) ==
              text([&](auto& os) { io::write_metrics_json(os, metrics(back)); }));
        CHECK(text([&](auto& os) { io::write_collaboration_dot(os, m, collaboration(m)); }) ==
              text([&](auto& os) { io::write_collaboration_dot(os, back, collaboration(back)); }));

        // resilience and criticality
        CHECK(text([&](auto& os) { io::write_resilience_json(os, m, analyse_robustness(m)); }) ==
              text([&](auto& os) { io::write_resilience_json(os, back, analyse_robustness(back)); }));
        auto const fail = failing_if_withdrawn(m), fail_back = failing_if_withdrawn(back);
        auto const crit = criticality(m), crit_back = criticality(back);
        auto const stand = standing(m), stand_back = standing(back);
        REQUIRE(fail.size() == m.id_bound<actor_id>());
        REQUIRE(crit.size() == m.id_bound<actor_id>());
        REQUIRE(stand.size() == m.id_bound<duty_id>());
        for (actor_id a : m.actors()) {
            auto const b = *back.find<actor_id>(m[a].id);
            CHECK(texts(m, fail[a.index()]) == texts(back, fail_back[b.index()]));
            CHECK(crit[a.index()].actor == a);
            CHECK(texts(m, crit[a.index()].failing) == texts(back, crit_back[b.index()].failing));
            CHECK(crit[a.index()].added.error == crit_back[b.index()].added.error);
            CHECK(crit[a.index()].added.warning == crit_back[b.index()].added.warning);
        }
        for (duty_id d : m.duties()) CHECK(stand[d.index()] == stand_back[back.find<duty_id>(m[d].id)->index()]);

        // what-if and withdraw: one or two live actors
        auto const actors = live<actor_id>(m);
        std::vector<actor_id> W{actors[seed % actors.size()]};
        if (seed % 3 == 0 && actors.size() > 2) W.push_back(actors[(seed / 3) % actors.size()]);
        auto const W_back = same_in(m, back, W);
        CHECK(text([&](auto& os) { io::write_what_if_json(os, m, what_if(m, W)); }) ==
              text([&](auto& os) { io::write_what_if_json(os, back, what_if(back, W_back)); }));
        CHECK(io::to_json(withdraw(m, W)) == io::to_json(withdraw(back, W_back)));
        // the definition (two full audits of m and withdraw(m, W), which keeps m's indices) agrees
        CHECK(text([&](auto& os) { io::write_what_if_json(os, m, what_if(m, W)); }) ==
              text([&](auto& os) { io::write_what_if_json(os, m, detail::what_if_by_audits(m, W)); }));

        // diff, both ways, against another edited model; and against its own copy: no change
        model const other = edited(seed + 5000);
        model const other_back = io::read_json(io::to_json(other));
        CHECK(text([&](auto& os) { io::write_diff_json(os, m, other, diff(m, other)); }) ==
              text([&](auto& os) { io::write_diff_json(os, back, other_back, diff(back, other_back)); }));
        CHECK(text([&](auto& os) { io::write_diff_json(os, other, m, diff(other, m)); }) ==
              text([&](auto& os) { io::write_diff_json(os, other_back, back, diff(other_back, back)); }));
        CHECK(text([&](auto& os) { io::write_diff_json(os, m, back, diff(m, back)); }) ==
              text([&](auto& os) { io::write_diff_json(os, back, back, diff(back, back)); }));
    }
    CHECK(with_removed > 50); // the edits did remove something in almost every model
}

TEST_CASE("removed elements: bind, apply, fit and profile audits on an edited place equal those on it read back") {
    namespace tpl = samverkan::templates;
    std::filesystem::path const root{SAMVERKAN_SOURCE_DIR};
    std::vector<tpl::collaboration_template> templates;
    for (auto const& entry : std::filesystem::directory_iterator{root / "templates"})
        templates.push_back(io::read_template_file(entry.path()));
    std::sort(templates.begin(), templates.end(), [](auto const& x, auto const& y) { return x.id < y.id; });
    std::vector<tpl::collaboration_template const*> candidates;
    for (auto const& t : templates)
        if (t.kind == tpl::template_kind::model) candidates.push_back(&t);
    REQUIRE(candidates.size() >= 8);

    for (unsigned seed = 1; seed <= 4; ++seed) {
        INFO("seed " << seed);
        model m = io::read_json_file((root / "examples/models/plats_kommun.json").string());
        std::mt19937 rng{seed};
        // remove some actors, duties and forums, but not the ones the options bind
        for (int k = 0; k < 3; ++k) {
            auto const as = live<actor_id>(m);
            auto const a = as[std::uniform_int_distribution<std::size_t>{0, as.size() - 1}(rng)];
            if (m[a].id != "ks" && m[a].id != "samordningsfunktion") m.remove(a);
        }
        remove_some<duty_id>(m, rng, 2);
        remove_some<forum_id>(m, rng, 1);
        remove_some<mandate_id>(m, rng, static_cast<int>(seed % 2));
        REQUIRE(m.has_removed());
        model const back = io::read_json(io::to_json(m));

        tpl::binding_options o;
        o.bindings.push_back({"kommunstyrelse", {"ks"}});
        o.bindings.push_back({"samordnare", {"samordningsfunktion"}});
        CHECK(io::fit_to_json(m, tpl::fit(m, candidates, o)) == io::fit_to_json(back, tpl::fit(back, candidates, o)));
        CHECK(io::fit_to_json(m, tpl::fit(m, candidates, o, tpl::fit_method::full)) ==
              io::fit_to_json(back, tpl::fit(back, candidates, o)));

        capability_index const cap{m}, cap_back{back};
        for (auto const& t : templates) {
            INFO("template " << t.id);
            auto mine = o;
            std::erase_if(mine.bindings, [&](auto const& b) {
                return std::none_of(t.roles.begin(), t.roles.end(), [&](auto const& r) { return r.id == b.role; });
            });
            auto const scope = tpl::application_scope(m, mine);
            auto const b = tpl::bind(m, cap, t, mine, scope);
            auto const b_back = tpl::bind(back, cap_back, t, mine, tpl::application_scope(back, mine));
            REQUIRE(b.roles.size() == b_back.roles.size());
            for (std::size_t i = 0; i < b.roles.size(); ++i) {
                CHECK(texts(m, b.roles[i].actors) == texts(back, b_back.roles[i].actors));
                CHECK(texts(m, b.roles[i].candidates) == texts(back, b_back.roles[i].candidates));
                CHECK(b.roles[i].reason == b_back.roles[i].reason);
            }
            if (t.kind == tpl::template_kind::profile) {
                CHECK(text([&](auto& os) { io::write_report_json(os, m, tpl::audit(m, t, b)); }) ==
                      text([&](auto& os) { io::write_report_json(os, back, tpl::audit(back, t, b_back)); }));
                continue;
            }
            std::string applied, applied_back;
            try {
                applied = io::to_json(tpl::apply(m, cap, t, b, mine, scope, t.id));
            } catch (samverkan::error const& e) {
                applied = e.what();
            }
            try {
                applied_back =
                    io::to_json(tpl::apply(back, cap_back, t, b_back, mine, tpl::application_scope(back, mine), t.id));
            } catch (samverkan::error const& e) {
                applied_back = e.what();
            }
            CHECK(applied == applied_back);
        }
    }
}

} // namespace samverkan_tests_removed_guard_test
