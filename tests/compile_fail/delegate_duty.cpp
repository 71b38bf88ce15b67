// delegate() passes on a mandate; passing a duty instead must not compile.
// expect: delegate\(from, to, mandate, reach\) takes two actor_ids and a mandate_id
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    auto ks = m.add_actor({.id = "ks"});
    auto sf = m.add_actor({.id = "sf"});
    auto d = m.add_duty({.id = "d"});
    m.delegate(ks, sf, d);
}
