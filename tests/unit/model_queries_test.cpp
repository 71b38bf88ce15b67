// Queries over a model: relations of an element, scope cover, stage order and the Boost.Graph views.
#include "catch.hpp"

#include <samverkan/model.hpp>
#include <samverkan/model/graph_view.hpp>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

namespace samverkan_tests_model_queries_test { // one per file: the tests are built as a unity build

namespace sv = samverkan;

namespace {

template <class Range>
auto to_vector(Range const& r) {
    return std::vector<std::remove_cvref_t<decltype(*r.begin())>>(r.begin(), r.end());
}

/// A small model with a bit of everything: three stages (a diamond), four scopes, a forum.
struct sample {
    sv::model m;
    sv::stage_id lagesbild = m.add_stage({.id = "lagesbild"});
    sv::stage_id plan = m.add_stage({.id = "atgardsplan"});
    sv::stage_id genomforande = m.add_stage({.id = "genomforande"});
    sv::stage_id uppfoljning = m.add_stage({.id = "uppfoljning"});
    sv::scope_id kommun = m.add_scope({.id = "kommun"});
    sv::scope_id centrum = m.add_scope({.id = "centrum"});
    sv::scope_id torget = m.add_scope({.id = "torget"});
    sv::scope_id norr = m.add_scope({.id = "norr"});
    sv::scope_id grannkommun = m.add_scope({.id = "grannkommun"});
    sv::actor_id ks = m.add_actor({.id = "ks"});
    sv::actor_id sf = m.add_actor({.id = "sf"});
    sv::actor_id lpo = m.add_actor({.id = "lpo"});
    sv::mandate_id leda = m.add_mandate({.id = "leda"});
    sv::mandate_id besluta = m.add_mandate({.id = "besluta"});
    sv::duty_id d_lagesbild = m.add_duty({.id = "lagesbild"}, {.stage = lagesbild, .scope = kommun});
    sv::duty_id d_plan = m.add_duty({.id = "plan"}, {.stage = plan, .scope = kommun});
    sv::forum_id rad = m.add_forum({.id = "rad"});

