// samverkan generate --municipalities N: writes a synthetic national model (for benchmarks and tests).
#ifndef SAMVERKAN_TOOLS_COMMAND_GENERATE_HPP
#define SAMVERKAN_TOOLS_COMMAND_GENERATE_HPP

#include "cli.hpp"

#include <samverkan/synthetic/generator.hpp>

#include <cstdint>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace samverkan::tool {

/// The generator's statistics as one JSON line (benchmarks/compare.py reads it).
inline std::string stats_json(synthetic::generator_stats const& s) {
    std::ostringstream os;
    os << "{\"bytes\": " << s.bytes << ", \"municipalities\": " << s.municipalities << ", \"plans\": " << s.plans
       << ", \"elements\": " << s.element_count() << ", \"relations\": " << s.relation_count()
       << ", \"duties\": " << s.count(element_kind::duty) << ", \"expected_findings\": {";
    bool first = true;
    for (auto r : all_rules()) {
        os << (first ? "" : ", ") << '"' << to_string(r) << "\": " << s.expected(r);
        first = false;
    }
    os << "}}\n";
    return std::move(os).str();
}

inline void add_generate_command(CLI::App& app, std::vector<command>& commands) {
    struct state {
        std::string municipalities, seed, defect_rate, name;
        bool stats = false;
    };
    auto s = std::make_shared<state>();
    CLI::App* sub = add_subcommand(app, "generate",
                                   "Write a synthetic national model to standard output: N municipalities (290: about "
                                   "1e6 duties, 1e7 relations); the same options give the same bytes.");
    sub->add_option("--municipalities", s->municipalities, "how many municipalities, 1 to 99999 (required)");
    sub->add_option("--seed", s->seed, "the random seed (default 1)");
    sub->add_option("--defect-rate", s->defect_rate,
                    "the fraction of plans with each kind of defect, 0 to 1 (default 0.01; 0: no findings)");
    sub->add_option("--name", s->name, "the model's name (default: the generator's)");
    sub->add_flag("--stats", s->stats,
                  "print on stderr, as one JSON object, the counts of elements and relations and how many findings of "
                  "each rule an audit of the model must report");
    sub->footer("exit status: 0 success; 2 usage.");

    auto run = [s, sub] {
        check_extras(*sub);
        synthetic::generator_options options;
        if (s->municipalities.empty())
            throw usage_error{"generate needs --municipalities N (290 for the national model)"};
        options.municipalities = parse_number<std::size_t>(s->municipalities, "--municipalities");
        if (options.municipalities < 1 || options.municipalities > 99999)
            throw usage_error{"--municipalities must be between 1 and 99999"};
        if (!s->seed.empty()) options.seed = parse_number<std::uint64_t>(s->seed, "--seed");
        if (!s->defect_rate.empty()) {
            options.defect_rate = parse_number<double>(s->defect_rate, "--defect-rate");
            if (!(options.defect_rate >= 0 && options.defect_rate <= 1))
                throw usage_error{"--defect-rate must be between 0 and 1"};
        }
        // Streamed straight to stdout (the national model is ~0.4 GB); every usage error is thrown
        // above, before the first byte, so a failure still leaves stdout empty.
        if (!s->name.empty()) options.name = s->name;
        std::ios::sync_with_stdio(false);
        auto const stats = synthetic::generate(std::cout, options);
        outcome result;
        if (s->stats) result.err = stats_json(stats);
        return result;
    };
    commands.push_back({sub, std::move(run)});
}

} // namespace samverkan::tool

#endif // SAMVERKAN_TOOLS_COMMAND_GENERATE_HPP
