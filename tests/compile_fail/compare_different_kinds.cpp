// Ids of different kinds do not compare, even when their indices are equal.
// expect-gcc: no match for .operator==. \(operand types are .samverkan::actor_id.* and .samverkan::duty_id
// expect-clang: invalid operands to binary expression \(.samverkan::actor_id.* and .samverkan::duty_id
#include <samverkan/model.hpp>

int main() {
    samverkan::actor_id a{0};
    samverkan::duty_id d{0};
    return a == d ? 1 : 0;
}