    sample() {
        m.order(plan, lagesbild);
        m.order(genomforande, lagesbild);
        m.order(uppfoljning, plan);
        m.order(uppfoljning, genomforande);
        m.nest(centrum, kommun);
        m.nest(torget, centrum);
        m.nest(norr, kommun);
    }
};

} // namespace

// ---- relations of an element ---------------------------------------------------------------------------

TEST_CASE("model queries: holdings and delegations of an element, in insertion order") {
    sample s;
    auto& m = s.m;
    auto h0 = m.grant(s.ks, s.leda);
    auto h1 = m.grant(s.lpo, s.leda);
    auto h2 = m.grant(s.ks, s.besluta);
    auto h3 = m.grant(s.ks, s.leda, {.scope = s.centrum});
    CHECK(to_vector(m.holdings_of(s.ks)) == std::vector{h0, h2, h3});
    CHECK(to_vector(m.holdings_of(s.lpo)) == std::vector{h1});
    CHECK(m.holdings_of(s.sf).empty());
    CHECK(to_vector(m.holdings_of(s.leda)) == std::vector{h0, h1, h3});
    CHECK(to_vector(m.holdings_of(s.besluta)) == std::vector{h2});
    CHECK(to_vector(m.holdings()) == std::vector{h0, h1, h2, h3});

    auto d0 = m.delegate(s.ks, s.sf, s.leda);
    auto d1 = m.delegate(s.lpo, s.sf, s.leda);
    auto d2 = m.delegate(s.ks, s.lpo, s.besluta);
    CHECK(to_vector(m.delegations_from(s.ks)) == std::vector{d0, d2});
    CHECK(to_vector(m.delegations_to(s.sf)) == std::vector{d0, d1});
    CHECK(to_vector(m.delegations_to(s.lpo)) == std::vector{d2});
    CHECK(m.delegations_from(s.sf).empty());
    CHECK(m.delegations_to(s.ks).empty());
}

TEST_CASE("model queries: RACI entries of a duty and of an actor, in insertion order") {
    sample s;
    auto& m = s.m;
    m.assign(s.sf, s.d_lagesbild, sv::raci::responsible);
    m.assign(s.ks, s.d_lagesbild, sv::raci::accountable);
    m.assign(s.lpo, s.d_lagesbild, sv::raci::consulted);
    m.assign(s.ks, s.d_plan, sv::raci::accountable);
    m.assign(s.ks, s.d_lagesbild, sv::raci::informed);

    using A = sv::assignment;
    CHECK(to_vector(m.raci_of(s.d_lagesbild)) == std::vector<A>{{s.sf, s.d_lagesbild, sv::raci::responsible},
                                                                {s.ks, s.d_lagesbild, sv::raci::accountable},
                                                                {s.lpo, s.d_lagesbild, sv::raci::consulted},
                                                                {s.ks, s.d_lagesbild, sv::raci::informed}});
    CHECK(to_vector(m.raci_of(s.ks)) == std::vector<A>{{s.ks, s.d_lagesbild, sv::raci::accountable},
                                                       {s.ks, s.d_plan, sv::raci::accountable},
                                                       {s.ks, s.d_lagesbild, sv::raci::informed}});
    CHECK(to_vector(m.actors_with(s.d_lagesbild, sv::raci::informed)) == std::vector{s.ks});
    CHECK(m.actors_with(s.d_plan, sv::raci::responsible).empty());
    CHECK(m.raci_of(s.sf).begin() != m.raci_of(s.sf).end());
}

TEST_CASE("model queries: requirements, needs, members and covers from both ends") {
    sample s;
    auto& m = s.m;
    auto d3 = m.add_duty({.id = "d3"});
    m.require(s.d_plan, s.besluta);
    m.require(s.d_plan, s.leda);
    m.require(s.d_lagesbild, s.leda);
    m.need(s.d_plan, s.d_lagesbild);
    m.need(d3, s.d_lagesbild);
    m.add_member(s.rad, s.lpo);
    m.add_member(s.rad, s.ks);
    auto other = m.add_forum({.id = "other"});
    m.add_member(other, s.ks);
    m.cover(s.rad, s.d_plan);
    m.cover(other, s.d_plan);
    m.cover(s.rad, s.d_lagesbild);

    CHECK(to_vector(m.required_mandates(s.d_plan)) == std::vector{s.besluta, s.leda});
    CHECK(to_vector(m.duties_requiring(s.leda)) == std::vector{s.d_plan, s.d_lagesbild});
    CHECK(to_vector(m.needs(s.d_plan)) == std::vector{s.d_lagesbild});
    CHECK(to_vector(m.needed_by(s.d_lagesbild)) == std::vector{s.d_plan, d3});
    CHECK(m.needs(s.d_lagesbild).empty());
    CHECK(to_vector(m.members(s.rad)) == std::vector{s.lpo, s.ks});
    CHECK(to_vector(m.forums_of(s.ks)) == std::vector{s.rad, other});
    CHECK(m.forums_of(s.sf).empty());
    CHECK(to_vector(m.covered(s.rad)) == std::vector{s.d_plan, s.d_lagesbild});
    CHECK(to_vector(m.forums_covering(s.d_plan)) == std::vector{s.rad, other});
    CHECK(m.forums_covering(d3).empty());
}

TEST_CASE("model queries: the scope forest's parent and children") {
    sample s;
    auto& m = s.m;
    CHECK(m.parent(s.torget) == s.centrum);
    CHECK(m.parent(s.centrum) == s.kommun);
    CHECK_FALSE(m.parent(s.kommun));
    CHECK_FALSE(m.parent(s.grannkommun));
    auto const kids = to_vector(m.children(s.kommun));
    CHECK(std::set(kids.begin(), kids.end()) == std::set{s.centrum, s.norr});
    CHECK(m.children(s.torget).empty());
    CHECK(m.relation_count(sv::relation_kind::within) == 3);
}

TEST_CASE("model queries: a range's iterators outlive the range object") {
    sample s;
    auto& m = s.m;
    m.add_member(s.rad, s.ks);
    m.add_member(s.rad, s.sf);
    auto it = m.members(s.rad).begin(); // the temporary range is gone after this line
    CHECK(*it == s.ks);
    ++it;
    CHECK(*it == s.sf);
    ++it;
    CHECK(it == m.members(s.rad).end());
}

// ---- scope_tree ----------------------------------------------------------------------------------------

TEST_CASE("scope_tree: a scope covers itself and what it encloses, transitively, never the reverse") {
    sample s;
    sv::scope_tree const tree{s.m};
    CHECK(tree.covers(s.kommun, s.kommun));
    CHECK(tree.covers(s.kommun, s.centrum));
    CHECK(tree.covers(s.kommun, s.torget)); // transitively
    CHECK(tree.covers(s.centrum, s.torget));
    CHECK_FALSE(tree.covers(s.torget, s.centrum));
    CHECK_FALSE(tree.covers(s.centrum, s.kommun));
    CHECK_FALSE(tree.covers(s.centrum, s.norr));       // siblings
    CHECK_FALSE(tree.covers(s.kommun, s.grannkommun)); // separate trees
    CHECK(tree.encloses_or_is(s.kommun, s.torget));
    CHECK(tree.depth(s.kommun) == 0);
    CHECK(tree.depth(s.centrum) == 1);
    CHECK(tree.depth(s.torget) == 2);
    CHECK(tree.depth(s.grannkommun) == 0);
}

TEST_CASE("scope_tree: everywhere (nullopt) covers every scope and is covered only by everywhere") {
    sample s;
    sv::scope_tree const tree{s.m};
    std::optional<sv::scope_id> const everywhere;
    CHECK(tree.covers(everywhere, everywhere));
    CHECK(tree.covers(everywhere, s.kommun));
    CHECK(tree.covers(everywhere, s.torget));
    // a duty without scope is covered only by a holding whose scope is everywhere (model-format.md)
    CHECK_FALSE(tree.covers(s.kommun, everywhere));
    CHECK_FALSE(tree.covers(s.torget, everywhere));
}

TEST_CASE("scope_tree: two scopes overlap when either covers the other") {
    sample s;
    sv::scope_tree const tree{s.m};
    std::optional<sv::scope_id> const everywhere;
    CHECK(tree.overlaps(s.kommun, s.torget));
    CHECK(tree.overlaps(s.torget, s.kommun));
    CHECK(tree.overlaps(s.centrum, s.centrum));
    CHECK_FALSE(tree.overlaps(s.centrum, s.norr));
    CHECK_FALSE(tree.overlaps(s.torget, s.norr));
    CHECK_FALSE(tree.overlaps(s.kommun, s.grannkommun));
    CHECK(tree.overlaps(everywhere, s.grannkommun));
    CHECK(tree.overlaps(s.torget, everywhere));
    CHECK(tree.overlaps(everywhere, everywhere));
}

TEST_CASE("scope_tree: a deep chain and a wide forest") {
    sv::model m;
    std::vector<sv::scope_id> chain;
    chain.reserve(200);
    for (int i = 0; i < 200; ++i) {
        chain.push_back(m.add_scope({.id = "level-" + std::to_string(i)}));
        if (i > 0) m.nest(chain.back(), chain[chain.size() - 2]);
    }
    std::vector<sv::scope_id> roots;
    roots.reserve(50);
    for (int i = 0; i < 50; ++i) roots.push_back(m.add_scope({.id = "root-" + std::to_string(i)}));
    sv::scope_tree const tree{m};
    CHECK(tree.covers(chain.front(), chain.back()));
    CHECK_FALSE(tree.covers(chain.back(), chain.front()));
    CHECK(tree.covers(chain[50], chain[120]));
    CHECK_FALSE(tree.covers(chain[120], chain[50]));
    CHECK(tree.depth(chain.back()) == 199);
    CHECK_FALSE(tree.overlaps(roots[3], roots[4]));
    CHECK_FALSE(tree.overlaps(roots[0], chain[10]));
}

// ---- stage_order ----------------------------------------------------------------------------------------

TEST_CASE("stage_order: later_than follows after links transitively and is irreflexive") {
    sample s;
    sv::stage_order const order{s.m};
    CHECK(order.later_than(s.plan, s.lagesbild));
    CHECK(order.later_than(s.uppfoljning, s.plan));
    CHECK(order.later_than(s.uppfoljning, s.lagesbild)); // transitively, through either branch
    CHECK_FALSE(order.later_than(s.lagesbild, s.plan));
    CHECK_FALSE(order.later_than(s.lagesbild, s.uppfoljning));
    CHECK_FALSE(order.later_than(s.plan, s.plan));
}

TEST_CASE("stage_order: stages neither of which is later than the other are parallel") {
    sample s;
    sv::stage_order const order{s.m};
    CHECK(order.parallel(s.plan, s.genomforande));
    CHECK(order.parallel(s.genomforande, s.plan));
    CHECK(order.parallel(s.plan, s.plan));
    CHECK_FALSE(order.parallel(s.lagesbild, s.uppfoljning));
    CHECK_FALSE(order.parallel(s.uppfoljning, s.genomforande));
}

TEST_CASE("stage_order: more than 64 stages (several words per row), added in any order") {
    sv::model m;
    std::vector<sv::stage_id> st;
    st.reserve(150);
    for (int i = 0; i < 150; ++i) st.push_back(m.add_stage({.id = "s" + std::to_string(i)}));
    // a chain ordered from the back, so that the preparation meets later stages before earlier ones
    for (std::size_t i = st.size() - 1; i > 0; --i) m.order(st[i], st[i - 1]);
    auto extra = m.add_stage({.id = "parallel"});
    m.order(extra, st[70]);
    sv::stage_order const order{m};
    CHECK(order.later_than(st[149], st[0]));
    CHECK(order.later_than(st[130], st[65]));
    CHECK(order.later_than(st[64], st[63]));
    CHECK_FALSE(order.later_than(st[0], st[149]));
    CHECK(order.later_than(extra, st[0]));
    CHECK(order.later_than(extra, st[70]));
    CHECK(order.parallel(extra, st[71]));
    CHECK(order.parallel(extra, st[149]));
}

// ---- the Boost.Graph views ------------------------------------------------------------------------------

TEST_CASE("relation_graph: one vertex per element and one edge per relation, with kinds") {
    sample s;
    auto& m = s.m;
    m.grant(s.ks, s.leda, {.scope = s.kommun});
    m.delegate(s.ks, s.sf, s.leda);
    m.assign(s.sf, s.d_lagesbild, sv::raci::responsible);
    m.require(s.d_lagesbild, s.leda);
    m.need(s.d_plan, s.d_lagesbild);
    m.add_member(s.rad, s.lpo);
    m.set_coordinator(s.rad, s.sf);
    m.cover(s.rad, s.d_plan);

    auto const g = sv::relation_graph(m);
    std::size_t const elements = m.count<sv::stage_id>() + m.count<sv::scope_id>() + m.count<sv::actor_id>() +
                                 m.count<sv::mandate_id>() + m.count<sv::duty_id>() + m.count<sv::forum_id>();
    CHECK(boost::num_vertices(g) == elements);
    CHECK(boost::num_edges(g) == m.relation_count());
    CHECK(m.relation_count() == 4 + 3 + 8); // after, within, and one of each other kind

    auto const at = sv::numbering(m);
    CHECK(g[at(s.ks)].kind == sv::element_kind::actor);
    CHECK(g[at(s.ks)].index == s.ks.index());
    CHECK(g[at(s.rad)].kind == sv::element_kind::forum);
    CHECK(g[at(s.torget)].kind == sv::element_kind::scope);
    CHECK(g[at(s.torget)].index == s.torget.index());

    std::map<sv::relation_kind, int> kinds;
    for (auto [e, end] = boost::edges(g); e != end; ++e) ++kinds[g[*e].kind];
    CHECK(kinds[sv::relation_kind::after] == 4);
    CHECK(kinds[sv::relation_kind::within] == 3);
    CHECK(kinds[sv::relation_kind::holds] == 1);
    CHECK(kinds[sv::relation_kind::delegates] == 1);
    CHECK(kinds[sv::relation_kind::coordinated_by] == 1);
    CHECK(kinds[sv::relation_kind::covers] == 1);

    // edges point from source to target as relations.hpp declares
    bool found_delegation = false;
    for (auto [e, end] = boost::out_edges(at(s.ks), g); e != end; ++e)
        if (g[*e].kind == sv::relation_kind::delegates) {
            found_delegation = true;
            CHECK(boost::target(*e, g) == at(s.sf));
        }
    CHECK(found_delegation);
    CHECK(boost::in_degree(at(s.d_lagesbild), g) == 2); // assigned (from sf) and needs (from plan)
}

TEST_CASE("relation_graph: Boost.Graph algorithms run on it") {
    sv::model m;
    auto ks = m.add_actor({.id = "ks"});
    auto sf = m.add_actor({.id = "sf"});
    auto lpo = m.add_actor({.id = "lpo"});
    auto leda = m.add_mandate({.id = "leda"});
    m.delegate(ks, sf, leda);
    m.delegate(sf, ks, leda); // a delegation loop
    m.delegate(sf, lpo, leda);
    auto const g = sv::relation_graph(m);
    auto const at = sv::numbering(m);

    std::vector<std::size_t> component(boost::num_vertices(g));
    auto const n = boost::strong_components(
        g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
    CHECK(n == 3); // {ks, sf}, {lpo}, {leda}
    CHECK(component[at(ks)] == component[at(sf)]);
    CHECK(component[at(ks)] != component[at(lpo)]);

    std::vector<boost::default_color_type> colors(boost::num_vertices(g), boost::white_color);
    std::vector<std::size_t> reached;
    struct recorder : boost::default_bfs_visitor {
        std::vector<std::size_t>* out;
        void discover_vertex(std::size_t v, sv::relation_graph_type const&) const { out->push_back(v); }
    };
    recorder vis;
    vis.out = &reached;
    boost::breadth_first_search(g, at(lpo), boost::visitor(vis).color_map(colors.data()));
    CHECK(reached == std::vector<std::size_t>{at(lpo)}); // nothing leaves lpo
}

TEST_CASE("stage_graph and scope_graph: Boost.Graph algorithms run on the stage order and the scope forest") {
    sample s;
    auto const stages = sv::stage_graph(s.m);
    CHECK(boost::num_vertices(stages) == s.m.count<sv::stage_id>());
    CHECK(boost::num_edges(stages) == 4);
    std::vector<std::size_t> order;
    boost::topological_sort(stages, std::back_inserter(order));
    // edges run later -> earlier, so the reverse topological order lists earlier stages first
    auto pos = [&](sv::stage_id st) { return std::find(order.begin(), order.end(), st.index()) - order.begin(); };
    CHECK(pos(s.lagesbild) < pos(s.plan));
    CHECK(pos(s.plan) < pos(s.uppfoljning));
    CHECK(pos(s.genomforande) < pos(s.uppfoljning));

    auto const scopes = sv::scope_graph(s.m);
    CHECK(boost::num_vertices(scopes) == s.m.count<sv::scope_id>());
    CHECK(boost::num_edges(scopes) == 3);
    std::vector<std::size_t> ancestors;
    struct recorder : boost::default_bfs_visitor {
        std::vector<std::size_t>* out;
        void discover_vertex(std::size_t v, sv::structure_graph const&) const { out->push_back(v); }
    };
    recorder vis;
    vis.out = &ancestors;
    boost::breadth_first_search(scopes, s.torget.index(), boost::visitor(vis));
    CHECK(ancestors == std::vector<std::size_t>{s.torget.index(), s.centrum.index(), s.kommun.index()});
}

} // namespace samverkan_tests_model_queries_test
