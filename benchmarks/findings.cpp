// samverkan_findings_bench: what one finding costs (issue 8, "Findings typed and compact").
//
// A model of N bare actors gives N idle-actor findings and nothing else: the cheapest rule, so the audit
// is all finding construction, sorting and (for the second case) writing. Cases:
//   findings_audit/N        audit(m): findings per second (items_per_second), and the heap bytes the report
//                           keeps per finding (bytes_per_finding: operator new bytes still allocated after
//                           the audit, over the findings) and the peak heap per finding during the audit
//                           (peak_bytes_per_finding)
//   findings_audit_json/N   audit(m) then write_report_json to a stream that discards the bytes: findings
//                           per second through both
// Targets: at least 1e6 findings per second through audit and JSON output; at most 150 bytes per finding.
// items_per_second is per CPU second of the benchmark thread (the machine the figures come from is shared).
// Every operator new of the program is counted (a size header before each block), so the bytes are exact
// requested sizes, without the allocator's own overhead.
#include <samverkan/analysis/audit.hpp>
#include <samverkan/io/report_json.hpp>
#include <samverkan/model/basic_model.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <ostream>
#include <streambuf>
#include <string>

namespace {

std::atomic<std::size_t> live_bytes{0};
std::atomic<std::size_t> peak_bytes{0};
constexpr std::size_t header = alignof(std::max_align_t);

void* counted_new(std::size_t n) {
    auto* p = static_cast<unsigned char*>(std::malloc(n + header));
    if (!p) throw std::bad_alloc{};
    *reinterpret_cast<std::size_t*>(p) = n;
    auto const now = live_bytes.fetch_add(n) + n;
    auto peak = peak_bytes.load();
    while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {}
    return p + header;
}

void counted_delete(void* q) noexcept {
    if (!q) return;
    auto* p = static_cast<unsigned char*>(q) - header;
    live_bytes.fetch_sub(*reinterpret_cast<std::size_t*>(p));
    std::free(p);
}

/// A stream buffer that counts the bytes written and keeps none (the JSON goes "to a file" at no cost).
class counting_buffer : public std::streambuf {
public:
    std::size_t bytes = 0;

protected:
    std::streamsize xsputn(char const*, std::streamsize n) override {
        bytes += static_cast<std::size_t>(n);
        return n;
    }
    int_type overflow(int_type c) override {
        if (c != traits_type::eof()) ++bytes;
        return traits_type::not_eof(c);
    }
};

samverkan::model bare_actors(std::size_t n) {
    samverkan::model m;
    for (std::size_t i = 0; i < n; ++i) {
        auto const id = "a" + std::to_string(i);
        m.add_actor({.id = id, .name = "Aktör " + id});
    }
    return m;
}

void findings_audit(benchmark::State& state) {
    auto const n = static_cast<std::size_t>(state.range(0));
    auto const m = bare_actors(n);
    std::size_t kept = 0, peak = 0, count = 0;
    for (auto _ : state) {
        auto const before = live_bytes.load();
        peak_bytes.store(before);
        auto r = samverkan::audit(m);
        kept = live_bytes.load() - before;
        peak = peak_bytes.load() - before;
        count = r.findings.size();
        benchmark::DoNotOptimize(r);
    }
    if (count != n) state.SkipWithError("expected one idle-actor finding per actor");
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
    state.counters["bytes_per_finding"] =
        static_cast<double>(kept) / static_cast<double>(std::max<std::size_t>(count, 1));
    state.counters["peak_bytes_per_finding"] =
        static_cast<double>(peak) / static_cast<double>(std::max<std::size_t>(count, 1));
}

void findings_audit_json(benchmark::State& state) {
    auto const n = static_cast<std::size_t>(state.range(0));
    auto const m = bare_actors(n);
    std::size_t count = 0, bytes = 0;
    for (auto _ : state) {
        counting_buffer sink;
        std::ostream os{&sink};
        auto const r = samverkan::audit(m);
        samverkan::io::write_report_json(os, m, r);
        count = r.findings.size();
        bytes = sink.bytes;
        benchmark::DoNotOptimize(bytes);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
    state.counters["json_bytes_per_finding"] =
        static_cast<double>(bytes) / static_cast<double>(std::max<std::size_t>(count, 1));
}

BENCHMARK(findings_audit)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(findings_audit_json)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

} // namespace

void* operator new(std::size_t n) { return counted_new(n); }
void* operator new[](std::size_t n) { return counted_new(n); }
void operator delete(void* p) noexcept { counted_delete(p); }
void operator delete[](void* p) noexcept { counted_delete(p); }
void operator delete(void* p, std::size_t) noexcept { counted_delete(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_delete(p); }

BENCHMARK_MAIN();
