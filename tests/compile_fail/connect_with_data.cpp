// Relations that carry data (holds, delegates, assigned) go through grant, delegate and assign.
// expect: connect<R>: this relation carries data. use grant, delegate or assign
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    auto ks = m.add_actor({.id = "ks"});
    auto leda = m.add_mandate({.id = "leda"});
    m.connect<samverkan::relation::holds>(ks, leda);
}
