// The samverkan command-line tool (placeholder until io lands).
#include <samverkan/samverkan.hpp>

#include <iostream>

int main() {
    std::cout << "samverkan " << samverkan::version_string << '\n';
    return 0;
}
