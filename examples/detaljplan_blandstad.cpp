// Audits the bundled example model detaljplan_blandstad and prints the report as text: one line per finding,
// then a summary. The model is built in examples/models/detaljplan_blandstad.hpp (the same model as a file:
// examples/models/detaljplan_blandstad.json); the comment at the top of that header tells the scenario and
// why each finding holds.
#include "models/detaljplan_blandstad.hpp"

#include <samverkan/samverkan.hpp>

#include <iostream>

int main() {
    auto const m = samverkan::examples::detaljplan_blandstad();
    std::cout << m.name() << "\n\n" << samverkan::describe(m, samverkan::audit(m));
}
