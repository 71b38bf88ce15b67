// libFuzzer harness for samverkan::io::read_template (the samverkan-template/1 reader, templates.md 1).
//
// For every input it checks:
//   1. read_template either returns a template or throws samverkan::io::load_error, nothing else;
//   2. a template that loads is valid (find_problem finds nothing) and round-trips through the canonical
//      writer: to_json(read_template(to_json(t))) == to_json(t), byte for byte;
//   3. applying it to a small fixed place, with every role bound automatically, either succeeds or throws
//      samverkan::error (an id clash), and the applied model round-trips as samverkan/1.1.
//
//   build:  cmake --preset fuzz && cmake --build --preset fuzz
//   run:    build/fuzz/fuzz/samverkan_template_reader_fuzzer -dict=fuzz/json.dict -max_total_time=600 CORPUS \
//           fuzz/corpus-templates
#include <samverkan/analysis/capability.hpp>
#include <samverkan/error.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/load_error.hpp>
#include <samverkan/io/template_json.hpp>
#include <samverkan/templates/apply.hpp>
#include <samverkan/templates/binding.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

constexpr char const* place_text = R"({"format": "samverkan/1",
  "stages": [{"id": "lagesbild"}], "scopes": [{"id": "k"}, {"id": "c", "within": "k"}, {"id": "p", "within": "c"}],
  "actors": [{"id": "ks", "category": "kommun"}, {"id": "lpo", "category": "stat"}, {"id": "a", "category": "privat"}],
  "mandates": [{"id": "aga-fastighet"}, {"id": "leda-samordna"}],
  "holds": [{"actor": "ks", "mandate": "leda-samordna", "scope": "k"}, {"actor": "a", "mandate": "aga-fastighet", "scope": "p"}],
  "duties": [{"id": "d"}]})";

[[noreturn]] void die(char const* what) {
    std::fprintf(stderr, "template_reader_fuzzer: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    std::string_view const text{reinterpret_cast<char const*>(data), size};
    samverkan::templates::collaboration_template t;
    try {
        t = samverkan::io::read_template(text, "fuzz.json");
    } catch (samverkan::io::load_error const&) {
        return 0;
    } catch (...) {
        die("an exception other than load_error");
    }
    if (samverkan::templates::find_problem(t)) die("a template that loads has a problem");
    std::string const once = samverkan::io::to_json(t);
    std::string twice;
    try {
        twice = samverkan::io::to_json(samverkan::io::read_template(once, "again.json"));
    } catch (...) {
        die("the canonical text of a template does not load");
    }
    if (once != twice) die("the canonical writer is not idempotent");

    static samverkan::model const place = samverkan::io::read_json(place_text);
    static samverkan::capability_index const cap{place};
    samverkan::templates::binding_options const options;
    auto const scope = samverkan::templates::application_scope(place, options);
    try {
        auto const b = samverkan::templates::bind(place, cap, t, options, scope);
        auto const applied = samverkan::templates::apply(place, cap, t, b, options, scope, t.id);
        std::string const json = samverkan::io::to_json(applied);
        if (samverkan::io::to_json(samverkan::io::read_json(json)) != json) die("an applied model does not round-trip");
    } catch (samverkan::io::load_error const&) {
        die("an applied model does not load");
    } catch (samverkan::error const&) {
        return 0; // an id clash
    }
    return 0;
}
