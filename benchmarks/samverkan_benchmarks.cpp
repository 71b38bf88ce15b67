// samverkan_benchmarks: how loading, building and auditing grow with the size of the model.
//
//   samverkan_benchmarks [--sizes=1,10,30,100,290] [--seed=1] [--defect-rate=0.01] [--cache=DIR]
//                        [Google Benchmark flags, e.g. --benchmark_filter=audit --benchmark_repetitions=3]
//
// For each size (number of municipalities) the synthetic national model (samverkan/synthetic/generator.hpp)
// is generated once and cached as DIR/synthetic-<N>-s<seed>-r<rate>-v<generator version>.json (DIR is set
// by CMake to build-dir/benchmarks/models), then these run on it:
//
//   build_api/N          every element and relation added through the public API (from prepared vectors)
//   load_json/N          file text -> validated model (io::read_json); bytes/s is the parser's throughput
//   capability_index/N   the shared derived data of the mandate rules (delegations, who holds what where)
//   rules_<family>/N     one rule family, given a prepared capability index where it needs one
//   audit/N              the whole catalogue, as samverkan::audit runs it (capability index and sorting included)
//   fit/N                fit (templates.md 5) of every bundled template of kind model, scoped to the first
//                        municipality (k001), as samverkan fit runs it: the place's audit, binding, and the
//                        incremental audit of each application (templates/fit.hpp)
//                        (SAMVERKAN_BENCH_TEMPLATES=DIR reads the templates from DIR instead)
//   fit_full/N           the same by the definition: a full audit of a copy of the place per template
//   one_pass_limit/N     reading every relation of the loaded model once (the sum over all relation lists):
//                        no audit can be faster, so audit / one_pass_limit is the audit's overhead factor
//   what_if/N            what_if of one actor (k001.bn, the byggnadsnämnd of the first municipality), as the
//                        `what-if` command runs it (one audit and a region model)
//   robustness/N         resilience of every duty (k = 3) and criticality of every actor: the `resilience`
//                        command after loading
//   naive_what_if/N      what_if by its definition: withdraw (a full copy) and two full audits
//   naive_criticality/N  (N <= 3) criticality by definition: naive_what_if and two standing checks per actor
//   naive_resilience_k1/N, _k2/N  (N <= 3) resilience by withdrawing every subset of actors of size 1, 2
//
// Counters: `elements` and `relations` of the model, and `per_relation`, the CPU time per relation (shown
// with an SI prefix: 45n is 45 ns), which stays flat when a step is linear.
#include <samverkan/analysis.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/template_json.hpp>
#include <samverkan/model.hpp>
#include <samverkan/synthetic/generator.hpp>
#include <samverkan/templates/fit.hpp>

#include <CLI/CLI.hpp>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#ifndef SAMVERKAN_BENCH_TEMPLATES_DIR
#define SAMVERKAN_BENCH_TEMPLATES_DIR "templates"
#endif
#ifndef SAMVERKAN_BENCH_CACHE_DIR
#define SAMVERKAN_BENCH_CACHE_DIR "benchmark-models"
#endif

