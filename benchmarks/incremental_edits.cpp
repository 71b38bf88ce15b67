// samverkan_edit_bench MODEL [EDITS] [SEED] [FULL] [KINDS]: a mixed script of single edits on a model through the
// incremental audit, each timed, against a full re-audit of the model as the comparison (benchmarks/README.md,
// "Editing and the incremental audit").
//
// The mix (issue 11): assign/unassign, grant/revoke, delegate/undelegate, move a duty to another stage,
// remove an actor with few relations, add a forum and remove it again. Prints the median, 90th and 99th
// percentile and the maximum per kind and overall (wall clock, and the thread's CPU time, since the machine
// may be shared), the load, audit and setup times, a full re-audit on FULL (default 20) of the edits spread
// over the script as the comparison, the load average, and checks at the end that the incremental report
// equals audit() of the edited model. KINDS (comma-separated, e.g. "revoke,undelegate") keeps only those
// edits of the script, for profiling one kind with `perf record`.
#include <samverkan/analysis.hpp>
#include <samverkan/analysis/incremental_audit.hpp>
#include <samverkan/analysis/message.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/report_json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <map>
#include <random>
#include <ranges>
#include <sstream>
#include <string>
#include <vector>

#include <time.h> // clock_gettime(CLOCK_THREAD_CPUTIME_ID), POSIX

namespace {

using namespace samverkan;
using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point t) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - t).count();
}

double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

