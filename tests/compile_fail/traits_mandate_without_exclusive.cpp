// basic_model checks its traits: a mandate type without `exclusive` is not a mandate_type.
// expect: t\.exclusive[^a-z]+(is|would be) invalid
#include <samverkan/model.hpp>

#include <string>

struct my_mandate {
    std::string id{};
    std::string name{};
    bool delegable = true;
};
struct my_traits : samverkan::default_traits {
    using mandate_type = my_mandate;
};

int main() {
    samverkan::basic_model<my_traits> m;
    return static_cast<int>(m.count<samverkan::mandate_id>());
}
