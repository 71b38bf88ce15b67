// find<Id>() looks up elements by id string; holdings have no id string.
// expect: (requires +element_id<Id>|does not satisfy 'element_id')
#include <samverkan/model.hpp>

int main() {
    samverkan::model m;
    return m.find<samverkan::holding_id>("h") ? 1 : 0;
}