namespace {

namespace syn = samverkan::synthetic;
namespace fs = std::filesystem;

struct settings {
    std::vector<std::size_t> sizes{1, 10, 30, 100, 290};
    std::uint64_t seed = 1;
    double defect_rate = 0.01;
    fs::path cache = SAMVERKAN_BENCH_CACHE_DIR;
};
settings config;

// ---- the models, generated once per size and kept while that size's benchmarks run ---------------------

/// Everything the API needs to rebuild a model, read out of a loaded one (so build_api times only the API).
struct api_script {
    std::vector<samverkan::stage> stages;
    std::vector<samverkan::scope> scopes;
    std::vector<samverkan::actor> actors;
    std::vector<samverkan::mandate> mandates;
    std::vector<samverkan::duty> duties;
    std::vector<samverkan::forum> forums;
    std::vector<samverkan::placement> duty_places;
    std::vector<samverkan::forum_placement> forum_places;
    std::vector<std::pair<samverkan::stage_id, samverkan::stage_id>> after;
    std::vector<std::pair<samverkan::scope_id, samverkan::scope_id>> within;
    struct holding {
        samverkan::actor_id actor;
        samverkan::mandate_id mandate;
        samverkan::reach where;
    };
    struct delegation {
        samverkan::actor_id from, to;
        samverkan::mandate_id mandate;
        samverkan::reach where;
    };
    std::vector<holding> holdings;
    std::vector<delegation> delegations;
    std::vector<samverkan::assignment> raci;
    std::vector<std::pair<samverkan::duty_id, samverkan::mandate_id>> requires_;
    std::vector<std::pair<samverkan::duty_id, samverkan::duty_id>> needs;
    std::vector<std::pair<samverkan::forum_id, samverkan::actor_id>> members, coordinators;
    std::vector<std::pair<samverkan::forum_id, samverkan::duty_id>> covers;
};

struct loaded {
    std::size_t municipalities = 0;
    std::string text;
    std::optional<samverkan::model> model;
    std::optional<samverkan::capability_index> capability;
    std::unique_ptr<api_script> script;
    double elements = 0;
    double relations = 0;
};
loaded current;

fs::path model_path(std::size_t n) {
    std::array<char, 32> buffer{};
    auto const [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), config.defect_rate);
    std::string const rate{buffer.data(), ec == std::errc{} ? end : buffer.data()}; // shortest form: 0.01
    return config.cache / ("synthetic-" + std::to_string(n) + "-s" + std::to_string(config.seed) + "-r" + rate + "-v" +
                           std::to_string(syn::generator_version) + ".json");
}

/// The cached model file for `n` municipalities, generated first if it is not there yet.
fs::path ensure_model(std::size_t n) {
    fs::path const path = model_path(n);
    if (fs::exists(path)) return path;
    fs::create_directories(config.cache);
    fs::path const partial = path.string() + ".partial";
    {
        std::ofstream out{partial, std::ios::binary};
        syn::generate(out, {.municipalities = n, .seed = config.seed, .defect_rate = config.defect_rate});
    }
    fs::rename(partial, path);
    return path;
}

loaded& model_for(std::size_t n) {
    if (current.municipalities == n) return current;
    current = loaded{}; // free the previous size first: the national model needs a few GB
    current.municipalities = n;
    current.text = samverkan::io::read_file(ensure_model(n));
    current.model.emplace(samverkan::io::read_json(current.text));
    auto const& m = *current.model;
    current.elements = static_cast<double>(m.count<samverkan::stage_id>() + m.count<samverkan::scope_id>() +
                                           m.count<samverkan::actor_id>() + m.count<samverkan::mandate_id>() +
                                           m.count<samverkan::duty_id>() + m.count<samverkan::forum_id>());
    current.relations = static_cast<double>(m.relation_count());
    return current;
}

samverkan::capability_index const& capability_for(loaded& l) {
    if (!l.capability) l.capability.emplace(*l.model);
    return *l.capability;
}

