// The model reader's batched reference lookups and its page release (io/detail/json_model_reader.hpp):
// references resolve the same whichever side of a batch or a section they fall on, errors are the same,
// and a reader that lets the owner of the text drop pages reads exactly what one that does not reads.
#include "catch.hpp"
#include "json_test_support.hpp"

#include <samverkan/io/detail/mapped_file.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/model.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace samverkan_tests_json_reader_batches_test { // one per file: the tests are built as a unity build

using samverkan_json_test::dump;
using namespace samverkan;

/// The sections of a model with `actors` actors and `duties` duties. Every duty has RACI entries on
/// three actors, requires a mandate, is placed at a stage and in a scope, needs the duty before it (in
/// the same batch of 256, mostly) and the duty 300 after it (a forward reference across batches); a
/// forum covers every duty. `escaped` writes every seventh actor reference with a \u escape.
struct sections {
    std::string stages, scopes, actors, mandates, duties, forums;
};

sections make_sections(int actors, int duties, bool escaped = false) {
    sections s;
    s.stages = R"("stages": [{"id": "s1", "after": ["s0"]}, {"id": "s0"}])";
    s.scopes = R"("scopes": [{"id": "inner", "within": "outer"}, {"id": "outer"}])";
    s.actors = "\"actors\": [";
    for (int i = 0; i < actors; ++i)
        s.actors += (i ? "," : "") + std::string{"{\"id\": \"a"} + std::to_string(i) + "\"}";
    s.actors += "]";
    s.mandates = R"("mandates": [{"id": "m0"}, {"id": "m1"}])";
    s.duties = "\"duties\": [";
    auto actor = [&](int i) {
        std::string const id = "a" + std::to_string(i % actors);
        return escaped && i % 7 == 0 ? "\"\\u0061" + id.substr(1) + "\"" : "\"" + id + "\"";
    };
    for (int i = 0; i < duties; ++i) {
        std::string needs;
        if (i > 0) needs += "\"d" + std::to_string(i - 1) + "\"";
        if (i + 300 < duties) needs += std::string{needs.empty() ? "" : ", "} + "\"d" + std::to_string(i + 300) + "\"";
        s.duties += (i ? ",\n" : "\n") + std::string{"{\"id\": \"d"} + std::to_string(i) + "\", \"stage\": \"s" +
                    std::to_string(i % 2) + "\", \"scope\": \"" + (i % 3 ? "inner" : "outer") +
                    "\", \"requires\": [\"m" + std::to_string(i % 2) + "\"], \"needs\": [" + needs +
                    "], \"raci\": {\"R\": [" + actor(i) + ", " + actor(i + 1) + "], \"A\": [" + actor(i * 7) + "]}}";
    }
    s.duties += "]";
    s.forums = "\"forums\": [{\"id\": \"f\", \"coordinator\": \"a0\", \"covers\": [";
    for (int i = 0; i < duties; ++i) s.forums += (i ? ", \"d" : "\"d") + std::to_string(i) + "\"";
    s.forums += "]}]";
    return s;
}

std::string in_order(sections const& s) {
    return "{\"format\": \"samverkan/1\",\n" + s.stages + ",\n" + s.scopes + ",\n" + s.actors + ",\n" + s.mandates +
           ",\n" + s.duties + ",\n" + s.forums + "}\n";
}
/// The sections the other way round: every reference to an actor, mandate, stage or scope is then a
/// forward reference.
std::string reversed(sections const& s) {
    return "{\"format\": \"samverkan/1\",\n" + s.forums + ",\n" + s.duties + ",\n" + s.mandates + ",\n" + s.actors +
           ",\n" + s.scopes + ",\n" + s.stages + "}\n";
}

/// Reads `text` with a release callback that records every offset it is given, `step` bytes apart.
struct recorded_read {
    model m;
    std::vector<std::size_t> released;
};
recorded_read read_recording(std::string const& text, std::size_t step) {
    recorded_read out;
    io::detail::model_reader reader{text, "<recorded>", io::json_max_depth};
    reader.on_release(
        {&out.released,
         [](void* self, std::size_t end) noexcept { static_cast<std::vector<std::size_t>*>(self)->push_back(end); }},
        step);
    out.m = reader.read();
    return out;
}

std::filesystem::path write_temp(std::string const& name, std::string const& text) {
    auto const path = std::filesystem::temp_directory_path() / name;
    std::ofstream{path, std::ios::binary} << text;
    return path;
}

