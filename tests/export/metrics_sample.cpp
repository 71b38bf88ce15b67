// Writes what check_metrics.py compares with NetworkX and pandas:
//
//     samverkan_metrics_sample graphs COUNT SEED   one JSON object per line for COUNT random models:
//                                                  {"n": .., "edges": [[u, v], ..], "betweenness": [..]}
//                                                  (the collaboration graph of samverkan::collaboration)
//     samverkan_metrics_sample csv|json            the metrics of a sample model whose actor ids need
//                                                  quoting (comma, quote, semicolon, Swedish letters, the
//                                                  empty id), as CSV and as samverkan-metrics/1 JSON
#include <samverkan/analysis/collaboration.hpp>
#include <samverkan/analysis/metrics.hpp>
#include <samverkan/io/detail/described_json.hpp>
#include <samverkan/io/metrics_report.hpp>
#include <samverkan/model.hpp>

#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

samverkan::model random_model(std::mt19937_64& rng) {
    samverkan::model m;
    auto const n = 3 + static_cast<std::uint32_t>(rng() % 40);
    for (std::uint32_t i = 0; i < n; ++i) m.add_actor({.id = "a" + std::to_string(i)});
    auto const forums = static_cast<std::uint32_t>(rng() % (n + 1));
    for (std::uint32_t f = 0; f < forums; ++f) {
        auto const id = m.add_forum({.id = "f" + std::to_string(f)});
        auto const size = 1 + rng() % 4;
        for (std::uint64_t k = 0; k < size; ++k)
            m.add_member(id, samverkan::actor_id{static_cast<std::uint32_t>(rng() % n)});
        if (rng() % 2 == 0) m.set_coordinator(id, samverkan::actor_id{static_cast<std::uint32_t>(rng() % n)});
    }
    return m;
}

samverkan::model sample() {
    samverkan::model m;
    m.set_name("CSV sample");
    std::vector<samverkan::actor_id> a;
    for (std::string_view id : {"ks", "a,b", "quote\"d", "semi;colon", "Socialförvaltningen", "", " space", "x"})
        a.push_back(m.add_actor({.id = std::string{id}}));
    auto const leda = m.add_mandate({.id = "leda"});
    m.grant(a[0], leda);
    m.grant(a[0], leda);
    m.delegate(a[0], a[4], leda);
    auto const d = m.add_duty({.id = "d"});
    m.require(d, leda);
    m.assign(a[4], d, samverkan::raci::responsible);
    m.assign(a[0], d, samverkan::raci::accountable);
    for (std::size_t i = 0; i + 1 < 7; ++i) {
        auto const f = m.add_forum({.id = "f" + std::to_string(i)});
        m.add_member(f, a[i]);
        m.add_member(f, a[i + 1]);
        if (i % 3 == 0) m.set_coordinator(f, a[(i + 3) % 7]);
    }
    return m;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> const args(argv + 1, argv + argc);
    if (args.size() == 3 && args[0] == "graphs") {
        std::mt19937_64 rng{std::stoull(std::string{args[2]})};
        auto const count = std::stoi(std::string{args[1]});
        for (int i = 0; i < count; ++i) {
            auto const m = random_model(rng);
            auto const g = samverkan::collaboration(m, 2);
            std::string line = "{\"n\": " + std::to_string(m.count<samverkan::actor_id>()) + ", \"edges\": [";
            for (std::size_t e = 0; e < g.edges.size(); ++e)
                line += (e ? ", [" : "[") + std::to_string(g.edges[e].first.index()) + ", " +
                        std::to_string(g.edges[e].second.index()) + "]";
            line += "], \"components\": " + std::to_string(g.components) + ", \"betweenness\": [";
            for (std::size_t v = 0; v < g.betweenness.size(); ++v)
                line += (v ? ", " : "") + samverkan::io::detail::format_double(g.betweenness[v]);
            std::cout << line << "]}\n";
        }
        return 0;
    }
    if (args.size() == 1 && (args[0] == "csv" || args[0] == "json")) {
        auto const r = samverkan::metrics(sample());
        if (args[0] == "csv") samverkan::io::write_metrics_csv(std::cout, r);
        else samverkan::io::write_metrics_json(std::cout, r);
        return 0;
    }
    std::cerr << "usage: samverkan_metrics_sample graphs COUNT SEED | csv | json\n";
    return 2;
}