api_script const& script_for(loaded& l) {
    if (l.script) return *l.script;
    auto const& m = *l.model;
    auto s = std::make_unique<api_script>();
    for (auto id : m.stages()) s->stages.push_back(m[id]);
    for (auto id : m.scopes()) s->scopes.push_back(m[id]);
    for (auto id : m.actors()) s->actors.push_back(m[id]);
    for (auto id : m.mandates()) s->mandates.push_back(m[id]);
    for (auto id : m.duties()) {
        s->duties.push_back(m[id]);
        s->duty_places.push_back({.stage = m.stage_of(id), .scope = m.scope_of(id)});
        for (auto x : m.required_mandates(id)) s->requires_.emplace_back(id, x);
        for (auto x : m.needs(id)) s->needs.emplace_back(id, x);
        for (auto a : m.raci_of(id)) s->raci.push_back(a);
    }
    for (auto id : m.forums()) {
        s->forums.push_back(m[id]);
        s->forum_places.push_back({.scope = m.scope_of(id)});
        for (auto a : m.members(id)) s->members.emplace_back(id, a);
        if (auto c = m.coordinator(id)) s->coordinators.emplace_back(id, *c);
        for (auto d : m.covered(id)) s->covers.emplace_back(id, d);
    }
    for (auto id : m.stages())
        for (auto e : m.earlier_stages(id)) s->after.emplace_back(id, e);
    for (auto id : m.scopes())
        if (auto p = m.parent(id)) s->within.emplace_back(id, *p);
    auto reach_of = [](samverkan::reach_view r) {
        return samverkan::reach{.scope = r.scope, .stages = {r.stages.begin(), r.stages.end()}};
    };
    for (auto h : m.holdings()) {
        auto const v = m.holding(h);
        s->holdings.push_back({v.actor, v.mandate, reach_of(v.where)});
    }
    for (auto d : m.delegations()) {
        auto const v = m.delegation(d);
        s->delegations.push_back({v.from, v.to, v.mandate, reach_of(v.where)});
    }
    l.script = std::move(s);
    return *l.script;
}

