// What may run at once (basic_model.hpp, "Concurrency"): const member functions of one model from many
// threads, and so audit(), the capability index, the writers and the exporters; separate models (and
// separate incremental audits) are independent. Run under ThreadSanitizer by `./dev.sh test tsan`
// (clang, -fsanitize=thread), which runs the tests tagged [concurrency].
#include "catch.hpp"
#include "random_model_support.hpp"

#include "../../examples/models/kommun_lag_2023_196.hpp"

#include <samverkan/analysis.hpp>
#include <samverkan/analysis/incremental_audit.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/report_json.hpp>

#include <cstddef>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace samverkan_tests_concurrency_test { // one per file: the tests are built as a unity build

using namespace samverkan;

namespace {

std::string report_text(model const& m, report const& r) {
    std::ostringstream os;
    io::write_report_json(os, m, r);
    return os.str();
}

} // namespace

TEST_CASE("concurrency: audits, indices and writers of one const model from several threads", "[concurrency]") {
    auto m = samverkan::examples::kommun_lag_2023_196();
    m.remove(actor_id{0}); // tombstones too
    model const& shared = m;
    auto const expected_report = report_text(shared, audit(shared));
    auto const expected_model = io::to_json(shared);
    constexpr int threads = 4;
    std::vector<std::string> reports(threads), models(threads);
    std::vector<std::size_t> holdings(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (int k = 0; k < 5; ++k) {
                reports[static_cast<std::size_t>(t)] = report_text(shared, audit(shared));
                models[static_cast<std::size_t>(t)] = io::to_json(shared);
                capability_index const cap{shared};
                holdings[static_cast<std::size_t>(t)] = cap.derived_holding_count();
                for (duty_id d : shared.duties())
                    for (auto const& e : shared.raci_of(d)) (void)shared.find<actor_id>(shared[e.actor].id);
            }
        });
    for (auto& th : pool) th.join();
    for (int t = 0; t < threads; ++t) {
        CHECK(reports[static_cast<std::size_t>(t)] == expected_report);
        CHECK(models[static_cast<std::size_t>(t)] == expected_model);
        CHECK(holdings[static_cast<std::size_t>(t)] == holdings[0]);
    }
}

TEST_CASE("concurrency: separate incremental audits edit their own models at once", "[concurrency]") {
    constexpr int threads = 4;
    std::vector<int> same(threads, 0); // not vector<bool>: its elements share bytes
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&same, t] {
            auto m = samverkan_test::build(samverkan_test::generator{static_cast<unsigned>(t) + 1}.make());
            incremental_audit<> live{std::move(m)};
            auto const actors = live.model().count<actor_id>();
            for (std::uint32_t i = 0; i < actors; ++i) {
                auto const a = actor_id{i};
                for (duty_id d : live.model().duties()) (void)live.apply(edits::assign{a, d, raci::accountable});
            }
            auto fresh = audit(live.model());
            freeze_messages(live.model(), fresh.findings); // as the incremental audit keeps them
            same[static_cast<std::size_t>(t)] = live.report().findings == fresh.findings ? 1 : 0;
        });
    for (auto& th : pool) th.join();
    for (int t = 0; t < threads; ++t) CHECK(same[static_cast<std::size_t>(t)] == 1);
}

} // namespace samverkan_tests_concurrency_test
