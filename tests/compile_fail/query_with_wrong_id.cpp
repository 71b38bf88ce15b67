// A query that takes a duty_id does not accept an actor_id.
// expect-gcc: cannot convert .basic_id<samverkan::tags::actor>. to .basic_id<samverkan::tags::duty>.
// expect-clang: no viable conversion from .basic_id<tags::actor>. to .basic_id<tags::duty>.
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    auto ks = m.add_actor({.id = "ks"});
    (void)m.stage_of(ks);
}
