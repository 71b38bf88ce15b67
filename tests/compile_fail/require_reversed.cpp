// require(duty, mandate) with its arguments swapped must not compile.
// expect: require\(duty, mandate\) takes a duty_id and a mandate_id
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    auto leda = m.add_mandate({.id = "leda"});
    auto d = m.add_duty({.id = "d"});
    m.require(leda, d);
}
