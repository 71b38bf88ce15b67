// Uses samverkan from a vendored checkout. The two functions at the top are ordinary user code that
// samverkan's own warning flags would reject (-Wconversion, -Wshadow with -Werror): it compiles only when
// those flags stay samverkan's own.
#include <samverkan/samverkan.hpp>

#include <iostream>

namespace {
int to_whole(double x) { return x; }
int shadowing(int n) {
    int total = 0;
    for (int i = 0; i < n; ++i) {
        int n = i; // shadows the parameter
        total += n;
    }
    return total;
}
} // namespace

int main() {
    samverkan::model m;
    auto s1 = m.add_stage({.id = "lagesbild"});
    auto s2 = m.add_stage({.id = "atgardsplan"});
    m.order(s2, s1);
    bool const ok = samverkan::stage_order{m}.later_than(s2, s1) && to_whole(2.5) == 2 && shadowing(3) == 3;
    std::cout << "consumer: " << (ok ? "ok" : "FAILED") << '\n';
    return ok ? 0 : 1;
}
