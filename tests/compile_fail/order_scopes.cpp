// order() orders stages; scopes nest with nest() instead.
// expect: order\(later, earlier\) takes two stage_ids
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    auto a = m.add_scope({.id = "a"});
    auto b = m.add_scope({.id = "b"});
    m.order(a, b);
}
