// Audits the bundled example model centrum_bid and prints the report as text: one line per finding,
// then a summary. The model is built in examples/models/centrum_bid.hpp (the same model as a file:
// examples/models/centrum_bid.json); the comment at the top of that header tells the scenario and
// why each finding holds.
#include "models/centrum_bid.hpp"

#include <samverkan/samverkan.hpp>

#include <iostream>

int main() {
    auto const m = samverkan::examples::centrum_bid();
    std::cout << m.name() << "\n\n" << samverkan::describe(m, samverkan::audit(m));
}
