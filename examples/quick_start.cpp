// The README's first program: a kommun, its executive board, a coordinating function and one duty.
#include <samverkan/samverkan.hpp>

#include <iostream>

int main() {
    samverkan::model m;
    auto kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto sf = m.add_actor({.id = "sf", .name = "Samordningsfunktionen"});
    auto leda = m.add_mandate({.id = "leda", .name = "Leda och samordna", .basis = "KL 6 kap. 1 § (unverified)"});
    m.grant(ks, leda, {.scope = kommun});

    // Lag (2023:196) 4 §: the kommun shall produce a lägesbild (situation picture) of crime in its area.
    auto lagesbild = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"}, {.scope = kommun});
    m.require(lagesbild, leda);
    m.assign(sf, lagesbild, samverkan::raci::responsible);

    for (auto const& f : samverkan::audit(m).findings) std::cout << samverkan::describe(m, f) << '\n';
}
