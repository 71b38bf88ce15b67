// Builds a small model through the installed package; exits non-zero if anything is off.
#include <samverkan/samverkan.hpp>

#include <iostream>
#include <string_view>

int main() {
    samverkan::model m;
    auto kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto leda = m.add_mandate({.id = "leda", .name = "Leda och samordna"});
    m.grant(ks, leda, {.scope = kommun});
    auto d = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"}, {.scope = kommun});
    m.require(d, leda);
    m.assign(ks, d, samverkan::raci::accountable);

    int failures = 0;
    auto check = [&](bool ok, char const* what) {
        if (!ok) {
            std::cerr << "consumer: " << what << '\n';
            ++failures;
        }
    };
    check(m.find<samverkan::actor_id>("ks") == ks, "find");
    check(m.relation_count() == 3, "relation_count");
    check(samverkan::scope_tree{m}.covers(kommun, m.scope_of(d)), "scope_tree");
    check(std::string_view{samverkan::version_string} == CONSUMER_PACKAGE_VERSION,
          "version.hpp and the package version differ");
    if (failures == 0) std::cout << "consumer: samverkan " << samverkan::version_string << " works\n";
    return failures == 0 ? 0 : 1;
}
