// grant() gives an actor a mandate; a duty in the actor's place must not compile.
// expect: grant\(actor, mandate, reach\) takes an actor_id and a mandate_id
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    auto d = m.add_duty({.id = "d"});
    auto leda = m.add_mandate({.id = "leda"});
    m.grant(d, leda);
}