TEST_CASE("references resolve across batches and sections, backward and forward, in any section order") {
    auto const s = make_sections(700, 1000);
    model const m = io::read_json(in_order(s));
    CHECK(m.count<duty_id>() == 1000);
    CHECK(m.relation_count(relation_kind::needs) == 999 + 700);
    CHECK(m.relation_count(relation_kind::assigned) == 3000); // R: two distinct actors; A: one (another role)
    CHECK(m.relation_count(relation_kind::covers) == 1000);
    auto const d5 = m.find<duty_id>("d5").value();
    CHECK(m.stage_of(d5) == m.find<stage_id>("s1"));
    CHECK(m.scope_of(d5) == m.find<scope_id>("inner"));
    std::vector<std::string> needed;
    for (duty_id n : m.needs(d5)) needed.emplace_back(m[n].id);
    CHECK(needed == std::vector<std::string>{"d4", "d305"});

    model const r = io::read_json(reversed(s));
    CHECK(io::to_json(r) == io::to_json(m));
    model const e = io::read_json(in_order(make_sections(700, 1000, true)));
    CHECK(io::to_json(e) == io::to_json(m));
}

TEST_CASE("an unknown reference is reported at its place, whether it was looked up in a batch or later") {
    auto s = make_sections(300, 600);
    auto const at = s.duties.rfind("\"A\": [");
    REQUIRE(at != std::string::npos);
    s.duties.replace(at, s.duties.find(']', at) - at, "\"A\": [\"nobody\"");
    for (std::string const& text : {in_order(s), reversed(s)}) {
        auto const error = samverkan_json_test::load_failure(text);
        REQUIRE(error);
        CHECK_THAT(error->what(), samverkan_test::contains("/duties/599/raci/A/0: unknown actor \"nobody\""));
    }
    // a duplicate id far from its first occurrence (several batches later) names the first
    auto d = make_sections(300, 600);
    auto const last = d.duties.rfind("{\"id\": \"d599\"");
    d.duties.replace(last, 13, "{\"id\": \"d17\"");
    auto const dup = samverkan_json_test::load_failure(in_order(d));
    REQUIRE(dup);
    CHECK_THAT(dup->what(),
               samverkan_test::contains("/duties/599/id: duplicate duty id \"d17\" (first at /duties/17, line"));
}

TEST_CASE("a reader that releases the text it has passed reads the same model and reports the same errors") {
    std::string const text = in_order(make_sections(2000, 1500));
    model const plain = io::read_json(text);

    auto const rec = read_recording(text, 4096);
    CHECK(dump(rec.m) == dump(plain));
    REQUIRE(rec.released.size() > 10);
    CHECK(std::is_sorted(rec.released.begin(), rec.released.end()));
    CHECK(std::adjacent_find(rec.released.begin(), rec.released.end()) == rec.released.end()); // strictly growing
    CHECK(rec.released.back() == text.size());

    // through a mapped file whose pages are really dropped (read back from the file when read again)
    auto const path = write_temp("samverkan-release-test.json", text);
    {
        io::detail::mapped_file map{path.string()};
        REQUIRE(map.mapped());
        io::detail::model_reader reader{map.text(), path.string(), io::json_max_depth};
        reader.on_release(map.releaser(), 4096);
        CHECK(dump(reader.read()) == dump(plain));
        CHECK(map.text() == text); // dropped pages read back unchanged
    }
    CHECK(dump(io::read_json_file(path)) == dump(plain));

    // an error at the end, located after everything before it was released: the same message
    auto s = make_sections(2000, 1500);
    s.forums.replace(s.forums.rfind("\"d1499\""), 7, "\"d9999\"");
    std::string const bad = in_order(s);
    auto const expected = samverkan_json_test::load_failure(bad, "bad.json");
    REQUIRE(expected);
    auto const bad_path = write_temp("samverkan-release-error-test.json", bad);
    io::detail::mapped_file map{bad_path.string()};
    REQUIRE(map.mapped());
    io::detail::model_reader reader{map.text(), "bad.json", io::json_max_depth};
    reader.on_release(map.releaser(), 4096);
    try {
        (void)reader.read();
        FAIL("no error");
    } catch (io::load_error const& e) {
        CHECK(std::string{e.what()} == expected->what());
        CHECK_THAT(e.what(), samverkan_test::contains("/forums/0/covers/1499: unknown duty \"d9999\""));
    }
    std::filesystem::remove(path);
    std::filesystem::remove(bad_path);
}

} // namespace samverkan_tests_json_reader_batches_test
