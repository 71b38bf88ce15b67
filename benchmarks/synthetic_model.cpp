// samverkan_synthetic: writes a synthetic national model (samverkan/synthetic/generator.hpp) to stdout.
//
//   samverkan_synthetic [--municipalities N] [--seed S] [--defect-rate R] [--name TEXT] [--stats]
//
// --stats prints, on stderr, the counts of elements and relations and the exact number of findings of
// each rule that an audit of the model must report, as one JSON object.
#include <samverkan/synthetic/generator.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>

namespace {
namespace syn = samverkan::synthetic;

void print_stats(std::ostream& os, syn::generator_stats const& s) {
    os << "{\"bytes\": " << s.bytes << ", \"municipalities\": " << s.municipalities << ", \"plans\": " << s.plans
       << ", \"elements\": " << s.element_count() << ", \"relations\": " << s.relation_count()
       << ", \"duties\": " << s.count(samverkan::element_kind::duty) << ", \"expected_findings\": {";
    bool first = true;
    for (auto r : samverkan::all_rules()) {
        os << (first ? "" : ", ") << '"' << samverkan::to_string(r) << "\": " << s.expected(r);
        first = false;
    }
    os << "}}\n";
}
} // namespace

int main(int argc, char** argv) {
    syn::generator_options opts;
    bool stats = false;
    try {
        for (int i = 1; i < argc; ++i) {
            std::string_view const a = argv[i];
            auto next = [&]() -> std::string {
                if (i + 1 >= argc) throw std::invalid_argument{std::string{a} + " needs a value"};
                return argv[++i];
            };
            if (a == "--municipalities") opts.municipalities = std::stoul(next());
            else if (a == "--seed") opts.seed = std::stoull(next());
            else if (a == "--defect-rate") opts.defect_rate = std::stod(next());
            else if (a == "--name") opts.name = next();
            else if (a == "--stats") stats = true;
            else if (a == "--help") {
                std::cout
                    << "usage: samverkan_synthetic [--municipalities N] [--seed S] [--defect-rate R] [--name TEXT] "
                       "[--stats]\n";
                return 0;
            } else throw std::invalid_argument{"unknown option " + std::string{a}};
        }
    } catch (std::exception const& e) {
        std::cerr << "samverkan_synthetic: " << e.what() << '\n';
        return 2;
    }
    try {
        std::ios::sync_with_stdio(false);
        auto const s = syn::generate(std::cout, opts);
        if (stats) print_stats(std::cerr, s);
    } catch (std::exception const& e) {
        std::cerr << "samverkan_synthetic: " << e.what() << '\n';
        return 2;
    }
    return 0;
}
