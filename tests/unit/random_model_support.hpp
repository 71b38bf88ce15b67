// Random small models for property tests (seeded std::mt19937, deterministic): a spec of plain indices
// (ids "st3", "sc1", "a2", "m0", "d4", "f1"), a generator of specs with stage orders, scope trees, holdings
// with scopes and stages, bare and explicit delegations (to oneself, identical ones, loops), duties with
// optional flags, requirements, needs and RACI roles, and forums; and build(), which can list every kind of
// element and relation in a random order.
#ifndef SAMVERKAN_TESTS_UNIT_RANDOM_MODEL_SUPPORT_HPP
#define SAMVERKAN_TESTS_UNIT_RANDOM_MODEL_SUPPORT_HPP

#include <samverkan/model.hpp>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace samverkan_test::random_models {

using namespace samverkan;

// ---- a random model, as plain data with indices; ids are "st3", "sc1", "a2", ... -------------------------

struct spec {
    struct holding {
        int actor, mandate, scope; // scope -1: everywhere
        std::vector<int> stages;
    };
    struct delegation {
        int from, to, mandate, scope;
        std::vector<int> stages;
    };
    struct duty {
        int stage, scope;
        bool optional;
        std::vector<int> required, needs;
        std::vector<std::pair<int, raci>> roles;
    };
    struct forum {
        std::vector<int> members, covers;
        int coordinator; // -1: none
    };
    int stages = 0, scopes = 0, actors = 0, mandates = 0;
    std::vector<std::pair<int, int>> after; // (later, earlier)
    std::vector<int> parent;                // -1: a root
    std::vector<bool> exclusive, delegable;
    std::vector<holding> holdings;
    std::vector<delegation> delegations;
    std::vector<duty> duties;
    std::vector<forum> forums;
};

struct generator {
    std::mt19937 rng;
    explicit generator(unsigned seed) : rng{seed} {}
    int pick(int n) { return std::uniform_int_distribution<int>{0, n - 1}(rng); }
    bool chance(double p) { return std::bernoulli_distribution{p}(rng); }
    int maybe(int n, double none) { return (n == 0 || chance(none)) ? -1 : pick(n); }
    std::vector<int> subset(int n, int at_most) {
        std::vector<int> out;
        if (n == 0) return out;
        int const k = pick(at_most + 1);
        for (int i = 0; i < k; ++i) out.push_back(pick(n)); // duplicates on purpose: read as sets
        return out;
    }

    spec make() {
        spec s;
        s.stages = pick(4);
        s.scopes = pick(6);
        s.actors = 2 + pick(6);
        s.mandates = 1 + pick(3);
        for (int t = 1; t < s.stages; ++t)
            for (int e = 0; e < t; ++e)
                if (chance(0.5)) s.after.emplace_back(t, e);
        for (int c = 0; c < s.scopes; ++c) s.parent.push_back(c == 0 || chance(0.3) ? -1 : pick(c));
        for (int x = 0; x < s.mandates; ++x) {
            s.exclusive.push_back(chance(0.4));
            s.delegable.push_back(chance(0.85));
        }
        for (int h = pick(7); h > 0; --h)
            s.holdings.push_back({pick(s.actors), pick(s.mandates), maybe(s.scopes, 0.4),
                                  chance(0.5) ? std::vector<int>{} : subset(s.stages, 2)});
        for (int d = pick(11); d > 0; --d) {
            spec::delegation g{pick(s.actors), pick(s.actors), pick(s.mandates), -1, {}};
            if (chance(0.1)) g.to = g.from;
            if (chance(0.4)) {
                g.scope = maybe(s.scopes, 0.3);
                g.stages = subset(s.stages, 2);
            }
            s.delegations.push_back(g);
            if (chance(0.15)) s.delegations.push_back(g); // identical delegations
        }
        int const n_duties = 1 + pick(6);
        for (int d = 0; d < n_duties; ++d) {
            spec::duty u{maybe(s.stages, 0.3), maybe(s.scopes, 0.3), chance(0.2), subset(s.mandates, 2), {}, {}};
            for (int k = pick(3); k > 0; --k) u.needs.push_back(pick(n_duties));
            std::set<std::pair<int, int>> seen;
            for (int k = pick(5); k > 0; --k) {
                auto const role = static_cast<raci>(pick(4));
                auto const a = pick(s.actors);
                if (seen.insert({a, static_cast<int>(role)}).second) u.roles.emplace_back(a, role);
            }
            s.duties.push_back(u);
        }
        for (int f = pick(3); f > 0; --f) {
            spec::forum g{{}, subset(n_duties, 2), maybe(s.actors, 0.3)};
            std::set<int> members;
            for (int a : subset(s.actors, 3)) members.insert(a);
            g.members.assign(members.begin(), members.end());
            s.forums.push_back(g);
        }
        return s;
    }
};

inline std::string sid(char const* prefix, int i) { return prefix + std::to_string(i); }

template <class T>
std::vector<T> shuffled(std::vector<T> v, std::mt19937* rng) {
    if (rng) std::shuffle(v.begin(), v.end(), *rng);
    return v;
}
inline std::vector<int> order(int n, std::mt19937* rng) {
    std::vector<int> v(static_cast<std::size_t>(n));
    std::iota(v.begin(), v.end(), 0);
    return shuffled(v, rng);
}