void set_counters(benchmark::State& state, loaded const& l) {
    state.counters["elements"] = l.elements;
    state.counters["relations"] = l.relations;
    state.counters["per_relation"] =
        benchmark::Counter(l.relations, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// ---- the benchmarks ------------------------------------------------------------------------------------

void build_api(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    auto const& s = script_for(l);
    for (auto _ : state) {
        samverkan::model m;
        m.reserve<samverkan::stage_id>(s.stages.size());
        m.reserve<samverkan::scope_id>(s.scopes.size());
        m.reserve<samverkan::actor_id>(s.actors.size());
        m.reserve<samverkan::mandate_id>(s.mandates.size());
        m.reserve<samverkan::duty_id>(s.duties.size());
        m.reserve<samverkan::forum_id>(s.forums.size());
        for (auto const& x : s.stages) m.add_stage(x);
        for (auto const& x : s.scopes) m.add_scope(x);
        for (auto const& x : s.actors) m.add_actor(x);
        for (auto const& x : s.mandates) m.add_mandate(x);
        for (std::size_t i = 0; i < s.duties.size(); ++i) m.add_duty(s.duties[i], s.duty_places[i]);
        for (std::size_t i = 0; i < s.forums.size(); ++i) m.add_forum(s.forums[i], s.forum_places[i]);
        for (auto [later, earlier] : s.after) m.order(later, earlier);
        for (auto [inner, outer] : s.within) m.nest(inner, outer);
        for (auto const& h : s.holdings) m.grant(h.actor, h.mandate, h.where);
        for (auto const& d : s.delegations) m.delegate(d.from, d.to, d.mandate, d.where);
        for (auto const& a : s.raci) m.assign(a.actor, a.duty, a.role);
        for (auto [d, x] : s.requires_) m.require(d, x);
        for (auto [d, e] : s.needs) m.need(d, e);
        for (auto [f, a] : s.members) m.add_member(f, a);
        for (auto [f, a] : s.coordinators) m.set_coordinator(f, a);
        for (auto [f, d] : s.covers) m.cover(f, d);
        benchmark::DoNotOptimize(m.relation_count());
        state.PauseTiming(); // freeing a national model takes long too; that is not construction
        { auto gone = std::move(m); }
        state.ResumeTiming();
    }
    set_counters(state, l);
}

void load_json(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    for (auto _ : state) {
        auto m = samverkan::io::read_json(l.text);
        benchmark::DoNotOptimize(m.relation_count());
        state.PauseTiming();
        { auto gone = std::move(m); }
        state.ResumeTiming();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(l.text.size()));
    set_counters(state, l);
}

void capability(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    for (auto _ : state) {
        samverkan::capability_index cap{*l.model};
        benchmark::DoNotOptimize(&cap);
    }
    set_counters(state, l);
}

template <class Family>
void family(benchmark::State& state, std::size_t n, Family run) {
    auto& l = model_for(n);
    auto const& cap = capability_for(l);
    std::size_t found = 0;
    for (auto _ : state) {
        auto f = run(*l.model, cap);
        found = f.size();
        benchmark::DoNotOptimize(f.data());
    }
    state.counters["findings"] = static_cast<double>(found);
    set_counters(state, l);
}

void audit(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    std::size_t found = 0;
    for (auto _ : state) {
        auto r = samverkan::audit(*l.model);
        found = r.findings.size();
        benchmark::DoNotOptimize(r.findings.data());
    }
    state.counters["findings"] = static_cast<double>(found);
    set_counters(state, l);
}

/// The bundled templates of kind model (SAMVERKAN_BENCH_TEMPLATES_DIR, the source tree's templates/).
std::vector<samverkan::templates::collaboration_template> const& bundled_models() {
    static auto const templates = [] {
        std::vector<samverkan::templates::collaboration_template> out;
        std::error_code ec;
        std::vector<fs::path> files;
        char const* dir = std::getenv("SAMVERKAN_BENCH_TEMPLATES"); // another directory of templates
        for (auto const& e : fs::directory_iterator{dir != nullptr ? dir : SAMVERKAN_BENCH_TEMPLATES_DIR, ec})
            if (e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (auto const& f : files) {
            auto t = samverkan::io::read_template_file(f);
            if (t.kind == samverkan::templates::template_kind::model) out.push_back(std::move(t));
        }
        return out;
    }();
    return templates;
}

void fit(benchmark::State& state, std::size_t n, samverkan::templates::fit_method method) {
    auto& l = model_for(n);
    auto const& ts = bundled_models();
    if (ts.empty()) {
        state.SkipWithError("no bundled templates in " SAMVERKAN_BENCH_TEMPLATES_DIR);
        return;
    }
    std::vector<samverkan::templates::collaboration_template const*> candidates;
    for (auto const& t : ts) candidates.push_back(&t);
    samverkan::templates::binding_options const options{.scope = "k001"};
    std::size_t ranked = 0;
    for (auto _ : state) {
        auto const r = samverkan::templates::fit(*l.model, candidates, options, method);
        ranked = r.candidates.size();
        benchmark::DoNotOptimize(r.candidates.data());
    }
    state.counters["templates"] = static_cast<double>(ranked);
    set_counters(state, l);
}

/// Reads every relation once, through the model's public accessors: per actor its holdings, outgoing
/// delegations and RACI entries; per duty its requirements and needs; per forum its members, coordinator
/// and covered duties; per stage and scope its after and within links. Each relation is visited exactly
/// once; the sum of ids keeps the compiler from skipping any.
void one_pass_limit(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    auto const& m = *l.model;
    std::uint64_t visited = 0;
    for (auto _ : state) {
        std::uint64_t sum = 0, count = 0;
        for (auto a : m.actors()) {
            for (auto h : m.holdings_of(a)) sum += h.index(), ++count;
            for (auto d : m.delegations_from(a)) sum += d.index(), ++count;
            for (auto e : m.raci_of(a)) sum += e.duty.index(), ++count;
        }
        for (auto d : m.duties()) {
            for (auto x : m.required_mandates(d)) sum += x.index(), ++count;
            for (auto e : m.needs(d)) sum += e.index(), ++count;
        }
        for (auto f : m.forums()) {
            for (auto a : m.members(f)) sum += a.index(), ++count;
            if (auto c = m.coordinator(f)) sum += c->index(), ++count;
            for (auto d : m.covered(f)) sum += d.index(), ++count;
        }
        for (auto s : m.stages())
            for (auto e : m.earlier_stages(s)) sum += e.index(), ++count;
        for (auto s : m.scopes())
            if (auto p = m.parent(s)) sum += p->index(), ++count;
        benchmark::DoNotOptimize(sum);
        visited = count;
    }
    if (visited != m.relation_count()) state.SkipWithError("one_pass_limit did not visit every relation once");
    set_counters(state, l);
}

void what_if_one(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    auto const a = l.model->find<samverkan::actor_id>("k001.bn");
    if (!a) {
        state.SkipWithError("no actor k001.bn");
        return;
    }
    std::size_t found = 0;
    for (auto _ : state) {
        auto r = samverkan::what_if(*l.model, std::vector{*a});
        found = r.added.findings.size() + r.removed.findings.size();
        benchmark::DoNotOptimize(r.added.findings.data());
    }
    state.counters["findings"] = static_cast<double>(found);
    set_counters(state, l);
}

void naive_what_if(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    auto const a = l.model->find<samverkan::actor_id>("k001.bn");
    if (!a) {
        state.SkipWithError("no actor k001.bn");
        return;
    }
    for (auto _ : state) {
        auto r = samverkan::detail::what_if_by_audits(*l.model, std::vector{*a});
        benchmark::DoNotOptimize(r.added.findings.data());
    }
    set_counters(state, l);
}

void robustness(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    for (auto _ : state) {
        auto r = samverkan::analyse_robustness(*l.model, 3);
        benchmark::DoNotOptimize(r.duties.data());
    }
    state.counters["actors"] = static_cast<double>(l.model->count<samverkan::actor_id>());
    set_counters(state, l);
}

void naive_criticality(benchmark::State& state, std::size_t n) {
    auto& l = model_for(n);
    auto const& m = *l.model;
    for (auto _ : state) {
        auto const base = samverkan::standing(m);
        std::size_t total = 0;
        for (auto a : m.actors()) {
            auto const after = samverkan::standing(samverkan::withdraw(m, std::vector{a}));
            for (std::size_t d = 0; d < base.size(); ++d) total += base[d] && !after[d] ? 1 : 0;
            total += samverkan::detail::what_if_by_audits(m, std::vector{a}).added.findings.size();
        }
        benchmark::DoNotOptimize(total);
    }
    state.counters["actors"] = static_cast<double>(m.count<samverkan::actor_id>());
    set_counters(state, l);
}

/// Resilience by definition, up to k: withdraw every subset of actors of size 1..k and re-check every duty.
void naive_resilience(benchmark::State& state, std::size_t n, std::uint32_t k) {
    auto& l = model_for(n);
    auto const& m = *l.model;
    auto const actors = static_cast<std::uint32_t>(m.count<samverkan::actor_id>());
    for (auto _ : state) {
        auto const base = samverkan::standing(m);
        std::vector<int> value(base.size(), -1);
        for (std::size_t d = 0; d < base.size(); ++d)
            if (!base[d]) value[d] = 0;
        std::vector<samverkan::actor_id> pick;
        for (std::uint32_t size = 1; size <= k && size <= actors; ++size) {
            std::vector<std::uint32_t> at(size);
            for (std::uint32_t i = 0; i < size; ++i) at[i] = i;
            for (;;) {
                pick.clear();
                for (auto i : at) pick.emplace_back(i);
                auto const after = samverkan::standing(samverkan::withdraw(m, pick));
                for (std::size_t d = 0; d < base.size(); ++d)
                    if (value[d] < 0 && !after[d]) value[d] = static_cast<int>(size);
                int i = static_cast<int>(size) - 1;
                while (i >= 0 && at[static_cast<std::size_t>(i)] == actors - size + static_cast<std::uint32_t>(i)) --i;
                if (i < 0) break;
                ++at[static_cast<std::size_t>(i)];
                for (auto j = static_cast<std::size_t>(i) + 1; j < size; ++j) at[j] = at[j - 1] + 1;
            }
        }
        benchmark::DoNotOptimize(value.data());
    }
    state.counters["actors"] = static_cast<double>(actors);
    set_counters(state, l);
}

void register_all() {
    using samverkan::audit_options;
    using samverkan::capability_index;
    using samverkan::model;
    for (std::size_t n : config.sizes) {
        auto reg = [n](std::string const& name, auto fn) {
            // Time is wall-clock and CPU is the thread's CPU time; the rate counters (per_relation, bytes/s)
            // use the CPU time, which other processes on a shared machine disturb less.
            return benchmark::RegisterBenchmark((name + "/" + std::to_string(n)).c_str(), fn, n)
                ->Unit(benchmark::kMillisecond);
        };
        reg("load_json", load_json);
        reg("build_api", build_api);
        reg("one_pass_limit", one_pass_limit);
        reg("capability_index", capability);
        auto fam = [&](std::string const& name, auto run) {
            reg("rules_" + name, [run](benchmark::State& st, std::size_t k) { family(st, k, run); });
        };
        fam("assignment",
            [](model const& m, capability_index const& c) { return samverkan::check_assignment_rules(m, c); });
        fam("mandate", [](model const& m, capability_index const& c) { return samverkan::check_mandate_rules(m, c); });
        fam("exclusive_overlap",
            [](model const& m, capability_index const&) { return samverkan::check_exclusive_overlap(m); });
        fam("delegation",
            [](model const& m, capability_index const& c) { return samverkan::check_delegation_rules(m, c); });
        fam("order", [](model const& m, capability_index const&) { return samverkan::check_order_rules(m); });
        fam("coordination",
            [](model const& m, capability_index const& c) { return samverkan::check_coordination_rules(m, c); });
        fam("inventory", [](model const& m, capability_index const&) { return samverkan::check_inventory_rules(m); });
        reg("audit", audit);
        reg("fit",
            [](benchmark::State& st, std::size_t k) { fit(st, k, samverkan::templates::fit_method::incremental); });
        reg("fit_full",
            [](benchmark::State& st, std::size_t k) { fit(st, k, samverkan::templates::fit_method::full); });
        reg("what_if", what_if_one);
        reg("robustness", robustness);
        reg("naive_what_if", naive_what_if);
        if (n <= 3) {
            reg("naive_criticality", naive_criticality);
            reg("naive_resilience_k1", [](benchmark::State& st, std::size_t k) { naive_resilience(st, k, 1); });
            reg("naive_resilience_k2", [](benchmark::State& st, std::size_t k) { naive_resilience(st, k, 2); });
        }
    }
}

/// Takes our own flags out of argv with CLI11 and leaves the rest (Google Benchmark's flags) in argv.
void parse_flags(int& argc, char** argv) {
    CLI::App app{"samverkan_benchmarks", "samverkan_benchmarks"};
    app.allow_extras();
    app.set_help_flag(); // --help goes on to Google Benchmark, which lists its own flags
    std::string sizes, seed, rate, cache;
    app.add_option("--sizes", sizes, "comma-separated municipality counts");
    app.add_option("--seed", seed, "the generator's seed");
    app.add_option("--defect-rate", rate, "the generator's defect rate");
    app.add_option("--cache", cache, "where generated models are cached");
    app.parse(argc, argv);
    if (!sizes.empty()) {
        config.sizes.clear();
        std::string_view rest = sizes;
        while (!rest.empty()) {
            auto const comma = rest.find(',');
            auto const part = rest.substr(0, comma);
            if (!part.empty()) config.sizes.push_back(std::stoul(std::string{part}));
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    if (!seed.empty()) config.seed = std::stoull(seed);
    if (!rate.empty()) config.defect_rate = std::stod(rate);
    if (!cache.empty()) config.cache = cache;
    // Google Benchmark reads the flags CLI11 did not know, in their order.
    int out = 1;
    for (std::string const& extra : app.remaining()) {
        for (int i = out; i < argc; ++i)
            if (extra == argv[i]) {
                std::swap(argv[out], argv[i]);
                break;
            }
        ++out;
    }
    argc = out;
}

} // namespace

int main(int argc, char** argv) {
    try {
        parse_flags(argc, argv);
    } catch (CLI::ParseError const& e) {
        std::cerr << "samverkan_benchmarks: bad option: " << e.what() << '\n';
        return 2;
    } catch (std::exception const& e) {
        std::cerr << "samverkan_benchmarks: bad option: " << e.what() << '\n';
        return 2;
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
