// connect<relation::needs> joins two duties; an actor at the source must not compile.
// expect: connect<R>\(from, to\): the ids must have the kinds R declares
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    auto ks = m.add_actor({.id = "ks"});
    auto d = m.add_duty({.id = "d"});
    m.connect<samverkan::relation::needs>(ks, d);
}
