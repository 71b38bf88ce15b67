#include <samverkan/model.hpp>
#include <iostream>
int main() {
    samverkan::model m;
    auto kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    auto centrum = m.add_scope({.id = "centrum"});
    m.nest(centrum, kommun);
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    auto leda = m.add_mandate({.id = "leda", .name = "Leda och samordna", .basis = "KL 6 kap. 1 §"});
    auto s1 = m.add_stage({.id="s1"}); auto s2 = m.add_stage({.id="s2"});
    m.order(s2, s1);
    try { m.order(s1, s2); } catch (samverkan::error const& e) { std::cout << e.what() << "\n"; }
    m.grant(ks, leda, {.scope = kommun, .stages = {s1, s1}});
    auto lb = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"}, {.scope = kommun});
    m.require(lb, leda);
    m.assign(sf, lb, samverkan::raci::responsible);
    for (auto a : m.raci_of(lb)) std::cout << m[a.actor].name << " " << samverkan::letter(a.role) << "\n";
    samverkan::scope_tree t{m}; samverkan::stage_order o{m};
    std::cout << t.covers(kommun, centrum) << t.covers(centrum, kommun) << o.later_than(s2, s1) << o.later_than(s1,s2) << "\n";
    auto g = samverkan::relation_graph(m);
    std::cout << boost::num_vertices(g) << " " << boost::num_edges(g) << " " << m.find<samverkan::actor_id>("sf")->index() << "\n";
    std::cout << m.holding(samverkan::holding_id{0}).where.stages.size() << "\n";
}
