// assign() connects an actor to a duty; a mandate in the actor's place must not compile.
// expect: assign\(actor, duty, role\) takes an actor_id and a duty_id
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    auto leda = m.add_mandate({.id = "leda"});
    auto d = m.add_duty({.id = "d"});
    m.assign(leda, d, samverkan::raci::responsible);
}
