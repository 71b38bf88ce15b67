// Audits the bundled example model kommun_lag_2023_196 and prints the report as text: one line per finding,
// then a summary. The model is built in examples/models/kommun_lag_2023_196.hpp (the same model as a file:
// examples/models/kommun_lag_2023_196.json); the comment at the top of that header tells the scenario and
// why each finding holds.
#include "models/kommun_lag_2023_196.hpp"

#include <samverkan/samverkan.hpp>

#include <iostream>

int main() {
    auto const m = samverkan::examples::kommun_lag_2023_196();
    std::cout << m.name() << "\n\n" << samverkan::describe(m, samverkan::audit(m));
}