/// Builds the model of `s`; with `rng`, every kind of element and relation is listed in a random order
/// (keeping the relative order of delegations of one mandate between the same two actors, whose first
/// invalid one names the finding's reason).
inline model build(spec const& s, std::mt19937* rng = nullptr) {
    model m;
    for (int i : order(s.stages, rng)) m.add_stage({.id = sid("st", i), .name = "Stage " + std::to_string(i)});
    for (int i : order(s.scopes, rng)) m.add_scope({.id = sid("sc", i)});
    for (int i : order(s.actors, rng)) m.add_actor({.id = sid("a", i), .name = "Actor " + std::to_string(i)});
    for (int i : order(s.mandates, rng))
        m.add_mandate({.id = sid("m", i),
                       .exclusive = s.exclusive[static_cast<std::size_t>(i)],
                       .delegable = s.delegable[static_cast<std::size_t>(i)]});
    auto const stage = [&](int i) { return *m.find<stage_id>(sid("st", i)); };
    auto const scope = [&](int i) { return i < 0 ? std::optional<scope_id>{} : m.find<scope_id>(sid("sc", i)); };
    auto const actor = [&](int i) { return *m.find<actor_id>(sid("a", i)); };
    auto const mandate = [&](int i) { return *m.find<mandate_id>(sid("m", i)); };
    auto const stages = [&](std::vector<int> const& v) {
        std::vector<stage_id> out;
        for (int i : shuffled(v, rng)) out.push_back(stage(i));
        return out;
    };
    for (auto [later, earlier] : shuffled(s.after, rng)) m.order(stage(later), stage(earlier));
    for (int c : order(s.scopes, rng))
        if (s.parent[static_cast<std::size_t>(c)] >= 0)
            m.nest(*scope(c), *scope(s.parent[static_cast<std::size_t>(c)]));
    for (auto const& h : shuffled(s.holdings, rng))
        m.grant(actor(h.actor), mandate(h.mandate), {.scope = scope(h.scope), .stages = stages(h.stages)});

    // delegations: a random order of positions, each (mandate, from, to) group keeping its own order
    auto positions = order(static_cast<int>(s.delegations.size()), rng);
    std::map<std::tuple<int, int, int>, std::vector<int>> groups;
    for (int i = 0; i < static_cast<int>(s.delegations.size()); ++i) {
        auto const& g = s.delegations[static_cast<std::size_t>(i)];
        groups[{g.mandate, g.from, g.to}].push_back(i);
    }
    std::vector<int> listing(s.delegations.size());
    for (auto const& [key, members] : groups) {
        std::vector<int> at;
        for (int i : members) at.push_back(positions[static_cast<std::size_t>(i)]);
        std::sort(at.begin(), at.end());
        for (std::size_t k = 0; k < members.size(); ++k) listing[static_cast<std::size_t>(at[k])] = members[k];
    }
    for (int i : listing) {
        auto const& g = s.delegations[static_cast<std::size_t>(i)];
        m.delegate(actor(g.from), actor(g.to), mandate(g.mandate),
                   {.scope = scope(g.scope), .stages = stages(g.stages)});
    }

    for (int i : order(static_cast<int>(s.duties.size()), rng)) {
        auto const& u = s.duties[static_cast<std::size_t>(i)];
        m.add_duty({.id = sid("d", i), .optional = u.optional},
                   {.stage = u.stage < 0 ? std::optional<stage_id>{} : stage(u.stage), .scope = scope(u.scope)});
    }
    auto const duty = [&](int i) { return *m.find<duty_id>(sid("d", i)); };
    std::vector<std::function<void()>> links;
    for (int i = 0; i < static_cast<int>(s.duties.size()); ++i) {
        auto const& u = s.duties[static_cast<std::size_t>(i)];
        for (int x : u.required) links.emplace_back([&m, &duty, &mandate, i, x] { m.require(duty(i), mandate(x)); });
        for (int e : u.needs) links.emplace_back([&m, &duty, i, e] { m.need(duty(i), duty(e)); });
        for (auto const& entry : u.roles) {
            int const a = entry.first;
            raci const role = entry.second;
            links.emplace_back([&m, &duty, &actor, i, a, role] { m.assign(actor(a), duty(i), role); });
        }
    }
    for (auto const& link : shuffled(links, rng)) link();
    for (int i : order(static_cast<int>(s.forums.size()), rng)) {
        auto const& g = s.forums[static_cast<std::size_t>(i)];
        auto const f = m.add_forum({.id = sid("f", i)});
        for (int a : shuffled(g.members, rng)) m.add_member(f, actor(a));
        if (g.coordinator >= 0) m.set_coordinator(f, actor(g.coordinator));
        for (int d : shuffled(g.covers, rng)) m.cover(f, duty(d));
    }
    return m;
}

} // namespace samverkan_test::random_models

#endif // SAMVERKAN_TESTS_UNIT_RANDOM_MODEL_SUPPORT_HPP