std::string load_average() {
    std::string text;
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
        char buf[128] = {};
        if (std::fgets(buf, sizeof buf, f)) text = buf;
        std::fclose(f);
    }
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text.empty() ? "unknown" : text;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto const i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: samverkan_edit_bench MODEL.json [EDITS=10000] [SEED=1] [FULL=20] [KINDS]\n");
        return 2;
    }
    int const edits_wanted = argc > 2 ? std::atoi(argv[2]) : 10000;
    std::mt19937_64 rng{argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1U};
    int const full_wanted = argc > 4 ? std::atoi(argv[4]) : 20;
    std::string const only = argc > 5 ? "," + std::string{argv[5]} + "," : std::string{}; // e.g. revoke,grant
    std::printf("load average at start: %s\n", load_average().c_str());
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };

    auto t = clock_type::now();
    model m = io::read_json_file(argv[1]);
    double const load_ms = ms_since(t);
    std::printf("model: %zu actors, %zu duties, %zu mandates, %zu holdings, %zu delegations, %zu forums\n",
                m.count<actor_id>(), m.count<duty_id>(), m.count<mandate_id>(), m.holdings().size(),
                m.delegations().size(), m.count<forum_id>());
    {
        std::size_t largest = 0, requiring = 0;
        mandate_id big{};
        for (auto x : m.mandates())
            if (auto const h = static_cast<std::size_t>(std::ranges::distance(m.holdings_of(x))); h > largest) {
                largest = h;
                big = x;
            }
        for ([[maybe_unused]] auto d : m.duties_requiring(big)) ++requiring;
        std::printf("largest mandate: %zu holdings, required by %zu duties\n", largest, requiring);
    }
    t = clock_type::now();
    double c = cpu_ms();
    auto const first = audit(m);
    double const audit_ms = ms_since(t), audit_cpu = cpu_ms() - c;
    t = clock_type::now();
    c = cpu_ms();
    incremental_audit<> live{std::move(m)};
    double const setup_ms = ms_since(t), setup_cpu = cpu_ms() - c;
    std::printf("load %.0f ms, audit %.0f ms (CPU %.0f ms; %zu findings), incremental setup %.0f ms (CPU %.0f ms)\n",
                load_ms, audit_ms, audit_cpu, first.findings.size(), setup_ms, setup_cpu);

    std::vector<actor_id> actors;
    for (auto a : live.model().actors()) actors.push_back(a);
    std::vector<duty_id> duties;
    for (auto d : live.model().duties()) duties.push_back(d);
    std::vector<mandate_id> mandates;
    for (auto x : live.model().mandates()) mandates.push_back(x);
    std::vector<stage_id> stages;
    for (auto s : live.model().stages()) stages.push_back(s);
    std::vector<holding_id> holdings;
    std::vector<delegation_id> delegations;
    std::vector<forum_id> added_forums;
    auto const& mm = live.model();
    auto const live_actor = [&] {
        for (;;)
            if (auto a = actors[pick(actors.size())]; mm.contains(a)) return a;
    };

    std::map<std::string, std::vector<double>> times, cpu_times;
    int failures = 0, forum_no = 0, made = 0; // made: edits applied (a draw with nothing to act on is drawn again)
    std::vector<double> full;
    while (made < edits_wanted) {
        edit e;
        std::string kind;
        switch (pick(12)) {
        case 0:
        case 1: {
            kind = "assign";
            e = edits::assign{live_actor(), duties[pick(duties.size())], static_cast<raci>(pick(2))};
            break;
        }
        case 2:
        case 3: {
            kind = "unassign";
            auto const d = duties[pick(duties.size())];
            std::vector<assignment> entries;
            for (auto const& x : mm.raci_of(d)) entries.push_back(x);
            if (entries.empty()) continue;
            auto const x = entries[pick(entries.size())];
            e = edits::unassign{x.actor, d, x.role};
            break;
        }
        case 4: {
            kind = "grant";
            e = edits::grant{live_actor(), mandates[pick(mandates.size())], {}};
            break;
        }
        case 5: {
            kind = "revoke";
            std::vector<holding_id> hs;
            for (auto h : mm.holdings_of(live_actor())) hs.push_back(h);
            if (hs.empty()) continue;
            e = edits::revoke{hs[pick(hs.size())]};
            break;
        }
        case 6: {
            kind = "delegate";
            e = edits::delegate{live_actor(), live_actor(), mandates[pick(mandates.size())], {}};
            break;
        }
        case 7: {
            kind = "undelegate";
            std::vector<delegation_id> ds;
            for (auto d : mm.delegations_from(live_actor())) ds.push_back(d);
            if (ds.empty()) continue;
            e = edits::undelegate{ds[pick(ds.size())]};
            break;
        }
        case 8:
        case 9: {
            kind = "move-stage";
            auto const d = duties[pick(duties.size())];
            e = edits::place_duty{d, {stages[pick(stages.size())], mm.scope_of(d)}};
            break;
        }
        case 10: {
            kind = "remove-actor";
            actor_id a{};
            bool found = false;
            for (int tries = 0; tries < 50 && !found; ++tries) {
                a = live_actor();
                std::size_t degree = 0;
                for ([[maybe_unused]] auto x : mm.raci_of(a)) ++degree;
                for ([[maybe_unused]] auto x : mm.holdings_of(a)) ++degree;
                for ([[maybe_unused]] auto x : mm.forums_of(a)) ++degree;
                for ([[maybe_unused]] auto x : mm.delegations_from(a)) ++degree;
                for ([[maybe_unused]] auto x : mm.delegations_to(a)) ++degree;
                found = degree <= 4;
            }
            if (!found) continue;
            e = edits::remove{a};
            break;
        }
        default: {
            if (!added_forums.empty() && pick(2) == 0) {
                kind = "remove-forum";
                e = edits::remove{added_forums.back()};
                added_forums.pop_back();
            } else {
                kind = "add-forum";
                e = edits::add_forum<forum>{{.id = "bench-forum-" + std::to_string(forum_no++)}, {}};
            }
            break;
        }
        }
        if (!only.empty() && only.find("," + kind + ",") == std::string::npos) continue; // (profiling one kind)
        edit_result r;
        t = clock_type::now();
        c = cpu_ms();
        try {
            (void)live.apply(e, r);
        } catch (samverkan::error const&) {
            ++failures;
        }
        double const ms = ms_since(t), cpu = cpu_ms() - c;
        times[kind].push_back(ms);
        times["all"].push_back(ms);
        cpu_times[kind].push_back(cpu);
        cpu_times["all"].push_back(cpu);
        if (kind == "add-forum" && r.element) {
            auto const f = std::get<forum_id>(*r.element);
            e = edits::add_member{f, live_actor()};
            (void)live.apply(e); // a member, so removing it has something to do (not timed)
            added_forums.push_back(f);
        }
        // the comparison: a full re-audit of the same model, on FULL edits spread over the script
        if (full_wanted > 0 && made % (edits_wanted / full_wanted + 1) == 0) {
            c = cpu_ms();
            auto const again = audit(live.model());
            full.push_back(cpu_ms() - c);
        }
        ++made;
    }
    std::printf("%-13s %7s %10s %10s %10s %10s %10s %10s\n", "edit", "count", "median ms", "p90 ms", "p99 ms", "max ms",
                "cpu med", "cpu p99");
    for (auto const& [kind, v] : times) {
        auto const& cv = cpu_times[kind];
        std::printf("%-13s %7zu %10.3f %10.3f %10.3f %10.3f %10.3f %10.3f\n", kind.c_str(), v.size(),
                    percentile(v, 0.5), percentile(v, 0.9), percentile(v, 0.99), percentile(v, 1.0),
                    percentile(cv, 0.5), percentile(cv, 0.99));
    }
    std::printf("full re-audit per edit (comparison): median CPU %.1f ms over %zu runs\n", percentile(full, 0.5),
                full.size());
    std::printf("load average at the end: %s\n", load_average().c_str());
    std::printf("edits that threw: %d\n", failures);
    // the kept findings carry the messages of the state they were found in (freeze_messages); a fresh audit's
    // are made when written: compare with the fresh audit frozen, and the two reports' JSON bytes
    auto fresh = audit(live.model());
    freeze_messages(live.model(), fresh.findings);
    std::ostringstream kept_json, fresh_json;
    samverkan::io::write_report_json(kept_json, live.model(), live.report());
    samverkan::io::write_report_json(fresh_json, live.model(), fresh);
    bool const same = live.report().findings == fresh.findings && kept_json.str() == fresh_json.str();
    std::printf("incremental report equals a fresh audit: %s\n", same ? "yes" : "NO");
    return same ? 0 : 1;
}
